// Package geom holds every geometric tolerance pet's table readers use, in
// one place, derived from the measures of the page they read: the body font
// size, the line pitch and the rule width. Nothing here is in absolute
// points: a table printed at 60 % on A3, or set in 8 pt instead of 11,
// reads the same, because every distance scales with the page's text.
//
// Tolerances come in two forms:
//
//   - Tolerances, the distances of one page, computed once per page by
//     Measure(page).Tolerances() (grid.Table carries them as Tol). Use them
//     where a distance is a property of the page's table: rules that are the
//     same line, a gap that joins two pieces of a rule, a band's edge, the
//     reach of a cell's clipped text.
//   - The …Em and …Share constants: fractions of a glyph's or a line's own
//     size (or of some other length, for a Share), for where two glyphs or
//     lines are compared with each other (same baseline, touching, a word
//     gap): a heading in 16 pt and a cell in 9 pt each carry their own scale.
//     Tolerances are made from the same constants.
//
// # Adding a tolerance
//
//  1. Say in one line what it decides ("rules this close across are one
//     line") and why that much: what on the printed page it stands for (half
//     a character, a line's gap, a rule's width).
//  2. Express it as a fraction of FontSize (most distances: padding, gaps,
//     indents), of Pitch (anything counted in lines), or of RuleWidth
//     (anything about the ink of a rule), never as points fitted to a sample.
//  3. Add the fraction as a documented …Em (or …Share) constant here. If it
//     is a distance of the page, also add a documented field to Tolerances
//     and set it in Measures.Tolerances.
//  4. Add its expected value to TestTolerances, use the name at the call
//     site (no bare literal in a reader), and run the readers'
//     TestScaleInvariant (every page scaled 20 % to 500 % with Scale must
//     read the same) and `pet parse` on the real PDFs before and after.
package geom

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/petool/pet/internal/pdfpage"
)

// Measures are the page's typographic scale, taken once per page.
type Measures struct {
	// FontSize is the body font size: the most common glyph size, weighted
	// by glyphs (spaces excluded), rounded to a tenth of a point; the
	// smaller size wins a tie. 10 on a page without text. (The tenth of a
	// point is the one absolute quantity here: it moves a tolerance by at
	// most 1 % at 5 pt, and keeps sizes that differ by rounding together.)
	FontSize float64
	// Pitch is the line pitch of the body text: the most common distance
	// from a line of body-size glyphs to the next line below it in the same
	// column, rounded to a hundredth of the font size, counting only
	// distances from MinPitchEm to MaxPitchEm font sizes. DefaultPitchEm
	// font sizes when the page has fewer than two body lines.
	Pitch float64
	// RuleWidth is the stroke width of the table's rules, 0 when unknown:
	// pdfpage reduces a stroked line and a thin filled box alike to its
	// centre line, so today it is always 0 and the rule tolerances rest
	// on the font size alone (max(fraction of the font size, multiple of
	// the rule width)). It is here so a thick rule, once measured, widens
	// them without another change.
	RuleWidth float64
}

