// Package grid turns a page's ruling lines and glyphs into ruled tables of
// cells, merged cells included. It is the one table model the layout readers
// build on: a reader asks Find for the tables of a page and maps their cells
// to fields by the header words it finds in them.
//
// The model: horizontal and vertical rules (pdfpage.Page.Rules) are snapped
// and merged when collinear, tolerating small gaps and overshoots; rules that
// touch each other form one table; the distinct rule positions of a table
// are its lattice (Xs, Ys). Two neighbouring lattice cells are separated
// where a rule covers most of the edge between them; a Cell is a connected
// group of lattice cells with no separating edge between them. Every
// tolerance comes from internal/geom: measured on the page once, as
// fractions of its body font size and line pitch (Table.Tol).
package grid

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/pdfpage"
)

// Cell is one drawn cell: the union of lattice cells not separated by a rule.
type Cell struct {
	Row, Col         int      // top-left lattice position, 0-based
	RowSpan, ColSpan int      // lattice rows / columns covered, >= 1
	X0, Y0, X1, Y1   float64  // box in the page's top-left frame, points
	Lines            []string // text lines top to bottom (glyphs grouped by baseline, sorted by x)
	Text             string   // Lines joined with nothing between them, ends trimmed
	Glyphs           []pdfpage.Glyph
	// Above and Below are text lines drawn outside the table, just above
	// its top rule (cells on the first lattice row) or just below its
	// bottom rule (cells on the last), within the cell's column band: a
	// producer that cuts a merged cell at a page break draws the cell's
	// whole text on each page, clipped to the piece, so these are the
	// parts of the text hidden on this page (and visible on the other).
	Above, Below []string

	index int // in its table's Cells, for a copy of the table (clone)
}

// LastRow is the last lattice row the cell covers.
func (c *Cell) LastRow() int { return c.Row + c.RowSpan - 1 }

// LastCol is the last lattice column the cell covers.
func (c *Cell) LastCol() int { return c.Col + c.ColSpan - 1 }

// Table is one ruled table on one page.
type Table struct {
	Page   int       // 1-based page number
	Xs, Ys []float64 // lattice: x of vertical rules left→right, y of horizontal rules top→bottom
	Cells  []*Cell   // every cell, ordered by (Row, Col)
	// OpenBottom: the vertical rules run on below the last horizontal rule
	// (no closing rule: the table continues on the next page); the last
	// lattice row then ends where the vertical rules end.
	OpenBottom bool
	// OpenTop: the vertical rules start above the first horizontal rule (a
	// table continued from the previous page without a top rule).
	OpenTop bool
	// FontSize is the page's body font size the tolerances were taken from
	// (Measures.FontSize).
	FontSize float64
	// Measures are the page's measures; Tol the tolerances derived from
	// them, for the readers of the table to use.
	Measures geom.Measures
	Tol      geom.Tolerances

	at []*Cell // lattice position → cell, row-major
}

// Rows is the number of lattice rows.
func (t *Table) Rows() int { return max(len(t.Ys)-1, 0) }

// Cols is the number of lattice columns.
func (t *Table) Cols() int { return max(len(t.Xs)-1, 0) }

// CellAt returns the cell covering lattice position (row, col), nil outside
// the lattice.
func (t *Table) CellAt(row, col int) *Cell {
	if row < 0 || col < 0 || row >= t.Rows() || col >= t.Cols() {
		return nil
	}
	return t.at[row*t.Cols()+col]
}

// Bounds is the table's outer box.
func (t *Table) Bounds() (x0, y0, x1, y1 float64) {
	return t.Xs[0], t.Ys[0], t.Xs[len(t.Xs)-1], t.Ys[len(t.Ys)-1]
}

// Contains reports whether the point lies inside the table's outer box.
func (t *Table) Contains(x, y float64) bool {
	x0, y0, x1, y1 := t.Bounds()
	return x >= x0 && x <= x1 && y >= y0 && y <= y1
}

// ColAt returns the lattice column holding x, -1 outside the table.
func (t *Table) ColAt(x float64) int { return span(t.Xs, x) }

// RowAt returns the lattice row holding y, -1 outside the table.
func (t *Table) RowAt(y float64) int { return span(t.Ys, y) }

func span(edges []float64, v float64) int {
	if len(edges) < 2 || v < edges[0] || v > edges[len(edges)-1] {
		return -1
	}
	i := sort.SearchFloat64s(edges, v) // first edge >= v
	if i == 0 {
		return 0
	}
	return min(i-1, len(edges)-2)
}

