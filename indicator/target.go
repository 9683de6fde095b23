package indicator

import (
	"regexp"
	"strings"

	"github.com/petool/pet/document"
)

// ParseTarget reads an annual value as a comparable target where it plainly
// is one, else returns nil. The rules, in order:
//
//   - The value must hold exactly one number (a range such as 90%-95%, or
//     two figures, is not plainly one target: nil).
//   - The number with its unit must end the text, optionally followed by a
//     suffix (以上, 及以上, 以下, 以内, 之内, 内) and a note in brackets
//     (（每年）). A number inside a sentence (完成18个信息系统…) is nil.
//   - The unit is what directly follows the number: %, ‰, or a unit word
//     (个, 件, 人, 次, 小时, 秒, 平方米, 个工作日, 万元, …, also with a
//     per-part such as 分钟/件). A 万 or 亿 multiplier stays in the unit and
//     the value keeps the printed figure: 1000万条 is 1000 in 万条, exact and
//     as printed; converting is left to the analyst. No unit is "".
//   - The comparison comes from a word before the number (≥ >= 不低于 不少于
//     不小于 至少 达到 达 超过 大于 高于 提高 ≤ <= 不高于 不超过 不多于 不晚于
//     小于 低于 少于 约 …) or from the suffix (以上 → >=, 以下 以内 内 →
//     <=); none is =. 达/达到 (reach) read as >=, 约 (about) as =.
//   - A comparison word the rules do not know directly before the number
//     (such as the misprint 不于) makes the value nil rather than a guess.
//
// The value is the number's exact text (95, 0.5, 20000.95): no float.
func ParseTarget(annual string) *document.Target {
	s := normalizeTarget(annual)
	if s == "" {
		return nil
	}
	nums := numberRe.FindAllStringIndex(s, -1)
	if len(nums) != 1 {
		return nil
	}
	n := nums[0]
	before, value, after := s[:n[0]], s[n[0]:n[1]], s[n[1]:]
	unit := unitAt(after)
	after = strings.TrimSpace(after[len(unit):])
	// Suffix comparison and a bracketed note may end the text.
	suffixOp := ""
	for _, sfx := range suffixes {
		if strings.HasPrefix(after, sfx.word) {
			suffixOp = sfx.op
			after = strings.TrimSpace(after[len(sfx.word):])
			break
		}
	}
	after = bracketNote.ReplaceAllString(after, "")
	after = strings.TrimRight(after, "。.；;，, ")
	if after != "" {
		return nil
	}
	op, known := prefixOp(before)
	if !known {
		return nil
	}
	if op == "" {
		op = suffixOp
	}
	if op == "" {
		op = "="
	}
	return &document.Target{Op: op, Value: document.Decimal(canonical(value)), Unit: unit}
}

var (
	numberRe    = regexp.MustCompile(`\d+(?:\.\d+)?`)
	bracketNote = regexp.MustCompile(`^[（(][^）)]*[）)]`)
)

// normalizeTarget maps full-width digits and signs to ASCII and trims.
func normalizeTarget(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '％':
			return '%'
		case r == '＞':
			return '>'
		case r == '＜':
			return '<'
		case r == '＝':
			return '='
		case r == '／':
			return '/'
		}
		return r
	}, s))
}

// canonical drops leading zeros of the integer part (but keeps "0.5").
func canonical(v string) string {
	for len(v) > 1 && v[0] == '0' && v[1] != '.' {
		v = v[1:]
	}
	return v
}

// units, longest first where one is a prefix of another.
var units = []string{
	"个百分点", "个工作日", "个月", "个", "%", "‰",
	"万元", "亿元", "千元", "元", "万人次", "人次", "万人", "人", "万户", "户", "万件", "件",
	"万条", "条", "万次", "次", "万份", "份", "万册", "册", "万亩", "亩",
	"平方公里", "平方米", "平米", "公里", "千米", "米", "公顷", "吨",
	"工作日", "小时", "分钟", "秒", "天", "日", "周", "月", "年",
	"家", "所", "台", "套", "项", "篇", "场", "期", "辆", "座", "处", "间", "张", "本", "批", "宗",
	"种", "类", "名", "位", "床", "课时", "学时", "枚", "部", "分", "万", "亿",
}

// unitAt returns the unit that starts s, with a per-part (分钟/件) if any.
func unitAt(s string) string {
	u := ""
	for _, c := range units {
		if strings.HasPrefix(s, c) {
			u = c
			break
		}
	}
	if u == "" {
		return ""
	}
	if rest := s[len(u):]; strings.HasPrefix(rest, "/") {
		for _, c := range units {
			if strings.HasPrefix(rest[1:], c) {
				return u + "/" + c
			}
		}
	}
	return u
}

var suffixes = []struct{ word, op string }{
	{"及以上", ">="}, {"以上", ">="}, {"及以下", "<="}, {"以下", "<="}, {"以内", "<="}, {"之内", "<="}, {"内", "<="},
}

// prefixOps are comparison words that may stand right before the number,
// longest first where one ends another.
var prefixOps = []struct{ word, op string }{
	{">=", ">="}, {"≥", ">="}, {"<=", "<="}, {"≤", "<="}, {">", ">"}, {"<", "<"}, {"=", "="},
	{"大于等于", ">="}, {"大于或等于", ">="}, {"小于等于", "<="}, {"小于或等于", "<="},
	{"不低于", ">="}, {"不少于", ">="}, {"不小于", ">="}, {"不早于", ">="},
	{"不高于", "<="}, {"不超过", "<="}, {"不多于", "<="}, {"不大于", "<="}, {"不晚于", "<="},
	{"至少", ">="}, {"达到", ">="}, {"达", ">="}, {"提高", ">="}, {"提升", ">="}, {"增长", ">="}, {"增加", ">="},
	{"超过", ">"}, {"大于", ">"}, {"高于", ">"}, {"多于", ">"},
	{"小于", "<"}, {"低于", "<"}, {"少于", "<"},
	{"约为", "="}, {"约", "="}, {"为", "="}, {"等于", "="},
}

// prefixOp reads the comparison word that ends before (spaces and a colon
// aside). known is false when before ends in a negation the rules do not
// know (不于, 非): the value is then not read.
func prefixOp(before string) (op string, known bool) {
	b := strings.TrimRight(before, " ：:")
	for _, p := range prefixOps {
		if strings.HasSuffix(b, p.word) {
			return p.op, true
		}
	}
	if strings.HasSuffix(b, "不于") || strings.HasSuffix(b, "不") || strings.HasSuffix(b, "非") {
		return "", false
	}
	return "", true
}
