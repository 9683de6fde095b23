// Package projectforms reads target tables in the project-forms layout: one
// ruled form per project (项目名称, 主管部门, 实施单位, 项目资金, 年度目标 /
// 总体目标, then a grid of 一级指标 / 二级指标 / 三级指标 / 指标值), as
// Shandong, Fujian, Shaanxi, Chongqing 表十一 and Beijing 预算14表 print them.
//
// Forms are found by their words, not their places. Every ruled table of
// every page (internal/grid) is read row by row; cells are matched against
// the labels a form prints (项目名称 / 转移支付名称, 主管部门, 实施单位, 资金总额 /
// 年度预算资金总额 / 年度金额, 其中：财政拨款, 其他资金, 年度目标 / 总体目标 /
// 项目实施期目标, …), and a label's value is the cell right of it (or, for a
// caption over its value, the cell below). A label the current form already
// holds, or a heading (…绩效目标表) above a table, starts the next form. The
// row naming 三级指标 (指标内容, 指标名称) and 指标值 (目标值) is the grid's
// header: its cells give the columns (levels, value, 分值 / 权重, 指标性质,
// 计量单位, others as extra) that the following rows are read by, on the
// next page too when a table there lines up with them. In the grid a new
// 三级指标 cell is an indicator; merged 一级 / 二级 cells are carried down, an
// empty cell at the top of the next page continues the one above, and a
// level name cut by the break (效益指 + 标) is joined. A row cut by the break
// (the table open at the bottom, or the new row lacking its name or value)
// joins the indicator above. The grid ends at 备注, a label row, or a table
// that does not line up.
//
// Not forms: tables without an indicator grid (项目支出预算表), grids naming
// 完成值 / 自评 / 得分 (self-evaluations), tables naming 部门整体 (the whole
// department's targets), blank templates, forms with neither a 项目名称 nor a
// heading <项目>项目绩效目标表, and indicator-rows tables (a 项目名称 header
// beside 一级指标), which another reader reads. Consecutive forms whose
// headings agree, or all name their own project, are one table.
//
// Warnings (Row is the form's seq in its table, Page where it starts):
// form-without-name, form-money-unreadable, form-weight-unreadable,
// form-without-indicators; see the constants.
package projectforms

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/petool/pet/check"
	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/grid"
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/lazyre"
	"github.com/petool/pet/internal/pdfpage"
)

// Warning codes raised by the reader (listed, with the others, in check.Codes).
const (
	// WarnNoName: a form prints neither a 项目名称 nor a heading naming its project.
	WarnNoName = check.RowWithoutName
	// WarnMoney: a money cell of a form does not read as an amount.
	WarnMoney = check.MoneyNotANumber
	// WarnWeight: a 分值 / 权重 cell does not read as a number.
	WarnWeight = check.WeightNotANumber
)

// Read returns every project-forms target table of the pages.
func Read(pages []*pdfpage.Page) []layout.Table {
	return group(readForms(pages))
}

// Reader reads the project forms of a document page by page; it keeps the
// forms read (text only) and the grid state carried to the next page.
type Reader struct{ r reader }

// New returns a reader of the project-forms layout that takes the pages'
// grids from grids, shared with the document's other grid readers (whose
// owner releases each page once all have read it); nil: a cache of its own.
func New(grids *grid.Cache) *Reader { return &Reader{r: newReader(grids)} }

// newReader returns a reader on grids (nil: its own cache).
func newReader(grids *grid.Cache) reader {
	if grids == nil {
		return reader{grids: &grid.Cache{}, ownGrids: true}
	}
	return reader{grids: grids}
}

var _ layout.Reader = (*Reader)(nil)

// Prepare reads the tables of p and the text around them ahead of Page
// (layout.Preparer); safe for concurrent use.
func (r *Reader) Prepare(p *pdfpage.Page) { r.r.prepared.Put(p, r.r.readPageTables(p)) }

// Page reads the next page.
func (r *Reader) Page(p *pdfpage.Page) { r.r.page(p) }

// Tables groups the forms read into tables.
func (r *Reader) Tables() []layout.Table { return group(r.r.forms) }

