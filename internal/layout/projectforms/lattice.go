package projectforms

// The cell extraction the forms need, written to the shape of the shared
// grid model (internal/grid: Cell, Table, CellAt, Find) so that the reader
// can move onto that package once it lands, without changing its logic.

import (
	"math"
	"sort"
	"strings"

	"github.com/petool/pet/internal/pdfpage"
)

// cell is one drawn cell: the union of lattice cells not separated by a rule.
type cell struct {
	Row, Col         int
	RowSpan, ColSpan int
	X0, Y0, X1, Y1   float64
	Lines            []string
	Text             string
	Glyphs           []pdfpage.Glyph
}

// ruledTable is one ruled table on one page.
type ruledTable struct {
	Page   int
	Xs, Ys []float64
	Cells  []*cell
	at     [][]*cell // [row][col]
	// OpenBottom: the vertical rules run on below the last horizontal rule
	// (the table is cut by the page break).
	OpenBottom bool
}

// CellAt returns the cell covering lattice position (row, col), nil outside.
func (t *ruledTable) CellAt(row, col int) *cell {
	if row < 0 || row >= len(t.at) || col < 0 || col >= len(t.at[row]) {
		return nil
	}
	return t.at[row][col]
}

// colAt returns the lattice column holding x, -1 when x is outside.
func (t *ruledTable) colAt(x float64) int {
	for j := 0; j+1 < len(t.Xs); j++ {
		if x >= t.Xs[j] && x < t.Xs[j+1] {
			return j
		}
	}
	return -1
}

// bodySize is the page's most common glyph size, the unit of the tolerances.
func bodySize(p *pdfpage.Page) float64 {
	count := map[float64]int{}
	best, n := 10.0, 0
	for _, g := range p.Glyphs {
		s := math.Round(g.Size*2) / 2
		if s <= 0 {
			continue
		}
		count[s]++
		if count[s] > n {
			best, n = s, count[s]
		}
	}
	return best
}

type segment struct{ pos, a, b float64 } // a line at pos running from a to b

// findTables returns the ruled tables of the page, top to bottom.
func findTables(p *pdfpage.Page) []*ruledTable {
	size := bodySize(p)
	tol := math.Max(0.25*size, 1) // the same rule / a touching end
	var hs, vs []segment
	for _, r := range p.Rules {
		if r.Horizontal() {
			hs = append(hs, segment{(r.Y0 + r.Y1) / 2, r.X0, r.X1})
		} else {
			vs = append(vs, segment{(r.X0 + r.X1) / 2, r.Y0, r.Y1})
		}
	}
	hs, vs = mergeSegments(hs, tol), mergeSegments(vs, tol)
	// Connected components of touching rules.
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
			if v.pos >= h.a-tol && v.pos <= h.b+tol && h.pos >= v.a-tol && h.pos <= v.b+tol {
				parent[find(i)] = find(len(hs) + j)
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := 0; i < n; i++ {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	var tables []*ruledTable
	for _, r := range order {
		var gh, gv []segment
		for _, i := range groups[r] {
			if i < len(hs) {
				gh = append(gh, hs[i])
			} else {
				gv = append(gv, vs[i-len(hs)])
			}
		}
		if t := buildTable(p, gh, gv, size, tol); t != nil {
			tables = append(tables, t)
		}
	}
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].Ys[0] < tables[j].Ys[0] })
	assignGlyphs(p, tables, size)
	return tables
}

// mergeSegments joins collinear pieces that touch or overlap.
func mergeSegments(s []segment, tol float64) []segment {
	sort.Slice(s, func(i, j int) bool {
		if math.Abs(s[i].pos-s[j].pos) > tol/4 {
			return s[i].pos < s[j].pos
		}
		return s[i].a < s[j].a
	})
	var out []segment
	for _, x := range s {
		merged := false
		for k := len(out) - 1; k >= 0 && k >= len(out)-8; k-- {
			o := &out[k]
			if math.Abs(o.pos-x.pos) <= tol/2 && x.a <= o.b+tol && x.b >= o.a-tol {
				o.a, o.b = math.Min(o.a, x.a), math.Max(o.b, x.b)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, x)
		}
	}
	return out
}

// cluster returns the distinct positions (within tol) of the segments.
func cluster(s []segment, tol float64) []float64 {
	var ps []float64
	for _, x := range s {
		ps = append(ps, x.pos)
	}
	sort.Float64s(ps)
	var out []float64
	for _, p := range ps {
		if len(out) > 0 && p-out[len(out)-1] <= tol {
			continue
		}
		out = append(out, p)
	}
	return out
}

