package indicatorrows

import (
	"strings"
	"unicode"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/grid"
	"github.com/petool/pet/internal/lazyre"
	"github.com/petool/pet/internal/pdfpage"
)

// kind is what a column of the table holds.
type kind int

const (
	kNone      kind = iota // a column the reader does not map
	kSeq                   // 序号 (not the row's seq), 主管部门: not read
	kCode                  // 单位编码 / 项目编码
	kName                  // 项目名称
	kUnit                  // 单位名称 beside a 项目名称
	kMoney                 // a money column (see column.money)
	kGoal                  // 绩效目标 / 年度目标
	kLongGoal              // 总体目标 / 长期目标 beside a 年度目标
	kL1                    // 一级指标
	kL2                    // 二级指标
	kInd                   // 三级指标 / 指标名称
	kValue                 // 指标值 / 本年绩效指标值
	kPeriod                // 实施期 / 中长期指标值
	kDirection             // 指标性质 / 指标值类型
	kMeasure               // 度量单位
	kWeight                // 权重 / 分值
	kExtra                 // any other indicator column, keyed by its header
)

// Money fields of a kMoney column; "" is an other_money column.
const (
	moneyTotal   = "total"
	moneyFiscal  = "fiscal_appropriation"
	moneySpecial = "fiscal_special_account"
	moneyOther   = "other_funds"
)

// column is one leaf column of the header: what it holds and where.
type column struct {
	kind   kind
	money  string // for kMoney: the field, "" for other_money
	label  string // the leaf header as printed (inner spaces dropped)
	x0, x1 float64
}

// schema is the column map of one target table, from its header.
type schema struct {
	cols     []column
	currency string // a unit printed in a money header: 项目总额（万元）
	// typeIsDirection: a 指标值类型 column, direction only when it holds
	// comparison signs (decided over the whole table).
	typeCol int
	// FontSize is the body size of the table's page.
	FontSize float64
	// tol are the tolerances of the table's page.
	tol geom.Tolerances
}

func (s *schema) has(k kind) bool { return s.index(k) >= 0 }

func (s *schema) index(k kind) int {
	for i, c := range s.cols {
		if c.kind == k {
			return i
		}
	}
	return -1
}

// headerText is a header cell's text. Where the clipped text of a cell cut
// by the page break is drawn under a repeated header (in the body's smaller
// size), only the glyphs of the cell's largest size are read.
func headerText(c *grid.Cell) string {
	big := 0.0
	for _, g := range c.Glyphs {
		big = max(big, g.Size)
	}
	n := 0
	for _, g := range c.Glyphs {
		if g.Size >= geom.LargestSizeShare*big {
			n++
		}
	}
	if n == len(c.Glyphs) {
		return compact(c.Text)
	}
	gs := make([]pdfpage.Glyph, 0, n)
	for _, g := range c.Glyphs {
		if g.Size >= geom.LargestSizeShare*big {
			gs = append(gs, g)
		}
	}
	var b strings.Builder
	for _, l := range grid.LinesInPlace(gs) { // gs is this function's
		b.WriteString(l.Text)
	}
	return compact(b.String())
}

// isIndicatorHeader reports whether c is a 三级指标 (or 指标名称) header cell.
// Every such header holds 指 and 标: most cells, long body text among
// them, are told apart without reading their header text.
func isIndicatorHeader(c *grid.Cell) bool {
	return strings.Contains(c.Text, "指") && strings.Contains(c.Text, "标") && indicatorKind(headerText(c)) == kInd
}

// compact drops every space, for matching header words.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var unitInHeader = lazyre.New(`[（(](?:单位[：:])?\s*((?:千|万|亿)?元)\s*[）)]`)

// stripUnit removes a currency unit printed in a header and returns it.
func stripUnit(h string) (string, string) {
	m := unitInHeader.FindStringSubmatchIndex(h)
	if m == nil {
		return h, ""
	}
	return h[:m[0]] + h[m[1]:], h[m[2]:m[3]]
}

// refusing are header words of tables that look like target tables but are
// not: self-evaluations (完成值, 自评, 偏差原因) and the like.
var refusing = []string{"完成值", "自评", "偏差", "实际完成", "完成情况", "实际值", "得分"}

