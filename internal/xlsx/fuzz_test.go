package xlsx

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// FuzzWriteString writes a string in a cell and reads it back with
// excelize: it must be the string, cut at MaxCellChars UTF-16 code units
// and with its invalid UTF-8 bytes made U+FFFD, the two changes Text
// documents.
func FuzzWriteString(f *testing.F) {
	for _, s := range []string{"", "a", " a ", "预算\n合计", "&<>\"'", "_x0041_", "_x005F_x0041_", "_x0041_x0042_",
		"_xD800_", "_x0041\x01", "\x00\x1f\x7f\r\t", "\uFFFE\uFFFF", "a\xffb\xed\xa0\x80", "😀", "ab😀", "abc😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		w := NewWriter(&buf)
		sh, err := w.NewSheet("s", SheetOptions{})
		if err != nil {
			t.Fatal(err)
		}
		// The string, then after a text that ends in an escape's
		// beginning, which must not join it, then where it is cut.
		cells := []string{s, "_x0041" + s, strings.Repeat("a", MaxCellChars-4) + s}
		if err := sh.WriteRow([]Cell{Text(cells[0], 0), Text(cells[1], 0), Text(cells[2], 0)}, 0); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		for i, in := range cells {
			ref := CellName(i+1, 1)
			got, err := x.GetCellValue("s", ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if want := expectedText(in); got != want {
				t.Errorf("%s: %q read back as %q, want %q", ref, clip(in), clip(got), clip(want))
			}
		}
	})
}

// expectedText is what a reader gets of Text(s): s cut at MaxCellChars
// UTF-16 code units, each invalid byte U+FFFD.
func expectedText(s string) string {
	var b strings.Builder
	units := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		n := 1
		if r > 0xFFFF {
			n = 2
		}
		if units+n > MaxCellChars {
			break
		}
		units += n
		b.WriteRune(r)
		s = s[size:]
	}
	return b.String()
}
