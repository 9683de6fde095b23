package projectforms

import (
	"github.com/petool/pet/internal/fuzzguard"
	"reflect"
	"testing"
	"time"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/pdfpage"
)

// A made-up page: ruled cells on a lattice, text lines above.
type fakeCell struct {
	r, c, rs, cs int
	text         string
}

const (
	fakeSize   = 10.0
	fakeRowH   = 20.0
	fakeTop    = 100.0
	fakeGlyphW = 10.0
)

var fakeXs = []float64{40, 140, 240, 340, 460, 560}

func fakeText(p *pdfpage.Page, s string, x, baseline float64) {
	for _, r := range s {
		p.Glyphs = append(p.Glyphs, pdfpage.Glyph{Text: string(r), X0: x, X1: x + fakeGlyphW, Y: baseline, Size: fakeSize})
		x += fakeGlyphW
	}
}

func fakePage(n int, lines []string, cells []fakeCell) *pdfpage.Page {
	p := &pdfpage.Page{Number: n, Width: 595, Height: 842}
	for i, l := range lines {
		fakeText(p, l, 200, 40+float64(i)*15)
	}
	for _, c := range cells {
		x0, x1 := fakeXs[c.c], fakeXs[c.c+c.cs]
		y0, y1 := fakeTop+float64(c.r)*fakeRowH, fakeTop+float64(c.r+c.rs)*fakeRowH
		p.Rules = append(p.Rules,
			pdfpage.Rule{X0: x0, Y0: y0, X1: x1, Y1: y0}, pdfpage.Rule{X0: x0, Y0: y1, X1: x1, Y1: y1},
			pdfpage.Rule{X0: x0, Y0: y0, X1: x0, Y1: y1}, pdfpage.Rule{X0: x1, Y0: y0, X1: x1, Y1: y1})
		fakeText(p, c.text, x0+3, (y0+y1)/2+3.5)
	}
	return p
}

func c(r, col, rs, cs int, text string) fakeCell { return fakeCell{r, col, rs, cs, text} }

