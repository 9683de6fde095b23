package pdfload

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/petool/pet/internal/pdfsyntax"
)

// treeOptions shape the page tree wideTree writes.
type treeOptions struct {
	inner, perInner int
	brokenContents  int // page whose /Contents points at bytes that are no object (0: none)
	brokenKid       int // page whose own object is no object (0: none)
}

// wideTree writes a two-level page tree: inner nodes that give Resources,
// MediaBox and Rotate to their kids, and pages that override some of them,
// pages without /Type (a node with /Contents and no /Kids), a /Contents
// array, and a kid listed twice (the walk visits it once).
func wideTree(o treeOptions) []byte {
	b := newBuilder(header)
	const font, content, part = 3, 4, 5
	b.obj(font, fontObj)
	b.stream(content, "", []byte("BT /F1 12 Tf (x) Tj ET"))
	b.stream(part, "", []byte("BT (y) Tj ET"))
	next := 10
	var innerRefs []string
	page := 0
	garbage := b.buf.Len() + 10 // inside the next object's dictionary
	for i := 0; i < o.inner; i++ {
		innerNum := next
		next++
		var kids []string
		for j := 0; j < o.perInner; j++ {
			page++
			n := next
			next++
			kids = append(kids, fmt.Sprintf("%d 0 R", n))
			var body string
			switch page % 5 {
			case 0: // own resources, crop box and rotation
				body = fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R /Resources << /Font << /F2 %d 0 R >> >> /CropBox [5 5 400 500] /Rotate 270 >>", innerNum, content, font)
			case 1: // no /Type: a leaf by its /Contents
				body = fmt.Sprintf("<< /Parent %d 0 R /Contents %d 0 R >>", innerNum, content)
			case 2: // a /Contents array
				body = fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents [%d 0 R %d 0 R] >>", innerNum, content, part)
			default:
				body = fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", innerNum, content)
			}
			if page == o.brokenContents {
				body = fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents 9 0 R >>", innerNum)
			}
			b.obj(n, body)
			if page == o.brokenKid {
				b.offsets[n] = garbage
			}
		}
		if i == 0 && len(kids) > 0 {
			kids = append(kids, kids[0]) // listed twice
		}
		b.obj(innerNum, fmt.Sprintf("<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d /Resources << /Font << /F1 %d 0 R >> >> /MediaBox [0 0 %d 842] /Rotate %d >>",
			strings.Join(kids, " "), o.perInner, font, 595+i, 90*(i%4)))
		innerRefs = append(innerRefs, fmt.Sprintf("%d 0 R", innerNum))
	}
	b.obj(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(innerRefs, " "), page))
	b.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	if o.brokenContents > 0 {
		b.obj(9, "<< /Length 5 >>") // replaced below by an offset at no object
		b.offsets[9] = garbage
	}
	return b.finish(b.xrefTable(next, "/Size "+fmt.Sprint(next)+" /Root 1 0 R"))
}

// pagesText is every field of pages as text, to compare two walks.
func pagesText(pages []PageRef) []string {
	var out []string
	for i, p := range pages {
		line := fmt.Sprintf("%d: obj %d page %v res %v box %v rotate %d contents %v", i, pdfsyntax.ObjectID(p.Page), p.Page, p.Resources, p.Box, p.Rotate, p.Contents)
		for _, part := range p.Parts {
			line += fmt.Sprintf(" part %v", part)
		}
		out = append(out, line)
	}
	return out
}

func libraryReader(t *testing.T, data []byte) *pdf.Reader {
	t.Helper()
	r, err := pdf.NewReader(&byteReaderAt{data}, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

type byteReaderAt struct{ b []byte }

func (r *byteReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(r.b)) {
		return 0, fmt.Errorf("read at %d past %d", off, len(r.b))
	}
	n := copy(p, r.b[off:])
	if n < len(p) {
		return n, fmt.Errorf("short read")
	}
	return n, nil
}

// On sound trees the spread walk is taken (not its fallback) and finds
// exactly the pages, inherited attributes and contents of the walk in
// order: synthetic trees of every shape wideTree makes, and every real
// budget shipped that the library opens as it is.
func TestWalkSpreadIsWalkInOrder(t *testing.T) {
	check := func(t *testing.T, r *pdf.Reader) {
		want, err := walkInOrder(r, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, workers := range []int{2, 3, 8} {
			got, ok := walkSpread(r, 0, workers)
			if !ok {
				t.Fatalf("%d workers: walkSpread fell back on a sound tree", workers)
			}
			if !reflect.DeepEqual(pagesText(got), pagesText(want)) {
				t.Fatalf("%d workers: the spread walk differs from the walk in order:\n%s\nwant\n%s",
					workers, strings.Join(pagesText(got), "\n"), strings.Join(pagesText(want), "\n"))
			}
		}
	}
	for _, o := range []treeOptions{{1, 1, 0, 0}, {1, 7, 0, 0}, {2, 12, 0, 0}, {9, 3, 0, 0}, {4, 40, 0, 0}} {
		t.Run(fmt.Sprintf("tree%dx%d", o.inner, o.perInner), func(t *testing.T) {
			check(t, libraryReader(t, wideTree(o)))
		})
	}
	files, _ := filepath.Glob("../../testdata/realworld/*.pdf")
	more, _ := filepath.Glob("../../testdata/realworld/2026/*.pdf")
	files = append(files, more...)
	if len(files) < 20 {
		t.Fatalf("%d real files found, want the shipped ones", len(files))
	}
	opened := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := pdf.NewReader(&byteReaderAt{data}, int64(len(data)))
		if err != nil || inspect(data).hybrid {
			continue // read through a repaired cross-reference, not as it is
		}
		opened++
		t.Run(filepath.Base(f), func(t *testing.T) { check(t, r) })
	}
	if opened < 10 {
		t.Errorf("only %d real files opened as they are", opened)
	}
}

// Whenever the spread walk meets trouble it gives up, and walkPages
// reports exactly what the walk in order reports: the first broken object
// in document order, the page limit.
func TestWalkSpreadFallsBackToTheWalkInOrder(t *testing.T) {
	for _, c := range []struct {
		name     string
		o        treeOptions
		maxPages int
	}{
		{"broken contents", treeOptions{3, 12, 17, 0}, 0},
		{"broken page object", treeOptions{3, 12, 0, 20}, 0},
		{"both, contents first", treeOptions{3, 12, 5, 30}, 0},
		{"both, page object first", treeOptions{3, 12, 30, 5}, 0},
		{"page limit", treeOptions{3, 12, 0, 0}, 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := libraryReader(t, wideTree(c.o))
			if _, ok := walkSpread(r, c.maxPages, 4); ok {
				t.Fatal("walkSpread took a tree the walk in order rejects")
			}
			_, want := walkInOrder(r, c.maxPages)
			if want == nil {
				t.Fatal("the walk in order accepts the tree: not a test of the fallback")
			}
			_, got := walkPages(r, c.maxPages, 4)
			if got == nil || got.Error() != want.Error() {
				t.Errorf("walkPages: %v, want the walk in order's %v", got, want)
			}
		})
	}
}

// BenchmarkWalkPages walks the page trees of the largest real tables
// shipped, on one goroutine and on two.
func BenchmarkWalkPages(b *testing.B) {
	for _, name := range []string{"020-xian-020.pdf", "002-beijing-042.pdf"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/realworld/2026", name))
		if err != nil {
			b.Fatal(err)
		}
		r, err := pdf.NewReader(&byteReaderAt{data}, int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", name, workers), func(b *testing.B) {
				for b.Loop() {
					if _, err := walkPages(r, 0, workers); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
