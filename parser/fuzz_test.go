package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParsePDF feeds mutated PDFs (the small files of testdata/bad, a tiny
// table built by pdfpage's tests' kind, and the front of a sample) through
// the whole pipeline: opening, page reading, table finding. Whatever the
// bytes, Parse returns a document or an error, never panics or hangs.
func FuzzParsePDF(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "bad", "*.pdf"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 16<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data, "fuzz.pdf", Options{})
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
	})
}