// readForms returns every form-like table of the pages, forms or not.
func readForms(pages []*pdfpage.Page) []*form {
	r := newReader(nil)
	for _, p := range pages {
		if p != nil {
			r.page(p)
		}
	}
	return r.forms
}

// form is one project's form as read so far.
type form struct {
	page        int
	heading     string   // the form's own heading (…绩效目标表), "" when none
	above       []string // the free text lines above the form's heading
	year        *int
	name        string
	code        string
	unit        string
	department  string
	currency    string
	money       [3]*document.Money // total, fiscal appropriation, other funds
	periodTotal *document.Money    // 实施期资金总额
	otherMoney  document.NamedMoney
	annualGoal  string
	periodGoal  string
	goalCount   int
	grid        *gridHeader
	indicators  []document.Indicator
	done        bool // the 备注 row closed the grid
	reject      bool // a self-evaluation or whole-department table
	lastPage    int
	warnings    []document.Warning
	nameLabel   bool // a 项目名称 (or like) label was printed
}

type reader struct {
	forms    []*form
	cur      *form
	prepared layout.Prepared[pageTables] // by Reader.Prepare, until page takes it
	grids    *grid.Cache                 // where the pages' grids are built
	ownGrids bool                        // grids is this reader's own
	// The grid's state carried from one row (and page) to the next.
	lastName  *grid.Cell
	l1, l2    logicalCell
	prevTable *grid.Table
	prevPage  int
	// carry: the text lines below the last table of the previous page,
	// read as above the first table of this one (a heading printed at the
	// foot of a page before its form).
	carry []string
	// atTop: no grid row of this page was read yet (the grid goes on from
	// the page before).
	atTop bool
}

// logicalCell is a merged level cell, possibly cut by a page break: its text
// so far and the indicators it spans.
type logicalCell struct {
	c       *grid.Cell
	text    string
	touches bool  // reaches the bottom of its table
	level   int   // 1 or 2
	inds    []int // indices into cur.indicators
}

type freeLine struct {
	text string
	y    float64
}

// pageTables is the part of reading a page that needs no other page: its
// tables, their overflow dropped, and the text lines outside them.
type pageTables struct {
	tables []*grid.Table
	free   []freeLine
}

func (r *reader) readPageTables(p *pdfpage.Page) pageTables {
	tables := r.grids.Shared(p)
	for i, t := range tables {
		tables[i] = dropOverflow(t)
	}
	return pageTables{tables, freeLines(p, tables)}
}

func (r *reader) page(p *pdfpage.Page) {
	pt, ok := r.prepared.Take(p)
	if !ok {
		pt = r.readPageTables(p)
	}
	if r.ownGrids {
		r.grids.Release(p) // this reader alone reads the page
	}
	tables, free := pt.tables, pt.free
	prevBottom := -1.0
	for ti, t := range tables {
		var above []string
		if ti == 0 {
			above = append(above, r.carry...)
		}
		for _, l := range free {
			if l.y < t.Ys[0] && l.y > prevBottom {
				above = append(above, l.text)
			}
		}
		prevBottom = t.Ys[len(t.Ys)-1]
		r.table(p, t, above)
	}
	r.carry = nil
	for _, l := range free {
		if l.y > prevBottom && !pageNumber(l.text) {
			r.carry = append(r.carry, l.text)
		}
	}
	if len(tables) == 0 && r.cur != nil && r.cur.grid != nil {
		r.cur.done = true
	}
}

var pageNoRe = lazyre.New(`^[-—－–\s]*[0-9][0-9\s]*[-—－–\s]*$`)

// pageNumber reports whether a line is a printed page number (26, — 29 —).
func pageNumber(s string) bool { return pageNoRe.MatchString(s) }

// freeLines returns the page's text lines outside every table.
func freeLines(p *pdfpage.Page, tables []*grid.Table) []freeLine {
	buf := outsideGlyphs.Get().(*[]pdfpage.Glyph)
	defer func() {
		clear((*buf)[:cap(*buf)]) // no glyph text kept alive by the pool
		outsideGlyphs.Put(buf)
	}()
	gs := (*buf)[:0]
	for _, g := range p.Glyphs {
		cy := g.CenterY()
		inside := false
		for _, t := range tables {
			if cy >= t.Ys[0] && cy < t.Ys[len(t.Ys)-1] && g.CenterX() >= t.Xs[0]-geom.TableMarginEm*g.Size && g.CenterX() < t.Xs[len(t.Xs)-1]+geom.TableMarginEm*g.Size {
				inside = true
				break
			}
		}
		if !inside {
			gs = append(gs, g)
		}
	}
	*buf = gs
	var out []freeLine
	for _, l := range lineGroups(gs) {
		out = append(out, l)
	}
	return out
}

