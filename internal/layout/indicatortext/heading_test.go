package indicatortext

import "testing"

func TestYearOf(t *testing.T) {
	for text, want := range map[string]int{
		"2026年项目支出绩效目标表":     2026,
		"（2026年度）":           2026,
		"广州市2025 年部门预算":      2025,
		"项目支出绩效目标表（含转移支付项目）": 0,
		"单位：万元":              0,
		"3206年":              0, // not a year of this era
		"预算表12 项目支出绩效目标表":    0,
	} {
		got := yearOf(text)
		switch {
		case want == 0 && got != nil:
			t.Errorf("yearOf(%q) = %d, want none", text, *got)
		case want != 0 && (got == nil || *got != want):
			t.Errorf("yearOf(%q) = %v, want %d", text, got, want)
		}
	}
}

func TestUnitInHeaders(t *testing.T) {
	for _, tc := range []struct {
		headers []string
		want    string
	}{
		{[]string{"项目名称", "总计（万元）", "财政拨款"}, "万元"},
		{[]string{"项目名称", "预算数（单位：元）"}, "元"},
		{[]string{"项目名称（万元）", "总计"}, ""}, // not a money column
		{[]string{"项目名称", "总计", "绩效目标"}, ""},
	} {
		var cols []Column
		for _, h := range tc.headers {
			cols = append(cols, Column{Header: h, Field: fieldOfHeader(h)})
		}
		if got := unitInHeaders(cols); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.headers, got, tc.want)
		}
	}
}
