// Package indicatorrows reads target tables in the indicator-rows layout:
// one table row per indicator in 一级指标 / 二级指标 / 三级指标 / 指标值
// columns, with each project's name, money and goal cells merged over its
// indicator rows (Beijing 预算表12, Hunan, Jilin, Chongqing 表十二, …).
//
// The reader works on the ruled tables of internal/grid. A table is a
// target table when its header band holds a 三级指标 (or 指标名称) column, a
// value column (指标值, 本年绩效指标值, …) and a project-name column, with money
// or goal columns; whole-department tables (整体 in the heading) and
// self-evaluations (完成值, 自评, 偏差 … in the header) are refused. A table
// on the next page continues it when it repeats the header (and the title, if
// any) or has no header and the same column rules. One row per merged cell of
// the name column, one indicator per 三级指标 cell in it; a project cut by the
// page break is joined, its repeated or clipped cells taken once.
package indicatorrows

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/petool/pet/check"
	"github.com/petool/pet/document"
	"github.com/petool/pet/indicator"
	"github.com/petool/pet/internal/grid"
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/lazyre"
	"github.com/petool/pet/internal/pdfpage"
)

// Warning codes raised by the reader (listed, with the others, in check.Codes).
const (
	// RowWithoutName: a row (with money, goal or indicators) whose name
	// cell is empty; it is kept with name "".
	RowWithoutName = check.RowWithoutName
	// WeightNotANumber: a 权重 / 分值 cell that is not a number; weight null.
	WeightNotANumber = check.WeightNotANumber
	// ColumnUnmapped: a column of the project part of the header that is
	// none of the known fields; its cells are not read.
	ColumnUnmapped = check.ColumnUnmapped
	// GridUnmapped: a page of the table whose columns do not line up with
	// the header (text under no header column, or no name or 三级指标
	// column at all); that text is not read.
	GridUnmapped = check.GridUnmapped
)

// Read returns every indicator-rows target table of the pages.
func Read(pages []*pdfpage.Page) []layout.Table {
	r := New(nil)
	for _, p := range pages {
		if p != nil {
			r.Page(p)
		}
	}
	return r.Tables()
}

// Reader reads the indicator-rows tables of a document page by page; it
// keeps the table in progress only.
type Reader struct {
	out   []layout.Table
	cur   *reading
	grids *grid.Cache
	own   bool // grids is the reader's own: a page's grid goes once read
}

// New returns a reader of the indicator-rows layout that takes the pages'
// grids from grids, shared with the document's other grid readers (whose
// owner releases each page once all have read it); nil: a cache of its own.
func New(grids *grid.Cache) *Reader {
	if grids == nil {
		return &Reader{grids: &grid.Cache{}, own: true}
	}
	return &Reader{grids: grids}
}

var _ layout.Reader = (*Reader)(nil)

func (r *Reader) flush() {
	if r.cur != nil {
		if t, ok := r.cur.table(); ok {
			r.out = append(r.out, t)
		}
	}
	r.cur = nil
}

// Tables returns the tables read, the one in progress closed.
func (r *Reader) Tables() []layout.Table {
	r.flush()
	return r.out
}

// Prepare builds the grid of p ahead of Page (layout.Preparer); safe
// for concurrent use.
func (r *Reader) Prepare(p *pdfpage.Page) { r.grids.Prepare(p) }

// Page reads the next page.
func (r *Reader) Page(p *pdfpage.Page) {
	tables := r.grids.Shared(p)
	if r.own {
		defer r.grids.Release(p)
	}
	for i, t := range tables {
		h, refused := readHeader(t)
		hd := headingAbove(p, tables, t)
		if hd.title == "" && h != nil && h.top > 0 {
			if in := headingInside(t, h.top); in.title != "" {
				hd = in
			}
		}
		whole := strings.Contains(hd.title, "整体")
		cur := r.cur
		switch {
		case refused || whole:
			r.flush()
		case h != nil:
			if cur != nil && i == 0 && cur.lastPage == p.Number-1 && (hd.title == "" || hd.title == cur.head.title) && sameColumns(cur.h, h) {
				cur.add(p.Number, t, h.last+1, false)
				continue
			}
			r.flush()
			r.cur = &reading{h: h, head: hd, firstPage: p.Number}
			r.cur.add(p.Number, t, h.last+1, false)
		case cur != nil && i == 0 && cur.lastPage == p.Number-1 && hd.title == "" && aligned(cur.h, t):
			cur.add(p.Number, t, 0, true)
		default:
			r.flush()
		}
	}
	r.release(p.Number)
}