type seg struct {
	pos    float64 // y of a horizontal rule, x of a vertical one
	lo, hi float64 // extent along the rule
}

// Find returns every ruled table on the page, top to bottom.
func Find(p *pdfpage.Page) []*Table {
	if p == nil {
		return nil
	}
	m := geom.Measure(p)
	tol := m.Tolerances()
	nh := 0
	for _, r := range p.Rules {
		if r.Horizontal() {
			nh++
		}
	}
	hs, vs := make([]seg, 0, nh), make([]seg, 0, len(p.Rules)-nh)
	for _, r := range p.Rules {
		if r.Horizontal() {
			hs = append(hs, seg{(r.Y0 + r.Y1) / 2, r.X0, r.X1})
		} else {
			vs = append(vs, seg{(r.X0 + r.X1) / 2, r.Y0, r.Y1})
		}
	}
	hs = mergeSegs(hs, tol.SameRule, tol.RuleJoin)
	vs = mergeSegs(vs, tol.SameRule, tol.RuleJoin)
	var tables []*Table
	for _, comp := range attachLoneVerticals(components(hs, vs, tol.RuleTouch), tol.RuleTouch) {
		if t := build(p, comp.h, comp.v, m, tol); t != nil {
			tables = append(tables, t)
		}
	}
	slices.SortFunc(tables, func(a, b *Table) int { return cmp.Compare(a.Ys[0], b.Ys[0]) })
	assignGlyphs(tables, p.Glyphs)
	return tables
}

// mergeSegs snaps segments whose pos differ by at most snap into one line
// and joins pieces along it that overlap or are at most gap apart. It
// reorders in.
func mergeSegs(in []seg, snap, gap float64) []seg {
	if len(in) == 0 {
		return nil
	}
	slices.SortFunc(in, func(a, b seg) int { return geom.CompareFinite(a.pos, b.pos) })
	var out []seg
	for i := 0; i < len(in); {
		j := i + 1
		for j < len(in) && in[j].pos-in[j-1].pos <= snap {
			j++
		}
		group := in[i:j] // sorted by lo below: the loop reads on from j
		var pos float64
		for _, s := range group {
			pos += s.pos
		}
		pos /= float64(len(group))
		slices.SortFunc(group, func(a, b seg) int { return geom.CompareFinite(a.lo, b.lo) })
		cur := seg{pos, group[0].lo, group[0].hi}
		for _, s := range group[1:] {
			if s.lo <= cur.hi+gap {
				cur.hi = max(cur.hi, s.hi)
				continue
			}
			out = append(out, cur)
			cur = seg{pos, s.lo, s.hi}
		}
		out = append(out, cur)
		i = j
	}
	return out
}

type component struct{ h, v []seg }