// Fractions of the page's measures that Tolerances are made of. Each says
// why it is that much.
const (
	// SameRuleEm: rules this close across their length are one line: a
	// quarter em is more than any double-drawn or antialiased rule is
	// apart, far less than the narrowest cell (a digit plus padding).
	SameRuleEm = 0.25
	// SameRuleWidths: and at least this many rule widths (the two edges of
	// a thick rule drawn as a box).
	SameRuleWidths = 2.0
	// RuleJoinEm: collinear rule pieces this far apart along their length
	// are one rule: the breaks a generator leaves at crossings are
	// narrower than half a character.
	RuleJoinEm = 0.6
	// RuleTouchEm: a rule ending this close to another touches it (joins
	// one table): half an em covers a rule stopping at the other's edge.
	RuleTouchEm = 0.5
	// EdgeCoverShare: a rule covering this share of a lattice edge draws
	// it; less is a stray piece of the neighbouring cell's border.
	EdgeCoverShare = 0.5
	// OpenTableEm: vertical rules running this far past the last (or
	// first) horizontal rule are a table open at the bottom (top): it
	// goes on onto the next page.
	OpenTableEm = 1.0
	// LatticeMergeEm: lattice lines closer than this are one: no cell is
	// narrower than half a character.
	LatticeMergeEm = 0.4
	// OverflowStartEm: the first line of a cell's text clipped past its
	// rule (a cell cut by the page end) starts within this many ems: text
	// centred vertically in a tall cell starts far off its border.
	OverflowStartEm = 9.0
	// OverflowGapEm: the following lines of clipped text lie at most this
	// far apart (bottom to top): one line's gap, or the pitch's gap when
	// the page is set looser than that.
	OverflowGapEm = 1.0
	// SizeSlackShare: a line in the table's body size is within this share
	// of it: rounding and a CJK font's slightly different em.
	SizeSlackShare = 0.15
	// AlignEm: two column edges (or a rule and a header's edge) this close
	// are the same boundary: within one character, as a table repeated on
	// the next page draws it.
	AlignEm = 1.0
	// BandSlackEm: a line or rule this close outside a band's edge (a
	// header row, a table's top) is still on the edge: a tenth of an em
	// absorbs the rounding of the producer's positions.
	BandSlackEm = 0.1
	// InkPadEm: a glyph box is taken this much wider on each side where
	// ink is compared with a boundary (a glyph drawn over a column cut, a
	// group heading's box), and a text block ends this far below its last
	// line's box.
	InkPadEm = 0.05
	// InkMergeEm: glyph boxes this close across are one stretch of ink
	// (the gutters of a table without rules lie between such stretches):
	// adjacent glyphs touch, rounding leaves a hair between them.
	InkMergeEm = 0.03
	// ColumnSlackEm: a line within this of a table's outer column edges
	// (outside them) can still be the table's (a continued table's first
	// line).
	ColumnSlackEm = 0.5
	// MinPitchEm, MaxPitchEm and DefaultPitchEm bound and default the
	// measured Pitch: lines closer than 0.9 em overprint, lines further
	// than 2.2 em apart are separate paragraphs or cells.
	MinPitchEm     = 0.9
	MaxPitchEm     = 2.2
	DefaultPitchEm = 1.2
)

