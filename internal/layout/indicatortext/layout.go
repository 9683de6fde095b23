package indicatortext

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/lazyre"
	"github.com/petool/pet/internal/pdfpage"
)

// Band is a vertical extent on a page.
type Band struct{ Y0, Y1 float64 }

// Cell is the text found in one cell of a row band on one page.
type Cell struct {
	Text          string  // lines joined with nothing between them, as drawn
	NumLines      int     // the cell's lines
	Size          float64 // font size of the first line
	Indent        float64 // first line's first visible glyph, from the column's left edge
	RightGap      float64 // first line's last visible glyph to the column's right edge
	LeadingSpaces int     // space characters drawn before the first visible glyph
}

// RowBand is one row of the table as drawn on one page.
type RowBand struct {
	Band
	Cells []Cell // one per column
}

// PageTable is the part of the table on one page: where pet found the
// header, columns and rows. It is what `pet inspect` shows.
type PageTable struct {
	Page    int
	Header  *Band // nil when the header is not repeated on this page
	Top     float64
	Bottom  float64
	Columns []Column
	Rows    []RowBand
	Ruled   bool // rows come from ruling lines (else from text blocks)
	// OpenBottom is set when a ruled table has no rule along its bottom
	// edge on this page: its last row is cut by the page break.
	OpenBottom bool

	title    string  // the table's title line (compacted) as on its first page, "" if none
	gutters  []span  // unruled tables: the white space between columns
	endsHere bool    // unruled tables: something other than rows follows on this page
	textSize float64 // unruled tables: font size of the body text
	textRows bool    // ruled columns but rows from text blocks
}

// analyzePage finds the table on a page: under its own header, or
// continuing the table of the previous page (prev) when the header is not
// repeated.
func analyzePage(g *pageGeometry, prev *PageTable) (*PageTable, bool) {
	if hit, ok := g.header(); ok {
		if t, ok := tableUnderHeader(g, hit, prev); ok {
			return t, true
		}
	}
	if prev != nil {
		return continuedTable(g, prev)
	}
	return nil, false
}

// tableUnderHeader builds the page's table below a header row.
func tableUnderHeader(g *pageGeometry, hit headerHit, prev *PageTable) (*PageTable, bool) {
	t := &PageTable{Page: g.page.Number}
	top, bottom := hit.top, hit.bottom
	var xs []float64
	if hit.ruled {
		xs = dedupe(g.verticalsAt(bottom, g.tol.SameRule), g.tol.SameRule)
	}
	if len(xs) >= 3 {
		t.Ruled = true
		for i := 1; i < len(xs); i++ {
			t.Columns = append(t.Columns, Column{X0: xs[i-1], X1: xs[i]})
		}
	} else {
		// No grid: columns from the header words, rows from text blocks.
		// A rule under the header still bounds it where there is one.
		if !hit.ruled {
			top, bottom = hit.top-g.tol.BandSlack, headerTextBottom(g, hit)
		}
		if prev != nil && !prev.Ruled && len(prev.gutters) > 0 && prev.Page == g.page.Number-1 {
			// The header repeats over the same columns: keep them, and
			// narrow the gutters to what this page leaves empty too.
			t.Columns = append([]Column(nil), prev.Columns...)
			t.gutters = append([]span(nil), prev.gutters...)
			t.textSize = prev.textSize
			t.Top = bottom
			narrowGutters(g, t)
		} else {
			t.Columns, t.gutters = textColumns(g, hit, bottom)
		}
	}
	t.Header = &Band{top, bottom}
	seen := map[Field]bool{}
	for i := range t.Columns {
		c := &t.Columns[i]
		c.Header = cellText(g.glyphsIn(c.X0, top, c.X1, bottom)).Text
		c.Field = fieldOfHeader(c.Header)
		if seen[c.Field] {
			c.Field = FieldNone // a second column of the same kind (a sub-column) is not read
		}
		seen[c.Field] = true
	}
	if !hasKeyColumns(t.Columns) || wholeDepartmentTitle(g, top) {
		return nil, false
	}
	t.title = titleAbove(g, top)
	if prev != nil && t.title == "" {
		t.title = prev.title
	}
	t.Top = bottom
	fillRows(g, t, prev)
	return t, true
}

