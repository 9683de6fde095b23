// Package parser reads a budget PDF and returns its project expenditure
// performance target tables (项目支出绩效目标表) as a document.Document.
//
//	doc, err := parser.Parse(f, size, parser.Options{})
//
// # Design
//
// Parse is one pipeline of separate steps:
//
//  1. load: internal/pdfload opens the file (repairing what it can) within
//     the Options' context and Limits;
//  2. read pages: internal/pdfpage interprets the pages, a few at a time,
//     into glyphs and ruling lines;
//  3. read tables: each page goes, in order, to one reader per layout, each
//     a layout.Reader (internal/layout): indicator-text in
//     internal/layout/indicatortext, indicator-rows in
//     internal/layout/indicatorrows and project-forms in
//     internal/layout/projectforms (the last two on the grid model of
//     internal/grid). A page is dropped once every reader has seen it; a
//     reader keeps only the table in progress;
//  4. build the document: the tables of all readers in page order, rows
//     numbered across the document, Row.Table set; a target grid no reader
//     took is a layout-not-read warning (or ErrLayoutNotRead);
//  5. check: package check adds the warnings about the figures.
//
// To add a layout, write a package under internal/layout with a type that
// implements layout.Reader (Page, then Tables) and add its constructor to
// newReaders; tell the grid hints (hints.go) about its header words if they
// are a grid's.
//
// Failures are *Error values whose Kind matches one of the Err* values with
// errors.Is; their texts name no command-line flag.
package parser

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/grid"
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/layout/indicatorrows"
	"github.com/petool/pet/internal/layout/indicatortext"
	"github.com/petool/pet/internal/layout/projectforms"
	"github.com/petool/pet/internal/lazyre"
	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/internal/pdfpage"
)

// Options control how a PDF is read.
type Options struct {
	// Password opens an encrypted PDF; empty tries the empty user password.
	Password string
	// Workers is how many pages (and objects of the page tree) are read at
	// once (0 or 1: one at a time).
	Workers int
	// Context, when not nil, stops the reading once done (a time budget):
	// Parse then fails with the context's error.
	Context context.Context
	// Limits bound what the file may make the parser do; zero fields take
	// the defaults.
	Limits Limits
}

// Parse reads the PDF of size bytes in r and returns its target tables.
// The document's Source is empty: the caller names it.
func Parse(r io.ReaderAt, size int64, opts Options) (*document.Document, error) {
	data, err := readAll(r, size, opts.Limits.internal())
	if err != nil {
		return nil, err
	}
	return parseData(data, opts)
}

// ParseBytes is Parse of a PDF already in memory, read in place: data is
// not copied and not modified, and must not change until ParseBytes
// returns.
func ParseBytes(data []byte, opts Options) (*document.Document, error) {
	if lim := opts.Limits.internal(); int64(len(data)) > lim.MaxInputSize {
		return nil, newError(inputSizeError(lim), 0)
	}
	return parseData(data, opts)
}

func parseData(data []byte, opts Options) (*document.Document, error) {
	res, err := run(data, opts, false)
	if err != nil {
		return nil, err
	}
	return res.document(), nil
}

// readAll reads the input, refusing one over the input size limit before
// reading it.
func readAll(r io.ReaderAt, size int64, lim pdfload.Limits) ([]byte, error) {
	if size > lim.MaxInputSize {
		return nil, newError(inputSizeError(lim), 0)
	}
	if size < 0 {
		return nil, &Error{Kind: ErrNotPDF, Err: fmt.Errorf("negative size %d", size)}
	}
	data := make([]byte, size)
	n, err := r.ReadAt(data, 0)
	if n < len(data) {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, &Error{Kind: ErrDamaged, Err: fmt.Errorf("reading the input: %w", err)}
	}
	return data, nil
}

func inputSizeError(lim pdfload.Limits) error {
	return &pdfload.LimitError{What: "input size", Limit: lim.MaxInputSize, Flag: "--max-input-size"}
}

