package indicatorrows

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/petool/pet/internal/grid"
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/pdfpage"
)

// TestGridCacheReleased: a reader on a cache of its own keeps no page's
// grid once it has read the page; on a shared cache it leaves releasing
// to the cache's owner.
func TestGridCacheReleased(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "realworld", "2026", "002-beijing-055.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	own := New(nil)
	shared := &grid.Cache{}
	other := New(shared)
	doc, err := layout.Open(data, "", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	layout.ReadPages(doc, 2, nil, func(p *pdfpage.Page, err error) {
		own.Page(p)
		other.Page(p)
		pages++
		if n := own.grids.Len(); n != 0 {
			t.Fatalf("page %d: own cache holds %d grids", p.Number, n)
		}
	})
	if n := shared.Len(); n != pages {
		t.Errorf("shared cache holds %d grids of %d pages, want all (its owner releases them)", n, pages)
	}
	if len(own.Tables()) != 1 || len(other.Tables()) != 1 {
		t.Errorf("tables: own %d, shared %d", len(own.Tables()), len(other.Tables()))
	}
}
