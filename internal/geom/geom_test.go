package geom

import (
	"cmp"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/petool/pet/internal/pdfpage"
)

// text lays s out as glyphs of size size on baseline y from x.
func text(s string, x, y, size float64) []pdfpage.Glyph {
	var gs []pdfpage.Glyph
	for _, r := range s {
		gs = append(gs, pdfpage.Glyph{Text: string(r), X0: x, X1: x + size, Y: y, Size: size})
		x += size
	}
	return gs
}

// page is a 16 pt title over body lines of 9 pt at pitch 13.5 and a 7 pt
// footnote.
func page() *pdfpage.Page {
	p := &pdfpage.Page{Number: 1, Width: 595, Height: 842}
	p.Glyphs = append(p.Glyphs, text("项目支出绩效目标表", 100, 40, 16)...)
	for i := range 6 {
		p.Glyphs = append(p.Glyphs, text("正文一行字  ", 60, 80+13.5*float64(i), 9)...)
		p.Glyphs = append(p.Glyphs, text("右栏", 300, 80+13.5*float64(i)+0.4, 9)...) // same line, a hair lower
	}
	p.Glyphs = append(p.Glyphs, text("注：说明", 60, 300, 7)...)
	p.Rules = []pdfpage.Rule{{X0: 50, Y0: 70, X1: 500, Y1: 70}, {X0: 50, Y0: 70, X1: 50, Y1: 200}}
	return p
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		name string
		page *pdfpage.Page
		want Measures
	}{
		{"body", page(), Measures{FontSize: 9, Pitch: 13.5}},
		{"scaled 60 %", Scale(page(), 0.6), Measures{FontSize: 5.4, Pitch: 8.1}},
		{"empty", &pdfpage.Page{}, Measures{FontSize: 10, Pitch: 12}},
		{"nil", nil, Measures{FontSize: 10, Pitch: 12}},
		{"one line", &pdfpage.Page{Glyphs: text("一行", 0, 10, 11)}, Measures{FontSize: 11, Pitch: 13.2}},
		// Lines 3 em apart are paragraphs, not a pitch.
		{"paragraphs", &pdfpage.Page{Glyphs: append(text("甲乙", 0, 10, 10), text("丙丁", 0, 40, 10)...)}, Measures{FontSize: 10, Pitch: 12}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Measure(tt.page)
			if math.Abs(got.FontSize-tt.want.FontSize) > 1e-9 || math.Abs(got.Pitch-tt.want.Pitch) > 1e-9 || got.RuleWidth != tt.want.RuleWidth {
				t.Errorf("Measure = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestBodySize(t *testing.T) {
	tests := []struct {
		name   string
		glyphs []pdfpage.Glyph
		want   float64
	}{
		{"most glyphs win", append(text("甲乙丙", 0, 0, 9), text("丁", 0, 0, 12)...), 9},
		{"weighted by glyphs, not lines", append(text("甲", 0, 0, 9), text("乙丙", 0, 20, 12)...), 12},
		{"tie: the smaller", append(text("甲乙", 0, 0, 9), text("丙丁", 0, 0, 12)...), 9},
		{"rounded to a tenth", append(text("甲", 0, 0, 10.04), text("乙", 0, 0, 9.96)...), 10},
		{"spaces do not count", append(text("    ", 0, 0, 20), text("甲", 0, 0, 8)...), 8},
		{"none", nil, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BodySize(tt.glyphs); got != tt.want {
				t.Errorf("BodySize = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestTolerances pins every tolerance of a 10 pt page (pitch 12): a change
// here changes what every reader sees, so it must be deliberate.
func TestTolerances(t *testing.T) {
	got := Measures{FontSize: 10, Pitch: 12}.Tolerances()
	want := Tolerances{
		FontSize:      10,
		SameRule:      2.5,
		RuleJoin:      6,
		RuleTouch:     5,
		EdgeCover:     0.5,
		OpenTable:     10,
		LatticeMerge:  4,
		OverflowStart: 90,
		OverflowGap:   10,
		SizeSlack:     1.5,
		Align:         10,
		BandSlack:     1,
		InkPad:        0.5,
		InkMerge:      0.3,
		ColumnSlack:   5,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tolerances =\n %+v, want\n %+v", got, want)
	}
	// A loosely set page (pitch 3 em) lets clipped lines lie a pitch's gap
	// apart; a thick rule (2 pt) widens what is the same rule.
	loose := Measures{FontSize: 10, Pitch: 30, RuleWidth: 2}.Tolerances()
	if loose.OverflowGap != 20 || loose.SameRule != 4 || loose.LatticeMerge != 4 || loose.RuleTouch != 5 {
		t.Errorf("loose page: %+v", loose)
	}
}

// TestScaleInvariant: a page printed at k × 100 % has every tolerance k
// times as large, so the readers see the same table.
func TestScaleInvariant(t *testing.T) {
	base := Measure(page()).Tolerances()
	for _, k := range []float64{0.6, 1.4, 2} {
		got := Measure(Scale(page(), k)).Tolerances()
		b, g := reflect.ValueOf(base), reflect.ValueOf(got)
		for i := range b.NumField() {
			name := b.Type().Field(i).Name
			want := b.Field(i).Float() * k
			if name == "EdgeCover" {
				want = b.Field(i).Float() // a share, not a distance
			}
			if math.Abs(g.Field(i).Float()-want) > 1e-9*want+1e-9 {
				t.Errorf("at %.0f %%: %s = %v, want %v", k*100, name, g.Field(i).Float(), want)
			}
		}
	}
}

func TestScale(t *testing.T) {
	p := page()
	q := Scale(p, 0.5)
	if q.Width != 297.5 || q.Height != 421 || len(q.Glyphs) != len(p.Glyphs) || len(q.Rules) != len(p.Rules) {
		t.Fatalf("Scale: page %vx%v, %d glyphs, %d rules", q.Width, q.Height, len(q.Glyphs), len(q.Rules))
	}
	if g := q.Glyphs[0]; g.X0 != 50 || g.X1 != 58 || g.Y != 20 || g.Size != 8 || g.Text != "项" {
		t.Errorf("first glyph %+v", g)
	}
	if r := q.Rules[0]; r != (pdfpage.Rule{X0: 25, Y0: 35, X1: 250, Y1: 35}) {
		t.Errorf("first rule %+v", r)
	}
	if p.Glyphs[0].Size != 16 || p.Rules[0].X1 != 500 {
		t.Error("Scale modified its input")
	}
}

// TestIsSpaceIsTrimSpace: isSpace, with its first-byte shortcut, is
// strings.TrimSpace(text) == "" on every rune up to U+FFFF alone, after a
// letter, and before one.
func TestIsSpaceIsTrimSpace(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		for _, s := range []string{string(r), string(r) + "a", "a" + string(r), string(r) + " ", string(r) + "\u3000"} {
			if got, want := isSpace(pdfpage.Glyph{Text: s}), strings.TrimSpace(s) == ""; got != want {
				t.Fatalf("isSpace(%q) = %v, want %v", s, got, want)
			}
		}
	}
	if !isSpace(pdfpage.Glyph{}) {
		t.Error("an empty glyph is not space")
	}
}

// TestCompareFinite: CompareFinite orders every number but NaN as
// cmp.Compare does, so the rule sorts come out the same.
func TestCompareFinite(t *testing.T) {
	vals := []float64{math.Inf(-1), -1e308, -2.5, -1, math.Copysign(0, -1), 0, 5e-324, 1, 2.5, 841.89, 1e308, math.Inf(1)}
	for _, a := range vals {
		for _, b := range vals {
			if got, want := CompareFinite(a, b), cmp.Compare(a, b); got != want {
				t.Errorf("CompareFinite(%g, %g) = %d, want %d", a, b, got, want)
			}
		}
	}
}
