package pdfload

import (
	"errors"
	"fmt"
	"sync"

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
// error. maxPages <= 0 means no limit.
func walkPages(r *pdf.Reader, maxPages int) (pages []PageRef, err error) {
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
	kids := node.Key("Kids")
	contents := node.Key("Contents")
	if node.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && !contents.IsNull()) {
		if w.maxPages > 0 && len(w.pages)+1 > w.maxPages {
			return fail(ErrLimit, &LimitError{What: "pages", Limit: int64(w.maxPages), Flag: "--max-pages"})
		}
		// Key and Index resolve references: this reads the objects.
		var parts []pdf.Value
		if contents.Kind() == pdf.Array {
			parts = make([]pdf.Value, 0, min(contents.Len(), MaxContentParts))
			for i := 0; i < contents.Len(); i++ {
				if part := contents.Index(i); i < MaxContentParts {
					parts = append(parts, part)
				}
			}
		}
		w.pages = append(w.pages, PageRef{Page: node, Resources: res, Box: box, Rotate: rotate, Contents: contents, Parts: parts})
		return nil
	}
	for i := 0; i < kids.Len(); i++ {
		if err := w.walk(kids.Index(i), res, box, rotate, depth+1); err != nil {
			return err
		}
	}
	return nil
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
	return walkPages(r, 0)
}
