package geom_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/fixture"
	"github.com/petool/pet/parser"
)

// TestFixtureAtAnySize renders generated tables as printed, scaled to 80 %
// on the same paper (11 pt becomes 8.8 pt), and scaled up from A4 to A3
// (141 %), and checks that the parser reads the same rows from each (their
// pages aside).
func TestFixtureAtAnySize(t *testing.T) {
	variants := []struct {
		name  string
		k     float64
		paper string // "" keeps the spec's
	}{
		{"as printed", 1, ""},
		{"80 %", 0.8, ""},
		{"A4 on A3", 297.0 / 210, fixture.PaperA3},
	}
	read, compared := 0, 0
	for seed := int64(1); seed <= 30; seed++ {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			var first string
			for _, v := range variants {
				spec, doc := fixture.Random(seed)
				if v.paper != "" && spec.Paper != fixture.PaperA4 {
					continue
				}
				w, h := paper(spec.Paper, spec.Landscape)
				if v.paper != "" {
					spec.Paper = v.paper
				}
				w2, h2 := paper(spec.Paper, spec.Landscape)
				scale(&spec, v.k, w, h, w2, h2)
				if err := fixture.Paginate(spec, doc); err != nil {
					t.Logf("%s: not printable: %v", v.name, err) // margins out of the generator's range
					continue
				}
				pdf, err := fixture.Render(spec, doc)
				if err != nil {
					t.Fatalf("%s: render: %v", v.name, err)
				}
				got, err := parser.Parse(bytes.NewReader(pdf), int64(len(pdf)), parser.Options{})
				if err != nil {
					t.Fatalf("%s: parse: %v", v.name, err)
				}
				if len(got.Rows) != len(doc.Rows) {
					t.Errorf("%s: %d rows read, %d printed", v.name, len(got.Rows), len(doc.Rows))
				}
				s := rowsOnly(t, got)
				if first == "" {
					first = s
					read++
					continue
				}
				compared++
				if s != first {
					t.Errorf("%s reads differently from the table as printed:\n%.800s\n%.800s", v.name, s, first)
				}
			}
		})
	}
	t.Logf("%d fixtures read, %d scaled copies compared", read, compared)
	if read == 0 || compared < 10 {
		t.Fatalf("%d fixtures read, %d scaled copies compared", read, compared)
	}
}

// paper is the paper's width and height in mm.
func paper(name string, landscape bool) (w, h float64) {
	switch name {
	case fixture.PaperA3:
		w, h = 297, 420
	case fixture.PaperLetter:
		w, h = 215.9, 279.4
	default:
		w, h = 210, 297
	}
	if landscape {
		w, h = h, w
	}
	return w, h
}

// scale sets spec in k times the size on a w2×h2 page (from a w×h one):
// its text width k times as wide, centred where it was; the top and bottom
// margins k times as high (the page holds more or fewer rows, whose pages
// the test does not compare).
func scale(s *fixture.Spec, k, w, _, w2, _ float64) {
	top, right, bottom, left := s.Margins[0], s.Margins[1], s.Margins[2], s.Margins[3]
	s.Margins = [4]float64{
		max(5, k*top), k*right + (w2-k*w)/2,
		max(5, k*bottom), k*left + (w2-k*w)/2,
	}
	s.FontSize *= k
	s.TitleSize *= k
	s.Padding *= k
	s.IndentOffset *= k
	s.RuleWidth *= k
}

// rowsOnly is the document's rows as JSON, without their pages.
func rowsOnly(t *testing.T, d *document.Document) string {
	rows := make([]document.Row, len(d.Rows))
	for i, r := range d.Rows {
		r.Page = 0
		rows[i] = r
	}
	b, err := json.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
