package grid

import (
	"sync"

	"github.com/petool/pet/internal/pdfpage"
)

// shared holds Find's tables of the pages whose readers are at work, so
// that the readers of one page build its grid once.
var shared struct {
	sync.Mutex
	tables map[*pdfpage.Page][]*Table
}

// Shared returns Find(p), built once for every caller until Release(p):
// the layout readers of a page each look for their tables in the same
// grid. Each call returns a copy of its own (cells and their glyphs),
// which the caller may change.
func Shared(p *pdfpage.Page) []*Table {
	shared.Lock()
	ts, ok := shared.tables[p]
	if !ok {
		ts = Find(p)
		if shared.tables == nil {
			shared.tables = map[*pdfpage.Page][]*Table{}
		}
		shared.tables[p] = ts
	}
	shared.Unlock()
	out := make([]*Table, len(ts))
	for i, t := range ts {
		out[i] = t.clone()
	}
	return out
}

// Release forgets the grid of p that Shared built: every reader has seen
// the page.
func Release(p *pdfpage.Page) {
	shared.Lock()
	delete(shared.tables, p)
	shared.Unlock()
}

// clone copies t deeply enough for its reader to change cells, their text
// and glyphs, and the table's slices.
func (t *Table) clone() *Table {
	c := *t
	c.Xs = append([]float64(nil), t.Xs...)
	c.Ys = append([]float64(nil), t.Ys...)
	copies := make(map[*Cell]*Cell, len(t.Cells))
	c.Cells = make([]*Cell, len(t.Cells))
	for i, cell := range t.Cells {
		n := *cell
		n.Lines = append([]string(nil), cell.Lines...)
		n.Glyphs = append([]pdfpage.Glyph(nil), cell.Glyphs...)
		n.Above = append([]string(nil), cell.Above...)
		n.Below = append([]string(nil), cell.Below...)
		copies[cell] = &n
		c.Cells[i] = &n
	}
	c.at = make([]*Cell, len(t.at))
	for i, cell := range t.at {
		if cell != nil {
			c.at[i] = copies[cell]
		}
	}
	return &c
}