// components groups rules that touch or cross into tables.
func components(hs, vs []seg, touch float64) []component {
	n := len(hs) + len(vs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, h := range hs {
		for j, v := range vs {
			if v.pos >= h.lo-touch && v.pos <= h.hi+touch && h.pos >= v.lo-touch && h.pos <= v.hi+touch {
				parent[find(i)] = find(len(hs) + j)
			}
		}
	}
	byRoot := map[int]*component{}
	var roots []int
	get := func(i int) *component {
		r := find(i)
		c, ok := byRoot[r]
		if !ok {
			c = &component{}
			byRoot[r] = c
			roots = append(roots, r)
		}
		return c
	}
	for i, h := range hs {
		c := get(i)
		c.h = append(c.h, h)
	}
	for j, v := range vs {
		c := get(len(hs) + j)
		c.v = append(c.v, v)
	}
	out := make([]component, 0, len(roots))
	for _, r := range roots {
		out = append(out, *byRoot[r])
	}
	return out
}

// attachLoneVerticals joins vertical rules that touch no horizontal rule to
// the table whose full height they span: the column rules of cells merged
// over a whole page piece (a project continued from the previous page and on
// to the next has no top or bottom border on this page).
func attachLoneVerticals(comps []component, touch float64) []component {
	var out []component
	var lone []seg
	for _, c := range comps {
		if len(c.h) == 0 {
			lone = append(lone, c.v...)
			continue
		}
		out = append(out, c)
	}
	for _, v := range lone {
		best, bestDist := -1, math.Inf(1)
		for i, c := range out {
			top, bottom := math.Inf(1), math.Inf(-1)
			left, right := math.Inf(1), math.Inf(-1)
			for _, h := range c.h {
				top, bottom = min(top, h.pos), max(bottom, h.pos)
				left, right = min(left, h.lo), max(right, h.hi)
			}
			if bottom-top < touch || v.lo > top+touch || v.hi < bottom-touch {
				continue
			}
			d := max(0, max(left-v.pos, v.pos-right))
			if d < bestDist {
				best, bestDist = i, d
			}
		}
		if best >= 0 {
			out[best].v = append(out[best].v, v)
		}
	}
	return out
}

// cluster returns the distinct positions, merging those closer than tol.
func cluster(pos []float64, tol float64) []float64 {
	slices.Sort(pos)
	var out []float64
	for i := 0; i < len(pos); {
		j, sum := i, 0.0
		for j < len(pos) && pos[j]-pos[i] <= tol {
			sum += pos[j]
			j++
		}
		out = append(out, sum/float64(j-i))
		i = j
	}
	return out
}

func build(p *pdfpage.Page, hs, vs []seg, m geom.Measures, tol geom.Tolerances) *Table {
	if len(hs) == 0 || len(vs) < 2 {
		return nil
	}
	var xs, ys []float64
	for _, v := range vs {
		xs = append(xs, v.pos)
	}
	for _, h := range hs {
		ys = append(ys, h.pos)
	}
	xs = cluster(xs, tol.LatticeMerge)
	ys = cluster(ys, tol.LatticeMerge)
	if len(xs) < 2 {
		return nil
	}
	t := &Table{Page: p.Number, FontSize: m.FontSize, Measures: m, Tol: tol}
	vTop, vBottom := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		vTop = min(vTop, v.lo)
		vBottom = max(vBottom, v.hi)
	}
	if vBottom > ys[len(ys)-1]+tol.OpenTable {
		ys = append(ys, vBottom)
		t.OpenBottom = true
	}
	if vTop < ys[0]-tol.OpenTable {
		ys = append([]float64{vTop}, ys...)
		t.OpenTop = true
	}
	if len(ys) < 2 {
		return nil
	}
	t.Xs, t.Ys = xs, ys
	rows, cols := len(ys)-1, len(xs)-1
	// A lattice line is the mean of the rule lines LatticeMerge merged, so
	// a rule of it can lie two SameRule from it.
	snap := tol.SameRule
	// covered reports whether the rules at pos cover most of [lo, hi].
	covered := func(segs []seg, pos, lo, hi float64) bool {
		var got float64
		for _, s := range segs {
			if math.Abs(s.pos-pos) > 2*snap {
				continue
			}
			a, b := max(lo, s.lo), min(hi, s.hi)
			if b > a {
				got += b - a
			}
		}
		return got >= tol.EdgeCover*(hi-lo)
	}
	parent := make([]int, rows*cols)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra < rb {
			parent[rb] = ra
		} else {
			parent[ra] = rb
		}
	}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if c+1 < cols && !covered(vs, xs[c+1], ys[r], ys[r+1]) {
				union(r*cols+c, r*cols+c+1)
			}
			if r+1 < rows && !covered(hs, ys[r+1], xs[c], xs[c+1]) {
				union(r*cols+c, (r+1)*cols+c)
			}
		}
	}
	t.at = make([]*Cell, rows*cols)
	byRoot := make([]*Cell, rows*cols)
	roots := 0
	for i := range parent {
		if find(i) == i {
			roots++
		}
	}
	cells := make([]Cell, 0, roots) // one allocation for every cell
	t.Cells = make([]*Cell, 0, roots)
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			root := find(r*cols + c)
			cell := byRoot[root]
			if cell == nil {
				cells = append(cells, Cell{Row: r, Col: c, RowSpan: r, ColSpan: c})
				cell = &cells[len(cells)-1]
				byRoot[root] = cell
				t.Cells = append(t.Cells, cell)
			}
			// RowSpan and ColSpan hold the last row and column until all
			// positions are seen (a union that is not a rectangle can
			// reach further left on a lower row).
			cell.Row, cell.Col = min(cell.Row, r), min(cell.Col, c)
			cell.RowSpan, cell.ColSpan = max(cell.RowSpan, r), max(cell.ColSpan, c)
			t.at[r*cols+c] = cell
		}
	}
	for _, cell := range t.Cells {
		cell.RowSpan, cell.ColSpan = cell.RowSpan-cell.Row+1, cell.ColSpan-cell.Col+1
		cell.X0, cell.X1 = xs[cell.Col], xs[cell.Col+cell.ColSpan]
		cell.Y0, cell.Y1 = ys[cell.Row], ys[cell.Row+cell.RowSpan]
	}
	// A union of lattice cells that is not a rectangle (a missing rule
	// piece) still gets its bounding box; cells are ordered by (Row, Col).
	slices.SortFunc(t.Cells, func(a, b *Cell) int {
		if a.Row != b.Row {
			return cmp.Compare(a.Row, b.Row)
		}
		return cmp.Compare(a.Col, b.Col)
	})
	for i, cell := range t.Cells {
		cell.index = i
	}
	return t
}