// TestPageBreak: a form whose grid goes on on the next page, with a level-1
// cell cut in its text (效益指 + 标), a row cut by the break (its name ends on
// the next page, the value cell there empty), an empty level-2 cell that
// continues the one above, and a 备注 row closing the grid; then a second
// form whose total does not read.
func TestPageBreak(t *testing.T) {
	heading := []string{"项目支出绩效目标表", "（2026年度）"}
	p1 := fakePage(1, heading, []fakeCell{
		c(0, 0, 1, 1, "项目名称"), c(0, 1, 1, 4, "测试项目"),
		c(1, 0, 1, 1, "主管部门"), c(1, 1, 1, 1, "231_测试局"), c(1, 2, 1, 1, "实施单位"), c(1, 3, 1, 2, "测试中心"),
		c(2, 0, 3, 1, "项目资金（万元）"), c(2, 1, 1, 1, "资金总额"), c(2, 2, 1, 3, "10.00"),
		c(3, 1, 1, 1, "财政拨款"), c(3, 2, 1, 3, "8.00"),
		c(4, 1, 1, 1, "其他资金"), c(4, 2, 1, 3, "2.00"),
		c(5, 0, 1, 1, "年度目标"), c(5, 1, 1, 4, "完成测试"),
		c(6, 0, 3, 1, "绩效指标"), c(6, 1, 1, 1, "一级指标"), c(6, 2, 1, 1, "二级指标"), c(6, 3, 1, 1, "三级指标"), c(6, 4, 1, 1, "指标值"),
		c(7, 1, 1, 1, "产出指标"), c(7, 2, 1, 1, "数量指标"), c(7, 3, 1, 1, "甲数量"), c(7, 4, 1, 1, "≥1个"),
		c(8, 1, 1, 1, "效益指"), c(8, 2, 1, 1, "社会效益指标"), c(8, 3, 1, 1, "乙指标"), c(8, 4, 1, 1, "≥90%"),
	})
	p2 := fakePage(2, []string{"— 2 —"}, []fakeCell{
		c(0, 0, 3, 1, ""), c(0, 1, 3, 1, "标"), c(0, 2, 2, 1, ""), c(0, 3, 1, 1, "率"), c(0, 4, 1, 1, ""),
		c(1, 3, 1, 1, "丙指标"), c(1, 4, 1, 1, "≥2次"),
		c(2, 2, 1, 1, "可持续影响指标"), c(2, 3, 1, 1, "丁指标"), c(2, 4, 1, 1, "持续"),
		c(3, 0, 1, 1, "备注"), c(3, 1, 1, 4, ""),
	})
	p3 := fakePage(3, heading, []fakeCell{
		c(0, 0, 1, 1, "项目名称"), c(0, 1, 1, 4, "乙项目"),
		c(1, 0, 1, 1, "资金总额"), c(1, 1, 1, 4, "十元"),
		c(2, 0, 2, 1, "绩效指标"), c(2, 1, 1, 1, "一级指标"), c(2, 2, 1, 1, "二级指标"), c(2, 3, 1, 1, "三级指标"), c(2, 4, 1, 1, "指标值"),
		c(3, 1, 1, 1, "产出指标"), c(3, 2, 1, 1, "质量指标"), c(3, 3, 1, 1, "合格率"), c(3, 4, 1, 1, "100%"),
	})
	tables := Read([]*pdfpage.Page{p1, p2, p3})
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	tb := tables[0]
	if tb.Info.Title != "项目支出绩效目标表" || tb.Info.FirstPage != 1 || tb.Info.LastPage != 3 ||
		tb.Department != "测试局" || tb.CurrencyUnit != "万元" || tb.Year == nil || *tb.Year != 2026 {
		t.Errorf("table %+v dept %q unit %q year %v", tb.Info, tb.Department, tb.CurrencyUnit, tb.Year)
	}
	if len(tb.Rows) != 2 {
		t.Fatalf("%d rows, want 2", len(tb.Rows))
	}
	r := tb.Rows[0]
	if r.Name != "测试项目" || r.Unit == nil || *r.Unit != "测试中心" || r.Page != 1 || r.Goal != "完成测试" ||
		r.Total.String() != "10.00" || r.FiscalAppropriation.String() != "8.00" || r.OtherFunds.String() != "2.00" {
		t.Errorf("row 1: %+v", r)
	}
	type ind struct{ l1, l2, name, value string }
	var got []ind
	for _, in := range r.Indicators {
		got = append(got, ind{in.Level1, in.Level2, in.Name, in.AnnualValue})
	}
	want := []ind{
		{"产出指标", "数量指标", "甲数量", "≥1个"},
		{"效益指标", "社会效益指标", "乙指标率", "≥90%"},
		{"效益指标", "社会效益指标", "丙指标", "≥2次"},
		{"效益指标", "可持续影响指标", "丁指标", "持续"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("indicators:\n got %v\nwant %v", got, want)
	}
	r2 := tb.Rows[1]
	if r2.Name != "乙项目" || r2.Page != 3 || r2.Total != nil || len(r2.Indicators) != 1 {
		t.Errorf("row 2: %+v", r2)
	}
	wantW := []document.Warning{{Code: WarnMoney, Row: 2, Page: 3}}
	var gotW []document.Warning
	for _, w := range tb.Warnings {
		w.Message = ""
		gotW = append(gotW, w)
	}
	if !reflect.DeepEqual(gotW, wantW) {
		t.Errorf("warnings %+v, want %+v", tb.Warnings, wantW)
	}
}

// TestNoGrid: a project table without an indicator grid is no form, and a
// form whose 项目名称 is empty is read with a warning.
func TestNoGrid(t *testing.T) {
	budget := fakePage(1, []string{"项目支出预算表"}, []fakeCell{
		c(0, 0, 1, 1, "项目名称"), c(0, 1, 1, 4, "某项目"),
		c(1, 0, 1, 1, "资金总额"), c(1, 1, 1, 4, "3.00"),
	})
	if got := Read([]*pdfpage.Page{budget}); len(got) != 0 {
		t.Errorf("a budget table without indicators read as %d tables", len(got))
	}
	noName := fakePage(1, []string{"项目支出绩效目标表"}, []fakeCell{
		c(0, 0, 1, 1, "项目名称"), c(0, 1, 1, 4, ""),
		c(1, 0, 1, 1, "资金总额"), c(1, 1, 1, 4, "3.00"),
		c(2, 0, 2, 1, "绩效指标"), c(2, 1, 1, 1, "一级指标"), c(2, 2, 1, 1, "二级指标"), c(2, 3, 1, 1, "三级指标"), c(2, 4, 1, 1, "指标值"),
		c(3, 1, 1, 1, "产出指标"), c(3, 2, 1, 1, "质量指标"), c(3, 3, 1, 1, "合格率"), c(3, 4, 1, 1, "100%"),
	})
	got := Read([]*pdfpage.Page{noName})
	if len(got) != 1 || len(got[0].Rows) != 1 || len(got[0].Warnings) != 1 || got[0].Warnings[0].Code != WarnNoName {
		t.Fatalf("want one row with a %s warning, got %+v", WarnNoName, got)
	}
}

// FuzzRead: any rules and texts, labels of forms among them, read without a
// panic, and every form read has a grid.
func FuzzRead(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte("项目名称 资金总额 一级指标 三级指标 指标值"))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzguard.Budget(5 * time.Second)()
		for _, tb := range fuzzPages(data) {
			if tb.Info.Layout != document.LayoutProjectForms || tb.Info.FirstPage > tb.Info.LastPage {
				t.Errorf("table %+v", tb.Info)
			}
			for _, r := range tb.Rows {
				if r.Seq < 1 || r.Page < tb.Info.FirstPage {
					t.Errorf("row %+v", r)
				}
			}
		}
	})
}

