package indicatortext

import (
	"math"
	"sort"
	"strings"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/lazyre"
	"github.com/petool/pet/internal/pdfpage"
)

// This file reads tables drawn without ruling lines: columns from the
// positions of the header words, rows from the vertical extent of each
// cell's block of text.

// headerTextBottom returns the y just below the header words: the header
// lines and the wrapped lines that continue them.
func headerTextBottom(g *pageGeometry, hit headerHit) float64 {
	bottom := hit.bottom
	for _, l := range g.lines {
		if l.Top() < hit.top-g.tol.BandSlack || l.Top() > bottom+geom.HeaderWrapEm*l.Size {
			continue
		}
		if l.Y <= hit.bottom || !strings.ContainsAny(l.Text(), "0123456789") {
			bottom = max(bottom, l.Bottom())
		}
	}
	return bottom + g.tol.InkPad
}

// textColumns derives columns from the white space of an unruled table:
// the ink of the header words and of the body rows, unioned across all
// lines, leaves vertical gutters between the columns; every stretch of ink
// under header words is a column, and the boundaries lie in the middle of
// the gutters. Ink without header words (text overflowing a cell) joins its
// neighbour.
func textColumns(g *pageGeometry, hit headerHit, bottom float64) ([]Column, []span) {
	var ink, head []span
	var headerLines []Line
	for _, l := range g.lines {
		if l.Y >= hit.top && l.Top() <= bottom {
			headerLines = append(headerLines, l)
		}
	}
	group := groupHeadings(headerLines)
	for _, l := range g.lines {
		inHeader := l.Y >= hit.top && l.Top() <= bottom
		if !inHeader && l.Top() <= bottom {
			continue
		}
		for _, gl := range l.Glyphs {
			if strings.TrimSpace(gl.Text) == "" || (inHeader && group.covers(gl)) {
				continue
			}
			ink = append(ink, span{gl.X0, gl.X1})
			if inHeader {
				head = append(head, span{gl.X0, gl.X1})
			}
		}
	}
	if len(head) == 0 {
		return nil, nil
	}
	// Notes and paragraphs running across the table would close every gutter.
	headGroups := mergeSpans(append([]span(nil), head...), 0)
	ink = ink[:0]
	for _, l := range g.lines {
		if l.Top() <= bottom && !(l.Y >= hit.top) {
			continue
		}
		if l.Top() > bottom && spansGroups(l, headGroups) {
			continue
		}
		for _, gl := range l.Glyphs {
			if strings.TrimSpace(gl.Text) != "" && !(l.Top() <= bottom && group.covers(gl)) {
				ink = append(ink, span{gl.X0, gl.X1})
			}
		}
	}
	clusters := mergeSpans(ink, g.tol.InkMerge)
	var cols []Column
	for _, c := range clusters {
		hasHeader := false
		for _, h := range head {
			if h.lo < c.hi && h.hi > c.lo {
				hasHeader = true
				break
			}
		}
		if !hasHeader && len(cols) > 0 {
			cols[len(cols)-1].X1 = c.hi // overflow: part of the column before
			continue
		}
		if !hasHeader {
			cols = append(cols, Column{X0: c.lo, X1: c.hi, Field: fieldLeading}) // leading ink: joins the next column
			continue
		}
		if len(cols) == 1 && cols[0].Field == fieldLeading {
			cols[0] = Column{X0: cols[0].X0, X1: c.hi}
			continue
		}
		cols = append(cols, Column{X0: c.lo, X1: c.hi})
	}
	if len(cols) < 2 {
		return nil, nil
	}
	gutters := make([]span, len(cols)-1)
	for i := 1; i < len(cols); i++ {
		gutters[i-1] = span{cols[i-1].X1, cols[i].X0}
		cut := (cols[i-1].X1 + cols[i].X0) / 2
		cols[i-1].X1, cols[i].X0 = cut, cut
	}
	cols[0].X0 -= g.tol.BandSlack
	cols[len(cols)-1].X1 += g.tol.BandSlack
	// Leading spaces of indented names lie left of the first ink.
	for _, l := range g.lines {
		if l.Top() > bottom && l.X0 < cols[0].X0 && l.X0 > cols[0].X0-geom.LeadingSpacesEm*l.Size {
			cols[0].X0 = l.X0 - g.tol.InkPad
		}
	}
	return cols, gutters
}

// headingBoxes are the boxes of group headings in a header: words such as
// 资金来源 printed over several sub-column headings.
type headingBoxes []struct{ x0, x1, y float64 }

func (h headingBoxes) covers(g pdfpage.Glyph) bool {
	for _, b := range h {
		if pad := geom.InkPadEm * g.Size; g.X0 >= b.x0-pad && g.X1 <= b.x1+pad && math.Abs(g.Y-b.y) < geom.GroupHeadingEm*g.Size {
			return true
		}
	}
	return false
}