// Per-glyph tolerances, as fractions of the glyph's (or line's) own size.
const (
	// BaselineEm: baselines this close are one text line, so vertically
	// centred text of mixed sizes stays one line (twice this from the
	// line's first glyph at most).
	BaselineEm = 0.45
	// SameBaselineEm: two glyphs on exactly one baseline (a continuation
	// of a line, not a neighbouring line).
	SameBaselineEm = 0.1
	// RunGapEm: glyphs this close along a baseline are one text run (no
	// word or column gap between them).
	RunGapEm = 0.3
	// TouchEm: a hanging mark touches the glyph before it: no gap at all
	// beyond rounding.
	TouchEm = 0.1
	// SpillEm: a spilled trailing space starts this close to where the
	// spill so far ends.
	SpillEm = 0.5
	// HangPastRuleEm: hanging punctuation starts within this of the cell's
	// right rule (the next cell's text starts after rule and padding).
	HangPastRuleEm = 0.5
	// AscentEm and DescentEm place a line's box around its baseline: the
	// top and bottom of a CJK glyph's em square.
	AscentEm  = 0.86
	DescentEm = 0.14
	// WordGapEm: a gap this wide on a heading line separates two phrases
	// (a title and a unit), wider than any inter-character spacing.
	WordGapEm = 2.0
	// LargestSizeShare: glyphs within this share of a cell's largest size
	// are set in that size (a repeated header over the smaller clipped text
	// of a cut cell).
	LargestSizeShare = 0.95
	// OverprintEm: two lines of a cell whose baselines are closer than this
	// would overprint: one of them is not the cell's own (the clipped
	// overflow of the cell above).
	OverprintEm = 0.8
	// TableMarginEm: a glyph centred within this of a table's outer
	// vertical rule (outside it) is in the table's band, not free text
	// beside it.
	TableMarginEm = 1.0
	// PitchSlackEm: a line continues a cell's lines when it is this close
	// to one pitch below them.
	PitchSlackEm = 0.2
	// IndentEm: two lines starting this close are at the same indentation
	// (an indentation step is a whole character).
	IndentEm = 0.5
	// CellBaselineEm: the indicator-text engine's baseline tolerance for a
	// cell's lines, tighter than BaselineEm: its cells hold wrapped lines
	// set at a tight pitch.
	CellBaselineEm = 0.4
	// HeaderWrapEm: a header line starting within this below the header
	// row's bottom is a wrapped header line.
	HeaderWrapEm = 0.6
	// HeaderRuleReachEm: the rules bounding a header row lie within this
	// above and below its heading; HeaderReachEm: without rules, the other
	// header words lie within this of it.
	HeaderRuleReachEm = 6.0
	HeaderReachEm     = 3.0
	// HeaderRuleShare: a rule bounding a header (or a table's frame) covers
	// this share of the heading's width.
	HeaderRuleShare = 0.9
	// LeadingSpacesEm: the leading spaces of an indented name reach at
	// most this far left of a table's first ink.
	LeadingSpacesEm = 4.0
	// GroupHeadingEm: a glyph within this (vertically) of a group
	// heading's baseline is part of it.
	GroupHeadingEm = 0.6
	// TableGapEm: a gap of this many ems after a table's last line ends the
	// table (what follows is not its rows).
	TableGapEm = 4.0
	// LargerTextShare: a line this many times the table's text size is a
	// title, not a row.
	LargerTextShare = 1.25
	// BlockTopEm, BlockBottomEm: a block of text lines spans from this
	// above its first baseline to this below its last one (the glyphs'
	// visible ink).
	BlockTopEm    = 0.75
	BlockBottomEm = 0.1
	// BlockGapEm: without a measured pitch, a line this close below the
	// previous line's box continues its block.
	BlockGapEm = 0.45
	// PitchRoundShare, PitchRoundEm: a line continues a block at the
	// measured pitch, give or take this share of the pitch, at least this
	// many ems (rounding of the producer's positions).
	PitchRoundShare = 0.04
	PitchRoundEm    = 0.065
	// SizeStepShare: a heading line larger than another by more than this
	// share is set in a larger size (not the same size rounded apart).
	SizeStepShare = 0.05
	// CentreSlackEm: text this close to equally far from both edges of its
	// cell is centred in it.
	CentreSlackEm = 0.2
	// IndentStepEm: a name starting this much right of the least indented
	// one is indented (a whole character less rounding, where IndentEm
	// compares two lines of one cell).
	IndentStepEm = 0.8
	// ColumnEdgeShare: a table continues a form's grid when its rules stand
	// within this share of the grid's width of the grid's column edges (a
	// share of the table, not of an em: a form's columns are laid out as
	// parts of the page width).
	ColumnEdgeShare = 0.02
)

// Tolerances are the distances, in the page's units, that decide what the
// rules and glyphs of one page mean. Build them with Measures.Tolerances.
type Tolerances struct {
	// FontSize is the body size they are derived from.
	FontSize float64
	// SameRule: rules this close across their length are one line.
	SameRule float64
	// RuleJoin: collinear pieces this far apart along their length are
	// one rule.
	RuleJoin float64
	// RuleTouch: a rule ending this close to another touches it.
	RuleTouch float64
	// EdgeCover: the share of a lattice edge its rules must cover to draw
	// it (a ratio, not a distance).
	EdgeCover float64
	// OpenTable: vertical rules this far past the outermost horizontal
	// rule make the table open on that side.
	OpenTable float64
	// LatticeMerge: lattice lines this close are one.
	LatticeMerge float64
	// OverflowStart: a clipped cell's first line outside the table starts
	// within this of the rule.
	OverflowStart float64
	// OverflowGap: its following lines are at most this far apart.
	OverflowGap float64
	// SizeSlack: a line whose size is this close to FontSize is body text.
	SizeSlack float64
	// Align: column edges this close are the same boundary.
	Align float64
	// BandSlack: a line or rule this close outside a band's edge is on it.
	BandSlack float64
	// InkPad: a glyph box's margin where ink meets a boundary.
	InkPad float64
	// InkMerge: glyph boxes this close across are one stretch of ink.
	InkMerge float64
	// ColumnSlack: a line this close outside a table's outer column edges
	// can still be the table's.
	ColumnSlack float64
}

