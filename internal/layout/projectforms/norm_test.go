package projectforms

import "testing"

// TestNormDropsSpaces: norm (with its quick path for text without spaces)
// is normRunes, the rune-by-rune definition, on labels, values and every
// kind of space.
func TestNormDropsSpaces(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"项目名称：", "项目名称"},
		{"项 目 名 称:", "项目名称"},
		{"项目\u3000名称", "项目名称"},
		{"年度\t目标\n", "年度目标"},
		{"资金总额（万元）", "资金总额（万元）"},
		{"。、「」〇", "。、「」〇"}, // E3 lead bytes that are not U+3000
		{"", ""},
		{"：：", ""},
	} {
		if got := norm(c.in); got != c.want || got != normRunes(c.in) {
			t.Errorf("norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
