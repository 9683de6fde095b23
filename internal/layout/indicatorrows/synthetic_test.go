package indicatorrows_test

import (
	"reflect"
	"testing"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/layout/indicatorrows"
	"github.com/petool/pet/internal/pdfpage"
)

const fs = 8 // font size of the built pages

// cell is a drawn cell over lattice rows r0..r1 and columns c0..c1.
type cell struct {
	r0, c0, r1, c1 int
	text           string
}

// sheet is a page with one ruled table on the lattice xs × ys and text
// lines above it.
type sheet struct {
	xs, ys []float64
	cells  []cell
	above  []string // heading lines, top to bottom
}

func glyphsOf(s string, x, y float64) []pdfpage.Glyph {
	var gs []pdfpage.Glyph
	for _, r := range s {
		w := float64(fs)
		if r < 0x80 {
			w = fs / 2
		}
		gs = append(gs, pdfpage.Glyph{Text: string(r), X0: x, X1: x + w, Y: y, Size: fs})
		x += w
	}
	return gs
}

func (s sheet) page(n int) *pdfpage.Page {
	p := &pdfpage.Page{Number: n, Width: 842, Height: 595}
	for i, l := range s.above {
		p.Glyphs = append(p.Glyphs, glyphsOf(l, s.xs[0], 20+float64(i)*12)...)
	}
	for _, c := range s.cells {
		x0, x1, y0, y1 := s.xs[c.c0], s.xs[c.c1+1], s.ys[c.r0], s.ys[c.r1+1]
		p.Rules = append(p.Rules,
			pdfpage.Rule{X0: x0, Y0: y0, X1: x1, Y1: y0}, pdfpage.Rule{X0: x0, Y0: y1, X1: x1, Y1: y1},
			pdfpage.Rule{X0: x0, Y0: y0, X1: x0, Y1: y1}, pdfpage.Rule{X0: x1, Y0: y0, X1: x1, Y1: y1})
		// The text wraps at the cell's right rule.
		x, y := x0+2, y0+fs+2
		for _, g := range glyphsOf(c.text, 0, 0) {
			w := g.X1 - g.X0
			if x+w > x1-2 {
				x, y = x0+2, y+fs+2
			}
			g.X0, g.X1, g.Y = x, x+w, y
			p.Glyphs = append(p.Glyphs, g)
			x += w
		}
	}
	return p
}

func lattice(start, step float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = start + float64(i)*step
	}
	return out
}

// hunanHeader: 单位编码 | 单位（项目）名称 | 资金总额（万元） | 年度目标 | 绩效指标 over
// 一级指标 … 备注, on lattice rows 0-1.
var hunanHeader = []cell{
	{0, 0, 1, 0, "单位编码"}, {0, 1, 1, 1, "单位（项目）名称"}, {0, 2, 1, 2, "资金总额（万元）"}, {0, 3, 1, 3, "年度目标"},
	{0, 4, 0, 9, "绩效指标"},
	{1, 4, 1, 4, "一级指标"}, {1, 5, 1, 5, "二级指标"}, {1, 6, 1, 6, "三级指标"}, {1, 7, 1, 7, "指标值"},
	{1, 8, 1, 8, "指标值类型"}, {1, 9, 1, 9, "备注"},
}

func row(r int, texts ...string) []cell {
	var out []cell
	for c, t := range texts {
		out = append(out, cell{r, c, r, c, t})
	}
	return out
}

