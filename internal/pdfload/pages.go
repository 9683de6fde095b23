package pdfload

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/ledongthuc/pdf"
	"github.com/petool/pet/internal/pdfsyntax"
)

const (
	maxTreeDepth = 64      // page tree nesting
	maxTreeNodes = 1 << 20 // nodes visited before giving up
)

// PageRef is one page found by the page-tree walk, with the attributes it
// inherits from its ancestors (ISO 32000-1, 7.7.3.4).
type PageRef struct {
	// Page is the page object (a dictionary).
	Page pdf.Value
	// Resources is the page's /Resources, its own or the nearest
	// ancestor's; the zero Value when there is none.
	Resources pdf.Value
	// Box is the /CropBox, else the /MediaBox, its own or inherited: an
	// array of four numbers, or the zero Value when there is none.
	Box pdf.Value
	// Rotate is /Rotate, its own or inherited, as written (any multiple of 90).
	Rotate int
	// Contents is the page's /Contents as the walk resolved it (a stream,
	// an array, or the zero Value), and Parts, for an array, its first
	// MaxContentParts elements resolved: what the page's reader would
	// otherwise read from the file again.
	Contents pdf.Value
	Parts    []pdf.Value
}

// MaxContentParts bounds the streams of a page's /Contents array that are
// kept (PageRef.Parts) and read.
const MaxContentParts = 1 << 16

// walkPages walks the page tree (a leaf is a node of /Type /Page, or a
// node without /Kids that has /Contents) and loads each page's content
// stream objects, so that an xref pointing at the wrong bytes shows up here
// rather than as a panic on page 7. It turns the library's panics into an
// error. maxPages <= 0 means no limit. With workers > 1 the objects are
// read on that many goroutines (walkSpread); whenever that meets anything
// but a sound tree, the tree is walked again in order, so that an error is
// the one the first trouble in document order gives.
func walkPages(r *pdf.Reader, maxPages, workers int) ([]PageRef, error) {
	if workers > 1 {
		if pages, ok := walkSpread(r, maxPages, workers); ok {
			return pages, nil
		}
	}
	return walkInOrder(r, maxPages)
}

// walkInOrder walks the page tree on one goroutine, in document order.
func walkInOrder(r *pdf.Reader, maxPages int) (pages []PageRef, err error) {
	defer func() {
		if p := recover(); p != nil {
			pages, err = nil, fmt.Errorf("reading the page tree: %v", p)
		}
	}()
	root := r.Trailer().Key("Root")
	if root.Kind() != pdf.Dict {
		return nil, errors.New("no document catalog (/Root)")
	}
	w := walker{seen: map[uint64]bool{}, maxPages: maxPages}
	if err := w.walk(root.Key("Pages"), pdf.Value{}, pdf.Value{}, 0, 0); err != nil {
		return nil, err
	}
	return w.pages, nil
}

type walker struct {
	seen     map[uint64]bool
	nodes    int
	pages    []PageRef
	maxPages int
}

func (w *walker) walk(node, res, box pdf.Value, rotate, depth int) error {
	if depth > maxTreeDepth || node.Kind() != pdf.Dict {
		return nil
	}
	if w.nodes++; w.nodes > maxTreeNodes {
		return errors.New("page tree too large")
	}
	if id := pdfsyntax.ObjectID(node); id != 0 {
		if w.seen[id] {
			return nil
		}
		w.seen[id] = true
	}
	res, box, rotate = inherit(node, res, box, rotate)
	kids := node.Key("Kids")
	contents := node.Key("Contents")
	if node.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && !contents.IsNull()) {
		if w.maxPages > 0 && len(w.pages)+1 > w.maxPages {
			return fail(ErrLimit, &LimitError{What: "pages", Limit: int64(w.maxPages), Flag: "--max-pages"})
		}
		w.pages = append(w.pages, PageRef{Page: node, Resources: res, Box: box, Rotate: rotate, Contents: contents, Parts: contentParts(contents)})
		return nil
	}
	for i := 0; i < kids.Len(); i++ {
		if err := w.walk(kids.Index(i), res, box, rotate, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// inherit returns what a page below node inherits (ISO 32000-1, 7.7.3.4):
// node's own /Resources, /CropBox (else /MediaBox) and /Rotate where it
// has them, else res, box and rotate from above.
func inherit(node, res, box pdf.Value, rotate int) (pdf.Value, pdf.Value, int) {
	if r := node.Key("Resources"); r.Kind() == pdf.Dict {
		res = r
	}
	if b := node.Key("CropBox"); b.Kind() == pdf.Array && b.Len() == 4 {
		box = b
	} else if b := node.Key("MediaBox"); b.Kind() == pdf.Array && b.Len() == 4 {
		box = b
	}
	if r := node.Key("Rotate"); !r.IsNull() {
		switch r.Kind() {
		case pdf.Integer:
			rotate = int(r.Int64())
		case pdf.Real:
			rotate = int(r.Float64())
		default:
			rotate = 0
		}
	}
	return res, box, rotate
}

// contentParts resolves every element of a /Contents array (Key and
// Index read the objects) and keeps the first MaxContentParts; nil for a
// single stream.
func contentParts(contents pdf.Value) []pdf.Value {
	if contents.Kind() != pdf.Array {
		return nil
	}
	parts := make([]pdf.Value, 0, min(contents.Len(), MaxContentParts))
	for i := 0; i < contents.Len(); i++ {
		if part := contents.Index(i); i < MaxContentParts {
			parts = append(parts, part)
		}
	}
	return parts
}

// Reading a page object and what it refers to (resources, content
// streams) is most of a walk: 1.3 ms of a 4 MB, 84-page budget merged by
// PDF24 (Yantai-014), before its first page can be read. walkSpread reads
// them on several goroutines:
//   - the kids of a node are read at once, then walked in order;
//   - a node of /Type /Page is a page as soon as it is read; its own
//     entries and contents are read for all pages together at the end.
//
// It reads every object walkInOrder reads and produces the same pages.
// ok is false as soon as anything is not as in a sound tree (the library
// panics, a limit is reached, a node has too many kids): the caller then
// walks in order, and reports what walkInOrder reports.
func walkSpread(r *pdf.Reader, maxPages, workers int) (pages []PageRef, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			pages, ok = nil, false
		}
	}()
	root := r.Trailer().Key("Root")
	if root.Kind() != pdf.Dict {
		return nil, false
	}
	w := spreadWalker{seen: map[uint64]bool{}, maxPages: maxPages, workers: workers}
	if !w.walk(root.Key("Pages"), pdf.Value{}, pdf.Value{}, 0, 0) {
		return nil, false
	}
	if !spread(len(w.typed), workers, func(i int) {
		p := &w.pages[w.typed[i]]
		p.Resources, p.Box, p.Rotate = inherit(p.Page, p.Resources, p.Box, p.Rotate)
		p.Page.Key("Kids") // read as walkInOrder reads it
		p.Contents = p.Page.Key("Contents")
		p.Parts = contentParts(p.Contents)
	}) {
		return nil, false
	}
	return w.pages, true
}

