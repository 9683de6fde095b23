// Package layout holds what the readers of each layout of the target table
// share: the table they hand back to the parser, and the Reader they are.
// A reader is fed the pages of a document one by one, in order, as pdfpage
// read them, keeps what a table in progress needs (a continuation looks
// back one page at most), and at the end returns every target table of its
// layout that it found, in page order; the parser merges the tables of all
// readers into one document.
package layout

import (
	"sync"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/pdfpage"
)

// Table is one target table read by a layout reader.
type Table struct {
	// Info names the table: its title as printed, its layout, and the first
	// and last page it covers.
	Info document.Table
	// Department, CurrencyUnit and Year as the table's heading (or, for
	// forms, its first form) prints them; "" and nil when none is printed.
	Department   string
	CurrencyUnit string
	Year         *int
	// Rows in table order. Seq is 1-based within the table; the parser
	// renumbers rows across the document and sets Row.Table.
	Rows []document.Row
	// Warnings about the table's reading (not its sums: check raises
	// those), with Row the Seq of the row within this table.
	Warnings []document.Warning
}

// Reader reads every table of one layout from a document fed page by page.
// Readers on the grid model take a page's grid from a grid.Cache shared
// by the document's readers, so that it is built once for all of them;
// whoever feeds the pages calls its Release(p) once every reader has seen
// p, and drops the cache with the document.
type Reader interface {
	// Page reads the next page (Page.Number is its 1-based number; a page
	// that could not be read is an empty page). The reader must not keep
	// the page's glyphs beyond what a table in progress needs.
	Page(p *pdfpage.Page)
	// Tables returns the tables read, in page order, once every page has
	// been fed.
	Tables() []Table
}

// A Preparer is a Reader that can do the part of reading a page that needs
// no other page (its grid, its text lines) ahead of Page: ReadPages calls
// Prepare on the goroutine that read the page, concurrently with Prepare of
// other pages and with Page of earlier ones, so Prepare must only build
// what Page will look up, safe for concurrent use. Page must still read a
// page that was never prepared.
type Preparer interface {
	Prepare(p *pdfpage.Page)
}

// PrepareFunc returns a function that prepares a page for every reader
// that is a Preparer. It first puts the page's glyphs in baseline order
// (SortByBaseline): every reader groups glyphs into lines by sorting them
// by baseline, and a sorted slice, or any part of it, sorts in one pass.
func PrepareFunc(readers ...Reader) func(p *pdfpage.Page) {
	var ps []Preparer
	for _, r := range readers {
		if p, ok := r.(Preparer); ok {
			ps = append(ps, p)
		}
	}
	return func(p *pdfpage.Page) {
		SortByBaseline(p)
		for _, pr := range ps {
			pr.Prepare(p)
		}
	}
}

// SortByBaseline sorts p's glyphs by baseline, keeping the order in which
// glyphs on one baseline were drawn. No reader depends on it: each sorts
// the glyphs it groups; sorting once here spares those sorts.
func SortByBaseline(p *pdfpage.Page) {
	pdfpage.SortStable(p.Glyphs, func(g *pdfpage.Glyph) float64 { return g.Y })
}

// Prepared holds what a Preparer built for each page until its Page takes
// it: pages are prepared on several goroutines and read in order on
// another. The zero value is ready; safe for concurrent use.
type Prepared[T any] struct {
	mu    sync.Mutex
	pages map[*pdfpage.Page]T
}

// Put keeps v for page p.
func (pr *Prepared[T]) Put(p *pdfpage.Page, v T) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.pages == nil {
		pr.pages = map[*pdfpage.Page]T{}
	}
	pr.pages[p] = v
}

// Take returns and forgets what was kept for page p; ok is false when p
// was not prepared.
func (pr *Prepared[T]) Take(p *pdfpage.Page) (v T, ok bool) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	v, ok = pr.pages[p]
	delete(pr.pages, p)
	return v, ok
}