// outsideGlyphs holds the buffers freeLines gathers a page's glyphs in,
// reused from page to page: the lines it returns keep only texts.
var outsideGlyphs = sync.Pool{New: func() any { return new([]pdfpage.Glyph) }}

// lineGroups groups glyphs by baseline into trimmed lines, top to bottom,
// sorting gs in place: the caller's own, of no more use.
func lineGroups(gs []pdfpage.Glyph) []freeLine {
	var out []freeLine
	for _, l := range grid.LinesInPlace(gs) {
		if t := strings.TrimSpace(l.Text); t != "" {
			out = append(out, freeLine{t, l.Y})
		}
	}
	return out
}

// norm is a cell's text as a label: no spaces, no colon at the end.
func norm(s string) string {
	if !hasNormSpace(s) {
		return strings.TrimRight(s, ":：") // most cells: no rune decoding
	}
	return normRunes(s)
}

// normRunes is norm rune by rune, its definition.
func normRunes(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '\t', '\n':
			return -1
		}
		return r
	}, s)
	return strings.TrimRight(s, ":：")
}

// hasNormSpace reports whether s holds a space that norm drops: ' ', '\t',
// '\n' or U+3000 (whose UTF-8 starts with 0xE3, as many CJK runes do).
func hasNormSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n':
			return true
		case 0xE3:
			if strings.HasPrefix(s[i:], "\u3000") {
				return true
			}
		}
	}
	return false
}

var (
	nameLabels  = []string{"项目名称", "转移支付名称", "专项资金名称", "专项名称", "政策名称"}
	codeLabels  = []string{"项目编码", "项目代码"}
	unitLabels  = []string{"实施单位", "项目实施单位", "项目单位", "执行单位"}
	annualGoals = []string{"年度目标", "年度总体目标", "当年绩效目标", "年度绩效目标", "绩效目标", "年度总目标", "项目年度目标"}
	periodGoals = []string{"总体目标", "项目实施期目标", "实施期目标", "项目总体目标", "中长期目标", "实施期总目标", "长期目标", "中期目标"}
	gridNames   = []string{"三级指标", "指标内容", "指标名称", "具体指标"}
	gridValues  = []string{"指标值", "目标值", "年度指标值", "年度目标值"}
	rejectWords = []string{"完成值", "实际完成", "自评", "得分", "偏差"}
)

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// moneyLabel classifies a money sub-label: 0 total, 1 fiscal, 2 other funds,
// 3 period total, 4 another money line (kept in other_money), -1 none.
func moneyLabel(n string) (int, string) {
	n = strings.TrimPrefix(n, "其中")
	n = strings.TrimLeft(n, ":：")
	key := n
	if hasCloseBracket(n) { // most cells: spare the regexp
		n = unitRe2.ReplaceAllString(n, "")
	}
	switch n {
	case "资金总额", "年度资金总额", "年度预算资金总额", "年度金额", "当年预算", "项目总额", "预算资金总额", "年度预算资金", "年度预算":
		return 0, key
	case "财政拨款", "财政资金", "财政拨款资金":
		return 1, key
	case "其他资金":
		return 2, key
	case "实施期资金总额":
		return 3, key
	case "中央财政资金", "市级财政资金", "省级财政资金", "区级财政资金", "市级支出", "补助区县":
		return 4, key
	}
	return -1, ""
}

// unitRe2 is a unit in brackets at the end of a label: 资金总额（万元）.
var unitRe2 = lazyre.New(`[（(](万元|元|千元|亿元)[)）]$`)

// hasCloseBracket reports whether s ends as unitRe2 needs: with ")" or "）".
func hasCloseBracket(s string) bool {
	return strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）")
}