// release drops the glyphs of the cells kept from page n: the table in
// progress needs their texts only once the page has been read, and a table
// continued over many pages would otherwise hold every glyph of them. The
// page's grid is shared with its other readers (grid.Cache.Shared): the
// piece keeps a copy without the glyphs.
func (r *Reader) release(n int) {
	if r.cur == nil {
		return
	}
	for i := range r.cur.pieces {
		pc := &r.cur.pieces[i]
		if pc.page != n {
			continue
		}
		pc.t = pc.t.Clone()
		for _, c := range pc.t.Cells {
			c.Glyphs = nil
		}
	}
}

// sameColumns reports whether two headers have the same columns: the same
// kinds at the same places (labels may differ where the clipped text of a
// cut cell is drawn over the repeated header).
func sameColumns(a, b *header) bool {
	if len(a.cols) != len(b.cols) {
		return false
	}
	for i := range a.cols {
		x, y := a.cols[i], b.cols[i]
		if math.Abs(x.x0-y.x0) > b.tol.Align || math.Abs(x.x1-y.x1) > b.tol.Align {
			return false
		}
		if x.kind != y.kind && x.kind != kGoal && y.kind != kGoal && x.kind != kExtra && y.kind != kExtra {
			return false
		}
	}
	return true
}

// aligned reports whether a table without a header has the column rules of
// the header h (within an em): a table continued on the next page.
func aligned(h *header, t *grid.Table) bool {
	var edges []float64
	for _, c := range h.cols {
		edges = append(edges, c.x0)
	}
	edges = append(edges, h.cols[len(h.cols)-1].x1)
	found := 0
	for _, e := range edges {
		for _, x := range t.Xs {
			if math.Abs(x-e) <= t.Tol.Align {
				found++
				break
			}
		}
	}
	return found*5 >= len(edges)*4 && len(t.Xs) <= len(edges)+2
}

// reading is a target table being read, piece by piece (one per page).
type reading struct {
	h         *header
	head      heading
	firstPage int
	lastPage  int
	pieces    []piece
	warnings  []document.Warning // about the grid, page by page
}

// piece is the part of the table on one page.
type piece struct {
	page      int
	t         *grid.Table
	from      int     // first body row
	continued bool    // no header: continues the previous page's piece
	lcols     [][]int // per schema column: the lattice columns under it
}

func (r *reading) add(page int, t *grid.Table, from int, continued bool) {
	pc := piece{page: page, t: t, from: from, continued: continued}
	for _, c := range r.h.cols {
		var cols []int
		for k := 0; k < t.Cols(); k++ {
			if mid := (t.Xs[k] + t.Xs[k+1]) / 2; mid > c.x0 && mid < c.x1 {
				cols = append(cols, k)
			}
		}
		pc.lcols = append(pc.lcols, cols)
	}
	// A repeated header the reader could not read as one (clipped text
	// drawn over it) is still not a body row.
	if in := r.h.index(kInd); continued && len(pc.lcols[in]) > 0 {
		for row := 0; row < min(t.Rows(), 4); row++ {
			if c := t.CellAt(row, pc.lcols[in][0]); c != nil && isIndicatorHeader(c) {
				pc.from = c.LastRow() + 1
			}
		}
	}
	r.pieces = append(r.pieces, pc)
	r.lastPage = page
}

// text3 is a cell's text and the clipped copies drawn above and below the
// table (grid.Cell.Above and Below).
type text3 struct{ in, above, below string }

// block is one merged cell of the name column with what it spans.
type block struct {
	page          int
	proj          []text3 // per schema column
	inds          [][]text3
	first, last   bool // first block of its piece / last block of its piece
	continuedHere bool // first block of a piece that continues the previous page
	pieceIndex    int
}

// cellsText joins the text of the distinct cells under lattice columns cols
// on lattice rows a..b.
func cellsText(t *grid.Table, a, b int, cols []int) text3 {
	var out text3
	seen := map[*grid.Cell]bool{}
	for r := a; r <= b; r++ {
		for _, k := range cols {
			c := t.CellAt(r, k)
			if c == nil || seen[c] {
				continue
			}
			seen[c] = true
			out.in += c.Text
			out.above += strings.Join(c.Above, "")
			out.below += strings.Join(c.Below, "")
		}
	}
	out.in, out.above, out.below = strings.TrimSpace(out.in), strings.TrimSpace(out.above), strings.TrimSpace(out.below)
	return out
}

