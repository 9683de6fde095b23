package projectforms

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/grid"
	"github.com/petool/pet/internal/lazyre"
	"github.com/petool/pet/internal/pdfpage"
)

// Column roles of the indicator grid.
const (
	roleL1 = iota
	roleL2
	roleName
	roleValue
	roleWeight
	roleDirection
	roleUnit
	roleExtra
	rolePeriod
)

type column struct {
	role   int
	header string // as printed (lines joined)
	x0, x1 float64
}

func (c column) center() float64 { return (c.x0 + c.x1) / 2 }

// gridHeader is the header row of a form's indicator grid.
type gridHeader struct {
	table  *grid.Table
	row    int // the header's last lattice row
	cols   []column
	reject bool // a self-evaluation grid (完成值, 得分, …)
}

// newGridHeader reads row i as the grid's header: it names a 三级指标 (or
// 指标内容 / 指标名称) column and a 指标值 (or 目标值) column.
func newGridHeader(t *grid.Table, i int, cs []*grid.Cell) *gridHeader {
	h := &gridHeader{table: t, row: i}
	hasName, hasValue := false, false
	for _, c := range cs {
		n := norm(c.Text)
		role := -1
		switch {
		case n == "一级指标":
			role = roleL1
		case n == "二级指标":
			role = roleL2
		case oneOf(n, gridNames):
			role, hasName = roleName, true
		case oneOf(n, gridValues):
			role, hasValue = roleValue, true
		case n == "实施期指标值" || n == "中长期指标值" || n == "实施周期指标值":
			role = rolePeriod
		case strings.Contains(n, "分值") || strings.Contains(n, "权重"):
			role = roleWeight
		case n == "指标性质" || n == "指标方向":
			role = roleDirection
		case n == "计量单位" || n == "度量单位":
			role = roleUnit
		case n != "" && hasName:
			role = roleExtra
		}
		if role < 0 {
			continue
		}
		h.cols = append(h.cols, column{role: role, header: c.Text, x0: c.X0, x1: c.X1})
		if c.Row+c.RowSpan-1 > h.row {
			h.row = c.Row + c.RowSpan - 1
		}
	}
	if !hasName || !hasValue {
		return nil // most rows of most tables: spare the reject words
	}
	for _, c := range cs {
		n := norm(c.Text)
		for _, w := range rejectWords {
			if strings.Contains(n, w) {
				h.reject = true
			}
		}
	}
	// Sub-headers under a spanning 指标值 (年度 / 实施期) take its place.
	for rr := i + 1; rr <= h.row; rr++ {
		for _, c := range rowCells(t, rr) {
			n := norm(c.Text)
			role := -1
			switch {
			case c.Row != rr:
			case n == "年度" || n == "年度指标值" || n == "本年度指标值" || n == "年度目标值":
				role = roleValue
			case n == "实施期" || n == "实施期指标值" || n == "中长期指标值" || n == "中长期":
				role = rolePeriod
			}
			if role < 0 {
				continue
			}
			for k, col := range h.cols {
				if col.role == roleValue && col.x0 <= c.X0 && c.X1 <= col.x1 && col.x1-col.x0 > c.X1-c.X0 {
					h.cols = append(h.cols[:k], h.cols[k+1:]...)
					break
				}
			}
			h.cols = append(h.cols, column{role: role, header: c.Text, x0: c.X0, x1: c.X1})
		}
	}
	return h
}

// fits reports whether table t continues the grid: a rule of t stands at
// both ends of the name and value columns.
func (h *gridHeader) fits(t *grid.Table) bool {
	tol := geom.ColumnEdgeShare * (h.table.Xs[len(h.table.Xs)-1] - h.table.Xs[0])
	has := func(x float64) bool {
		for _, v := range t.Xs {
			if math.Abs(v-x) <= tol {
				return true
			}
		}
		return false
	}
	for _, c := range h.cols {
		if (c.role == roleName || c.role == roleValue) && !(has(c.x0) && has(c.x1)) {
			return false
		}
	}
	return true
}

// cellOf returns the cell of column c in lattice row i of t.
func cellOf(t *grid.Table, i int, c column) *grid.Cell {
	j := t.ColAt(c.center())
	if j < 0 {
		return nil
	}
	return t.CellAt(i, j)
}

