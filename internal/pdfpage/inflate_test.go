package pdfpage

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/ledongthuc/pdf"

	"github.com/petool/pet/internal/pdfload"
)

// TestRawFlateIsTheLibrarysDecode: every content stream of real PDFs
// (WPS, Chromium, LibreOffice, report systems) inflated from the file's
// bytes is exactly what the library's stream reader gives, and damaged
// data fails the same way.
func TestRawFlateIsTheLibrarysDecode(t *testing.T) {
	files := []string{
		filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.calc.pdf"),
		filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.chromium.pdf"),
		filepath.Join("..", "..", "testdata", "realworld", "2026", "005-guangzhou-022.pdf"),
		filepath.Join("..", "..", "testdata", "realworld", "2026", "004-chongqing-011.pdf"),
	}
	fast := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ld, err := pdfload.Load(data, pdfload.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range ld.Pages {
			c := ref.Page.Key("Contents")
			streams := []pdf.Value{c}
			if c.Kind() == pdf.Array {
				streams = nil
				for i := 0; i < c.Len(); i++ {
					streams = append(streams, c.Index(i))
				}
			}
			for _, s := range streams {
				packed, ok := rawFlate(ld.Data, s)
				if !ok {
					continue
				}
				fast++
				got, err := inflate(nil, packed, 1<<30)
				want, werr := io.ReadAll(s.Reader())
				if err != nil || werr != nil || !bytes.Equal(got, want) {
					t.Fatalf("%s: inflated %d bytes (%v), library %d (%v)", f, len(got), err, len(want), werr)
				}
				// Cut short: both fail with the same error.
				_, err = inflate(nil, packed[:len(packed)/2], 1<<30)
				if !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Errorf("%s: truncated stream: %v", f, err)
				}
			}
		}
	}
	if fast < 50 {
		t.Errorf("only %d streams inflated from the file's bytes", fast)
	}
}

// TestRawFlateDeclines: streams the library decodes otherwise, and files
// whose bytes are not what the library reads, take the library's path.
func TestRawFlateDeclines(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.calc.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ld, err := pdfload.Load(data, pdfload.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := ld.Pages[0].Page.Key("Contents")
	if _, ok := rawFlate(ld.Data, s); !ok {
		t.Fatal("the sample's first content stream is not inflated directly")
	}
	if _, ok := rawFlate(nil, s); ok {
		t.Error("no file bytes (an encrypted file): inflated directly")
	}
	if _, ok := rawFlate(ld.Data[:100], s); ok {
		t.Error("stream beyond the bytes given: inflated directly")
	}
	if _, ok := rawFlate(ld.Data, ld.Pages[0].Page); ok {
		t.Error("a dictionary: inflated directly")
	}
}