// indicatorKind classifies a header word of the indicator part of the table.
func indicatorKind(h string) kind {
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(h, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("一级指标"):
		return kL1
	case has("二级指标"):
		return kL2
	case has("三级指标"), h == "指标名称", h == "绩效指标名称", h == "指标":
		return kInd
	case has("指标值类型"):
		return kDirection
	case has("性质", "指标方向", "符号", "比较方式"):
		return kDirection
	case has("度量单位", "计量单位", "指标单位"), h == "单位":
		return kMeasure
	case has("权重", "分值"):
		return kWeight
	case has("内容", "说明", "解释", "标准", "依据", "来源", "备注"):
		return kNone // described by its header: an extra column
	case has("指标值", "目标值"):
		if has("实施期", "中长期", "实施周期", "长期", "总体") {
			return kPeriod
		}
		return kValue
	}
	return kNone
}

// subValueKind classifies the sub-columns of a spanning 指标值 header
// (指标值 over 年度 / 实施期).
func subValueKind(h, parent string) kind {
	if indicatorKind(parent) == kInd && (h == "名称" || h == "指标名称" || h == "内容") {
		return kInd // 三级指标 over 名称 | 指标值
	}
	if indicatorKind(parent) != kValue && indicatorKind(parent) != kPeriod {
		return kNone
	}
	switch {
	case strings.Contains(h, "实施") || strings.Contains(h, "长期") || strings.Contains(h, "周期"):
		return kPeriod
	case strings.Contains(h, "年度") || strings.Contains(h, "本年") || strings.Contains(h, "当年"):
		return kValue
	}
	return kNone
}

// projectKind classifies a header word of the project part of the table
// (left of the indicator columns); parent is the spanning header above it.
func projectKind(h, parent string) (kind, string) {
	switch {
	case h == "序号":
		return kSeq, ""
	case strings.Contains(h, "编码") || strings.Contains(h, "代码") || strings.Contains(h, "编号"):
		return kCode, ""
	case strings.Contains(h, "项目名称") || h == "项目" ||
		strings.Contains(h, "名称") && (strings.Contains(h, "项目") || strings.Contains(h, "政策")):
		return kName, ""
	case strings.Contains(h, "单位名称") || h == "实施单位" || h == "资金使用单位" || h == "单位" || h == "预算单位":
		return kUnit, ""
	case strings.Contains(h, "主管部门") || h == "部门名称" || h == "部门":
		return kSeq, "" // the department, printed on every row: not a row field
	case strings.Contains(h, "目标") && !strings.Contains(h, "指标"):
		if strings.Contains(h, "总体") || strings.Contains(h, "长期") || strings.Contains(h, "实施期") {
			return kLongGoal, ""
		}
		return kGoal, ""
	}
	if f, ok := moneyField(h); ok {
		if (h == "合计" || h == "小计") && parent != "" {
			if pf, ok := moneyField(parent); ok {
				return kMoney, pf
			}
		}
		// A known field keeps its name under any spanning header (财政拨款
		// under 资金总额); other money columns are other_money.
		return kMoney, f
	}
	if _, ok := moneyField(parent); ok && h != "" {
		return kMoney, "" // a part of a spanning money header: other_money
	}
	return kNone, ""
}

// moneyField maps a money header to its field ("" for other_money); ok is
// false for a header that is not money.
func moneyField(h string) (string, bool) {
	switch {
	case h == "":
		return "", false
	case strings.Contains(h, "专户"):
		return moneySpecial, true
	case strings.Contains(h, "其他资金"):
		return moneyOther, true
	case strings.Contains(h, "财政资金") || strings.Contains(h, "财政拨款"):
		return moneyFiscal, true
	case strings.Contains(h, "总额") || strings.Contains(h, "总计") || h == "合计" || h == "金额" || h == "预算数" || h == "资金" || h == "预算金额":
		return moneyTotal, true
	case strings.Contains(h, "资金") || strings.Contains(h, "预算") || strings.Contains(h, "金额") || strings.Contains(h, "拨款") || strings.Contains(h, "经费") || h == "小计":
		return "", true
	}
	return "", false
}

