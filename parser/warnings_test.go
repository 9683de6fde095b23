package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/petool/pet/check"
	"github.com/petool/pet/document"
)

func parseFile(t *testing.T, path string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseBytes(data, filepath.Base(path), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestCorpusWarnings: the sample's five level mismatches (corpus README),
// each with its row, and nothing else.
func TestCorpusWarnings(t *testing.T) {
	want := []string{
		"indicator-level-mismatch 9 indicator 1: level-2 code 31 does not belong to level-1 code 2",
		"indicator-level-mismatch 32 indicator 4: level-2 code 31 does not belong to level-1 code 2",
		"indicator-level-mismatch 32 indicator 6: level-2 code 31 does not belong to level-1 code 2",
		"indicator-level-mismatch 39 indicator 5: level-2 code 13 does not belong to level-1 code 3",
		"indicator-level-mismatch 40 indicator 4: level-2 code 13 does not belong to level-1 code 3",
	}
	for _, name := range []string{"zengcheng-2023.calc.pdf", "zengcheng-2023.chromium.pdf"} {
		doc := parseFile(t, filepath.Join("..", "testdata", "corpus", name))
		var got []string
		for _, w := range doc.Warnings {
			got = append(got, w.Code+" "+itoa(w.Row)+" "+w.Message)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s warnings:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestUnitSumMismatchWarned: a generated table whose unit row is 0.10 off
// its projects in two columns gives exactly those two warnings.
func TestUnitSumMismatchWarned(t *testing.T) {
	doc := parseFile(t, filepath.Join("..", "testdata", "fixtures", "unit-sum-mismatch.pdf"))
	var got []string
	for _, w := range doc.Warnings {
		got = append(got, w.Code+": "+w.Message)
	}
	want := []string{
		"unit-sum-mismatch: unit 湛江市霞山区园林绿化管理所: 总计: projects sum to 30,499.73, unit row says 30,499.83",
		"unit-sum-mismatch: unit 湛江市霞山区园林绿化管理所: 财政专户拨款: projects sum to 4,939.13, unit row says 4,939.23",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestNoSpuriousSumWarnings: every other fixture adds up, so no sum check
// may fire on any of them.
func TestNoSpuriousSumWarnings(t *testing.T) {
	var files []string
	for _, dir := range []string{"fixtures", "variants"} {
		fs, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.pdf"))
		files = append(files, fs...)
	}
	for _, f := range files {
		if strings.Contains(f, "unit-sum-mismatch") {
			continue
		}
		for _, w := range parseFile(t, f).Warnings {
			switch w.Code {
			case check.UnitSumMismatch, check.TotalSumMismatch, check.RowSumMismatch, check.MoneyNotANumber:
				t.Errorf("%s: %s %s", filepath.Base(f), w.Code, w.Message)
			}
		}
	}
}