// unitOf returns the unit a label ends with in brackets, "" when none.
func unitOf(n string) string {
	if !hasCloseBracket(n) {
		return ""
	}
	if m := unitRe2.FindStringSubmatch(n); m != nil {
		return m[1]
	}
	return ""
}

// inlineLabel splits a cell that holds a label and its value, separated
// by a colon (项目名称：某项目).
func inlineLabel(s string) (label, value string, ok bool) {
	i := strings.IndexAny(s, ":：")
	if i < 0 {
		return "", "", false
	}
	label = norm(s[:i])
	_, size := utf8.DecodeRuneInString(s[i:])
	value = strings.TrimSpace(s[i+size:])
	if value == "" || !isFormLabel(label) {
		return "", "", false
	}
	return label, value, true
}

func isDeptLabel(n string) bool {
	if n == "市级主管部门" || n == "主管单位" {
		return true
	}
	// 主管部门, 主管部门及代码, 主管部门（代码）, 主管部门名称: short, no value
	return strings.HasPrefix(n, "主管部门") && utf8.RuneCountInString(n) <= 8 && !strings.ContainsAny(n, ":：_0123456789")
}

func isFormLabel(n string) bool {
	if oneOf(n, nameLabels) || oneOf(n, codeLabels) || oneOf(n, unitLabels) || isDeptLabel(n) ||
		oneOf(n, annualGoals) || oneOf(n, periodGoals) {
		return true
	}
	k, _ := moneyLabel(n)
	return k >= 0
}

// rowCells returns the distinct cells covering lattice row i, left to right.
func rowCells(t *grid.Table, i int) []*grid.Cell {
	var out []*grid.Cell
	for j := 0; j+1 < len(t.Xs); j++ {
		c := t.CellAt(i, j)
		if c != nil && (len(out) == 0 || out[len(out)-1] != c) {
			out = append(out, c)
		}
	}
	return out
}

func (r *reader) newForm(p *pdfpage.Page, t *grid.Table, row int, above []string) {
	f := &form{page: p.Number, lastPage: p.Number}
	// The heading: the table's own first cell when it spans the table and
	// ends in 目标表, else the last free line above that does.
	if row == 0 {
		cs := rowCells(t, 0)
		if len(cs) == 1 && isHeading(cs[0].Text) {
			f.heading = strings.TrimSpace(cs[0].Text)
		}
	}
	rest := above
	if f.heading == "" {
		for k := len(above) - 1; k >= 0; k-- {
			if isHeading(above[k]) {
				f.heading = strings.TrimSpace(above[k])
				rest = above[:k]
				break
			}
		}
	}
	// The year: a (2026年度) line under a heading line (Yantai prints the
	// heading twice, around it), or, under a heading cell, above the table.
	under := f.heading != "" && len(rest) == len(above) // a heading cell
	for _, l := range above {
		if isHeading(l) {
			under = true
		} else if y := yearOf(l); y != nil && under && f.year == nil {
			f.year = y
		}
		if u := unitLine(l); u != "" {
			f.currency = u
		}
	}
	if m := titleYearRe.FindStringSubmatch(norm(f.heading)); m != nil && f.year == nil {
		y, _ := strconv.Atoi(m[1])
		f.year = &y
	}
	f.above = rest
	r.forms = append(r.forms, f)
	r.cur = f
	r.lastName = nil
	r.l1, r.l2 = logicalCell{level: 1}, logicalCell{level: 2}
}

func isHeading(s string) bool {
	s = norm(s)
	return strings.HasSuffix(s, "目标表") || strings.HasSuffix(s, "目标表（一级项目）") || strings.HasSuffix(s, "目标表(一级项目)")
}

// titleYearRe finds the year a heading starts with (2026年市级重点专项资金绩效目标表).
var titleYearRe = lazyre.New(`^(\d{4})年`)

var yearRe = lazyre.New(`^[（(]\s*(\d{4})\s*年度?\s*[）)]$`)

func yearOf(s string) *int {
	m := yearRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return nil
	}
	y, _ := strconv.Atoi(m[1])
	return &y
}

var unitRe = lazyre.New(`(?:金额)?单位[:：]\s*(万元|元|千元|亿元)`)

