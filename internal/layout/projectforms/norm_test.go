package projectforms

import (
	"strings"
	"testing"
)

// TestNormDropsSpaces: norm (with its quick path for text without spaces)
// is the rune-by-rune definition on labels, values and every kind of space.
func TestNormDropsSpaces(t *testing.T) {
	ref := func(s string) string {
		s = strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\u3000', '\t', '\n':
				return -1
			}
			return r
		}, s)
		return strings.TrimRight(s, ":：")
	}
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
		if got := norm(c.in); got != c.want || got != ref(c.in) {
			t.Errorf("norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
