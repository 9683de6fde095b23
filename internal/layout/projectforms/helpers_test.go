package projectforms

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/petool/pet/internal/grid"
	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/internal/pdfpage"
)

// loadPages reads every page of the PDF at path.
func loadPages(t testing.TB, path string) []*pdfpage.Page {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdfload.Open(data, "")
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	doc, err := pdfpage.New(r)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var pages []*pdfpage.Page
	for i := 1; i <= doc.NumPages(); i++ {
		p, err := doc.Page(i)
		if err != nil {
			p = &pdfpage.Page{Number: i}
		}
		pages = append(pages, p)
	}
	return pages
}

// TestDump prints what Read makes of the PDF named by PET_FORMS_DUMP (a
// debugging aid, skipped otherwise).
func TestDump(t *testing.T) {
	path := os.Getenv("PET_FORMS_DUMP")
	if path == "" {
		t.Skip("PET_FORMS_DUMP not set")
	}
	pages := loadPages(t, path)
	for _, f := range readForms(pages) {
		fmt.Printf("FORM p%d-%d form=%v name=%q heading=%q inds=%d reject=%v grid=%v\n", f.page, f.lastPage, f.isForm(), f.name, f.heading, len(f.indicators), f.reject, f.grid != nil)
	}
	for _, tb := range Read(pages) {
		fmt.Printf("TABLE %+v dept=%q cur=%q year=%v\n", tb.Info, tb.Department, tb.CurrencyUnit, tb.Year)
		for _, w := range tb.Warnings {
			fmt.Printf("  WARN %+v\n", w)
		}
		for _, r := range tb.Rows {
			b, _ := json.Marshal(r)
			s := string(b)
			if os.Getenv("PET_FORMS_FULL") == "" {
				s = strings.SplitN(s, `"indicators":`, 2)[0]
			}
			fmt.Printf("  ROW p%d n=%d %s\n", r.Page, len(r.Indicators), s)
		}
	}
}

// TestCells prints the grid tables of page N of the PDF named by
// PET_FORMS_CELLS=path:N (a debugging aid, skipped otherwise).
func TestCells(t *testing.T) {
	spec := os.Getenv("PET_FORMS_CELLS")
	if spec == "" {
		t.Skip("PET_FORMS_CELLS not set")
	}
	i := strings.LastIndex(spec, ":")
	var n int
	fmt.Sscan(spec[i+1:], &n)
	p := loadPages(t, spec[:i])[n-1]
	tables := grid.Find(p)
	for _, l := range freeLines(p, tables) {
		fmt.Printf("FREE y=%.0f %q\n", l.y, l.text)
	}
	for _, tb := range tables {
		fmt.Printf("TABLE ys=%.0f xs=%.0f open=%v/%v\n", tb.Ys, tb.Xs, tb.OpenTop, tb.OpenBottom)
		for _, c := range tb.Cells {
			fmt.Printf("  r%d c%d %dx%d %q above=%q below=%q\n", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text, c.Above, c.Below)
		}
	}
}