// gridRow reads lattice row i of t as a row of the current form's grid. It
// returns false when the row is not one (备注, a new form's labels).
func (r *reader) gridRow(p *pdfpage.Page, t *grid.Table, i int, cs []*grid.Cell, prevT *grid.Table) bool {
	f := r.cur
	if len(cs) > 0 && norm(cs[0].Text) == "备注" {
		f.done = true
		return true
	}
	if labelRow(t, i) || newGridHeader(t, i, cs) != nil {
		if r.atTop && newGridHeader(t, i, cs) != nil {
			return true // the header repeated on the next page
		}
		f.done = true
		return false
	}
	f.lastPage = p.Number
	var name, value *grid.Cell
	var weight, dir, unit, period string
	var extra document.NamedText
	var l1c, l2c *grid.Cell
	for _, c := range f.grid.cols {
		x := cellOf(t, i, c)
		switch c.role {
		case roleL1:
			l1c = x
		case roleL2:
			l2c = x
		case roleName:
			name = x
		case roleValue:
			value = x
		case rolePeriod:
			period = text(x)
		case roleWeight:
			weight = text(x)
		case roleDirection:
			dir = text(x)
		case roleUnit:
			unit = text(x)
		case roleExtra:
			extra = append(extra, document.NamedValue{Name: norm(c.header), Value: text(x)})
		}
	}
	last := t.Rows() - 1
	r.l1.advance(l1c, r.atTop, last, f)
	r.l2.advance(l2c, r.atTop, last, f)
	if name == nil || name == r.lastName {
		return true
	}
	// A row cut by the page break: the rest of its cells go to the
	// indicator above.
	if r.atTop && r.cutRow(prevT, name, value) {
		in := &f.indicators[len(f.indicators)-1]
		in.Name += text(name)
		if value != nil {
			in.AnnualValue += text(value)
		}
		r.lastName, r.atTop = name, false
		return true
	}
	r.lastName, r.atTop = name, false
	if text(name) == "" && text(value) == "" {
		return true
	}
	in := document.Indicator{
		Seq:         len(f.indicators) + 1,
		Level1:      r.l1.text,
		Level2:      r.l2.text,
		Name:        text(name),
		AnnualValue: strings.TrimRight(text(value), "。；;"),
		PeriodValue: strings.TrimRight(period, "。；;"),
		Direction:   dir,
		MeasureUnit: unit,
		Extra:       extra,
	}
	if w := strings.TrimSpace(weight); w != "" {
		if d, ok := decimal(w); ok {
			in.Weight = &d
		} else {
			f.warnings = append(f.warnings, document.Warning{Code: WarnWeight, Page: p.Number,
				Message: fmt.Sprintf("indicator %d: weight %q is not a number", in.Seq, w)})
		}
	}
	if r.l1.c != nil {
		r.l1.inds = append(r.l1.inds, len(f.indicators))
	}
	if r.l2.c != nil {
		r.l2.inds = append(r.l2.inds, len(f.indicators))
	}
	f.indicators = append(f.indicators, in)
	return true
}

// cutRow reports whether the first grid row of a page is the rest of the
// last row of the page before: that row ran to the foot of its table, and
// the table is open at the bottom or the new row lacks its name or its value.
func (r *reader) cutRow(prevT *grid.Table, name, value *grid.Cell) bool {
	if prevT == nil || r.lastName == nil || len(r.cur.indicators) == 0 || r.lastName.LastRow() != prevT.Rows()-1 {
		return false
	}
	return prevT.OpenBottom || (text(name) == "") != (text(value) == "")
}

func text(c *grid.Cell) string {
	if c == nil {
		return ""
	}
	return c.Text
}

