package grid

import (
	"slices"
	"sync"

	"github.com/petool/pet/internal/pdfpage"
)

// Cache holds Find's tables of the pages whose readers are at work, so
// that the readers of one page build its grid once: one Cache per
// document read, shared by its readers; dropping it drops every grid it
// holds. Each page's grid is built outside the lock (by Prepare on the
// goroutine that read the page, or by the first Shared), so that pages
// are gridded concurrently. The zero value is ready; safe for concurrent
// use.
type Cache struct {
	mu    sync.Mutex
	pages map[*pdfpage.Page]*sharedGrid
}

// sharedGrid is one page's grid, built once.
type sharedGrid struct {
	once     sync.Once
	tables   []*Table
	panicked any // what Find panicked with: every caller panics alike
}

// entry returns p's grid entry, adding it when p has none.
func (c *Cache) entry(p *pdfpage.Page) *sharedGrid {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pages[p]
	if !ok {
		if c.pages == nil {
			c.pages = map[*pdfpage.Page]*sharedGrid{}
		}
		e = &sharedGrid{}
		c.pages[p] = e
	}
	return e
}

// built returns p's grid, building it on first use.
func (c *Cache) built(p *pdfpage.Page) []*Table {
	e := c.entry(p)
	e.once.Do(func() {
		defer func() { e.panicked = recover() }()
		e.tables = Find(p)
	})
	if e.panicked != nil {
		panic(e.panicked)
	}
	return e.tables
}

// Prepare builds the grid of p that Shared will hand out, until Release(p).
// It may run on any goroutine, concurrently with Prepare or Shared of other
// pages: whoever reads pages ahead calls it so that the readers, fed in
// page order, find the grid built.
func (c *Cache) Prepare(p *pdfpage.Page) { c.built(p) }

// Shared returns Find(p), built once for every caller until Release(p):
// the layout readers of a page each look for their tables in the same
// grid. The tables are the same for every caller, who must not change
// them (nor their cells): one that needs to gets a copy with Clone. The
// slice is the caller's own.
func (c *Cache) Shared(p *pdfpage.Page) []*Table {
	return slices.Clone(c.built(p))
}

// Release forgets the grid of p: every reader has seen the page.
func (c *Cache) Release(p *pdfpage.Page) {
	c.mu.Lock()
	delete(c.pages, p)
	c.mu.Unlock()
}

// Len is the number of pages whose grids c holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.pages)
}

// Clone copies t and its cells for a reader to change: the cells' fields
// may be set, the table's and cells' slices (Xs, Ys, Lines, Glyphs, Above,
// Below) are shared with the original and must be replaced, never changed
// in place; each is clipped, so an append copies.
func (t *Table) Clone() *Table {
	c := *t
	c.Xs, c.Ys = slices.Clip(t.Xs), slices.Clip(t.Ys)
	cells := make([]Cell, len(t.Cells)) // one allocation for every cell
	c.Cells = make([]*Cell, len(t.Cells))
	for i, cell := range t.Cells {
		n := &cells[i]
		*n = *cell
		n.Lines, n.Glyphs = slices.Clip(cell.Lines), slices.Clip(cell.Glyphs)
		n.Above, n.Below = slices.Clip(cell.Above), slices.Clip(cell.Below)
		c.Cells[i] = n
	}
	c.at = make([]*Cell, len(t.at))
	for i, cell := range t.at {
		if cell != nil {
			c.at[i] = c.Cells[cell.index] // build numbered the cells
		}
	}
	return &c
}