// assignGlyphs puts each glyph into the cell holding its centre, except
// that a glyph continuing a text run past the cell's right rule (a hanging
// 。, WPS's trailing spaces) stays with the run.
func assignGlyphs(tables []*Table, glyphs []pdfpage.Glyph) {
	if len(tables) == 0 {
		return
	}
	s := assignScratches.Get().(*assignScratch)
	defer s.release()
	// Which table holds each glyph (-1: none), counted first so that the
	// tables' glyphs are copied once, table after table, into s.glyphs.
	in := slices.Grow(s.in[:0], len(glyphs))[:len(glyphs)]
	s.in = in
	counts := make([]int, len(tables))
	held := 0
	for k := range glyphs {
		x, y := glyphs[k].CenterX(), glyphs[k].CenterY()
		in[k] = -1
		for i, t := range tables {
			if t.Contains(x, y) {
				in[k] = int32(i)
				counts[i]++
				held++
				break
			}
		}
	}
	s.glyphs = slices.Grow(s.glyphs[:0], held)[:held]
	per := make([][]pdfpage.Glyph, len(tables))
	at := 0
	for i, n := range counts {
		per[i] = s.glyphs[at : at : at+n]
		at += n
	}
	var outside []pdfpage.Glyph
	for k, g := range glyphs {
		if i := in[k]; i >= 0 {
			per[i] = append(per[i], g)
		} else if strings.TrimSpace(g.Text) != "" {
			outside = append(outside, g)
		}
	}
	for _, t := range tables {
		overflow(t, outside)
	}
	for i, t := range tables {
		// The table's lines (in place: per[i] is this function's), each
		// glyph placed in its cell, spills given back; then each cell's
		// glyphs, counted first so that each cell allocates once.
		all := slices.Grow(s.all[:0], len(per[i]))
		eachLineInPlace(per[i], func(l []pdfpage.Glyph) {
			line := s.line[:0]
			for k := range l {
				g := &l[k]
				if c := t.CellAt(t.RowAt(g.CenterY()), t.ColAt(g.CenterX())); c != nil {
					line = append(line, placed{g, c})
				}
			}
			keepSpills(line)
			all = append(all, line...)
			s.line = line
		})
		s.all = all
		count := slices.Grow(s.counts[:0], len(t.Cells))[:len(t.Cells)]
		clear(count)
		s.counts = count
		for _, p := range all {
			count[p.cell.index]++
		}
		// One allocation for the glyphs of all the table's cells, each
		// cell a piece of it that an append would copy.
		glyphs := make([]pdfpage.Glyph, 0, len(all))
		for _, c := range t.Cells {
			if n := count[c.index]; n > 0 {
				at := len(glyphs)
				glyphs = glyphs[:at+n]
				c.Glyphs = glyphs[at : at : at+n]
			}
		}
		for _, p := range all {
			p.cell.Glyphs = append(p.cell.Glyphs, *p.g)
		}
		for _, c := range t.Cells {
			if len(c.Glyphs) == 0 {
				continue
			}
			// Lines of the cell's own glyphs, regrouped in place: the
			// cell's glyphs end in reading order.
			texts := s.texts[:0]
			eachLineInPlace(c.Glyphs, func(l []pdfpage.Glyph) { texts = append(texts, makeLine(l).Text) })
			c.Lines = slices.Clone(texts)
			s.texts = texts
			c.Text = strings.TrimSpace(strings.Join(c.Lines, ""))
		}
	}
}