// hasKeyColumns reports whether the header reads as the indicator-text
// table: a name column and a 绩效指标 column that holds the indicators as
// text. A table with only a 绩效目标 column (a 项目支出预算表), one whose
// indicators stand in a grid (一级指标 / 二级指标 / 三级指标: the other
// layouts) and a self-evaluation (自评, 完成值, 得分) are not it.
func hasKeyColumns(cols []Column) bool {
	name, indicators := false, false
	for _, c := range cols {
		name = name || c.Field == FieldName
		indicators = indicators || c.Field == FieldIndicators
		if isGridHeader(c.Header) || isEvaluationHeader(c.Header) {
			return false
		}
	}
	return name && indicators
}

// isGridHeader reports a header of an indicator grid column.
func isGridHeader(h string) bool {
	t := compact(h)
	return strings.Contains(t, "一级指标") || strings.Contains(t, "二级指标") || strings.Contains(t, "三级指标") ||
		strings.Contains(t, "指标值") || strings.Contains(t, "指标名称")
}

// isEvaluationHeader reports a header of a self-evaluation (绩效自评) table.
func isEvaluationHeader(h string) bool {
	t := compact(h)
	return strings.Contains(t, "自评") || strings.Contains(t, "完成值") || strings.Contains(t, "得分") ||
		strings.Contains(t, "偏差")
}

// continuedTable finds the table of the previous page continuing at the top
// of this one without a repeated header: the same vertical rules.
func continuedTable(g *pageGeometry, prev *PageTable) (*PageTable, bool) {
	t := &PageTable{Page: g.page.Number, Columns: prev.Columns, Ruled: prev.Ruled, title: prev.title}
	if !prev.Ruled {
		return continuedTextTable(g, prev)
	}
	bounds := boundaries(prev.Columns)
	matched := 0
	top := math.Inf(1)
	for _, x := range bounds {
		for _, v := range g.vert {
			if math.Abs(v.pos-x) <= g.tol.Align && len(v.pieces) > 0 {
				matched++
				top = min(top, v.pieces[0].lo)
				break
			}
		}
	}
	if matched*10 < len(bounds)*6 || math.IsInf(top, 1) || headingAbove(g, top, prev.title) {
		return nil, false
	}
	// The table's top edge is a horizontal rule at (or near) the top of the verticals.
	if y, ok := g.ruleBelow(top-g.tol.SameRule, 2*g.tol.SameRule, bounds[0], bounds[len(bounds)-1], g.tol.EdgeCover); ok {
		top = y
	}
	t.Top = top
	fillRows(g, t, prev)
	if len(t.Rows) == 0 {
		return nil, false
	}
	return t, true
}

// wholeDepartmentTitle reports whether the lines above y name the
// whole-department table (部门整体支出绩效目标表), which is not the target
// table even where it prints indicators as text.
func wholeDepartmentTitle(g *pageGeometry, y float64) bool {
	for _, l := range g.lines {
		if l.Bottom() > y {
			break
		}
		if t := compact(l.Text()); strings.Contains(t, "整体支出") || strings.Contains(t, "部门整体") || strings.Contains(t, "整体绩效") {
			return true
		}
	}
	return false
}

// headingRe matches the title or section heading of another table.
var headingRe = lazyre.New(`表|^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十]+[）)]|^第[一二三四五六七八九十\d]+部分`)

// headingAbove reports whether a title or heading other than the table's
// own title stands above y on the page: the table there is another one,
// not the previous page's continued.
func headingAbove(g *pageGeometry, y float64, title string) bool {
	for _, l := range g.lines {
		if l.Bottom() > y+g.tol.BandSlack {
			break
		}
		if t := compact(l.Text()); t != "" && t != title && !isPageNumber(t) && headingRe.MatchString(t) {
			return true
		}
	}
	return false
}