// promoteTotal makes the first budget column the total where no column is
// one: a table with a single 年度预算 / 预算金额 / 项目资金 column prints the
// project's amount there.
func (h *header) promoteTotal() {
	for _, c := range h.cols {
		if c.kind == kMoney && c.money == moneyTotal {
			return
		}
	}
	for i, c := range h.cols {
		if c.kind != kMoney || c.money != "" {
			continue
		}
		if strings.Contains(c.label, "其中") || strings.Contains(c.label, "结转") || strings.Contains(c.label, "基金") || strings.Contains(c.label, "一般公共") {
			return
		}
		for _, w := range []string{"预算", "金额", "资金", "经费"} {
			if strings.Contains(c.label, w) {
				h.cols[i].money = moneyTotal
				return
			}
		}
		return
	}
}

// header is a table's header band: the schema and the last header row.
type header struct {
	schema
	last int // last lattice row of the header band
	top  int // first lattice row of the header band
}

// readHeader finds the header of an indicator-rows target table in the
// first rows of t: a 三级指标 (or 指标名称) column header, a value column and a
// project-name column ending on the same row, and a money or goal column.
// refused is true when the header has the words of a look-alike table.
func readHeader(t *grid.Table) (h *header, refused bool) {
	var ind *grid.Cell
	for _, c := range t.Cells {
		if c.Row > 6 {
			break
		}
		if isIndicatorHeader(c) {
			ind = c
			break
		}
	}
	if ind == nil {
		return nil, false
	}
	last := ind.LastRow()
	// A 三级指标 header spanning sub-columns (名称 | 指标值): the band goes
	// down to them.
	for ind.ColSpan > 1 && last+1 < t.Rows() {
		below := t.CellAt(last+1, ind.Col)
		if k := indicatorKind(headerText(below)); k == kNone && !strings.Contains(headerText(below), "名称") || below.Row != last+1 {
			break
		}
		last = below.LastRow()
	}
	// The band's top: the highest leaf ending on the last header row (the
	// project-name header spans the whole band).
	top := ind.Row
	for col := 0; col < t.Cols(); col++ {
		if leaf := t.CellAt(last, col); leaf != nil && leaf.LastRow() == last && headerText(leaf) != "" {
			top = min(top, leaf.Row)
		}
	}
	for _, c := range t.Cells {
		if c.Row >= top && c.Row <= last {
			for _, w := range refusing {
				if strings.Contains(headerText(c), w) {
					return nil, true
				}
			}
		}
	}
	h = &header{last: last, top: top}
	h.FontSize = t.FontSize
	h.tol = t.Tol
	h.typeCol = -1
	seen := map[*grid.Cell]bool{}
	firstInd := -1.0
	type leafCell struct {
		cell   *grid.Cell
		text   string
		parent string
	}
	var leaves []leafCell
	for col := 0; col < t.Cols(); col++ {
		leaf := t.CellAt(last, col)
		if leaf == nil || seen[leaf] {
			continue
		}
		seen[leaf] = true
		text := headerText(leaf)
		parent := ""
		if leaf.Row > top {
			if up := t.CellAt(leaf.Row-1, col); up != nil {
				parent = headerText(up)
			}
		}
		if leaf.LastRow() != last {
			text = ""
		}
		leaves = append(leaves, leafCell{leaf, text, parent})
		k := indicatorKind(text)
		if k == kNone {
			k = subValueKind(text, parent)
		}
		if (k == kL1 || k == kL2 || k == kInd) && (firstInd < 0 || leaf.X0 < firstInd) {
			firstInd = leaf.X0
		}
	}
	for _, l := range leaves {
		text, unit := stripUnit(l.text)
		if unit != "" && h.currency == "" {
			h.currency = unit
		}
		parent, punit := stripUnit(l.parent)
		if punit != "" && h.currency == "" {
			h.currency = punit
		}
		c := column{label: text, x0: l.cell.X0, x1: l.cell.X1}
		if l.cell.X0 >= firstInd-t.Tol.SameRule {
			c.kind = indicatorKind(text)
			if c.kind == kNone {
				c.kind = subValueKind(text, parent)
			}
			if c.kind == kNone && text != "" {
				c.kind = kExtra
			}
			if c.kind == kDirection && strings.Contains(text, "类型") {
				h.typeCol = len(h.cols)
			}
		} else {
			c.kind, c.money = projectKind(text, parent)
		}
		h.cols = append(h.cols, c)
	}
	h.promoteTotal()
	if !h.has(kName) || !h.has(kValue) || !h.has(kInd) || (!h.has(kMoney) && !h.has(kGoal)) {
		return nil, false
	}
	// A name column must be a column header (ending on the band's last
	// row), not a form's 项目名称 label.
	return h, false
}