// result is what the pipeline read: the tables of every reader, the pages
// that could not be read and the grids no reader took.
type result struct {
	pages      int
	tables     []layout.Table
	pageErrors []error
	hints      []gridHint
	text       *indicatortext.Reader
}

// newReaders returns one reader per layout; the indicator-text reader
// first (its lines feed the grid hints), and the grid cache the grid
// readers share (released page by page by whoever feeds them).
func newReaders(keep bool) (*indicatortext.Reader, *grid.Cache, []layout.Reader) {
	text := indicatortext.New(keep)
	grids := &grid.Cache{} // both grid readers see one grid per page
	return text, grids, []layout.Reader{text, indicatorrows.New(grids), projectforms.New(grids)}
}

// precompile starts, at the first parse that reads on several workers, the
// compilation of the table readers' regular expressions (lazyre) on a
// goroutine of its own: while the PDF is opened (cross-reference table,
// page tree: mostly one goroutine) another core is idle, and the readers
// that use the patterns on the first pages find them compiled (27
// patterns, 0.2 ms warm).
var precompile sync.Once

// run is the pipeline up to the document: load, read the pages in order
// through every reader, and find the grids no reader took. When the PDF
// opens but holds no table, the result is returned with the error.
func run(data []byte, opts Options, keep bool) (*result, error) {
	if opts.Workers > 1 {
		precompile.Do(func() { go lazyre.CompileAll() })
	}
	var sess *pdfload.Session
	if opts.Context != nil || opts.Limits != (Limits{}) {
		ctx := opts.Context
		if ctx == nil {
			ctx = context.Background()
		}
		sess = &pdfload.Session{Ctx: ctx, Limits: opts.Limits.internal()}
	}
	doc, err := layout.Open(data, opts.Password, sess, opts.Workers)
	if err != nil {
		return nil, newError(err, 0)
	}
	if doc.NumPages() == 0 {
		return nil, &Error{Kind: ErrNoTable, Err: errNoPages}
	}
	doc.OmitRunFonts() // no reader asks which font drew a glyph
	text, grids, readers := newReaders(keep)
	text.Workers = opts.Workers // its rows' indicators are read after the last page, when the page workers are done
	res := &result{pages: doc.NumPages(), text: text}
	var hs hintScanner
	glyphs, images := 0, 0
	// The page before the one being read: once the readers have read the
	// next, nothing of theirs points into its glyphs (the text reader's
	// lines of the page read last do until then), and its memory is
	// reused for a page read later; unless the text reader keeps every
	// page (keep).
	var prev *pdfpage.Page
	layout.ReadPages(doc, opts.Workers, layout.PrepareFunc(readers...), func(p *pdfpage.Page, err error) {
		if err != nil {
			res.pageErrors = append(res.pageErrors, newError(err, p.Number))
		}
		glyphs += len(p.Glyphs)
		images += p.Images
		for _, r := range readers {
			r.Page(p)
		}
		grids.Release(p) // the grid readers shared the page's grid
		if h, ok := hs.page(p.Number, lineTexts(text.PageLines())); ok {
			res.hints = append(res.hints, h)
		}
		if !keep {
			doc.Recycle(prev)
			prev = p
		}
	})
	if opts.Context != nil && opts.Context.Err() != nil {
		return nil, &Error{Kind: ErrDamaged, Err: opts.Context.Err()}
	}
	for _, r := range readers {
		res.tables = append(res.tables, r.Tables()...)
	}
	if len(res.tables) == 0 {
		if len(res.hints) > 0 {
			return res, layoutNotRead(res.hints[0])
		}
		switch {
		case glyphs == 0 && images > 0:
			return res, &Error{Kind: ErrNoText}
		case len(res.pageErrors) > 0:
			return res, &Error{Kind: ErrNoTable, Err: fmt.Errorf("%s (unreadable: %v)", ErrNoTable.Error(), res.pageErrors[0])}
		}
		return res, &Error{Kind: ErrNoTable}
	}
	return res, nil
}

// lineTexts returns the texts of lines.
func lineTexts(lines []indicatortext.Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text()
	}
	return out
}
