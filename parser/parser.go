// Package parser reads a budget PDF and reconstructs its project expenditure
// performance target table (项目支出绩效目标表) as a document.Document.
//
// It finds the table by its header texts on any page, maps columns from the
// header cells, cuts rows at the ruling lines (or, on tables without rules,
// at the gaps between text blocks), joins each cell's wrapped lines, drops the
// header repeated on later pages and joins rows that a page break splits.
package parser

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/layout/indicatorrows"
	"github.com/petool/pet/internal/layout/projectforms"
	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/internal/pdfpage"
)

// ErrNoTable is returned when no page of the PDF holds the target table.
var ErrNoTable = errors.New("no project performance target table (项目支出绩效目标表) found")

// ErrNoText is returned for a PDF whose pages carry images but no text.
var ErrNoText = errors.New("no text layer: scanned PDF")

// Options control how a PDF is read.
type Options struct {
	// Password opens an encrypted PDF; empty tries the empty user password.
	Password string
	// Workers is how many pages are read at once (0 or 1: one at a time).
	Workers int
}

// Analysis is what the parser sees in a PDF: every page as read, and the
// table's parts page by page. `pet inspect` and `pet text` show it.
type Analysis struct {
	Pages        []*pdfpage.Page
	Tables       []*PageTable // the table's part on each page it covers, in order
	Lines        [][]Line     // each page's text lines
	Title        string
	Department   string
	CurrencyUnit string
	Year         *int
	PageErrors   []error // pages that could not be read
	// Other holds the tables of the other layouts (indicator rows, project
	// forms), as their readers found them.
	Other []layout.Table
}

// readers read the layouts other than indicator-text.
var readers = []layout.Reader{indicatorrows.Read, projectforms.Read}

// Parse reads the PDF in data and returns its target table. name is used as
// the document's Source.
func Parse(data []byte, name string, opts Options) (*document.Document, error) {
	a, err := Analyze(data, opts)
	if err != nil {
		return nil, err
	}
	return a.Document(name), nil
}

// Analyze reads every page of the PDF in data and locates the table. When
// the PDF opens but holds no table it returns the analysis (pages and lines,
// for inspection) together with ErrNoTable or ErrNoText.
func Analyze(data []byte, opts Options) (*Analysis, error) {
	r, err := pdfload.Open(data, opts.Password)
	if err != nil {
		return nil, err
	}
	doc, err := pdfpage.New(r)
	if err != nil {
		return nil, err
	}
	if doc.NumPages() == 0 {
		return nil, errors.New("the PDF has no pages")
	}
	a := &Analysis{}
	pages, geoms, errs := readPages(doc, opts.Workers)
	var prev *PageTable
	glyphs, images := 0, 0
	for i, p := range pages {
		if errs[i] != nil {
			a.PageErrors = append(a.PageErrors, errs[i])
			prev = nil
		}
		glyphs += len(p.Glyphs)
		images += p.Images
		a.Pages = append(a.Pages, p)
		g := geoms[i]
		a.Lines = append(a.Lines, g.lines)
		t, ok := analyzePage(g, prev)
		if !ok {
			prev = nil
			continue
		}
		if len(a.Tables) == 0 {
			a.readHeading(g, t)
		}
		a.Tables = append(a.Tables, t)
		prev = t
	}
	for _, read := range readers {
		a.Other = append(a.Other, read(a.Pages)...)
	}
	if len(a.Tables) == 0 && len(a.Other) == 0 {
		if hints := gridHints(a); len(hints) > 0 {
			return a, layoutNotRead(hints[0])
		}
		switch {
		case glyphs == 0 && images > 0:
			return a, ErrNoText
		case len(a.PageErrors) > 0:
			return a, fmt.Errorf("%w (unreadable: %v)", ErrNoTable, a.PageErrors[0])
		}
		return a, ErrNoTable
	}
	return a, nil
}

// readPages interprets every page and groups its lines and rules, on up to
// workers goroutines (pages are independent until the table is followed
// from one to the next). A page that cannot be read is an empty page with
// its error.
func readPages(doc *pdfpage.Document, workers int) ([]*pdfpage.Page, []*pageGeometry, []error) {
	n := doc.NumPages()
	pages := make([]*pdfpage.Page, n)
	geoms := make([]*pageGeometry, n)
	errs := make([]error, n)
	read := func(d *pdfpage.Document, i int) {
		p, err := d.Page(i + 1)
		if err != nil {
			p = &pdfpage.Page{Number: i + 1}
		}
		pages[i], geoms[i], errs[i] = p, newPageGeometry(p), err
	}
	if workers <= 1 || n < 4 {
		for i := 0; i < n; i++ {
			read(doc, i)
		}
		return pages, geoms, errs
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func(d *pdfpage.Document) {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				read(d, i)
			}
		}(doc.Fork())
	}
	wg.Wait()
	return pages, geoms, errs
}