func unitLine(s string) string {
	if !strings.Contains(s, "单位") {
		return "" // most cells: spare the regexp
	}
	if m := unitRe.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// table reads one ruled table of page p.
func (r *reader) table(p *pdfpage.Page, t *grid.Table, above []string) {
	if rowsLayout(t) {
		if r.cur != nil {
			r.cur.done = true
		}
		r.cur = nil
		return
	}
	cont := false
	if r.cur != nil && r.cur.grid != nil && !r.cur.done {
		// The grid goes on in this table when its columns line up and its
		// first row is no label row (a heading repeated above the rest of
		// a form on its next page does not end it).
		cont = r.cur.grid.fits(t) && !labelRow(t, 0)
		if !cont {
			r.cur.done = true
		}
	}
	if !cont && anyHeading(above) && labelRow(t, 0) {
		r.newForm(p, t, 0, above)
	}
	if r.cur != nil && otherTable(t) {
		r.cur.reject = true
	}
	newPage := p.Number != r.prevPage
	r.atTop = cont && newPage
	prevT := r.prevTable
	r.prevTable, r.prevPage = t, p.Number
	for i := 0; i+1 < len(t.Ys); i++ {
		cs := rowCells(t, i)
		if cont {
			if r.gridRow(p, t, i, cs, prevT) {
				continue
			}
			cont = false
		}
		r.labelRow(p, t, i, cs, above)
		if r.cur != nil && r.cur.grid != nil && !r.cur.done && r.cur.grid.table == t && r.cur.grid.row == i {
			cont = true
		}
	}
}

// rowsLayout reports whether t is a table of the indicator-rows layout: a
// project-name header beside the 一级指标 / 三级指标 headers, one project per
// band of rows (another reader's).
func rowsLayout(t *grid.Table) bool {
	for _, c := range t.Cells {
		if !oneOf(norm(c.Text), nameLabels) {
			continue
		}
		for _, d := range t.Cells {
			n := norm(d.Text)
			if (n == "一级指标" || n == "二级指标" || oneOf(n, gridNames)) && d.Y0 < c.Y1 && c.Y0 < d.Y1 {
				return true
			}
		}
	}
	return false
}

// otherTable reports whether a cell of t names a table that is no project's
// target form: the whole department's targets or a self-evaluation.
func otherTable(t *grid.Table) bool {
	for _, c := range t.Cells {
		n := norm(c.Text)
		if strings.Contains(n, "部门整体") || strings.Contains(n, "自评") || strings.Contains(n, "整体支出") {
			return true
		}
	}
	return false
}

func anyHeading(lines []string) bool {
	for _, l := range lines {
		if isHeading(l) {
			return true
		}
	}
	return false
}

func labelRow(t *grid.Table, i int) bool {
	for _, c := range rowCells(t, i) {
		if c.Row == i && (isFormLabel(norm(c.Text)) || isHeading(c.Text)) {
			return true
		}
	}
	return false
}

// labelRow reads a row of a form's head: labels and the values right of them.
func (r *reader) labelRow(p *pdfpage.Page, t *grid.Table, i int, cs []*grid.Cell, above []string) {
	// A heading cell of its own starts a form.
	if len(cs) == 1 && isHeading(cs[0].Text) && cs[0].Row == i {
		r.newForm(p, t, i, above)
		return
	}
	if h := newGridHeader(t, i, cs); h != nil {
		if r.cur == nil || r.cur.grid != nil {
			if r.cur == nil {
				return // a grid with no form above it
			}
			r.newForm(p, t, i, above)
		}
		r.cur.grid = h
		if h.reject {
			r.cur.reject = true
		}
		return
	}
	for k, c := range cs {
		if c.Row != i {
			continue // a spanning cell was read on its first row
		}
		n := norm(c.Text)
		if !isFormLabel(n) {
			if lab, v, ok := inlineLabel(c.Text); ok {
				r.label(p, t, i, lab, &grid.Cell{Row: c.Row, Col: c.Col, Text: v}, above)
				continue
			}
			if r.cur != nil && strings.Contains(n, "资金") {
				if u := unitOf(n); u != "" {
					r.cur.currency = u // 项目资金（万元）
				}
			}
			if u := unitLine(c.Text); u != "" && r.cur != nil {
				r.cur.currency = u
			}
			continue
		}
		var val *grid.Cell
		if k+1 < len(cs) && !isFormLabel(norm(cs[k+1].Text)) {
			val = cs[k+1]
		}
		// A label spanning rows whose first row holds a caption (年度目标
		// over the goal): the value is the first cell right of it below.
		for rr := i + 1; val == nil && rr <= c.LastRow(); rr++ {
			for _, d := range rowCells(t, rr) {
				if d.Col > c.LastCol() && d.Row == rr && !isFormLabel(norm(d.Text)) {
					val = d
					break
				}
			}
		}
		// A caption over its value (实施期总目标 / 年度总目标 side by side,
		// the goals below them; 项目名称 / 主管部门 headers over a row of values).
		if val == nil {
			for _, d := range rowCells(t, c.LastRow()+1) {
				if d.Col == c.Col && d.Row == c.LastRow()+1 && d.LastCol() == c.LastCol() && !isFormLabel(norm(d.Text)) {
					val = d
				}
			}
		}
		r.label(p, t, i, n, val, above)
	}
}

// label stores one label's value in the current form, starting a new form
// where the label belongs to the next one.
func (r *reader) label(p *pdfpage.Page, t *grid.Table, i int, n string, val *grid.Cell, above []string) {
	text := ""
	if val != nil {
		text = val.Text
	}
	f := r.cur
	fresh := f == nil || f.grid != nil
	switch {
	case oneOf(n, nameLabels):
		if fresh || f.name != "" {
			r.newForm(p, t, i, above)
		}
		r.cur.name = joinLines(val)
		r.cur.nameLabel = true
	case oneOf(n, codeLabels):
		if fresh {
			r.newForm(p, t, i, above)
		}
		r.cur.code = text
	case isDeptLabel(n):
		if fresh {
			r.newForm(p, t, i, above)
		}
		r.cur.department = text
	case oneOf(n, unitLabels):
		if fresh {
			r.newForm(p, t, i, above)
		}
		r.cur.unit = joinLines(val)
	case oneOf(n, annualGoals), oneOf(n, periodGoals):
		if fresh {
			r.newForm(p, t, i, above)
		}
		if val == nil {
			return // a caption over the goal row
		}
		r.cur.goalCount++
		if oneOf(n, annualGoals) {
			r.cur.annualGoal = joinLines(val)
		} else {
			r.cur.periodGoal = joinLines(val)
		}
	default:
		k, key := moneyLabel(n)
		if fresh || (k == 0 && r.cur.money[0] != nil) {
			r.newForm(p, t, i, above)
		}
		f = r.cur
		if u := unitOf(key); u != "" {
			f.currency = u
		}
		m, unit, err := amount(text)
		if err != nil {
			f.warnings = append(f.warnings, document.Warning{Code: WarnMoney, Page: p.Number,
				Message: fmt.Sprintf("%s %q does not read as an amount", n, strings.TrimSpace(text))})
		}
		if unit != "" && f.currency == "" {
			f.currency = unit
		}
		switch k {
		case 0, 1, 2:
			f.money[k] = m
		case 3:
			f.periodTotal = m
		case 4:
			f.otherMoney = append(f.otherMoney, document.NamedAmount{Name: key, Value: m})
		}
	}
}

// joinLines is a value cell's text, its lines joined with nothing.
func joinLines(c *grid.Cell) string {
	if c == nil {
		return ""
	}
	return c.Text
}

// amount reads a money cell: nil for an empty cell or a dash, the unit when
// the amount prints one (5612万元).
func amount(s string) (*document.Money, string, error) {
	v := strings.Join(strings.Fields(s), "")
	switch v {
	case "", "-", "—", "－", "——", "/", "／":
		return nil, "", nil
	}
	unit := ""
	for _, u := range []string{"万元", "元"} {
		if strings.HasSuffix(v, u) {
			v, unit = strings.TrimSuffix(v, u), u
			break
		}
	}
	m, err := document.ParseMoney(v)
	if err != nil {
		return nil, "", err
	}
	return &m, unit, nil
}