// titleAbove returns the nearest line above y that reads as a table's
// title, compacted; "" when there is none.
func titleAbove(g *pageGeometry, y float64) string {
	title := ""
	for _, l := range g.lines {
		if l.Bottom() > y+g.tol.BandSlack {
			break
		}
		if t := compact(l.Text()); strings.Contains(t, "表") && !departmentRe.MatchString(t) {
			title = t
		}
	}
	return title
}

func boundaries(cols []Column) []float64 {
	xs := make([]float64, 0, len(cols)+1)
	for i, c := range cols {
		if i == 0 {
			xs = append(xs, c.X0)
		}
		xs = append(xs, c.X1)
	}
	return xs
}

// dedupe drops the positions closer than tol to the one before: the same
// rule.
func dedupe(xs []float64, tol float64) []float64 {
	var out []float64
	for _, x := range xs {
		if len(out) > 0 && x-out[len(out)-1] < tol {
			continue
		}
		out = append(out, x)
	}
	return out
}

// fillRows finds the body's extent below t.Top and cuts it into row bands at
// the horizontal rules, then reads every cell.
func fillRows(g *pageGeometry, t *PageTable, prev *PageTable) {
	if !t.Ruled {
		fillTextRows(g, t)
		return
	}
	bounds := boundaries(t.Columns)
	left, right := bounds[0], bounds[len(bounds)-1]
	// The body ends where the column rules end.
	var bottoms []float64
	for _, x := range bounds {
		for _, v := range g.vert {
			if math.Abs(v.pos-x) > g.tol.Align {
				continue
			}
			if p, ok := v.spanAt(t.Top+g.tol.BandSlack, g.tol.RuleJoin); ok {
				bottoms = append(bottoms, p.hi)
			}
			break
		}
	}
	if len(bottoms) == 0 {
		t.Bottom = t.Top
		return
	}
	sort.Float64s(bottoms)
	t.Bottom = bottoms[len(bottoms)/2]
	cuts := []float64{t.Top}
	for _, h := range g.horiz {
		if h.pos > t.Top+g.tol.BandSlack && h.pos < t.Bottom-g.tol.BandSlack && h.covered(left, right) >= g.tol.EdgeCover*(right-left) {
			cuts = append(cuts, h.pos)
		}
	}
	cuts = append(cuts, t.Bottom)
	_, closed := g.ruleBelow(t.Bottom-g.tol.SameRule, 2*g.tol.SameRule, left, right, g.tol.EdgeCover)
	t.OpenBottom = !closed
	// Column rules but no row rules: rows from the text blocks. Whether the
	// table rules its rows is decided on its first page; later pages
	// inherit it, since one tall row can fill a page without a rule.
	t.textRows = len(cuts) == 2
	if prev != nil {
		t.textRows = prev.textRows
	}
	if t.textRows {
		fillTextRows(g, t)
		return
	}
	var bands []Band
	for i := 1; i < len(cuts); i++ {
		if cuts[i]-cuts[i-1] >= g.tol.SameRule {
			bands = append(bands, Band{cuts[i-1], cuts[i]})
		}
	}
	t.Rows = readRows(g, t.Columns, bands)
}

// readRows reads every cell of the row bands (sorted top to bottom, not
// overlapping) in one pass over the page's glyphs: a glyph belongs to the
// cell that holds the centre of its box.
func readRows(g *pageGeometry, cols []Column, bands []Band) []RowBand {
	if len(bands) == 0 || len(cols) == 0 {
		return nil
	}
	if r := g.rows; r != nil && slices.Equal(r.cols, cols) && slices.Equal(r.bands, bands) {
		g.rows = nil // read ahead (pageGeometry.readAhead): one table has them
		return r.rows
	}
	rows := readRowsNow(g, cols, bands)
	if g.keepRows {
		g.rows = &rowRead{slices.Clone(cols), slices.Clone(bands), rows}
	}
	return rows
}

