package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/petool/pet/document"
)

// corpusNames are the sample documents of testdata/corpus.
var corpusNames = []string{"zengcheng-2023.calc", "zengcheng-2023.chromium"}

// targetPattern reads the plain annual values of the corpus as targets, to
// give the test documents targets (the expected files have none).
var targetPattern = regexp.MustCompile(`^(\d+(?:\.\d+)?)(%|人|篇|次)?(以上)?$`)

// loadCorpus reads a sample document and completes it the way the parser
// would: source, pages, targets, and a few warnings.
func loadCorpus(t testing.TB, name string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name+".expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc document.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	doc.Source = "testdata/corpus/" + name + ".pdf"
	targets := 0
	for i := range doc.Rows {
		r := &doc.Rows[i]
		doc.Pages = max(doc.Pages, r.Page)
		for j := range r.Indicators {
			ind := &r.Indicators[j]
			if m := targetPattern.FindStringSubmatch(ind.AnnualValue); m != nil {
				op := "="
				if m[3] != "" {
					op = ">="
				}
				ind.Target = &document.Target{Op: op, Value: document.Decimal(m[1]), Unit: m[2]}
				targets++
			}
		}
	}
	if targets == 0 {
		t.Fatalf("%s: no targets made", name)
	}
	doc.Warnings = []document.Warning{
		{Code: "indicator-level-mismatch", Row: 9, Page: 2, Message: "indicator 1: level-2 code 31 does not belong to level-1 code 2"},
		{Code: "sample-document-warning", Message: "a warning about the whole document, with no row or page"},
	}
	return &doc
}

// loadGoldenInput reads the small hand-made document of testdata/export.
func loadGoldenInput(t testing.TB) *document.Document { return loadInput(t, "small") }

// v2Batch returns the hand-made document with every contract v2 field
// (testdata/export/v2.input.json) and a second document after it that
// brings a new other_money key and a new extra key, and lacks some of the
// first one's, so that the flat formats' first-seen column order shows.
func v2Batch(t testing.TB) []*document.Document {
	t.Helper()
	first := loadInput(t, "v2")
	second := loadInput(t, "v2")
	second.Source = "in/重庆 2026.pdf"
	second.Layout = document.LayoutProjectForms
	second.Year = nil
	second.Tables = second.Tables[1:]
	second.Warnings = nil
	row := second.Rows[1]
	row.Table = 0
	row.OtherMoney = document.NamedMoney{
		{Name: "国有资本经营预算", Value: document.Hundredths(150, 2).Ref()},
		{Name: "政府性基金", Value: nil},
	}
	row.Indicators[0].Extra = document.NamedText{{Name: "指标值内容", Value: "办件平均时长"}, {Name: "备注", Value: "系统统计"}}
	second.Rows = []document.Row{row}
	return []*document.Document{first, second}
}

// loadInput reads the hand-made document NAME.input.json of testdata/export.
func loadInput(t testing.TB, name string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "export", name+".input.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc document.Document
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	return &doc
}

// render writes docs with opts and returns the output.
func render(t testing.TB, opts Options, docs ...*document.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// moneyEqual reports whether two optional amounts are the same amount
// printed the same way.
func moneyEqual(a, b *document.Money) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
