package parser

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fuzzBudget is the time one input may take, under the small limits of
// fuzzLimits: a slower input is work the limits do not bound.
const fuzzBudget = 5 * time.Second

var fuzzLimits = Limits{MaxPages: 200, MaxOperators: 200000, MaxXObjects: 500, MaxGlyphs: 50000, MaxStreamBytes: 4 << 20, MaxPageBytes: 16 << 20}

// FuzzParsePDF feeds mutated PDFs (the small files of testdata/bad, a tiny
// table built by pdfpage's tests' kind, and the front of a sample) through
// the whole pipeline: opening, page reading, table finding. Whatever the
// bytes, Parse returns a document or an error within fuzzBudget, never
// panics or hangs.
func FuzzParsePDF(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "bad", "*.pdf"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 16<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			doc, err := parseBytes(data, "fuzz.pdf", Options{Context: context.Background(), Limits: fuzzLimits})
			if err == nil && doc == nil {
				t.Error("nil document without error")
			}
		}()
		select {
		case <-done:
		case <-time.After(fuzzBudget):
			t.Fatalf("slow input: still running after %v", fuzzBudget)
		}
	})
}