func readRowsNow(g *pageGeometry, cols []Column, bands []Band) []RowBand {
	s := rowScratchPool.Get().(*rowScratch)
	defer s.release()
	nb := len(bands) * len(cols)
	s.counts = slices.Grow(s.counts[:0], nb)[:nb]
	clear(s.counts)
	top, bottom := bands[0].Y0, bands[len(bands)-1].Y1
	left, right := cols[0].X0, cols[len(cols)-1].X1
	inRange := func(l Line) bool { return !(l.Bottom() < top-l.Size || l.Top() > bottom+l.Size) }
	most := 0
	for _, l := range g.lines {
		if inRange(l) {
			most += len(l.Glyphs)
		}
	}
	s.placed = slices.Grow(s.placed, most) // grown once, not by doubling
	for _, l := range g.lines {
		if !inRange(l) {
			continue
		}
		start := len(s.placed)
		for _, gl := range l.Glyphs {
			cx, cy := gl.CenterX(), gl.CenterY()
			if cx < left || cx >= right || cy < top || cy >= bottom {
				continue
			}
			b := sort.Search(len(bands), func(i int) bool { return bands[i].Y1 > cy }) // first band ending below cy
			c := sort.Search(len(cols), func(i int) bool { return cols[i].X1 > cx })
			if b == len(bands) || c == len(cols) || cy < bands[b].Y0 || cx < cols[c].X0 {
				continue
			}
			s.placed = append(s.placed, placedGlyph{gl, b, c})
		}
		keepSpills(s.placed[start:], cols)
		for _, p := range s.placed[start:] {
			s.counts[p.band*len(cols)+p.col]++
		}
	}
	// Each cell's glyphs, in the order placed, as one piece of one array.
	s.glyphs = slices.Grow(s.glyphs[:0], len(s.placed))[:len(s.placed)]
	end := 0
	for k, n := range s.counts {
		end += n
		s.counts[k] = end - n // where the cell's glyphs start
	}
	for _, p := range s.placed {
		k := p.band*len(cols) + p.col
		s.glyphs[s.counts[k]] = p.Glyph
		s.counts[k]++ // now where the next cell's start
	}
	rows := make([]RowBand, len(bands))
	cells := make([]Cell, len(bands)*len(cols))
	from := 0
	for b, band := range bands {
		rows[b] = RowBand{Band: band, Cells: cells[b*len(cols) : (b+1)*len(cols) : (b+1)*len(cols)]}
		for c, col := range cols {
			to := s.counts[b*len(cols)+c]
			cell, first := cellLines(s.glyphs[from:to:to])
			from = to
			if cell.NumLines > 0 {
				cell.Indent = firstVisibleX(first) - col.X0
				cell.RightGap = col.X1 - lastVisibleX(first)
			}
			rows[b].Cells[c] = cell
		}
	}
	return rows
}

// rowScratch is readRowsNow's working memory, reused from call to call:
// nothing of it outlives the call (cells keep texts and measures only).
type rowScratch struct {
	placed []placedGlyph   // glyphs in cells, line by line
	counts []int           // per cell (band-major): glyphs, then offsets
	glyphs []pdfpage.Glyph // every cell's glyphs, cell after cell
}

var rowScratchPool = sync.Pool{New: func() any { return new(rowScratch) }}

// maxPooledRowGlyphs bounds the scratch kept for the next call.
const maxPooledRowGlyphs = 1 << 16

func (s *rowScratch) release() {
	if cap(s.placed) > maxPooledRowGlyphs {
		return
	}
	clear(s.glyphs) // drop the glyph texts
	clear(s.placed)
	s.placed, s.glyphs = s.placed[:0], s.glyphs[:0]
	rowScratchPool.Put(s)
}

