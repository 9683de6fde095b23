package indicatortext_test

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sync"
	"testing"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/layout/indicatortext"
	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/internal/pdfpage"
)

// TestScaleInvariant: the indicator-text table of a real PDF reads the same
// when every page is printed at another scale (20 % to 500 %): no tolerance
// of the engine is in absolute points.
func TestScaleInvariant(t *testing.T) {
	pages := pdfPages(t, "../../../testdata/realworld/2026/005-guangzhou-022.pdf")
	want := read(t, pages, 1)
	if len(want) < 1000 {
		t.Fatalf("at 100 %%: %.200s", want)
	}
	for _, k := range []float64{0.2, 0.4, 0.6, 1.4, 2.5, 5} {
		t.Run(fmt.Sprintf("%.0f%%", k*100), func(t *testing.T) {
			if got := read(t, pages, k); got != want {
				t.Errorf("read at %.0f %% differs from 100 %%:\n got %.600s\nwant %.600s", k*100, got, want)
			}
		})
	}
}

// read feeds the pages at scale k to a reader and returns its tables as
// JSON.
func read(t *testing.T, pages []*pdfpage.Page, k float64) string {
	t.Helper()
	r := indicatortext.New(false)
	for _, p := range pages {
		r.Page(geom.Scale(p, k))
	}
	b, err := json.Marshal(r.Tables())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func pdfPages(t *testing.T, path string) []*pdfpage.Page {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdfload.Open(data, "")
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdfpage.New(r)
	if err != nil {
		t.Fatal(err)
	}
	var pages []*pdfpage.Page
	for i := 1; i <= d.NumPages(); i++ {
		p, err := d.Page(i)
		if err != nil {
			p = &pdfpage.Page{Number: i}
		}
		pages = append(pages, p)
	}
	return pages
}

// TestReadAheadReadsTheSame: pages prepared ahead (concurrently, out of
// order, as the parser's workers do) read as pages that were not: the rows
// read ahead without the page before are only taken when the reader asks
// for the same row bands; the Guangzhou table repeats its header on every
// page, so every page's rows are read ahead. Its pages are also fed with
// every other page missing, which changes what the page before is.
func TestReadAheadReadsTheSame(t *testing.T) {
	pages := pdfPages(t, "../../../testdata/realworld/2026/005-guangzhou-022.pdf")
	for _, feed := range [][]*pdfpage.Page{pages, everyOther(pages)} {
		plain := indicatortext.New(true)
		for _, p := range feed {
			plain.Page(p)
		}
		ahead := indicatortext.New(true)
		var wg sync.WaitGroup
		for i := len(feed) - 1; i >= 0; i-- {
			wg.Go(func() { ahead.Prepare(feed[i]) })
		}
		wg.Wait()
		for _, p := range feed {
			ahead.Page(p)
		}
		want, _ := json.Marshal(plain.Analysis().Tables)
		got, _ := json.Marshal(ahead.Analysis().Tables)
		if len(plain.Tables()) != 1 || string(got) != string(want) {
			t.Errorf("%d pages: read ahead %.300s\nwant %.300s", len(feed), got, want)
		}
		if !reflect.DeepEqual(ahead.Tables(), plain.Tables()) {
			t.Errorf("%d pages: the tables differ", len(feed))
		}
	}
}

func everyOther(pages []*pdfpage.Page) []*pdfpage.Page {
	var out []*pdfpage.Page
	for i := 0; i < len(pages); i += 2 {
		out = append(out, pages[i])
	}
	return out
}
