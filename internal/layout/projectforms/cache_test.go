package projectforms

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/pdfpage"
)

// TestGridCacheReleased: a reader on a cache of its own keeps the grids of
// the pages prepared ahead only (at most the page window) and nothing once
// every page is read.
func TestGridCacheReleased(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "realworld", "2026", "017-fuzhou-001.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	r := New(nil)
	doc, err := layout.Open(data, "", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	layout.ReadPages(doc, 2, r.Prepare, func(p *pdfpage.Page, err error) {
		r.Page(p)
		if n := r.r.grids.Len(); n > 4 {
			t.Fatalf("page %d: own cache holds %d grids, more than the window", p.Number, n)
		}
		if _, ok := r.r.prepared.Take(p); ok {
			t.Fatalf("page %d: prepared tables kept", p.Number)
		}
	})
	if n := r.r.grids.Len(); n != 0 {
		t.Errorf("%d grids kept after the last page", n)
	}
	if got := len(r.Tables()); got != 1 {
		t.Errorf("%d tables, want 1", got)
	}
}