// advance moves a level column on to cell c of the next grid row. A new
// cell at the top of a page continues the cell above when that one ran to
// the bottom of its page and c is empty, or the two halves make one level
// name (效益指 + 标); the indicators already read under it get the joined text.
func (l *logicalCell) advance(c *grid.Cell, pageTop bool, lastRow int, f *form) {
	if c == nil || c == l.c {
		return
	}
	t := c.Text
	touches := c.LastRow() == lastRow
	if pageTop && l.c != nil && l.touches {
		old := l.text
		joined := old + t
		if t == "" || (!strings.HasSuffix(old, "指标") && strings.HasSuffix(joined, "指标")) {
			for _, k := range l.inds {
				in := &f.indicators[k]
				if l.level == 1 {
					in.Level1 = joined
				} else {
					in.Level2 = joined
				}
			}
			l.c, l.text, l.touches = c, joined, touches
			return
		}
	}
	l.c, l.text, l.inds, l.touches = c, t, nil, touches
}

var decimalRe = lazyre.New(`^\d+(\.\d+)?$`)

// decimal reads a printed weight as an exact decimal (trailing 分 or % dropped).
func decimal(s string) (document.Decimal, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "分"), "%")
	if !decimalRe.MatchString(s) {
		return "", false
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	s = strings.TrimLeft(s, "0")
	if s == "" || s[0] == '.' {
		s = "0" + s
	}
	return document.Decimal(s), true
}

// dropOverflow removes from each cell a first line that is no line of its
// own: it sits closer to the cell's next line than a line's height (the two
// would overprint) and goes on, at the line pitch and from the same left
// edge, from the last line of the cell above. That is the overflow of the
// cell above, which the producer drew and clipped (Excel), hidden on the
// page. It returns t when there is none, else a copy of t without it: t is
// the grid the page's readers share (grid.Cache.Shared).
func dropOverflow(t *grid.Table) *grid.Table {
	// Working copies of a cell's and the cell above's glyphs, grouped into
	// lines in place: reused from cell to cell and table to table.
	buf := overflowBufs.Get().(*[2][]pdfpage.Glyph)
	own, above := buf[0][:0], buf[1][:0]
	defer func() {
		clear(own[:cap(own)]) // no glyph text kept alive by the pool
		clear(above[:cap(above)])
		buf[0], buf[1] = own, above
		overflowBufs.Put(buf)
	}()
	copied := false
	for i := 0; i < len(t.Cells); i++ {
		c := t.Cells[i]
		if len(c.Lines) < 2 {
			continue // c.Lines are the lines of c.Glyphs, as grid read them
		}
		own = append(own[:0], c.Glyphs...)
		lines := grid.LinesInPlace(own)
		if len(lines) < 2 {
			continue
		}
		first, next := lines[0], lines[1]
		size := max(first.Size, next.Size)
		if next.Y-first.Y >= geom.OverprintEm*size {
			continue
		}
		up := t.CellAt(c.Row-1, c.Col)
		if up == nil || up == c {
			continue
		}
		above = append(above[:0], up.Glyphs...)
		ul := grid.LinesInPlace(above)
		if len(ul) < 2 {
			continue
		}
		last, prev := ul[len(ul)-1], ul[len(ul)-2]
		pitch := last.Y - prev.Y
		if math.Abs(first.Y-(last.Y+pitch)) > geom.PitchSlackEm*size || math.Abs(first.X0-prev.X0) > geom.IndentEm*size && math.Abs(first.X0-last.X0) > geom.IndentEm*size {
			continue
		}
		drop := map[pdfpage.Glyph]bool{}
		for _, g := range first.Glyphs {
			drop[g] = true
		}
		keep := c.Glyphs[:0:0]
		for _, g := range c.Glyphs {
			if !drop[g] {
				keep = append(keep, g)
			}
		}
		if !copied {
			// The first change: from here on the loop goes on over the
			// copy, as it went on over the cells it changed.
			t, copied = t.Clone(), true
			c = t.Cells[i]
		}
		c.Glyphs = keep
		relines(c)
	}
	return t
}

// overflowBufs holds dropOverflow's working copies.
var overflowBufs = sync.Pool{New: func() any { return new([2][]pdfpage.Glyph) }}

// relines reads a cell's lines and text again from its glyphs.
func relines(c *grid.Cell) {
	c.Lines = nil
	for _, l := range grid.Lines(c.Glyphs) {
		c.Lines = append(c.Lines, l.Text)
	}
	c.Text = strings.TrimSpace(strings.Join(c.Lines, ""))
}