func TestReadUnitsTotalsCodesAndExtra(t *testing.T) {
	cells := append([]cell{}, hunanHeader...)
	cells = append(cells, row(2, "合计", "", "300.00", "", "", "", "", "", "", "")...)
	cells = append(cells, row(3, "101", "某某局", "300.00", "", "", "", "", "", "", "")...)
	// A project over rows 4-6; 一级 merged over 4-5.
	cells = append(cells, cell{4, 0, 6, 0, "101"}, cell{4, 1, 6, 1, "办公经费"}, cell{4, 2, 6, 2, "300.00"}, cell{4, 3, 6, 3, "保障运转"},
		cell{4, 4, 5, 4, "产出指标"}, cell{6, 4, 6, 4, "效益指标"})
	for r, ind := range [][]string{{"数量指标", "会议次数", "12", "数值", "5"}, {"质量指标", "合格率", "95", "比率", ""}, {"社会效益指标", "满意度", "90", "比率", "10"}} {
		for k, v := range ind {
			cells = append(cells, cell{4 + r, 5 + k, 4 + r, 5 + k, v})
		}
	}
	s := sheet{xs: lattice(20, 80, 11), ys: lattice(60, 30, 8), cells: cells,
		above: []string{"2026年项目支出绩效目标表", "单位名称：某某局"}}
	tables := indicatorrows.Read([]*pdfpage.Page{s.page(1)})
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	tb := tables[0]
	if tb.Info.Title != "2026年项目支出绩效目标表" || tb.Department != "某某局" || tb.CurrencyUnit != "万元" || tb.Year == nil || *tb.Year != 2026 {
		t.Errorf("heading %+v %q %q %v", tb.Info, tb.Department, tb.CurrencyUnit, tb.Year)
	}
	if len(tb.Warnings) != 0 {
		t.Errorf("warnings %+v", tb.Warnings)
	}
	type got struct {
		Level, Name, Code, Unit, Total string
		Indicators                     int
	}
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	var rows []got
	for _, r := range tb.Rows {
		total := "<nil>"
		if r.Total != nil {
			total = r.Total.String()
		}
		rows = append(rows, got{r.Level, r.Name, str(r.Code), str(r.Unit), total, len(r.Indicators)})
	}
	want := []got{
		{document.LevelTotal, "合计", "<nil>", "<nil>", "300.00", 0},
		{document.LevelUnit, "某某局", "101", "某某局", "300.00", 0},
		{document.LevelProject, "办公经费", "101", "某某局", "300.00", 3},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("rows\n got %+v\nwant %+v", rows, want)
	}
	inds := tb.Rows[2].Indicators
	// 指标值类型 holds 数值 / 比率, not signs: it is an extra column, not the direction.
	wantExtra := document.NamedText{{Name: "指标值类型", Value: "比率"}, {Name: "备注", Value: ""}}
	if inds[1].Level1 != "产出指标" || inds[1].Level2 != "质量指标" || inds[1].Name != "合格率" || inds[1].AnnualValue != "95" ||
		inds[1].Direction != "" || !reflect.DeepEqual(inds[1].Extra, wantExtra) || inds[1].Seq != 2 {
		t.Errorf("indicator 2: %+v", inds[1])
	}
	if inds[2].Level1 != "效益指标" {
		t.Errorf("indicator 3 level1 %q", inds[2].Level1)
	}
}

// beijingPage is a 预算表12-like page: 项目名称 | 项目总额 | 其中： over 财政资金 /
// 其他资金 | 绩效目标 | 一级 | 二级 | 三级 | 绩效指标性质 | 本年绩效指标值 | 绩效度量单位.
func beijingPage(n int, header bool, body []cell, above ...string) *pdfpage.Page {
	return beijingPageWith("绩效度量单位", n, header, body, above...)
}

// beijingPageWith is beijingPage with the last header printed as last.
func beijingPageWith(last string, n int, header bool, body []cell, above ...string) *pdfpage.Page {
	var cells []cell
	off := 0
	if header {
		off = 2
		cells = []cell{{0, 0, 1, 0, "项目名称"}, {0, 1, 1, 1, "项目总额"}, {0, 2, 0, 3, "其中："}, {1, 2, 1, 2, "财政资金"}, {1, 3, 1, 3, "其他资金"},
			{0, 4, 1, 4, "绩效目标"}, {0, 5, 1, 5, "一级指标"}, {0, 6, 1, 6, "二级指标"}, {0, 7, 1, 7, "三级指标"},
			{0, 8, 1, 8, "绩效指标性质"}, {0, 9, 1, 9, "本年绩效指标值"}, {0, 10, 1, 10, last}}
	}
	rows, cols := 0, 11
	for _, c := range body {
		c.r0, c.r1 = c.r0+off, c.r1+off
		cells = append(cells, c)
		rows, cols = max(rows, c.r1+1), max(cols, c.c1+1)
	}
	s := sheet{xs: lattice(20, 72, cols+1), ys: lattice(60, 40, rows+1), cells: cells, above: above}
	return s.page(n)
}

