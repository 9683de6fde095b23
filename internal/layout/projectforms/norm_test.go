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

// TestUnitNeedsCloseBracket: moneyLabel and unitOf skip unitRe2 for a
// label that does not end in a closing bracket; that is only right while
// the regexp matches nothing else.
func TestUnitNeedsCloseBracket(t *testing.T) {
	for _, s := range []string{
		"资金总额（万元）", "资金总额(万元)", "资金总额（元)", "年度金额(千元）", "其他资金（亿元）",
		"资金总额（万元）：", "资金总额（万元） ", "资金总额", "资金总额（万元", "（万元）其他", ")", "）", "",
	} {
		if unitRe2.MatchString(s) && !hasCloseBracket(s) {
			t.Errorf("unitRe2 matches %q, which hasCloseBracket refuses", s)
		}
		if got, want := unitOf(s), unitOfRegexp(s); got != want {
			t.Errorf("unitOf(%q) = %q, want %q", s, got, want)
		}
	}
}

func unitOfRegexp(s string) string {
	if m := unitRe2.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// FuzzUnitNeedsCloseBracket: no string outside hasCloseBracket matches
// unitRe2.
func FuzzUnitNeedsCloseBracket(f *testing.F) {
	f.Add("资金总额（万元）")
	f.Add("年度金额(千元)")
	f.Fuzz(func(t *testing.T, s string) {
		if unitRe2.MatchString(s) && !hasCloseBracket(s) {
			t.Errorf("unitRe2 matches %q, which hasCloseBracket refuses", s)
		}
	})
}
