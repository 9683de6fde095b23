// Package indicatortext reads the indicator-text layout of the target
// table: one row per unit or project, its indicators printed as text in one
// 绩效指标 cell (1、1-产出指标…).
//
// It finds the table by its header texts on any page, maps columns from the
// header cells, cuts rows at the ruling lines (or, on tables without rules,
// at the gaps between text blocks), joins each cell's wrapped lines, drops the
// header repeated on later pages and joins rows that a page break splits.
//
// The Reader is fed page by page and keeps only the table's cells (their
// text and the few measures row joining uses); New(true) also keeps every
// page and its lines, the Analysis that `pet inspect` and `pet text` show.
package indicatortext

import (
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/pdfpage"
)

// Analysis is what the reader sees in a document: the table's parts page by
// page and, when kept, every page and its text lines.
type Analysis struct {
	Pages        []*pdfpage.Page // every page as read (Keep only)
	Lines        [][]Line        // each page's text lines (Keep only)
	Tables       []*PageTable    // the table's part on each page it covers, in order
	Title        string
	Department   string
	CurrencyUnit string
	Year         *int
	PageErrors   []error // pages that could not be read (set by the caller)
}

// Reader reads the indicator-text table page by page. It is a
// layout.Reader.
type Reader struct {
	// Workers is how many goroutines Tables reads the rows' indicator
	// texts on (0 or 1: the caller's alone).
	Workers int

	a     Analysis
	keep  bool
	prev  *PageTable
	lines []Line // the lines of the page read last

	prepared layout.Prepared[*pageGeometry] // by Prepare, until Page takes it
}

// New returns a reader; keep makes it keep every page and its lines (for
// the debug views).
func New(keep bool) *Reader { return &Reader{keep: keep} }

// Prepare measures p, groups its text lines and reads its table as far as
// it can without the page before (pageGeometry.readAhead), ahead of Page
// (layout.Preparer); safe for concurrent use.
func (r *Reader) Prepare(p *pdfpage.Page) {
	g := newPageGeometry(p)
	g.readAhead()
	r.prepared.Put(p, g)
}

// geometry returns p's geometry, prepared or measured now.
func (r *Reader) geometry(p *pdfpage.Page) *pageGeometry {
	if g, ok := r.prepared.Take(p); ok {
		return g
	}
	return newPageGeometry(p)
}

// Page reads the next page (pages come in order; an unreadable page is an
// empty page with its number).
func (r *Reader) Page(p *pdfpage.Page) {
	g := r.geometry(p)
	r.lines = g.lines
	if r.keep {
		r.a.Pages = append(r.a.Pages, p)
		r.a.Lines = append(r.a.Lines, g.lines)
	}
	t, ok := analyzePage(g, r.prev)
	if !ok {
		r.prev = nil
		return
	}
	if len(r.a.Tables) == 0 {
		r.a.readHeading(g, t)
	}
	r.a.Tables = append(r.a.Tables, t)
	r.prev = t
}

// PageLines returns the text lines of the page read last.
func (r *Reader) PageLines() []Line { return r.lines }

// Tables returns the table read (none or one).
func (r *Reader) Tables() []layout.Table {
	if t := r.a.textTable(r.Workers); t != nil {
		return []layout.Table{*t}
	}
	return nil
}

// Analysis returns what the reader saw.
func (r *Reader) Analysis() *Analysis { return &r.a }

// Read returns the indicator-text table of pages (all at once).
func Read(pages []*pdfpage.Page) []layout.Table {
	r := New(false)
	for _, p := range pages {
		r.Page(p)
	}
	return r.Tables()
}

var _ layout.Reader = (*Reader)(nil)
