package layout

import (
	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/internal/pdfpage"
)

// Open opens the PDF in data for the page reader, within sess (nil: the
// session bound to data, else the process's limits), reading the objects
// of the page tree on up to workers goroutines (0 or 1: one).
func Open(data []byte, password string, sess *pdfload.Session, workers int) (*pdfpage.Document, error) {
	d, err := pdfload.Load(data, pdfload.Options{Password: password, Session: sess, Workers: workers})
	if err != nil {
		return nil, err
	}
	return pdfpage.FromLoad(d) // the pages Load walked, and its bytes for the streams
}

// ReadPages interprets every page of doc and hands each to fn in page
// order, on up to workers goroutines. At most twice as many pages as
// workers are read ahead of fn, so memory holds a few pages, not the
// document. A page that cannot be read is an empty page with its error.
// prepare, unless nil, is called on each page right after it is read, on
// the goroutine that read it (see Preparer): the per-page work of the
// readers runs on every worker, and fn, which must see the pages in
// order, does only what needs the page before.
func ReadPages(doc *pdfpage.Document, workers int, prepare func(p *pdfpage.Page), fn func(p *pdfpage.Page, err error)) {
	n := doc.NumPages()
	read := func(d *pdfpage.Document, i int) (*pdfpage.Page, error) {
		p, err := d.Page(i + 1)
		if err != nil {
			p = &pdfpage.Page{Number: i + 1}
		}
		if prepare != nil {
			prepareSafely(prepare, p)
		}
		return p, err
	}
	if workers <= 1 || n < 4 {
		for i := 0; i < n; i++ {
			fn(read(doc, i))
		}
		return
	}
	type result struct {
		p   *pdfpage.Page
		err error
	}
	window := 2 * workers
	slots := make([]chan result, window) // page i goes to slot i%window
	for k := range slots {
		slots[k] = make(chan result, 1)
	}
	tokens := make(chan struct{}, window) // one per page read but not yet handed on
	jobs := make(chan int)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case tokens <- struct{}{}:
			case <-done:
				return
			}
			select {
			case jobs <- i:
			case <-done:
				return
			}
		}
	}()
	for w := 0; w < min(workers, n); w++ {
		go func(d *pdfpage.Document) {
			for i := range jobs {
				p, err := read(d, i)
				slots[i%window] <- result{p, err}
			}
		}(doc.Fork())
	}
	for i := 0; i < n; i++ {
		r := <-slots[i%window]
		fn(r.p, r.err)
		<-tokens
	}
}

// prepareSafely runs prepare on p, dropping a panic: a worker goroutine
// has no one to hand it to, and the reader meets it again when fn feeds it
// the page (a Preparer keeps nothing of a page it failed on, or keeps the
// panic for Page), on the goroutine whose caller handles it.
func prepareSafely(prepare func(*pdfpage.Page), p *pdfpage.Page) {
	defer func() { _ = recover() }()
	prepare(p)
}