// groupHeadings finds the header segments that stand over two or more
// separate header segments of lower lines: group headings, which would
// otherwise bridge the gutters between their sub-columns.
func groupHeadings(lines []Line) headingBoxes {
	segs := segments(lines)
	var out headingBoxes
	for _, s := range segs {
		var under []span
		for _, o := range segs {
			em := lines[s.line].Size
			if lines[o.line].Y > lines[s.line].Y+geom.InkPadEm*em && o.x1 > s.x0-em/2 && o.x0 < s.x1+em/2 {
				under = append(under, span{o.x0, o.x1})
			}
		}
		if len(mergeSpans(under, 0)) >= 2 {
			out = append(out, struct{ x0, x1, y float64 }{s.x0, s.x1, lines[s.line].Y})
		}
	}
	return out
}

// spansGroups reports whether a line holds one run of text that reaches
// over the centres of three header groups: a note or paragraph across the
// table. (Two is not enough: the texts of two tight neighbouring columns
// can form one run.)
func spansGroups(l Line, groups []span) bool {
	if len(l.Glyphs) == 0 {
		return false
	}
	for i := 1; i < len(l.Glyphs); i++ {
		if l.Glyphs[i].X0-l.Glyphs[i-1].X1 > l.Size {
			return false
		}
	}
	n := 0
	for _, gr := range groups {
		c := (gr.lo + gr.hi) / 2
		if c > l.X0 && c < l.X1 {
			n++
		}
	}
	return n >= 3
}

// continuedTextTable continues an unruled table at the top of a page
// without a repeated header.
func continuedTextTable(g *pageGeometry, prev *PageTable) (*PageTable, bool) {
	if len(g.lines) == 0 || len(prev.Columns) == 0 {
		return nil, false
	}
	if prev.endsHere {
		return nil, false // something else followed the table on its page
	}
	left, right := prev.Columns[0].X0, prev.Columns[len(prev.Columns)-1].X1
	first := g.lines[0]
	if first.X0 < left-g.tol.ColumnSlack || first.X1 > right+g.tol.ColumnSlack || crossesColumns(first, prev.Columns) ||
		(prev.textSize > 0 && first.Size > geom.LargerTextShare*prev.textSize) || isNote(first.Text()) {
		return nil, false
	}
	t := &PageTable{Page: g.page.Number, Columns: append([]Column(nil), prev.Columns...), Top: first.Top() - g.tol.BandSlack,
		gutters: append([]span(nil), prev.gutters...), textSize: prev.textSize}
	narrowGutters(g, t)
	fillTextRows(g, t)
	return t, len(t.Rows) > 0
}

// narrowGutters moves the column cuts of a continued unruled table into the
// part of each gutter that this page's text leaves empty too: the columns
// were found on an earlier page, whose lines may have been shorter.
func narrowGutters(g *pageGeometry, t *PageTable) {
	if len(t.gutters) != len(t.Columns)-1 {
		return
	}
	var ink []span
	for _, l := range g.lines {
		if l.Top() < t.Top || isPageNumber(l.Text()) {
			continue
		}
		for _, gl := range l.Glyphs {
			if strings.TrimSpace(gl.Text) != "" {
				ink = append(ink, span{gl.X0, gl.X1})
			}
		}
	}
	ink = mergeSpans(ink, g.tol.InkMerge)
	for i, gu := range t.gutters {
		lo := (t.Columns[i].X0 + gu.lo) / 2
		hi := (gu.hi + t.Columns[i+1].X1) / 2
		free := freeSpans(ink, lo, hi)
		// Prefer the part of the old gutter that stays empty here; else the
		// empty stretch nearest to it.
		best, bestScore := span{}, math.Inf(-1)
		for _, f := range free {
			score := min(f.hi, gu.hi) - max(f.lo, gu.lo) // overlap, or minus the distance
			if score > bestScore {
				best, bestScore = f, score
			}
		}
		if bestScore == math.Inf(-1) {
			continue
		}
		if both := (span{max(best.lo, gu.lo), min(best.hi, gu.hi)}); both.hi > both.lo {
			best = both
		}
		cut := (best.lo + best.hi) / 2
		t.Columns[i].X1, t.Columns[i+1].X0 = cut, cut
		t.gutters[i] = best
	}
}

// freeSpans returns the stretches of [a, b] that no ink span covers.
func freeSpans(ink []span, a, b float64) []span {
	var out []span
	pos := a
	for _, s := range ink {
		if s.hi <= pos {
			continue
		}
		if s.lo >= b {
			break
		}
		if s.lo > pos {
			out = append(out, span{pos, s.lo})
		}
		pos = max(pos, s.hi)
	}
	if pos < b {
		out = append(out, span{pos, b})
	}
	return out
}