// covered reports whether segments at pos cover most of [a, b].
func covered(s []segment, pos, a, b, tol float64) bool {
	var got float64
	for _, x := range s {
		if math.Abs(x.pos-pos) > tol {
			continue
		}
		lo, hi := math.Max(a, x.a), math.Min(b, x.b)
		if hi > lo {
			got += hi - lo
		}
	}
	return got >= 0.6*(b-a)
}

func buildTable(p *pdfpage.Page, hs, vs []segment, size, tol float64) *ruledTable {
	xs, ys := cluster(vs, tol), cluster(hs, tol)
	if len(xs) < 2 || len(ys) < 2 {
		return nil
	}
	t := &ruledTable{Page: p.Number, Xs: xs, Ys: ys}
	rows, cols := len(ys)-1, len(xs)-1
	id := make([]int, rows*cols)
	for i := range id {
		id[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for id[i] != i {
			id[i] = id[id[i]]
			i = id[i]
		}
		return i
	}
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if j+1 < cols && !covered(vs, xs[j+1], ys[i], ys[i+1], tol) {
				id[find(i*cols+j)] = find(i*cols + j + 1)
			}
			if i+1 < rows && !covered(hs, ys[i+1], xs[j], xs[j+1], tol) {
				id[find(i*cols+j)] = find((i+1)*cols + j)
			}
		}
	}
	byRoot := map[int]*cell{}
	t.at = make([][]*cell, rows)
	for i := 0; i < rows; i++ {
		t.at[i] = make([]*cell, cols)
		for j := 0; j < cols; j++ {
			r := find(i*cols + j)
			c, ok := byRoot[r]
			if !ok {
				c = &cell{Row: i, Col: j, X0: xs[j], Y0: ys[i], X1: xs[j+1], Y1: ys[i+1]}
				byRoot[r] = c
				t.Cells = append(t.Cells, c)
			}
			c.X0, c.Y0 = math.Min(c.X0, xs[j]), math.Min(c.Y0, ys[i])
			c.X1, c.Y1 = math.Max(c.X1, xs[j+1]), math.Max(c.Y1, ys[i+1])
			c.Col = min(c.Col, j)
			c.RowSpan = max(c.RowSpan, i-c.Row+1)
			c.ColSpan = max(c.ColSpan, j-c.Col+1)
			t.at[i][j] = c
		}
	}
	last := ys[len(ys)-1]
	for _, v := range vs {
		if v.b > last+size {
			t.OpenBottom = true
		}
	}
	if !covered(hs, last, xs[0], xs[len(xs)-1], tol) {
		t.OpenBottom = true
	}
	return t
}

// assignGlyphs puts each glyph into the cell holding its centre. A glyph
// drawn past a cell's right rule (a hanging 。, trailing spaces) whose left
// edge is still inside the cell stays in that cell.
func assignGlyphs(p *pdfpage.Page, tables []*ruledTable, size float64) {
	for _, g := range p.Glyphs {
		cx, cy := g.CenterX(), g.CenterY()
		var target *cell
		for _, t := range tables {
			if cy < t.Ys[0] || cy >= t.Ys[len(t.Ys)-1] {
				continue
			}
			i := sort.SearchFloat64s(t.Ys, cy) - 1
			if i < 0 {
				continue
			}
			j := t.colAt(cx)
			left := t.colAt(g.X0 + 0.1*g.Size)
			if left >= 0 && left != j && (j < 0 || t.at[i][j] != t.at[i][left]) {
				j = left
			}
			if j < 0 {
				continue
			}
			target = t.at[i][j]
			break
		}
		if target != nil {
			target.Glyphs = append(target.Glyphs, g)
		}
	}
	for _, t := range tables {
		for _, c := range t.Cells {
			c.Lines = textLines(c.Glyphs)
			c.Text = strings.TrimSpace(strings.Join(c.Lines, ""))
		}
	}
}

// textLines groups glyphs into lines by baseline (top to bottom), each
// sorted by x and joined with nothing between the glyphs.
func textLines(gs []pdfpage.Glyph) []string {
	if len(gs) == 0 {
		return nil
	}
	s := append([]pdfpage.Glyph(nil), gs...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].Y < s[j].Y })
	var lines [][]pdfpage.Glyph
	var base float64
	for _, g := range s {
		if len(lines) == 0 || g.Y-base > 0.5*math.Max(g.Size, 1) {
			lines = append(lines, nil)
			base = g.Y
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], g)
	}
	var out []string
	for _, l := range lines {
		sort.SliceStable(l, func(i, j int) bool { return l[i].X0 < l[j].X0 })
		var b strings.Builder
		for _, g := range l {
			b.WriteString(g.Text)
		}
		out = append(out, b.String())
	}
	return out
}