var fuzzWords = []string{"项目名称", "主管部门", "231_某局", "实施单位", "资金总额", "其中：财政拨款", "其他资金", "1.00", "0.00", "x",
	"年度目标", "总体目标", "一级指标", "二级指标", "三级指标", "指标值", "分值", "备注", "产出指标", "效益指", "标", "≥90%", "",
	"项目绩效目标表", "某项目项目绩效目标表", "（2026年度）", "部门整体", "完成值", "实施期总目标", "年度总目标"}

// fuzzPages reads the made-up pages that data describes.
func fuzzPages(data []byte) []layout.Table {
	words := fuzzWords
	{
		var pages []*pdfpage.Page
		var cells []fakeCell
		page := 1
		for i := 0; i+4 < len(data); i += 5 {
			if data[i] == 255 {
				pages = append(pages, fakePage(page, []string{words[int(data[i+1])%len(words)]}, cells))
				page++
				cells = nil
				continue
			}
			r, col := int(data[i]%12), int(data[i+1]%5)
			rs, cs := 1+int(data[i+2]%3), 1+int(data[i+3])%(5-col)
			cells = append(cells, fakeCell{r, col, rs, cs, words[int(data[i+4])%len(words)]})
		}
		pages = append(pages, fakePage(page, nil, cells), nil, &pdfpage.Page{Number: page + 2})
		return Read(pages)
	}
}

// TestColumns: 实施期指标值 and 年度指标值 columns, a 分值 column, no 二级指标,
// and a weight that is no number (a warning naming row and page).
func TestColumns(t *testing.T) {
	p := fakePage(4, []string{"甲项目项目绩效目标表"}, []fakeCell{
		c(0, 0, 1, 1, "资金总额"), c(0, 1, 1, 4, "5.00"),
		c(1, 0, 1, 1, "一级指标"), c(1, 1, 1, 1, "三级指标"), c(1, 2, 1, 1, "实施期指标值"), c(1, 3, 1, 1, "年度指标值"), c(1, 4, 1, 1, "分值"),
		c(2, 0, 2, 1, "产出指标"), c(2, 1, 1, 1, "合格率"), c(2, 2, 1, 1, "100%"), c(2, 3, 1, 1, "≥95%。"), c(2, 4, 1, 1, "20"),
		c(3, 1, 1, 1, "完成率"), c(3, 2, 1, 1, "全部"), c(3, 3, 1, 1, "九成"), c(3, 4, 1, 1, "十分"),
	})
	got := Read([]*pdfpage.Page{p})
	if len(got) != 1 || len(got[0].Rows) != 1 {
		t.Fatalf("want one form, got %+v", got)
	}
	r := got[0].Rows[0]
	if r.Name != "甲项目" || got[0].Info.Title != "甲项目项目绩效目标表" {
		t.Errorf("name %q title %q", r.Name, got[0].Info.Title)
	}
	if len(r.Indicators) != 2 {
		t.Fatalf("%d indicators, want 2", len(r.Indicators))
	}
	a, b := r.Indicators[0], r.Indicators[1]
	if a.Level1 != "产出指标" || a.Level2 != "" || a.Name != "合格率" || a.PeriodValue != "100%" || a.AnnualValue != "≥95%" ||
		a.Weight == nil || *a.Weight != "20" || a.Target == nil || a.Target.Op != ">=" {
		t.Errorf("indicator 1: %+v", a)
	}
	if b.Level1 != "产出指标" || b.Weight != nil || b.Target != nil {
		t.Errorf("indicator 2: %+v", b)
	}
	w := got[0].Warnings
	if len(w) != 1 || w[0].Code != WarnWeight || w[0].Row != 1 || w[0].Page != 4 {
		t.Errorf("warnings %+v, want one %s on row 1 page 4", w, WarnWeight)
	}
}

