package indicatortext

import (
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

// TestHeaderFoundWithSpacedWords: the header is found when its words are
// drawn a character at a time with spaces between (绩 效 目 标), as
// findHeader's quick test for pages without 绩 must allow, and not on a
// page without it.
func TestHeaderFoundWithSpacedWords(t *testing.T) {
	xs, ys := []float64{50, 200, 300, 450, 560}, []float64{100, 130, 200}
	for _, tc := range []struct {
		goal string
		want bool
	}{
		{"绩效目标", true},
		{"绩 效 目 标", true},
		{"绩\u3000效\u3000目\u3000标", true},
		{"工作目标", false},
	} {
		indicators := strings.Replace(tc.goal, "目", "指", 1) // spaced alike
		p := gridPage(xs, ys, textAt{"项目名称", 60, 120}, textAt{"金额", 210, 120}, textAt{tc.goal, 310, 120}, textAt{indicators, 460, 120})
		if _, ok := findHeader(newPageGeometry(p)); ok != tc.want {
			t.Errorf("%q: header found %v, want %v", tc.goal, ok, tc.want)
		}
	}
}