// assignScratch is the working memory of assignGlyphs, reused from page to
// page: a real table's pages each copy thousands of glyphs into it, and
// memory used once costs a page fault for every 4 KB on first touch.
// Nothing of it outlives the call: the cells get copies.
type assignScratch struct {
	in     []int32         // the table of each glyph of the page, or -1
	glyphs []pdfpage.Glyph // the glyphs in tables, table after table
	all    []placed        // one table's glyphs, each with its cell
	line   []placed        // one line of them
	counts []int           // glyphs per cell, by the cell's index
	texts  []string        // one cell's line texts
}

var assignScratches = sync.Pool{New: func() any { return new(assignScratch) }}

// release drops what s points to (glyph texts, a page's cells), so that a
// pooled scratch keeps no page alive, and puts s back in the pool.
func (s *assignScratch) release() {
	clear(s.glyphs[:cap(s.glyphs)])
	clear(s.all[:cap(s.all)])
	clear(s.line[:cap(s.line)])
	clear(s.texts[:cap(s.texts)])
	assignScratches.Put(s)
}

// overflow fills the Above and Below lines of the cells on the table's first
// and last lattice rows: lines of glyphs outside every table whose centres
// lie in the cell's column band, starting within about a line of the rule and
// following each other at line pitch, and not running on into the next band
// (a heading line that crosses columns is not a cell's text).
func overflow(t *Table, outside []pdfpage.Glyph) {
	if len(outside) == 0 {
		return
	}
	tol := t.Tol
	band := func(c *Cell, above bool) []string {
		var gs []pdfpage.Glyph
		for _, g := range outside {
			if x := g.CenterX(); x <= c.X0 || x >= c.X1 {
				continue
			}
			if (above && g.CenterY() < c.Y0) || (!above && g.CenterY() > c.Y1) {
				gs = append(gs, g)
			}
		}
		lines := linesInPlace(gs) // gs is band's own
		if above {
			slices.Reverse(lines)
		}
		edge := c.Y1
		if above {
			edge = c.Y0
		}
		var out []string
		limit := tol.OverflowStart // the first line: text centred in a tall cut cell starts further off
		for _, l := range lines {
			gap := l.Top() - edge
			if above {
				gap = edge - l.Bottom()
			}
			if gap > limit || math.Abs(l.Size-tol.FontSize) > tol.SizeSlack || crosses(l, c, outside) {
				break
			}
			limit = tol.OverflowGap
			out = append(out, l.Text)
			edge = l.Bottom()
			if above {
				edge = l.Top()
			}
		}
		if above {
			slices.Reverse(out)
		}
		return out
	}
	rows := t.Rows()
	for _, c := range t.Cells {
		if c.Row == 0 {
			c.Above = band(c, true)
		}
		if c.LastRow() == rows-1 {
			c.Below = band(c, false)
		}
	}
}

// crosses reports whether a glyph outside the cell's band continues the
// line l on either side.
func crosses(l Line, c *Cell, outside []pdfpage.Glyph) bool {
	for _, g := range outside {
		if x := g.CenterX(); x > c.X0 && x < c.X1 {
			continue
		}
		if math.Abs(g.Y-l.Y) > geom.SameBaselineEm*max(g.Size, l.Size) {
			continue
		}
		if math.Abs(g.X0-l.X1) <= geom.RunGapEm*l.Size || math.Abs(l.X0-g.X1) <= geom.RunGapEm*l.Size {
			return true
		}
	}
	return false
}

// placed is a glyph (in the table's glyphs) and the cell holding its
// centre.
type placed struct {
	g    *pdfpage.Glyph
	cell *Cell
}