// indicatorCells are the cells of indicator row r: levels, name, sign, value, unit.
func indicatorCells(r int, v ...string) []cell {
	var out []cell
	for k, s := range v {
		out = append(out, cell{r, 5 + k, r, 5 + k, s})
	}
	return out
}

func project(r0, r1 int, name, total, fiscal, goal string) []cell {
	return []cell{{r0, 0, r1, 0, name}, {r0, 1, r1, 1, total}, {r0, 2, r1, 2, fiscal}, {r0, 3, r1, 3, ""}, {r0, 4, r1, 4, goal}}
}

func TestReadContinuedOnTheNextPage(t *testing.T) {
	// Page 1: project A over two indicator rows, cut at the page end; page 2
	// (no header, same column rules): A's third indicator, its project
	// cells empty and its 一级 merged cell cut (empty), then project B.
	var p1 []cell
	p1 = append(p1, project(0, 1, "11000022T000000000001-项目甲", "10.00", "10.00", "目标甲")...)
	p1 = append(p1, indicatorCells(0, "产出指标", "数量指标", "次数", "≥", "3", "次")...)
	p1 = append(p1, indicatorCells(1, "产出指标", "质量指标", "合格率", "＝", "100", "%")...)
	var p2 []cell
	p2 = append(p2, project(0, 0, "", "", "", "")...)
	p2 = append(p2, indicatorCells(0, "", "时效指标", "完成时间", "≤", "12", "月")...)
	p2 = append(p2, project(1, 1, "11000022T000000000002-项目乙", "5.50", "5.50", "目标乙")...)
	p2 = append(p2, indicatorCells(1, "效益指标", "社会效益指标", "受益人数", "≥", "100", "人")...)
	pages := []*pdfpage.Page{
		beijingPage(1, true, p1, "预算表12 项目支出绩效目标表", "金额单位：万元"),
		beijingPage(2, false, p2),
	}
	tables := indicatorrows.Read(pages)
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	tb := tables[0]
	if tb.Info.FirstPage != 1 || tb.Info.LastPage != 2 || tb.Info.Title != "预算表12 项目支出绩效目标表" || tb.CurrencyUnit != "万元" || tb.Year != nil {
		t.Errorf("table %+v %q %v", tb.Info, tb.CurrencyUnit, tb.Year)
	}
	if len(tb.Rows) != 2 {
		t.Fatalf("%d rows: %+v", len(tb.Rows), tb.Rows)
	}
	a, b := tb.Rows[0], tb.Rows[1]
	if a.Name != "项目甲" || *a.Code != "11000022T000000000001" || a.Goal != "目标甲" || len(a.Indicators) != 3 || a.Page != 1 {
		t.Errorf("row A %+v", a)
	}
	if got := a.Indicators[2]; got.Level1 != "产出指标" || got.Level2 != "时效指标" || got.Direction != "≤" || got.MeasureUnit != "月" || got.Seq != 3 {
		t.Errorf("A's third indicator %+v (一级 carried over the break)", got)
	}
	if a.OtherFunds != nil || a.Total.String() != "10.00" || a.FiscalAppropriation.String() != "10.00" {
		t.Errorf("A's money %v %v %v", a.Total, a.FiscalAppropriation, a.OtherFunds)
	}
	if b.Name != "项目乙" || b.Page != 2 || len(b.Indicators) != 1 || b.Indicators[0].Target == nil || b.Indicators[0].Target.Op != ">=" {
		t.Errorf("row B %+v", b)
	}
}

func TestReadRowWithoutName(t *testing.T) {
	var body []cell
	body = append(body, project(0, 0, "11000022T000000000001-项目甲", "1.00", "1.00", "目标")...)
	body = append(body, indicatorCells(0, "产出指标", "数量指标", "次数", "≥", "3", "次")...)
	body = append(body, project(1, 1, "", "2.00", "2.00", "目标")...)
	body = append(body, indicatorCells(1, "产出指标", "数量指标", "人数", "≥", "3", "人")...)
	tables := indicatorrows.Read([]*pdfpage.Page{beijingPage(7, true, body, "项目支出绩效目标表")})
	if len(tables) != 1 || len(tables[0].Rows) != 2 {
		t.Fatalf("tables %+v", tables)
	}
	w := tables[0].Warnings
	if len(w) != 1 || w[0].Code != indicatorrows.RowWithoutName || w[0].Row != 2 || w[0].Page != 7 {
		t.Errorf("warnings %+v, want one %s on row 2 page 7", w, indicatorrows.RowWithoutName)
	}
}

