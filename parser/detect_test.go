package parser

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/petool/pet/internal/pdfpage"
)

// gridPage draws a ruled grid: verticals at xs, horizontals at ys, and the
// given text lines (text at x, baseline y).
func gridPage(xs, ys []float64, texts ...struct {
	s    string
	x, y float64
}) *pdfpage.Page {
	p := &pdfpage.Page{Number: 2, Width: 600, Height: 800}
	for _, x := range xs {
		p.Rules = append(p.Rules, pdfpage.Rule{X0: x, Y0: ys[0], X1: x, Y1: ys[len(ys)-1]})
	}
	for _, y := range ys {
		p.Rules = append(p.Rules, pdfpage.Rule{X0: xs[0], Y0: y, X1: xs[len(xs)-1], Y1: y})
	}
	for _, t := range texts {
		p.Glyphs = append(p.Glyphs, glyphRunAt(t.s, t.x, t.y, 9)...)
	}
	return p
}

func glyphRunAt(text string, x, y, w float64) []pdfpage.Glyph {
	gs := glyphRun(text, x, w)
	for i := range gs {
		gs[i].Y = y
	}
	return gs
}

type textAt = struct {
	s    string
	x, y float64
}

// TestContinuationStopsAtAnotherTable: a page whose grid has the previous
// page's columns continues the table, unless another table's title or a
// section heading stands above it; the table's own title repeated does not
// stop it.
func TestContinuationStopsAtAnotherTable(t *testing.T) {
	xs := []float64{50, 150, 250, 550}
	ys := []float64{100, 140, 180}
	prev := &PageTable{Page: 1, Ruled: true, title: "项目支出绩效目标表（含转移支付项目）",
		Columns: []Column{{X0: 50, X1: 150, Field: FieldName}, {X0: 150, X1: 250, Field: FieldTotal}, {X0: 250, X1: 550, Field: FieldIndicators}}}
	body := []textAt{{"某项目", 55, 125}, {"12.00", 160, 125}, {"1、1-产出指标", 260, 125}}
	for _, tc := range []struct {
		name    string
		heading []textAt
		want    bool
	}{
		{"no heading", nil, true},
		{"own title repeated", []textAt{{"项目支出绩效目标表（含转移支付项目）", 200, 60}}, true},
		{"page number above", []textAt{{"- 3 -", 290, 60}}, true},
		{"section heading", []textAt{{"七、重点项目预算绩效目标情况", 50, 60}}, false},
		{"another table's title", []textAt{{"部门整体支出绩效目标表", 200, 60}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := newPageGeometry(gridPage(xs, ys, append(append([]textAt(nil), tc.heading...), body...)...))
			_, ok := continuedTable(g, prev)
			if ok != tc.want {
				t.Errorf("continued = %v, want %v", ok, tc.want)
			}
		})
	}
}

// TestHeaderIsTheTargetTable: the header words decide whether a table is
// the indicator-text target table.
func TestHeaderIsTheTargetTable(t *testing.T) {
	for _, tc := range []struct {
		name    string
		headers []string
		want    bool
	}{
		{"indicator-text", []string{"项目名称", "总计", "绩效目标", "绩效指标"}, true},
		{"goal only (项目支出预算表)", []string{"项目名称", "预算数", "绩效目标"}, false},
		{"indicator grid", []string{"项目名称", "项目总额", "绩效目标", "一级指标", "二级指标", "三级指标", "绩效指标性质", "本年绩效指标值"}, false},
		{"self-evaluation", []string{"项目名称", "预算数", "绩效指标", "实际完成值", "得分"}, false},
		{"no name column", []string{"序号", "总计", "绩效目标", "绩效指标"}, false},
	} {
		var cols []Column
		for _, h := range tc.headers {
			cols = append(cols, Column{Header: h, Field: fieldOfHeader(h)})
		}
		if got := hasKeyColumns(cols); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// linesOf makes a page's lines from texts, one line each.
func linesOf(texts ...string) []Line {
	var gs []pdfpage.Glyph
	for i, s := range texts {
		gs = append(gs, glyphRunAt(s, 50, float64(100+20*i), 9)...)
	}
	return groupLines(gs)
}

// TestGridHints: pages with an indicator grid under a performance-target
// title are target tables in one of the grid layouts; the grids of a
// whole-department table, a self-evaluation or an evaluation report are not,
// also on a later page that repeats no title.
func TestGridHints(t *testing.T) {
	a := &Analysis{Lines: [][]Line{
		linesOf("预算表12 项目支出绩效目标表", "项目名称 项目总额 绩效目标 一级指标 二级指标 三级指标 本年绩效指标值"),
		linesOf("产出指标 数量指标 项目绩效评价报告数量 ≥ 2"), // no grid words: a continuation without header
		linesOf("警务辅助人员经费项目绩效目标表", "项目名称 主管部门 实施单位", "一级指 二级指标 三级指标 指标值", "标"),
		linesOf("部门整体支出绩效目标表", "一级指标 二级指标 三级指标 指标值"),
		linesOf("一级指标 二级指标 三级指标 指标值"), // still the whole-department table
		linesOf("表1：项目年度绩效指标表", "一级指标 二级指标 三级指标 指标值"),
		linesOf("项目支出绩效自评表", "一级指标 二级指标 三级指标 年度指标值 实际完成值"),
		linesOf("2026年市级一般性项目绩效目标表（一级项目）", "项目名称 当年绩效目标 指标名称 指标性质 指标值"),
	}}
	want := []gridHint{{1, "indicator-rows"}, {3, "project-forms"}, {8, "indicator-rows"}}
	if got := gridHints(a); !reflect.DeepEqual(got, want) {
		t.Errorf("hints %v, want %v", got, want)
	}
	err := layoutNotRead(want[1])
	if !errors.Is(err, ErrLayoutNotRead) || !strings.Contains(err.Error(), "page 3") || !strings.Contains(err.Error(), "project-forms") {
		t.Errorf("error %q", err)
	}
}