// keepSpills gives back to its cell the text a cell spills past its right
// rule, on one line (glyphs in x order): WPS draws a cell's trailing spaces
// on across the next cells, over their own text, and hanging punctuation (a
// closing 。 allowed past the margin) sits just beyond the rule. A space
// continues the spill when it starts where the spill so far ends; a
// punctuation mark when it touches the cell's last glyph (no gap at all,
// where the next cell's text starts after the rule and its padding) and
// starts within half an em of the rule.
func keepSpills(line []placed) {
	for i := 0; i < len(line); i++ {
		p := line[i]
		if i+1 < len(line) && line[i+1].cell == p.cell {
			continue // not the cell's last glyph so far
		}
		end, j := p.g.X1, i+1
		if !isSpace(*p.g) {
			if j >= len(line) {
				continue
			}
			q := &line[j]
			if q.cell == p.cell || !isHangingPunct(*q.g) || math.Abs(q.g.X0-p.g.X1) > geom.TouchEm*p.g.Size ||
				q.g.X0 >= p.cell.X1+geom.HangPastRuleEm*p.g.Size || q.g.CenterX() < p.cell.X1 {
				continue
			}
			q.cell, end, j = p.cell, q.g.X1, j+1
		}
		// Trailing spaces: every space that starts where the spill ends,
		// over whatever the next cells draw.
		for ; j < len(line); j++ {
			q := &line[j]
			if !isSpace(*q.g) {
				continue
			}
			if math.Abs(q.g.X0-end) > geom.SpillEm*p.g.Size {
				break
			}
			q.cell, end = p.cell, q.g.X1
		}
	}
}

func isSpace(g pdfpage.Glyph) bool { return strings.TrimSpace(g.Text) == "" }

// isHangingPunct reports closing punctuation that typesetters let hang
// past the right margin.
func isHangingPunct(g pdfpage.Glyph) bool {
	switch g.Text {
	case "。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", ".", ",", ";", ":", ")":
		return true
	}
	return false
}

// Line is a run of glyphs sharing a baseline, left to right.
type Line struct {
	Glyphs []pdfpage.Glyph
	X0, X1 float64
	Y      float64 // mean baseline
	Size   float64 // largest font size
	Text   string  // glyph texts concatenated: a space only where one is drawn
}

// Top is the top of the line's tallest glyph box.
func (l Line) Top() float64 { return l.Y - geom.AscentEm*l.Size }

// Bottom is the bottom of the line's tallest glyph box.
func (l Line) Bottom() float64 { return l.Y + geom.DescentEm*l.Size }

// Lines groups glyphs into lines by baseline (tolerance relative to the font
// size, so vertically centred text of one line stays together), sorted by x
// within a line and top to bottom. The glyphs slice is not modified.
func Lines(glyphs []pdfpage.Glyph) []Line {
	if len(glyphs) == 0 {
		return nil
	}
	return linesInPlace(slices.Clone(glyphs))
}

// LinesInPlace is Lines for a caller that owns glyphs and has no more use
// for their order: it sorts them in place into the lines it returns (each
// line's Glyphs a piece of glyphs) instead of sorting a copy.
func LinesInPlace(glyphs []pdfpage.Glyph) []Line { return linesInPlace(glyphs) }

// linesInPlace is Lines on glyphs the caller owns: it sorts them in place,
// and the lines' Glyphs are pieces of gs.
func linesInPlace(gs []pdfpage.Glyph) []Line {
	var lines []Line
	eachLineInPlace(gs, func(line []pdfpage.Glyph) {
		lines = append(lines, makeLine(line))
	})
	return lines
}

// eachLineInPlace sorts gs in place into lines, top to bottom, each left
// to right, and calls fn with each line's glyphs (a piece of gs): the
// lines of linesInPlace without their texts and measures.
func eachLineInPlace(gs []pdfpage.Glyph, fn func(line []pdfpage.Glyph)) {
	if len(gs) == 0 {
		return
	}
	pdfpage.SortStable(gs, func(g *pdfpage.Glyph) float64 { return g.Y })
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) {
			ref := gs[start]
			tol := geom.BaselineEm * max(ref.Size, gs[i].Size)
			if gs[i].Y-gs[i-1].Y <= tol && gs[i].Y-ref.Y <= 2*tol {
				continue
			}
		}
		line := gs[start:i]
		pdfpage.SortStable(line, func(g *pdfpage.Glyph) float64 { return g.X0 })
		fn(line)
		start = i
	}
}

// makeLine measures a line's glyphs, sorted left to right.
func makeLine(gs []pdfpage.Glyph) Line {
	l := Line{Glyphs: gs, X0: gs[0].X0, X1: gs[0].X1}
	var ysum float64
	var b strings.Builder
	n := 0
	for i := range gs {
		n += len(gs[i].Text)
	}
	b.Grow(n)
	for _, g := range gs {
		l.X0 = min(l.X0, g.X0)
		l.X1 = max(l.X1, g.X1)
		l.Size = max(l.Size, g.Size)
		ysum += g.Y
		b.WriteString(g.Text)
	}
	l.Y = ysum / float64(len(gs))
	l.Text = b.String()
	return l
}