func TestReadRefusesLookAlikes(t *testing.T) {
	var body []cell
	body = append(body, project(0, 0, "项目甲", "1.00", "1.00", "目标")...)
	body = append(body, indicatorCells(0, "产出指标", "数量指标", "次数", "≥", "3", "次")...)
	// A self-evaluation prints 完成值 (here instead of the unit column).
	selfEval := beijingPageWith("完成值", 1, true, body, "项目绩效自评表")
	if got := indicatorrows.Read([]*pdfpage.Page{beijingPageWith("说明", 1, true, body, "项目绩效目标表")}); len(got) != 1 {
		t.Fatalf("the same table with another extra column: %d tables, want 1", len(got))
	}
	tests := map[string][]*pdfpage.Page{
		"whole department": {beijingPage(1, true, body, "部门整体支出绩效目标表")},
		"self-evaluation":  {selfEval},
		"no header":        {beijingPage(1, false, body, "项目支出绩效目标表")},
	}
	for name, pages := range tests {
		if got := indicatorrows.Read(pages); len(got) != 0 {
			t.Errorf("%s: read %d tables: %+v", name, len(got), got[0].Info)
		}
	}
}

func TestReadTitleRuledIntoTheTable(t *testing.T) {
	// The title and the 单位 line are cells of the table above its header.
	cells := []cell{{0, 0, 0, 9, "2025年项目支出绩效目标表"}, {1, 0, 1, 9, "编制单位：某某中心"}}
	for _, c := range hunanHeader {
		c.r0, c.r1 = c.r0+2, c.r1+2
		cells = append(cells, c)
	}
	cells = append(cells, cell{4, 0, 4, 0, "102"}, cell{4, 1, 4, 1, "培训费"}, cell{4, 2, 4, 2, "8.5"}, cell{4, 3, 4, 3, "完成培训"})
	for k, v := range []string{"产出指标", "数量指标", "培训人次", "200", "≥", ""} {
		cells = append(cells, cell{4, 4 + k, 4, 4 + k, v})
	}
	s := sheet{xs: lattice(20, 80, 11), ys: lattice(60, 30, 6), cells: cells}
	tables := indicatorrows.Read([]*pdfpage.Page{s.page(3)})
	if len(tables) != 1 || len(tables[0].Rows) != 1 {
		t.Fatalf("tables %+v", tables)
	}
	tb := tables[0]
	if tb.Info.Title != "2025年项目支出绩效目标表" || tb.Year == nil || *tb.Year != 2025 || tb.Department != "某某中心" || tb.CurrencyUnit != "万元" {
		t.Errorf("heading %+v year %v department %q currency %q", tb.Info, tb.Year, tb.Department, tb.CurrencyUnit)
	}
	r := tb.Rows[0]
	if r.Name != "培训费" || r.Total.String() != "8.5" || len(r.Indicators) != 1 || r.Indicators[0].Direction != "≥" {
		t.Errorf("row %+v", r)
	}
}

func TestReadProjectRepeatedOnEveryRow(t *testing.T) {
	// A table that prints the project's cells again on each indicator row
	// (no merged cells): one project, two indicators.
	var body []cell
	for r, ind := range [][]string{{"产出指标", "数量指标", "次数", "≥", "3", "次"}, {"效益指标", "社会效益指标", "满意度", "≥", "90", "%"}} {
		body = append(body, project(r, r, "11000022T000000000001-项目甲", "1.00", "1.00", "目标")...)
		body = append(body, indicatorCells(r, ind...)...)
	}
	body = append(body, project(2, 2, "11000022T000000000002-项目乙", "1.00", "1.00", "目标")...)
	body = append(body, indicatorCells(2, "产出指标", "数量指标", "人数", "≥", "3", "人")...)
	tables := indicatorrows.Read([]*pdfpage.Page{beijingPage(1, true, body, "项目支出绩效目标表")})
	if len(tables) != 1 || len(tables[0].Rows) != 2 {
		t.Fatalf("tables %+v", tables)
	}
	if a := tables[0].Rows[0]; a.Name != "项目甲" || len(a.Indicators) != 2 || a.Indicators[1].Name != "满意度" || a.Total.String() != "1.00" {
		t.Errorf("row 1 %+v", a)
	}
}

