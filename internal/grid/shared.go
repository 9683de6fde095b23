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
	// Sharers is how many readers call Shared once for each page. The
	// last of them is handed the built grid itself instead of a copy, and
	// the page is released: no one is left to copy it for. Zero: every
	// call gets a copy, until Release.
	Sharers int

	mu    sync.Mutex
	pages map[*pdfpage.Page]*sharedGrid
}

// sharedGrid is one page's grid, built once.
type sharedGrid struct {
	once     sync.Once
	tables   []*Table
	panicked any // what Find panicked with: every caller panics alike

	mu     sync.Mutex // serializes the copies and the hand-over
	shared int        // Shared calls that got a copy
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
func (c *Cache) built(p *pdfpage.Page) []*Table { return c.build(p).tables }

// build returns p's grid entry, its grid built.
func (c *Cache) build(p *pdfpage.Page) *sharedGrid {
	e := c.entry(p)
	e.once.Do(func() {
		defer func() { e.panicked = recover() }()
		e.tables = Find(p)
	})
	if e.panicked != nil {
		panic(e.panicked)
	}
	return e
}

// Prepare builds the grid of p that Shared will hand out, until Release(p).
// It may run on any goroutine, concurrently with Prepare or Shared of other
// pages: whoever reads pages ahead calls it so that the readers, fed in
// page order, find the grid built.
func (c *Cache) Prepare(p *pdfpage.Page) { c.built(p) }

// Shared returns Find(p), built once for every caller until Release(p):
// the layout readers of a page each look for their tables in the same
// grid. Each call returns a copy of its own, whose tables and cells the
// caller may change field by field; their slices (a cell's Glyphs, Lines,
// Above, Below; a table's Xs, Ys) it may replace but must not change in
// place, as the copies share them. The Sharers-th call gets the built
// tables themselves, on the same terms, once every copy is made; the page
// is released then, so a later call builds the grid again.
func (c *Cache) Shared(p *pdfpage.Page) []*Table {
	e := c.build(p)
	ts := e.tables
	e.mu.Lock()
	defer e.mu.Unlock()
	if c.Sharers > 0 && e.shared == c.Sharers-1 {
		c.release(p, e)
		return ts
	}
	e.shared++
	out := make([]*Table, len(ts))
	for i, t := range ts {
		out[i] = t.clone()
	}
	return out
}

// Release forgets the grid of p: every reader has seen the page.
func (c *Cache) Release(p *pdfpage.Page) {
	c.mu.Lock()
	delete(c.pages, p)
	c.mu.Unlock()
}

// release forgets e, the grid of p, unless p has been released (and maybe
// built again) since.
func (c *Cache) release(p *pdfpage.Page, e *sharedGrid) {
	c.mu.Lock()
	if c.pages[p] == e {
		delete(c.pages, p)
	}
	c.mu.Unlock()
}

// Len is the number of pages whose grids c holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.pages)
}

// clone copies t and its cells for a reader to change: the cells' fields
// may be set, the table's and cells' slices (Xs, Ys, Lines, Glyphs, Above,
// Below) are shared with the original and must be replaced, never changed
// in place (Shared's contract); each is clipped, so an append copies.
func (t *Table) clone() *Table {
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