func isIndicatorKind(k kind) bool {
	switch k {
	case kL1, kL2, kInd, kValue, kPeriod, kDirection, kMeasure, kWeight, kExtra:
		return true
	}
	return false
}

// blocks cuts every piece into name-column blocks.
func (r *reading) blocks() []block {
	nameIdx, indIdx := r.h.index(kName), r.h.index(kInd)
	var out []block
	for pi, pc := range r.pieces {
		if len(pc.lcols[nameIdx]) == 0 || len(pc.lcols[indIdx]) == 0 {
			r.warnings = append(r.warnings, document.Warning{Code: GridUnmapped, Page: pc.page,
				Message: fmt.Sprintf("page %d: the table's columns do not line up with its header; the page is not read", pc.page)})
			continue
		}
		r.checkCovered(pc)
		nameCol, indCol := pc.lcols[nameIdx][0], pc.lcols[indIdx][0]
		t := pc.t
		start := len(out)
		for row := pc.from; row < t.Rows(); {
			nc := t.CellAt(row, nameCol)
			a, b := row, max(nc.LastRow(), row)
			row = b + 1
			bl := block{page: pc.page, pieceIndex: pi}
			for j, c := range r.h.cols {
				if isIndicatorKind(c.kind) {
					bl.proj = append(bl.proj, text3{})
					continue
				}
				bl.proj = append(bl.proj, cellsText(t, a, b, pc.lcols[j]))
			}
			for ir := a; ir <= b; {
				ic := t.CellAt(ir, indCol)
				ia, ib := ir, min(max(ic.LastRow(), ir), b)
				ir = ib + 1
				vals := make([]text3, len(r.h.cols))
				any := false
				for j, c := range r.h.cols {
					if !isIndicatorKind(c.kind) {
						continue
					}
					vals[j] = cellsText(t, ia, ib, pc.lcols[j])
					if vals[j].in != "" {
						any = true
					}
				}
				if any || vals[indIdx].above != "" || vals[indIdx].below != "" {
					bl.inds = append(bl.inds, vals)
				}
			}
			out = append(out, bl)
		}
		if len(out) > start {
			out[start].first = true
			out[start].continuedHere = pc.continued || pi > 0
			out[len(out)-1].last = true
		}
	}
	return out
}

// checkCovered warns when body cells hold text in lattice columns that no
// header column covers (their text is not read).
func (r *reading) checkCovered(pc piece) {
	covered := make([]bool, pc.t.Cols())
	for _, cols := range pc.lcols {
		for _, k := range cols {
			covered[k] = true
		}
	}
	for _, c := range pc.t.Cells {
		if c.Row < pc.from || c.Text == "" {
			continue
		}
		for k := c.Col; k <= c.LastCol(); k++ {
			if !covered[k] {
				r.warnings = append(r.warnings, document.Warning{Code: GridUnmapped, Page: pc.page,
					Message: fmt.Sprintf("page %d: %q lies under no header column and is not read", pc.page, clip(c.Text))})
				return
			}
		}
	}
}

// clip shortens a text for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// final is a block's text for column j: the clipped copy drawn beyond the
// table joins the in-cell text where the table continues across the break.
func (r *reading) final(b block, t text3, continuesBelow bool) string {
	s := t.in
	if b.continuedHere && b.first {
		s = t.above + s
	}
	if continuesBelow && b.last {
		s += t.below
	}
	return s
}

// combine joins two copies of a cell cut by a page break: equal or
// contained copies (spaces aside) are taken once, overlapping ones (the end of a repeated
// at the start of b) joined over the overlap, else the parts are joined.
func combine(a, b string) string {
	ca, cb := compact(a), compact(b) // copies may differ in a drawn space
	switch {
	case cb == "" || strings.Contains(ca, cb):
		return a
	case ca == "" || strings.Contains(cb, ca):
		return b
	}
	if k := overlap(a, b); k > 0 {
		return a + b[k:]
	}
	return a + b
}

// overlap is the length in bytes of the longest end of a, at least two
// runes long, that b starts with; 0 when there is none.
func overlap(a, b string) int {
	for k := min(len(a), len(b)); k > 0; k-- {
		if !utf8.RuneStart(b[k%len(b)]) && k < len(b) {
			continue
		}
		if strings.HasSuffix(a, b[:k]) && utf8.RuneCountInString(b[:k]) >= 2 {
			return k
		}
	}
	return 0
}

