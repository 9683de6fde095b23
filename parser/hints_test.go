package parser

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// lines makes a page's lines, one per text.
func lines(texts ...string) []string { return texts }

// TestGridHints: pages with an indicator grid under a performance-target
// title are target tables in one of the grid layouts; the grids of a
// whole-department table, a self-evaluation or an evaluation report are not,
// also on a later page that repeats no title.
func TestGridHints(t *testing.T) {
	pages := [][]string{
		lines("预算表12 项目支出绩效目标表", "项目名称 项目总额 绩效目标 一级指标 二级指标 三级指标 本年绩效指标值", "产出指标 质量指标 验收合格率 ＝ 100 %"),
		lines("产出指标 数量指标 项目绩效评价报告数量 ≥ 2"), // no grid words: a continuation without header
		lines("警务辅助人员经费项目绩效目标表", "项目名称 主管部门 实施单位", "一级指 二级指标 三级指标 指标值", "标", "聘用人员数量 ≤10 人"),
		lines("部门整体支出绩效目标表", "一级指标 二级指标 三级指标 指标值"),
		lines("一级指标 二级指标 三级指标 指标值"), // still the whole-department table
		lines("表1：项目年度绩效指标表", "一级指标 二级指标 三级指标 指标值"),
		lines("项目支出绩效自评表", "一级指标 二级指标 三级指标 年度指标值 实际完成值"),
		lines("2026年市级一般性项目绩效目标表（一级项目）", "项目名称 当年绩效目标 指标名称 指标性质 指标值", "机关食堂满意度 ≥ 80 %"),
		lines("专项资金总体绩效目标表", "项目名称 主管部门", "一级指标 二级指标 三级指标 指标值 分值权重（90分）"), // a blank template
	}
	want := []gridHint{{1, "indicator-rows"}, {3, "project-forms"}, {8, "indicator-rows"}}
	if got := gridHints(pages); !reflect.DeepEqual(got, want) {
		t.Errorf("hints %v, want %v", got, want)
	}
	err := layoutNotRead(want[1])
	if !errors.Is(err, ErrLayoutNotRead) || !strings.Contains(err.Error(), "page 3") || !strings.Contains(err.Error(), "project-forms") {
		t.Errorf("error %q", err)
	}
}

// titleLineByRunes is isTitleLine's definition: at most 40 runes, 表 among
// the last 12.
func titleLineByRunes(t string) bool {
	r := []rune(t)
	if len(r) == 0 || len(r) > 40 {
		return false
	}
	return strings.ContainsRune(string(r[max(0, len(r)-12):]), '表')
}

// FuzzIsTitleLine holds isTitleLine, which decodes without making a rune
// slice, to its definition, invalid UTF-8 included.
func FuzzIsTitleLine(f *testing.F) {
	for _, s := range []string{
		"", "表", "项目支出绩效目标表", "项目支出绩效目标表（含转移支付项目）", "表1：项目年度绩效指标表",
		"表在很前面的一行文字一二三四五六七八九十一二", strings.Repeat("表", 40), strings.Repeat("表", 41),
		"\xe8\xa1表", "\xff\xfe表\xe8", "abc\xe8\xa1\xa8", strings.Repeat("x", 28) + "表" + strings.Repeat("\xe8", 11),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isTitleLine(s), titleLineByRunes(s); got != want {
			t.Errorf("isTitleLine(%q) = %v, want %v", s, got, want)
		}
	})
}
