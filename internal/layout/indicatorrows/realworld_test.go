package indicatorrows_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/petool/pet/check"
	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/layout/indicatorrows"
	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/internal/pdfpage"
	"github.com/petool/pet/parser"
)

var dump = flag.String("dump", "", "write the indicator-rows document of this PDF as JSON to stdout (debugging)")

const realworld = "../../../testdata/realworld/2026"

// rowsDocument parses the PDF with the parser and keeps the indicator-rows
// tables only: their rows renumbered, the heading of the first of them.
func rowsDocument(t testing.TB, path string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parser.Parse(bytes.NewReader(data), int64(len(data)), parser.Options{})
	if doc != nil {
		doc.Source = filepath.Base(path)
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := &document.Document{Source: doc.Source, Pages: doc.Pages, Rows: []document.Row{}, Tables: []document.Table{},
		Warnings: []document.Warning{}}
	keep := map[int]int{}
	for i, tb := range doc.Tables {
		if tb.Layout != document.LayoutIndicatorRows {
			continue
		}
		keep[i] = len(out.Tables)
		out.Tables = append(out.Tables, tb)
	}
	for _, r := range doc.Rows {
		k, ok := keep[r.Table]
		if !ok {
			continue
		}
		r.Seq, r.Table = len(out.Rows)+1, k
		out.Rows = append(out.Rows, r)
	}
	// The reader's own warnings, renumbered as the parser does, then the
	// checks of these tables' figures alone.
	tables := indicatorrows.Read(readPages(t, data))
	offset := 0
	for _, tb := range tables {
		for _, w := range tb.Warnings {
			if w.Row > 0 {
				w.Row += offset
			}
			out.Warnings = append(out.Warnings, w)
		}
		offset += len(tb.Rows)
	}
	if len(tables) > 0 {
		out.Layout, out.Title = document.LayoutIndicatorRows, out.Tables[0].Title
		out.Department, out.CurrencyUnit, out.Year = tables[0].Department, tables[0].CurrencyUnit, tables[0].Year
	}
	out.Warnings = append(out.Warnings, check.Document(out)...)
	return out
}

// readPages reads every page of the PDF as the parser does.
func readPages(t testing.TB, data []byte) []*pdfpage.Page {
	t.Helper()
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

func TestDump(t *testing.T) {
	if *dump == "" {
		t.Skip("no -dump")
	}
	doc := rowsDocument(t, *dump)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
}

// TestExpected: the dev samples equal their expected JSON on every field the
// expected file carries (contract v2 without target, source, pages).
func TestExpected(t *testing.T) {
	for _, name := range []string{"002-beijing-055", "015-changsha-008"} {
		t.Run(name, func(t *testing.T) {
			doc := rowsDocument(t, filepath.Join(realworld, name+".pdf"))
			got := decode(t, mustJSON(t, doc))
			want := decode(t, mustRead(t, filepath.Join(realworld, name+".expected.json")))
			var diffs []string
			compare("", want, got, &diffs)
			for i, d := range diffs {
				if i == 20 {
					t.Errorf("… %d more", len(diffs)-20)
					break
				}
				t.Error(d)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decode(t *testing.T, b []byte) any {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// compare records where got differs from want, over want's keys; a key
// missing from got matches an empty object or null (omitempty).
func compare(path string, want, got any, diffs *[]string) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			if len(w) == 0 && got == nil {
				return
			}
			*diffs = append(*diffs, fmt.Sprintf("%s: want %v, got %v", path, want, got))
			return
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			gv, ok := g[k]
			if !ok {
				if m, isMap := w[k].(map[string]any); (isMap && len(m) == 0) || w[k] == nil {
					continue
				}
				*diffs = append(*diffs, fmt.Sprintf("%s.%s: missing", path, k))
				continue
			}
			compare(path+"."+k, w[k], gv, diffs)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*diffs = append(*diffs, fmt.Sprintf("%s: want %d items, got %v", path, len(w), lenOf(got)))
			if !ok {
				return
			}
		}
		for i := 0; i < min(len(w), len(g)); i++ {
			compare(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], diffs)
		}
	default:
		if !reflect.DeepEqual(want, got) {
			*diffs = append(*diffs, fmt.Sprintf("%s: want %v, got %v", path, want, got))
		}
	}
}

func lenOf(v any) any {
	if s, ok := v.([]any); ok {
		return fmt.Sprintf("%d items", len(s))
	}
	return v
}

var scan = flag.String("scan", "", "list the indicator-rows tables Read finds in these PDFs (comma-separated; debugging)")

func TestScan(t *testing.T) {
	if *scan == "" {
		t.Skip("no -scan")
	}
	for _, path := range strings.Split(*scan, ",") {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := pdfload.Open(data, "")
		if err != nil {
			fmt.Printf("%s	%v\n", filepath.Base(path), err)
			continue
		}
		if _, err := pdfpage.New(r); err != nil {
			continue
		}
		for _, tb := range indicatorrows.Read(readPages(t, data)) {
			n := 0
			for _, r := range tb.Rows {
				n += len(r.Indicators)
			}
			fmt.Printf("%s\t%d-%d\t%q\trows %d\tindicators %d\twarnings %d\n", filepath.Base(path), tb.Info.FirstPage, tb.Info.LastPage, tb.Info.Title, len(tb.Rows), n, len(tb.Warnings))
		}
	}
}
