package layout

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/petool/pet/internal/pdfpage"
)

// TestReadPagesInOrder: with any number of workers every page comes once,
// in page order, with the glyphs a sequential reading gives.
func TestReadPagesInOrder(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.calc.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	for _, workers := range []int{1, 2, 3, 8} {
		doc, err := Open(data, "", nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		ReadPages(doc, workers, nil, func(p *pdfpage.Page, err error) {
			if err != nil {
				t.Errorf("page %d: %v", p.Number, err)
			}
			got = append(got, p.Number, len(p.Glyphs))
		})
		if len(got) != 2*doc.NumPages() || doc.NumPages() != 9 {
			t.Fatalf("%d workers: %v for %d pages", workers, got, doc.NumPages())
		}
		if want == nil {
			want = got
		}
		for i := 0; i < len(got); i += 2 {
			if got[i] != i/2+1 {
				t.Errorf("%d workers: pages in order %v", workers, got)
				break
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d workers: %v, sequential %v", workers, got, want)
		}
	}
}

// TestReadPagesPrepares: every page is prepared before fn sees it, on any
// number of workers, and a prepare that panics (on a worker goroutine,
// where nothing would recover it) does not end the process: fn still gets
// every page.
func TestReadPagesPrepares(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.calc.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 2, 8} {
		doc, err := Open(data, "", nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		prepared := map[int]bool{}
		prepare := func(p *pdfpage.Page) {
			mu.Lock()
			prepared[p.Number] = true
			mu.Unlock()
			if p.Number%3 == 0 {
				panic("prepare failed")
			}
		}
		seen := 0
		ReadPages(doc, workers, prepare, func(p *pdfpage.Page, err error) {
			mu.Lock()
			defer mu.Unlock()
			if !prepared[p.Number] {
				t.Errorf("%d workers: page %d handed on unprepared", workers, p.Number)
			}
			seen++
		})
		if seen != doc.NumPages() {
			t.Errorf("%d workers: %d of %d pages handed on", workers, seen, doc.NumPages())
		}
	}
}

// TestPreparedTakeOnce: what is put for a page is taken once, from any
// goroutine; a page never prepared is not found.
func TestPreparedTakeOnce(t *testing.T) {
	var pr Prepared[int]
	pages := make([]*pdfpage.Page, 50)
	var wg sync.WaitGroup
	for i := range pages {
		pages[i] = &pdfpage.Page{Number: i + 1}
		wg.Add(1)
		go func() { defer wg.Done(); pr.Put(pages[i], i+1) }()
	}
	wg.Wait()
	for i, p := range pages {
		if v, ok := pr.Take(p); !ok || v != i+1 {
			t.Errorf("page %d: took %d, %v", i+1, v, ok)
		}
		if _, ok := pr.Take(p); ok {
			t.Errorf("page %d taken twice", i+1)
		}
	}
	if _, ok := pr.Take(&pdfpage.Page{}); ok {
		t.Error("an unprepared page was found")
	}
}
