package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/petool/pet/internal/grid"
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/pdfpage"
)

// TestReadersLeaveTheSharedGrid: the grid readers share each page's grid
// (grid.Cache.Shared) and change none of it, on real tables of every
// layout: an Excel overflow projectforms drops (Xi'an-016), indicator rows
// continued over pages whose glyphs indicatorrows lets go (Beijing-055),
// and the indicator-text table (Guangzhou-022). Each page's shared grid,
// once its readers are done, is still what Find makes of the page.
func TestReadersLeaveTheSharedGrid(t *testing.T) {
	for _, name := range []string{"020-xian-016", "002-beijing-055", "005-guangzhou-022", "025-yantai-011"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "realworld", "2026", name+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := layout.Open(data, "", nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, grids, readers := newReaders(false)
		prepare := layout.PrepareFunc(readers...)
		var mu sync.Mutex
		want := map[*pdfpage.Page][]*grid.Table{}
		tables := 0
		layout.ReadPages(doc, 2, func(p *pdfpage.Page) {
			layout.SortByBaseline(p) // as prepare leaves the page
			found := grid.Find(p)
			mu.Lock()
			want[p] = found
			mu.Unlock()
			prepare(p)
		}, func(p *pdfpage.Page, err error) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, r := range readers {
				r.Page(p)
			}
			mu.Lock()
			w := want[p]
			mu.Unlock()
			if got := grids.Shared(p); !reflect.DeepEqual(got, w) {
				t.Errorf("%s page %d: a reader changed the shared grid", name, p.Number)
			}
			tables += len(w)
			grids.Release(p)
		})
		got := 0
		for _, r := range readers {
			got += len(r.Tables())
		}
		if tables == 0 || got == 0 {
			t.Errorf("%s: %d ruled tables, %d read: nothing tested", name, tables, got)
		}
	}
}