// TestInlineLabels: labels and values in one cell (项目名称：…), a money label
// with its unit in brackets, and a 单位：元 line above.
func TestInlineLabels(t *testing.T) {
	p := fakePage(1, []string{"项目支出绩效目标表"}, []fakeCell{
		c(0, 0, 1, 3, "项目名称：丙项目"), c(0, 3, 1, 2, "实施单位：丙中心"),
		c(1, 0, 1, 5, "主管部门：12_丙局"),
		c(2, 0, 1, 1, "资金总额（元）"), c(2, 1, 1, 4, "1,200"),
		c(3, 0, 1, 1, "年度目标"), c(3, 1, 1, 4, "做完"),
		c(4, 0, 1, 1, "一级指标"), c(4, 1, 1, 1, "二级指标"), c(4, 2, 1, 1, "具体指标"), c(4, 3, 1, 1, "目标值"), c(4, 4, 1, 1, "备注"),
		c(5, 0, 1, 1, "产出指标"), c(5, 1, 1, 1, "数量指标"), c(5, 2, 1, 1, "件数"), c(5, 3, 1, 1, "≥3件"), c(5, 4, 1, 1, "新增"),
	})
	got := Read([]*pdfpage.Page{p})
	if len(got) != 1 || len(got[0].Rows) != 1 {
		t.Fatalf("want one form, got %+v", got)
	}
	tb, r := got[0], got[0].Rows[0]
	if r.Name != "丙项目" || r.Unit == nil || *r.Unit != "丙中心" || tb.Department != "丙局" || tb.CurrencyUnit != "元" ||
		r.Total == nil || r.Total.String() != "1200" || r.Goal != "做完" {
		t.Errorf("form: %+v dept %q unit %q", r, tb.Department, tb.CurrencyUnit)
	}
	if len(r.Indicators) != 1 {
		t.Fatalf("%d indicators", len(r.Indicators))
	}
	if in := r.Indicators[0]; in.Name != "件数" || in.AnnualValue != "≥3件" || len(in.Extra) != 1 || in.Extra[0].Name != "备注" || in.Extra[0].Value != "新增" {
		t.Errorf("indicator %+v", in)
	}
}

// TestLabelsOverValues: a row of labels over a row of their values.
func TestLabelsOverValues(t *testing.T) {
	p := fakePage(1, []string{"项目支出绩效目标表"}, []fakeCell{
		c(0, 0, 1, 1, "项目名称"), c(0, 1, 1, 1, "主管部门"), c(0, 2, 1, 1, "实施单位"), c(0, 3, 1, 2, "资金总额"),
		c(1, 0, 1, 1, "丁项目"), c(1, 1, 1, 1, "丁局"), c(1, 2, 1, 1, "丁中心"), c(1, 3, 1, 2, "9.00"),
		c(2, 0, 1, 1, "一级指标"), c(2, 1, 1, 1, "二级指标"), c(2, 2, 1, 1, "三级指标"), c(2, 3, 1, 2, "指标值"),
		c(3, 0, 1, 1, "产出指标"), c(3, 1, 1, 1, "数量指标"), c(3, 2, 1, 1, "件数"), c(3, 3, 1, 2, "≥3件"),
	})
	got := Read([]*pdfpage.Page{p})
	if len(got) != 1 || len(got[0].Rows) != 1 {
		t.Fatalf("want one form, got %+v", got)
	}
	r := got[0].Rows[0]
	if r.Name != "丁项目" || r.Unit == nil || *r.Unit != "丁中心" || got[0].Department != "丁局" ||
		r.Total == nil || r.Total.String() != "9.00" || len(r.Indicators) != 1 {
		t.Errorf("form %+v, department %q", r, got[0].Department)
	}
}

// TestSubHeaders: 指标值 spanning 实施期 / 年度 sub-headers.
func TestSubHeaders(t *testing.T) {
	p := fakePage(1, []string{"项目支出绩效目标表"}, []fakeCell{
		c(0, 0, 1, 1, "项目名称"), c(0, 1, 1, 4, "戊项目"),
		c(1, 0, 2, 1, "一级指标"), c(1, 1, 2, 1, "二级指标"), c(1, 2, 2, 1, "三级指标"), c(1, 3, 1, 2, "指标值"),
		c(2, 3, 1, 1, "实施期"), c(2, 4, 1, 1, "年度"),
		c(3, 0, 1, 1, "产出指标"), c(3, 1, 1, 1, "数量指标"), c(3, 2, 1, 1, "件数"), c(3, 3, 1, 1, "≥9件"), c(3, 4, 1, 1, "≥3件"),
	})
	got := Read([]*pdfpage.Page{p})
	if len(got) != 1 || len(got[0].Rows) != 1 || len(got[0].Rows[0].Indicators) != 1 {
		t.Fatalf("want one form with one indicator, got %+v", got)
	}
	if in := got[0].Rows[0].Indicators[0]; in.Name != "件数" || in.PeriodValue != "≥9件" || in.AnnualValue != "≥3件" {
		t.Errorf("indicator %+v", in)
	}
}