// Tolerances derives the page's tolerances from its measures.
func (m Measures) Tolerances() Tolerances {
	s := m.FontSize
	return Tolerances{
		FontSize:      s,
		SameRule:      max(SameRuleEm*s, SameRuleWidths*m.RuleWidth),
		RuleJoin:      RuleJoinEm * s,
		RuleTouch:     max(RuleTouchEm*s, m.RuleWidth),
		EdgeCover:     EdgeCoverShare,
		OpenTable:     OpenTableEm * s,
		LatticeMerge:  max(LatticeMergeEm*s, SameRuleWidths*m.RuleWidth),
		OverflowStart: OverflowStartEm * s,
		OverflowGap:   max(OverflowGapEm*s, m.Pitch-s),
		SizeSlack:     SizeSlackShare * s,
		Align:         AlignEm * s,
		BandSlack:     BandSlackEm * s,
		InkPad:        InkPadEm * s,
		InkMerge:      InkMergeEm * s,
		ColumnSlack:   ColumnSlackEm * s,
	}
}

// Measure takes the measures of a page; a nil page measures as an empty one.
func Measure(p *pdfpage.Page) Measures {
	var gs []pdfpage.Glyph
	if p != nil {
		gs = p.Glyphs
	}
	size := BodySize(gs)
	return Measures{FontSize: size, Pitch: pitch(gs, size)}
}

// BodySize is the most common font size of the glyphs (rounded to a tenth of
// a point, the smaller winning a tie), spaces excluded; 10 when there are no
// glyphs.
func BodySize(glyphs []pdfpage.Glyph) float64 {
	// A page sets few sizes: a short list counts them faster than a map.
	type size struct{ k, n int }
	var count []size
	best, bestN := 0, 0
	for i := range glyphs {
		g := &glyphs[i]
		if g.Size <= 0 || isSpaceText(g.Text) {
			continue
		}
		k := tenths(g.Size)
		i := 0
		for i < len(count) && count[i].k != k {
			i++
		}
		if i == len(count) {
			count = append(count, size{k, 0})
		}
		count[i].n++
		if n := count[i].n; n > bestN || (n == bestN && k < best) {
			best, bestN = k, n
		}
	}
	if bestN == 0 {
		return 10
	}
	return float64(best) / 10
}

