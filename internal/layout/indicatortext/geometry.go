package indicatortext

import (
	"cmp"
	"slices"
	"strings"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/pdfpage"
)

// Line is a run of glyphs that share a baseline, in reading order.
type Line struct {
	Glyphs []pdfpage.Glyph
	X0, X1 float64
	Y      float64 // baseline
	Size   float64 // largest font size on the line
	text   string
}

// Text is the line's text as drawn: glyph texts concatenated, with a space
// only where the PDF draws a space character.
func (l Line) Text() string { return l.text }

// Top is the top of the line's tallest glyph box.
func (l Line) Top() float64 { return l.Y - geom.AscentEm*l.Size }

// Bottom is the bottom of the line's tallest glyph box.
func (l Line) Bottom() float64 { return l.Y + geom.DescentEm*l.Size }

// groupLines clusters glyphs into lines by baseline and orders each line
// left to right and the lines top to bottom. glyphs is not changed: when
// they come in baseline order (layout.SortByBaseline), a line already in x
// order is a piece of glyphs, and only the other lines are copied to be
// sorted; otherwise all of glyphs is copied first.
func groupLines(glyphs []pdfpage.Glyph) []Line {
	if len(glyphs) == 0 {
		return nil
	}
	byY := func(a, b pdfpage.Glyph) int { return cmp.Compare(a.Y, b.Y) }
	if !slices.IsSortedFunc(glyphs, byY) { // cells arrive mostly in order already
		glyphs = slices.Clone(glyphs)
		pdfpage.SortStable(glyphs, func(g *pdfpage.Glyph) float64 { return g.Y })
	}
	// The lines' ends, and how many glyphs are in lines out of x order.
	var ends []int
	unsorted := 0
	start := 0
	for i := 1; i <= len(glyphs); i++ {
		if i < len(glyphs) {
			ref := glyphs[start]
			tol := geom.CellBaselineEm * max(ref.Size, glyphs[i].Size)
			if glyphs[i].Y-glyphs[i-1].Y <= tol && glyphs[i].Y-ref.Y <= 2*tol {
				continue
			}
		}
		ends = append(ends, i)
		if !slices.IsSortedFunc(glyphs[start:i], byX) {
			unsorted += i - start
		}
		start = i
	}
	own := make([]pdfpage.Glyph, 0, unsorted) // the lines sorted here
	lines := make([]Line, 0, len(ends))
	start = 0
	for _, end := range ends {
		gs := glyphs[start:end]
		if !slices.IsSortedFunc(gs, byX) {
			at := len(own)
			own = append(own, gs...)
			gs = own[at:len(own):len(own)]
		}
		lines = append(lines, makeLine(gs))
		start = end
	}
	return lines
}

// byX orders glyphs by their left edge.
func byX(a, b pdfpage.Glyph) int { return cmp.Compare(a.X0, b.X0) }

// makeLine measures the line of glyphs gs, sorting them by x in place
// unless they are in x order already.
func makeLine(gs []pdfpage.Glyph) Line {
	if !slices.IsSortedFunc(gs, byX) {
		pdfpage.SortStable(gs, func(g *pdfpage.Glyph) float64 { return g.X0 })
	}
	l := Line{Glyphs: gs, X0: gs[0].X0, X1: gs[0].X1}
	var ysum float64
	for _, g := range gs {
		l.X0 = min(l.X0, g.X0)
		l.X1 = max(l.X1, g.X1)
		l.Size = max(l.Size, g.Size)
		ysum += g.Y
	}
	l.Y = ysum / float64(len(gs))
	var b strings.Builder
	n := 0
	for _, g := range gs {
		n += len(g.Text)
	}
	b.Grow(n)
	for _, g := range gs {
		b.WriteString(g.Text)
	}
	l.text = b.String()
	return l
}

// compact removes all white space, for matching header words.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
			return -1
		}
		return r
	}, s)
}

// span is a closed interval on one axis.
type span struct{ lo, hi float64 }

// mergeSpans sorts spans and joins those that overlap or lie within gap of
// each other.
func mergeSpans(s []span, gap float64) []span {
	if len(s) == 0 {
		return nil
	}
	// The sort sort.Slice(s, s[i].lo < s[j].lo) was (both are the same
	// pdqsort, so ties and NaN end alike), without its reflection.
	slices.SortFunc(s, func(a, b span) int {
		switch {
		case a.lo < b.lo:
			return -1
		case b.lo < a.lo:
			return 1
		}
		return 0
	})
	out := []span{s[0]}
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if x.lo <= last.hi+gap {
			last.hi = max(last.hi, x.hi)
		} else {
			out = append(out, x)
		}
	}
	return out
}

// ruleLine is all rule pieces at one position (a y for horizontal rules, an
// x for vertical ones), merged along their length.
type ruleLine struct {
	pos    float64
	pieces []span
}

// covered returns how much of [lo, hi] the pieces cover.
func (r ruleLine) covered(lo, hi float64) float64 {
	total := 0.0
	for _, p := range r.pieces {
		a, b := max(p.lo, lo), min(p.hi, hi)
		if b > a {
			total += b - a
		}
	}
	return total
}

// spanAt returns the merged piece that contains v (within tol).
func (r ruleLine) spanAt(v, tol float64) (span, bool) {
	for _, p := range r.pieces {
		if v >= p.lo-tol && v <= p.hi+tol {
			return p, true
		}
	}
	return span{}, false
}

// collectRules groups a page's rules into horizontal and vertical rule
// lines: pieces tol.SameRule apart across their length are one line,
// tol.RuleJoin apart along it one piece.
func collectRules(rules []pdfpage.Rule, tol geom.Tolerances) (horiz, vert []ruleLine) {
	nh := 0
	for _, r := range rules {
		if r.Horizontal() {
			nh++
		}
	}
	hs, vs := make([]keyedRule, 0, nh), make([]keyedRule, 0, len(rules)-nh)
	for _, r := range rules {
		if r.Horizontal() {
			hs = append(hs, keyedRule{r.Y0, span{r.X0, r.X1}})
		} else {
			vs = append(vs, keyedRule{r.X0, span{r.Y0, r.Y1}})
		}
	}
	return groupRules(hs, tol), groupRules(vs, tol)
}

// keyedRule is a rule as groupRules sees it: its position across, and its
// extent along.
type keyedRule struct {
	pos float64
	s   span
}

func groupRules(rs []keyedRule, tol geom.Tolerances) []ruleLine {
	// By position; the order of rules at one position does not matter
	// (their pieces are merged, their positions equal). A position is
	// finite: the interpreter keeps a segment as a rule only when its ends
	// are within half a point across, which NaN and infinities are not.
	slices.SortFunc(rs, func(a, b keyedRule) int { return geom.CompareFinite(a.pos, b.pos) })
	var out []ruleLine
	var pieces []span // reused: mergeSpans returns a slice of its own
	var sum float64
	var n int
	flush := func() {
		if n > 0 {
			out = append(out, ruleLine{pos: sum / float64(n), pieces: mergeSpans(pieces, tol.RuleJoin)})
		}
		pieces, sum, n = pieces[:0], 0, 0
	}
	for i, r := range rs {
		if i > 0 && r.pos-rs[i-1].pos > tol.SameRule {
			flush()
		}
		pieces = append(pieces, r.s)
		sum += r.pos
		n++
	}
	flush()
	return out
}