// rawRow is a row being assembled from blocks.
type rawRow struct {
	page int
	proj []string
	inds [][]string
}

var codeRe = lazyre.New(`^([0-9][0-9A-Za-z]{9,})\s*[-－—]\s*(.+)$`)

func (r *reading) rows() []rawRow {
	bls := r.blocks()
	var rows []rawRow
	for i, b := range bls {
		// The table goes on on the next page: the last block's clipped
		// text below the table is part of it.
		below := b.last && b.pieceIndex+1 < len(r.pieces)
		proj := make([]string, len(b.proj))
		for j := range b.proj {
			proj[j] = r.final(b, b.proj[j], below)
		}
		inds := make([][]string, len(b.inds))
		for k, v := range b.inds {
			inds[k] = make([]string, len(v))
			for j := range v {
				s := v[j].in
				if k == 0 && b.first && b.continuedHere {
					s = v[j].above + s
				}
				if k == len(b.inds)-1 && b.last && below {
					s += v[j].below
				}
				inds[k][j] = s
			}
		}
		nr := rawRow{page: b.page, proj: proj, inds: inds}
		empty := r.projectEmpty(proj)
		// A block continues the row above when it prints no project cell
		// (the name cell not merged), repeats them all (a table printing
		// the project on every indicator row), or starts a continued page
		// with the same project.
		if len(rows) > 0 && (empty || r.repeats(rows[len(rows)-1].proj, proj) ||
			(b.first && b.continuedHere && i > 0 && r.sameProject(rows[len(rows)-1].proj, proj))) {
			prev := &rows[len(rows)-1]
			r.join(prev, nr, b.first && b.continuedHere)
			continue
		}
		if empty && len(inds) == 0 {
			continue
		}
		rows = append(rows, nr)
	}
	return rows
}

// projectEmpty reports whether a block prints no project cell.
func (r *reading) projectEmpty(proj []string) bool {
	for j, c := range r.h.cols {
		if !isIndicatorKind(c.kind) && c.kind != kSeq && c.kind != kNone && proj[j] != "" {
			return false
		}
	}
	return true
}

// repeats reports whether a block prints the same named project cells as
// the row above.
func (r *reading) repeats(prev, cur []string) bool {
	if cur[r.h.index(kName)] == "" {
		return false
	}
	for j, c := range r.h.cols {
		if !isIndicatorKind(c.kind) && compact(prev[j]) != compact(cur[j]) {
			return false
		}
	}
	return true
}

// sameProject reports whether the first block of a continued page is the
// project of the previous page's last row: the same (or a cut part of the)
// name and no money that differs; or one of the two pieces prints no money
// at all where the other does, or names carry codes and this one has none
// (a name cell cut by the break, each page printing part of it).
func (r *reading) sameProject(prev, cur []string) bool {
	n := r.h.index(kName)
	a, b := prev[n], cur[n]
	related := b == "" || a == "" || strings.Contains(a, b) || strings.Contains(b, a) || overlap(a, b) > 0
	prevMoney, curMoney := false, false
	for j, c := range r.h.cols {
		if c.kind != kMoney {
			continue
		}
		if cur[j] != "" && prev[j] != "" && cur[j] != prev[j] {
			return false
		}
		prevMoney = prevMoney || prev[j] != ""
		curMoney = curMoney || cur[j] != ""
	}
	if related {
		return true
	}
	// Where names carry codes, a name without one is the rest of a cut name.
	if codeRe.MatchString(a) && !codeRe.MatchString(b) {
		return true
	}
	return r.h.has(kMoney) && prevMoney != curMoney
}

// join appends a continuation block to the row: project cells combined,
// and at a page break the first indicator joined to the last one when the
// break cut it (clipped copies, or no name and no levels), else its empty
// level cells carried down.
func (r *reading) join(prev *rawRow, cur rawRow, pageBreak bool) {
	for j := range prev.proj {
		prev.proj[j] = combine(prev.proj[j], cur.proj[j])
	}
	inds := cur.inds
	l1, l2, in := r.h.index(kL1), r.h.index(kL2), r.h.index(kInd)
	if pageBreak && len(inds) > 0 && len(prev.inds) > 0 {
		last, first := prev.inds[len(prev.inds)-1], inds[0]
		get := func(v []string, j int) string {
			if j < 0 {
				return ""
			}
			return v[j]
		}
		if get(first, in) == "" && get(first, l1) == "" && get(first, l2) == "" {
			for j := range last {
				last[j] = combine(last[j], first[j])
			}
			inds = inds[1:]
		}
	}
	if len(inds) > 0 && len(prev.inds) > 0 {
		last := prev.inds[len(prev.inds)-1]
		for _, j := range []int{l1, l2} {
			if j >= 0 && inds[0][j] == "" {
				inds[0][j] = last[j]
			}
		}
	}
	prev.inds = append(prev.inds, inds...)
}