func TestReadProjectWithoutGoalIsNotAUnit(t *testing.T) {
	// A project printing neither goal nor indicators, followed by a project
	// whose amount is not its own: not a unit row.
	var body []cell
	body = append(body, project(0, 0, "11000022T000000000001-项目甲", "7.00", "7.00", "")...)
	body = append(body, indicatorCells(0, "", "", "", "", "", "")...)
	body = append(body, project(1, 1, "11000022T000000000002-项目乙", "2.00", "2.00", "目标")...)
	body = append(body, indicatorCells(1, "产出指标", "数量指标", "人数", "≥", "3", "人")...)
	tables := indicatorrows.Read([]*pdfpage.Page{beijingPage(1, true, body, "项目支出绩效目标表")})
	if len(tables) != 1 || len(tables[0].Rows) != 2 {
		t.Fatalf("tables %+v", tables)
	}
	if r := tables[0].Rows[0]; r.Level != document.LevelProject || r.Unit != nil || tables[0].Rows[1].Unit != nil {
		t.Errorf("rows %+v", tables[0].Rows)
	}
}

func TestReadWarnsOfTextUnderNoHeaderColumn(t *testing.T) {
	var p1, p2 []cell
	p1 = append(p1, project(0, 0, "11000022T000000000001-项目甲", "1.00", "1.00", "目标")...)
	p1 = append(p1, indicatorCells(0, "产出指标", "数量指标", "次数", "≥", "3", "次")...)
	p2 = append(p2, project(0, 0, "11000022T000000000002-项目乙", "1.00", "1.00", "目标")...)
	p2 = append(p2, indicatorCells(0, "产出指标", "数量指标", "人数", "≥", "3", "人", "多出的一列")...)
	pages := []*pdfpage.Page{beijingPage(1, true, p1, "项目支出绩效目标表"), beijingPage(2, false, p2)}
	// Page 2 draws one column more on the right than the header has.
	tables := indicatorrows.Read(pages)
	if len(tables) != 1 || len(tables[0].Rows) != 2 {
		t.Fatalf("tables %+v", tables)
	}
	w := tables[0].Warnings
	if len(w) != 1 || w[0].Code != indicatorrows.GridUnmapped || w[0].Page != 2 {
		t.Errorf("warnings %+v, want one %s on page 2", w, indicatorrows.GridUnmapped)
	}
}

func TestReadIndicatorHeaderOverSubColumns(t *testing.T) {
	// 三级指标 spans 名称 | 指标值; no 一级 / 二级 columns.
	cells := []cell{{0, 0, 1, 0, "项目名称"}, {0, 1, 1, 1, "资金总额"}, {0, 2, 1, 2, "年度绩效目标"},
		{0, 3, 0, 4, "三级指标"}, {1, 3, 1, 3, "名称"}, {1, 4, 1, 4, "指标值"},
		{2, 0, 3, 0, "项目甲"}, {2, 1, 3, 1, "12.30"}, {2, 2, 3, 2, "目标"},
		{2, 3, 2, 3, "培训人次"}, {2, 4, 2, 4, "≥200人次"}, {3, 3, 3, 3, "满意度"}, {3, 4, 3, 4, "≥90%"}}
	s := sheet{xs: lattice(20, 100, 6), ys: lattice(60, 30, 5), cells: cells, above: []string{"项目支出绩效目标表"}}
	tables := indicatorrows.Read([]*pdfpage.Page{s.page(1)})
	if len(tables) != 1 || len(tables[0].Rows) != 1 {
		t.Fatalf("tables %+v", tables)
	}
	r := tables[0].Rows[0]
	if r.Name != "项目甲" || r.Total.String() != "12.30" || len(r.Indicators) != 2 || r.Indicators[1].Name != "满意度" || r.Indicators[1].AnnualValue != "≥90%" {
		t.Errorf("row %+v", r)
	}
}