// maxSpreadKids is the most kids of one node walkSpread reads at once.
const maxSpreadKids = 1 << 17

type spreadWalker struct {
	seen     map[uint64]bool
	nodes    int
	pages    []PageRef
	typed    []int // the pages of /Type /Page, with only what they inherit yet
	maxPages int
	workers  int
}

func (w *spreadWalker) walk(node, res, box pdf.Value, rotate, depth int) bool {
	if depth > maxTreeDepth || node.Kind() != pdf.Dict {
		return true
	}
	if w.nodes++; w.nodes > maxTreeNodes {
		return false
	}
	if id := pdfsyntax.ObjectID(node); id != 0 {
		if w.seen[id] {
			return true
		}
		w.seen[id] = true
	}
	if node.Key("Type").Name() == "Page" {
		if w.maxPages > 0 && len(w.pages)+1 > w.maxPages {
			return false
		}
		w.typed = append(w.typed, len(w.pages))
		w.pages = append(w.pages, PageRef{Page: node, Resources: res, Box: box, Rotate: rotate})
		return true
	}
	res, box, rotate = inherit(node, res, box, rotate)
	kids := node.Key("Kids")
	contents := node.Key("Contents")
	if kids.Kind() != pdf.Array && !contents.IsNull() {
		if w.maxPages > 0 && len(w.pages)+1 > w.maxPages {
			return false
		}
		w.pages = append(w.pages, PageRef{Page: node, Resources: res, Box: box, Rotate: rotate, Contents: contents, Parts: contentParts(contents)})
		return true
	}
	n := kids.Len()
	if n > maxSpreadKids {
		return false
	}
	read := make([]pdf.Value, n)
	if !spread(n, w.workers, func(i int) { read[i] = kids.Index(i) }) {
		return false
	}
	for _, kid := range read {
		if !w.walk(kid, res, box, rotate, depth+1) {
			return false
		}
	}
	return true
}

// minSpread is the fewest calls spread hands to other goroutines.
const minSpread = 8

// spread calls f(0) … f(n-1) on up to workers goroutines and waits for
// them. It reports false if any call panicked; the calls not begun by
// then are not made.
func spread(n, workers int, f func(i int)) bool {
	var failed atomic.Bool
	call := func(i int) {
		defer func() {
			if recover() != nil {
				failed.Store(true)
			}
		}()
		f(i)
	}
	if n < minSpread || workers < 2 {
		for i := 0; i < n && !failed.Load(); i++ {
			call(i)
		}
		return !failed.Load()
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				call(i)
			}
		}()
	}
	wg.Wait()
	return !failed.Load()
}

// maxWalked bounds the readers whose walked pages are kept for PagesOf.
const maxWalked = 64

var (
	walkedMu    sync.Mutex
	walked      = map[*pdf.Reader][]PageRef{}
	walkedOrder []*pdf.Reader // oldest first
)

// keepPages keeps the pages Load walked for r until PagesOf takes them, the
// session of r's data is released, or maxWalked newer readers push them out.
func keepPages(r *pdf.Reader, pages []PageRef) {
	walkedMu.Lock()
	defer walkedMu.Unlock()
	if _, ok := walked[r]; !ok {
		walkedOrder = append(walkedOrder, r)
	}
	walked[r] = pages
	for len(walkedOrder) > maxWalked {
		delete(walked, walkedOrder[0])
		walkedOrder = walkedOrder[1:]
	}
}

// forgetPages drops what keepPages kept for r.
func forgetPages(r *pdf.Reader) []PageRef {
	walkedMu.Lock()
	defer walkedMu.Unlock()
	pages, ok := walked[r]
	if ok {
		delete(walked, r)
		for i, x := range walkedOrder {
			if x == r {
				walkedOrder = append(walkedOrder[:i], walkedOrder[i+1:]...)
				break
			}
		}
	}
	return pages
}

// PagesOf returns the pages of r in document order. For a reader opened by
// Load (or Open) these are the pages Load walked, handed over once: the
// page tree is not walked again. For any other reader (or a second call)
// the tree is walked now, with no page limit. Errors are the walk's: a page
// tree the library cannot read.
func PagesOf(r *pdf.Reader) ([]PageRef, error) {
	if pages := forgetPages(r); pages != nil {
		return pages, nil
	}
	return walkPages(r, 0, 1)
}