// fillTextRows cuts the body of a table without row rules into rows: in
// every column the lines form blocks (a cell's wrapped lines follow each
// other at the table's line pitch; the next cell's lines are further off by
// the cell padding); blocks of different columns that overlap vertically
// belong to one row. The body ends at t.Bottom when it is already known (the
// grid's frame), else at a wide empty gap or at a line that runs across
// column boundaries (a note under the table).
func fillTextRows(g *pageGeometry, t *PageTable) {
	if len(t.Columns) == 0 {
		return
	}
	left, right := t.Columns[0].X0, t.Columns[len(t.Columns)-1].X1
	if t.textSize == 0 {
		for _, l := range g.lines {
			if l.Top() >= t.Top && l.X1 >= left && l.X0 <= right {
				t.textSize = l.Size
				break
			}
		}
	}
	if t.Bottom <= t.Top {
		// A frame around the table closes it.
		if y, ok := g.ruleBelow(t.Top+g.tol.SameRule, g.page.Height, left, right, geom.HeaderRuleShare); ok {
			t.Bottom = y
		}
	}
	if t.Bottom <= t.Top {
		last, n, size := t.Top, 0, 0.0
		for _, l := range g.lines {
			if l.Top() < t.Top || l.X1 < left || l.X0 > right {
				continue
			}
			if n == 0 {
				size = l.Size
			}
			// The table ends at a wide gap, a note across the columns, a
			// page number, or the larger title of whatever follows.
			if n > 0 && isPageNumber(l.Text()) {
				break
			}
			if n > 0 && (l.Top()-last > geom.TableGapEm*l.Size || crossesColumns(l, t.Columns) || l.Size > geom.LargerTextShare*size || isNote(l.Text())) {
				t.endsHere = true
				break
			}
			n++
			last = max(last, l.Bottom())
		}
		t.Bottom = last + g.tol.InkPad
		if n == 0 {
			return
		}
	}
	colLines := make([][]Line, len(t.Columns))
	for i, c := range t.Columns {
		colLines[i] = groupLines(g.glyphsIn(c.X0, t.Top, c.X1, t.Bottom))
	}
	pitch := linePitch(colLines, g.tol.FontSize)
	var blocks []span
	for _, lines := range colLines {
		for i := 0; i < len(lines); {
			j := i + 1
			for j < len(lines) && sameBlock(lines[j-1], lines[j], pitch) {
				j++
			}
			first, last := lines[i], lines[j-1]
			blocks = append(blocks, span{first.Y - geom.BlockTopEm*first.Size, last.Y + geom.BlockBottomEm*last.Size})
			i = j
		}
	}
	rows := mergeSpans(blocks, 0)
	sort.Slice(rows, func(i, j int) bool { return rows[i].lo < rows[j].lo })
	bands := make([]Band, len(rows))
	for i, r := range rows {
		y0, y1 := t.Top, t.Bottom
		if i > 0 {
			y0 = (rows[i-1].hi + r.lo) / 2
		}
		if i+1 < len(rows) {
			y1 = (r.hi + rows[i+1].lo) / 2
		}
		bands[i] = Band{y0, y1}
	}
	t.Rows = readRows(g, t.Columns, bands)
}

var pageNumberRe = lazyre.New(`^[-－—–\s]*(第?\s*\d{1,4}\s*页?\s*(共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})[-－—–\s]*$`)

// isPageNumber reports whether a line is a page number (- 3 -, 第3页, 3/9):
// the footer under a table, never a row.
func isPageNumber(s string) bool {
	return pageNumberRe.MatchString(strings.TrimSpace(s))
}

var noteRe = lazyre.New(`^\s*(注|备注|说明|附注|数据来源)\s*[:：]`)

// isNote reports whether a line starts a note under the table (注：…).
func isNote(s string) bool { return noteRe.MatchString(s) }

// linePitch is the distance between the baselines of a cell's wrapped
// lines: the smallest distance between neighbouring lines of a column that
// occurs more than once (distances between rows are larger by the cells'
// padding, and on a page of few rows they can be the more common ones).
// It is 0 when no cell wraps.
func linePitch(colLines [][]Line, size float64) float64 {
	counts := map[int]int{}
	for _, lines := range colLines {
		for i := 1; i < len(lines); i++ {
			d := lines[i].Y - lines[i-1].Y
			if d >= geom.MinPitchEm*lines[i].Size && d <= geom.MaxPitchEm*lines[i].Size {
				counts[int(math.Round(d/size*100))]++ // hundredths of the body size: the pitch scales with the page
			}
		}
	}
	best := -1
	for k := range counts {
		// Neighbouring hundredths are the same pitch drawn with rounding.
		if counts[k]+counts[k-1]+counts[k+1] >= 2 && (best < 0 || k < best) {
			best = k
		}
	}
	if best < 0 {
		return 0
	}
	return float64(best) * size / 100
}

// sameBlock reports whether line b continues the cell of line a.
func sameBlock(a, b Line, pitch float64) bool {
	d := b.Y - a.Y
	if pitch > 0 {
		return d <= pitch+max(geom.PitchRoundEm*b.Size, geom.PitchRoundShare*pitch)
	}
	return b.Top()-a.Bottom() < geom.BlockGapEm*b.Size
}

// crossesColumns reports whether a line draws glyphs over two or more
// column boundaries: no cell text does that (columns end at rules or in
// the middle of gutters that no body glyph covers), a note under the table
// does.
func crossesColumns(l Line, cols []Column) bool {
	n := 0
	for _, c := range cols[1:] {
		for _, g := range l.Glyphs {
			if pad := geom.InkPadEm * g.Size; g.X0 < c.X0-pad && g.X1 > c.X0+pad && strings.TrimSpace(g.Text) != "" {
				n++
				break
			}
		}
	}
	return n >= 2
}