// placedGlyph is a glyph with the row band and column holding its centre.
type placedGlyph struct {
	pdfpage.Glyph
	band, col int
}

// keepSpills gives back to its cell the text a cell spills past its right
// rule, on one line (glyphs in x order): WPS draws a cell's trailing spaces
// on across the next cells, over their own text, and hanging punctuation (a
// closing 。 allowed past the margin) sits just beyond the rule. A space
// continues the spill when it starts where the spill so far ends; a
// punctuation mark when it touches the cell's last glyph and starts within
// half an em of the rule.
func keepSpills(line []placedGlyph, cols []Column) {
	// The last glyph of each cell on the line, found from the end.
	seen := map[[2]int]bool{}
	last := make([]bool, len(line))
	for i := len(line) - 1; i >= 0; i-- {
		k := [2]int{line[i].band, line[i].col}
		last[i] = !seen[k]
		seen[k] = true
	}
	for i := range line {
		p := line[i]
		if p.col+1 >= len(cols) || !last[i] {
			continue
		}
		if !isSpaceGlyph(p.Glyph) {
			// Hanging punctuation: the next glyph, touching p (set with no
			// gap at all, where the next cell's text starts after the rule
			// and the cell's padding), just past the rule.
			touch := geom.TouchEm * p.Size
			for j := i + 1; j < len(line); j++ {
				q := &line[j]
				if q.band != p.band {
					continue
				}
				if q.col == p.col+1 && isHangingPunct(q.Glyph) && math.Abs(q.X0-p.X1) <= touch && q.X0 < cols[p.col].X1+geom.HangPastRuleEm*p.Size {
					q.col = p.col
				}
				break
			}
			continue
		}
		// Trailing spaces: every space that starts where the spill ends,
		// over whatever the next cells draw.
		tol := geom.SpillEm * p.Size
		end := p.X1
		for j := i + 1; j < len(line); j++ {
			q := &line[j]
			if q.band != p.band || !isSpaceGlyph(q.Glyph) {
				continue
			}
			if math.Abs(q.X0-end) > tol {
				break
			}
			q.col, end = p.col, q.X1
		}
	}
}

func isSpaceGlyph(gl pdfpage.Glyph) bool { return strings.TrimSpace(gl.Text) == "" }

// isHangingPunct reports closing punctuation that typesetters let hang
// past the right margin.
func isHangingPunct(gl pdfpage.Glyph) bool {
	switch gl.Text {
	case "。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", ".", ",", ";", ":", ")":
		return true
	}
	return false
}

func lastVisibleX(l Line) float64 {
	for i := len(l.Glyphs) - 1; i >= 0; i-- {
		if strings.TrimSpace(l.Glyphs[i].Text) != "" {
			return l.Glyphs[i].X1
		}
	}
	return l.X1
}

func firstVisibleX(l Line) float64 {
	for _, g := range l.Glyphs {
		if strings.TrimSpace(g.Text) != "" {
			return g.X0
		}
	}
	return l.X0
}

// cellText joins a cell's glyphs into lines and the lines into text.
func cellText(glyphs []pdfpage.Glyph) Cell {
	c, _ := cellLines(glyphs)
	return c
}

// cellLines is cellText, with the cell's first line (for its measures).
// The cell keeps the text and measures only, not the glyphs.
func cellLines(glyphs []pdfpage.Glyph) (Cell, Line) {
	lines := groupLines(glyphs)
	c := Cell{NumLines: len(lines)}
	if len(lines) == 1 {
		c.Text = lines[0].Text()
	} else {
		var b strings.Builder
		for _, l := range lines {
			b.WriteString(l.Text())
		}
		c.Text = b.String()
	}
	var first Line
	if len(lines) > 0 {
		first = lines[0]
		c.Size = first.Size
		for _, gl := range lines[0].Glyphs {
			if strings.TrimSpace(gl.Text) != "" {
				break
			}
			c.LeadingSpaces++
		}
	}
	return c, first
}