// pitch is the most common distance from a run of body text to the
// nearest run below it that overlaps it across (the next line of the same
// cell or paragraph, not of a neighbouring column whose text is centred
// at another height), in hundredths of the body size; the smaller wins a
// tie. A run is what one text-showing operator drew (Glyph.Run) on one
// baseline, or glyphs drawn one after another along it without an em's gap:
// the glyphs need no sorting, so the measure costs little.
func pitch(glyphs []pdfpage.Glyph, size float64) float64 {
	rp := pitchRuns.Get().(*[]textRun)
	runs := (*rp)[:0]
	defer func() {
		*rp = runs[:0]
		pitchRuns.Put(rp)
	}()
	last := -1 // Run of the run being built
	for i := range glyphs {
		g := &glyphs[i]
		if isSpaceText(g.Text) || math.Abs(g.Size-size) > SizeSlackShare*size {
			continue
		}
		if n := len(runs); n > 0 && math.Abs(g.Y-runs[n-1].y) <= SameBaselineEm*size &&
			(g.Run == last && g.Run != 0 || g.X0 >= runs[n-1].x1-TouchEm*size && g.X0-runs[n-1].x1 <= size) {
			r := &runs[n-1]
			r.x0, r.x1 = min(r.x0, g.X0), max(r.x1, g.X1)
			continue
		}
		runs = append(runs, textRun{g.X0, g.X1, g.Y})
		last = g.Run
	}
	byY := func(a, b textRun) int { return cmp.Compare(a.y, b.y) }
	if !slices.IsSortedFunc(runs, byY) { // the readers' pages are sorted by baseline
		slices.SortStableFunc(runs, byY)
	}
	// Pitches are counted in hundredths of an em, from MinPitchEm to
	// MaxPitchEm: an array holds them (a map takes what falls outside).
	var counts [256]int
	var more map[int]int
	best, bestN := 0, 0
	for i, r := range runs {
		for _, o := range runs[i+1:] {
			d := o.y - r.y
			if d > MaxPitchEm*size {
				break
			}
			if d < MinPitchEm*size || o.x1 <= r.x0 || o.x0 >= r.x1 {
				continue
			}
			k := int(math.Round(d / size * 100)) // in hundredths of an em, so scaling the page scales the pitch
			var n int
			if k >= 0 && k < len(counts) {
				counts[k]++
				n = counts[k]
			} else {
				if more == nil {
					more = map[int]int{}
				}
				more[k]++
				n = more[k]
			}
			if n > bestN || (n == bestN && k < best) {
				best, bestN = k, n
			}
			break
		}
	}
	if bestN == 0 {
		return DefaultPitchEm * size
	}
	return float64(best) * size / 100
}

// textRun is a run of body text, for pitch.
type textRun struct{ x0, x1, y float64 }

// pitchRuns recycles pitch's runs (every page is measured, on every worker).
var pitchRuns = sync.Pool{New: func() any { return new([]textRun) }}

func tenths(v float64) int { return int(math.Round(v * 10)) }

// isSpace reports a glyph that draws white space only (as
// strings.TrimSpace(g.Text) == "", without its call on every glyph).
func isSpace(g pdfpage.Glyph) bool { return isSpaceText(g.Text) }

// isSpaceText is isSpace of a glyph's text.
func isSpaceText(text string) bool {
	if text == "" {
		return true
	}
	// The first byte tells most glyphs apart: an ASCII letter or digit, or
	// the lead byte of a rune no Unicode space starts with (every CJK
	// ideograph), is no space.
	switch c := text[0]; {
	case c < utf8.RuneSelf:
		if c != ' ' && (c < '\t' || c > '\r') {
			return false
		}
	case c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3:
		return false
	}
	for _, r := range text {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// Scale returns a copy of the page with every coordinate and size multiplied
// by k: the page as printed at k × 100 %. Tests use it to check that a
// reader's result does not depend on the page's scale.
func Scale(p *pdfpage.Page, k float64) *pdfpage.Page {
	q := *p
	q.Width, q.Height = p.Width*k, p.Height*k
	q.Glyphs = make([]pdfpage.Glyph, len(p.Glyphs))
	for i, g := range p.Glyphs {
		g.X0, g.X1, g.Y, g.Size = g.X0*k, g.X1*k, g.Y*k, g.Size*k
		q.Glyphs[i] = g
	}
	q.Rules = make([]pdfpage.Rule, len(p.Rules))
	for i, r := range p.Rules {
		q.Rules[i] = pdfpage.Rule{X0: r.X0 * k, Y0: r.Y0 * k, X1: r.X1 * k, Y1: r.Y1 * k}
	}
	return &q
}

// CompareFinite is cmp.Compare for numbers that are not NaN, as the
// positions of a page's rules are not (pdfpage keeps only finite ones),
// without cmp.Compare's NaN tests: the rule sorts of the grid and text
// readers were a twentieth of a many-ruled form's time. It orders such
// numbers as cmp.Compare does, so a sort by it comes out the same.
func CompareFinite(a, b float64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}