// table builds the layout table; ok is false when nothing was read.
func (r *reading) table() (layout.Table, bool) {
	raws := r.rows()
	if len(raws) == 0 {
		return layout.Table{}, false
	}
	t := layout.Table{
		Info: document.Table{Title: r.head.title, Layout: document.LayoutIndicatorRows,
			FirstPage: r.firstPage, LastPage: r.lastPage},
		Department:   r.head.department,
		CurrencyUnit: r.head.currency,
		Year:         r.head.year,
	}
	if t.CurrencyUnit == "" {
		t.CurrencyUnit = r.h.currency
	}
	t.Warnings = append(t.Warnings, r.warnings...)
	for _, c := range r.h.cols {
		if c.kind == kNone && c.label != "" {
			t.Warnings = append(t.Warnings, document.Warning{Code: ColumnUnmapped, Page: r.firstPage,
				Message: fmt.Sprintf("column %q is not read", c.label)})
		}
	}
	direction := r.typeIsDirection(raws)
	var unit *string
	for k, raw := range raws {
		row := document.Row{Seq: len(t.Rows) + 1, Page: raw.page, Indicators: []document.Indicator{}}
		warn := func(code, format string, args ...any) {
			t.Warnings = append(t.Warnings, document.Warning{Code: code, Row: row.Seq, Page: raw.page,
				Message: fmt.Sprintf(format, args...)})
		}
		var code string
		for j, c := range r.h.cols {
			v := raw.proj[j]
			switch c.kind {
			case kName:
				row.Name = v
			case kCode:
				code = v
			case kUnit:
				if v != "" {
					row.Unit = &v
				}
			case kGoal:
				row.Goal = v
			case kLongGoal:
				row.LongTermGoal = v
			case kMoney:
				var m *document.Money
				if v := compact(v); v != "" && v != "-" && v != "—" && v != "－" {
					if got, err := document.ParseMoney(v); err == nil {
						m = &got
					} else {
						field := c.money
						if field == "" {
							field = c.label
						}
						warn(check.MoneyNotANumber, "%s: %q is not an amount", field, v)
					}
				}
				switch c.money {
				case moneyTotal:
					row.Total = m
				case moneyFiscal:
					row.FiscalAppropriation = m
				case moneySpecial:
					row.FiscalSpecialAccount = m
				case moneyOther:
					row.OtherFunds = m
				default:
					row.OtherMoney = append(row.OtherMoney, document.NamedAmount{Name: c.label, Value: m})
				}
			}
		}
		if m := codeRe.FindStringSubmatch(row.Name); m != nil {
			row.Code, row.Name = &m[1], m[2]
		}
		total := isTotal(row.Name) || (row.Name == "" && isTotal(code))
		if code != "" && !isTotal(code) {
			row.Code = &code
		}
		for i, v := range raw.inds {
			row.Indicators = append(row.Indicators, r.indicator(i+1, v, direction, warn))
		}
		switch {
		case total:
			row.Level = document.LevelTotal
			if row.Name == "" {
				row.Name = compact(code)
			}
			row.Unit = nil
			unit = nil
		case row.Goal == "" && len(row.Indicators) == 0 && row.Name != "" && r.headsProjects(raws, k):
			row.Level = document.LevelUnit
			name := row.Name
			row.Unit, unit = &name, &name
		default:
			row.Level = document.LevelProject
			if row.Unit == nil && unit != nil {
				u := *unit
				row.Unit = &u
			}
			if row.Name == "" {
				warn(RowWithoutName, "row on page %d has no name", raw.page)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, true
}

// headsProjects reports whether row k (no goal, no indicators) is a unit
// row: project rows (a goal or indicators) follow it, past other such rows
// (nested units), before a 合计; and where it prints an amount, its
// projects' amounts up to the next such row add up to it (within the
// printed rounding), as a unit's do.
func (r *reading) headsProjects(raws []rawRow, k int) bool {
	g, n := r.h.index(kGoal), r.h.index(kName)
	m := -1 // the first money column, 项目总额 where printed
	for j, c := range r.h.cols {
		if c.kind == kMoney && (m < 0 || c.money == moneyTotal && r.h.cols[m].money != moneyTotal) {
			m = j
		}
	}
	amount := func(raw rawRow) (document.Money, bool) {
		if m < 0 {
			return document.Money{}, false
		}
		v, err := document.ParseMoney(compact(raw.proj[m]))
		return v, err == nil
	}
	own, hasOwn := amount(raws[k])
	projects, nested := 0, false
	var sum int64
	slack := int64(0)
	half := func(d int) int64 {
		h := int64(500000)
		for i := 0; i < d; i++ {
			h /= 10
		}
		return h
	}
	for _, raw := range raws[k+1:] {
		isProject := len(raw.inds) > 0 || (g >= 0 && raw.proj[g] != "")
		if isTotal(raw.proj[n]) || (!isProject && projects > 0) {
			break
		}
		if !isProject {
			nested = true // a unit under this one: its sums are its own
			continue
		}
		projects++
		if v, ok := amount(raw); ok {
			sum += v.Micros
			slack += half(v.Decimals)
		}
	}
	if projects == 0 {
		return false
	}
	if !hasOwn || nested {
		return true
	}
	d := own.Micros - sum
	return d <= slack+half(own.Decimals) && -d <= slack+half(own.Decimals)
}

func isTotal(s string) bool {
	s = strings.TrimRight(compact(s), "：:")
	return s == "合计" || s == "总计"
}

// signs are what a 指标值类型 column holds when it is the direction.
var signs = map[string]bool{"≥": true, "≤": true, "＝": true, "=": true, ">": true, "<": true, "＞": true, "＜": true,
	"≧": true, "≦": true, ">=": true, "<=": true, "定性": true, "定量": true, "正向": true, "反向": true,
	"大于等于": true, "小于等于": true, "等于": true, "大于": true, "小于": true}

// typeIsDirection reports whether the 指标值类型 column (if any) holds
// comparison signs: most of its printed values are signs.
func (r *reading) typeIsDirection(raws []rawRow) bool {
	j := r.h.typeCol
	if j < 0 {
		return false
	}
	n, sign := 0, 0
	for _, raw := range raws {
		for _, v := range raw.inds {
			if v[j] == "" {
				continue
			}
			n++
			if signs[compact(v[j])] {
				sign++
			}
		}
	}
	return n > 0 && sign*5 >= n*4
}

var weightRe = lazyre.New(`^[0-9]+(\.[0-9]+)?$`)

func (r *reading) indicator(seq int, v []string, typeDirection bool, warn func(string, string, ...any)) document.Indicator {
	ind := document.Indicator{Seq: seq}
	for j, c := range r.h.cols {
		s := strings.TrimSpace(v[j])
		switch c.kind {
		case kL1:
			ind.Level1 = s
		case kL2:
			ind.Level2 = s
		case kInd:
			ind.Name = s
		case kValue:
			ind.AnnualValue = trimValue(s)
		case kPeriod:
			ind.PeriodValue = trimValue(s)
		case kDirection:
			if j == r.h.typeCol && !typeDirection {
				ind.Extra = append(ind.Extra, document.NamedValue{Name: c.label, Value: s})
				continue
			}
			ind.Direction = s
		case kMeasure:
			ind.MeasureUnit = s
		case kWeight:
			w := strings.TrimSuffix(compact(s), "%")
			switch {
			case w == "":
			case weightRe.MatchString(w):
				d := document.Decimal(canonical(w))
				ind.Weight = &d
			default:
				warn(WeightNotANumber, "indicator %d: weight %q is not a number", seq, s)
			}
		case kExtra:
			ind.Extra = append(ind.Extra, document.NamedValue{Name: c.label, Value: s})
		}
	}
	ind.Target = indicator.TargetOf(ind.AnnualValue, ind.Direction, ind.MeasureUnit)
	return ind
}

// trimValue trims a value of surrounding spaces and trailing 。；;.
func trimValue(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "。；;"))
}

// canonical drops leading zeros and trailing decimal zeros: 05 → 5, 10.50 → 10.5.
func canonical(s string) string {
	i, f, ok := strings.Cut(s, ".")
	i = strings.TrimLeft(i, "0")
	if i == "" {
		i = "0"
	}
	if ok {
		f = strings.TrimRight(f, "0")
	}
	if f == "" {
		return i
	}
	return i + "." + f
}
