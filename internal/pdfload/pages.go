package pdfload

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/ledongthuc/pdf"
)

const (
	maxTreeDepth = 64      // page tree nesting, as internal/pdfpage
	maxTreeNodes = 1 << 20 // nodes visited before giving up
)

// countPages walks the page tree the way internal/pdfpage does (a leaf is a
// node of /Type /Page, or a node without /Kids that has /Contents) and
// loads each page's content stream objects, so that an xref pointing at
// the wrong bytes shows up here rather than as a panic on page 7. It turns
// the library's panics into an error.
func countPages(r *pdf.Reader, maxPages int) (n int, err error) {
	defer func() {
		if p := recover(); p != nil {
			n, err = 0, fmt.Errorf("reading the page tree: %v", p)
		}
	}()
	root := r.Trailer().Key("Root")
	if root.Kind() != pdf.Dict {
		return 0, errors.New("no document catalog (/Root)")
	}
	w := walker{seen: map[uint64]bool{}, maxPages: maxPages}
	if err := w.walk(root.Key("Pages"), 0); err != nil {
		return 0, err
	}
	return w.pages, nil
}

type walker struct {
	seen     map[uint64]bool
	nodes    int
	pages    int
	maxPages int
}

func (w *walker) walk(node pdf.Value, depth int) error {
	if depth > maxTreeDepth || node.Kind() != pdf.Dict {
		return nil
	}
	if w.nodes++; w.nodes > maxTreeNodes {
		return errors.New("page tree too large")
	}
	if id := objectID(node); id != 0 {
		if w.seen[id] {
			return nil
		}
		w.seen[id] = true
	}
	kids := node.Key("Kids")
	contents := node.Key("Contents")
	if node.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && !contents.IsNull()) {
		if w.pages++; w.maxPages > 0 && w.pages > w.maxPages {
			return fail(ErrLimit, &LimitError{What: "pages", Limit: int64(w.maxPages), Flag: "--max-pages"})
		}
		// Key and Index resolve references: this reads the objects.
		if contents.Kind() == pdf.Array {
			for i := 0; i < contents.Len(); i++ {
				contents.Index(i)
			}
		}
		return nil
	}
	for i := 0; i < kids.Len(); i++ {
		if err := w.walk(kids.Index(i), depth+1); err != nil {
			return err
		}
	}
	return nil
}

// objectID identifies an indirect object (0 for a direct one). The library
// keeps the object number in an unexported field; reflection reads it
// without unsafe, and yields 0 should the field ever change.
func objectID(v pdf.Value) uint64 {
	f := reflect.ValueOf(v).FieldByName("ptr")
	if !f.IsValid() || f.Kind() != reflect.Struct || f.NumField() < 2 {
		return 0
	}
	id, gen := f.Field(0), f.Field(1)
	if !id.CanUint() || !gen.CanUint() {
		return 0
	}
	return id.Uint()<<16 | gen.Uint()
}
