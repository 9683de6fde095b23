package indicator

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/petool/pet/document"
)

// ParseTarget reads an annual value as a comparable target where it plainly
// is one, and returns nil otherwise. The rules (README.md in this directory
// has them with examples):
//
//   - One number. The value must hold exactly one number (digits, an optional
//     decimal part, optional ASCII thousands separators: 1,500). A range
//     (90%-95%, 90%~95%, 90%至95%) or two figures (2年或10万次) is nil: a
//     target has one comparison, and keeping either end would misstate it.
//     Words for numbers (二级, 百分之九十) are not numbers.
//   - The number ends the text. After it may come, in this order, 万 or 亿,
//     a unit, a comparison suffix, notes in brackets (（每年）) and final
//     punctuation — nothing else: 完成18个信息系统安全等保工作 and
//     编外人员聘用到位100%及时 are nil, the figure is not the value's last word.
//   - 万 and 亿 multiply a count. The value is scaled exactly by moving the
//     decimal point (no float) and the unit is what follows: 1000万条 is
//     10000000 条, 3.56万件 is 35600 件, 1200万以上 is >= 12000000 with no
//     unit. So every count of the same thing is in the same unit and
//     compares directly (71万件 with 63105件); the printed form stays in
//     annual_value. Money is the exception: 万元, 亿元 and 千元 are the units
//     budget tables count money in (the document's currency_unit), so
//     ≤44.47万元 is <= 44.47 万元, comparable with the row's amounts as
//     printed. 千 and 百 are not multipliers (千米, 千克 are units).
//   - The unit is the longest known unit right after the number (%, ‰, 个, 件,
//     人, 人次, 次, 小时, 分钟, 秒, 天, 日, 个工作日, 个月, 年, 平方米, 公里, 元,
//     万元, 台, 套, 项, 篇, 场, 期, 户, 条, 份, 家, 所, 枚, 种, 分, 起, …), with
//     per-parts (次/年, 分钟/件, 元/人/天); ％ is read as %. A number without a unit is read only when
//     the value is the bare number (16000) or has a comparison (95以上 is >= 95
//     with no unit: a missing % is not guessed).
//   - The comparison comes from the word right before the number (≥ ⩾ >= 不低于
//     不少于 不小于 至少 达到 达 大于等于 → >=; > 大于 高于 超过 多于 → >; ≤ <=
//     不高于 不超过 不多于 不大于 不晚于 最多 → <=; < 小于 低于 少于 不足 → <;
//     = 等于 约 为 → =) or from the suffix after the unit (以上 及以上 → >=;
//     以下 及以下 以内 之内 内 → <=; 左右 → =), following the law's reading that
//     以上, 以下 and 以内 include the number. Neither gives =. 达/达到 (reach)
//     read as >=; 约 (about) as =. 提高到/提升至 read as >=, 降低到/控制在 as <=.
//     A negation before a comparison is read (不得低于, 不应超过, 未超过); before
//     a word it does not apply to it makes the value nil (未达到90%).
//   - Where a weak word (达, 达到, 约, 为, 提高到, 控制在 …) and a suffix both
//     speak, the suffix wins (达98%以上 is >=); two strong ones that disagree
//     (大于90%以下) give nil.
//   - nil rather than a guess: a comparison the rules do not know right before
//     the number (the misprint 不于98%, probably 不低于 but possibly 不高于), a
//     negation (不, 非, 未), 第 (an ordinal), a sign or tilde (-5%, ~5%), a
//     change rather than a level (提高20%, 减少10%, 增长5%: the figure is the
//     change, not the target), letters glued to the number (5G, B2).
//
// The value is the number's exact decimal text, canonical (leading zeros and
// trailing decimal zeros dropped: 95, 0.5, 20000.95): never a float.
func ParseTarget(annual string) *document.Target {
	s := normalizeTarget(annual)
	nums := numbers(s)
	if len(nums) != 1 {
		return nil
	}
	n := nums[0]
	before, after := strings.TrimRightFunc(s[:n.start], unicode.IsSpace), s[n.end:]
	if r, _ := utf8.DecodeLastRuneInString(before); isASCIILetter(r) {
		return nil
	}

	exp := 0
	for !isMoneyUnit(after) {
		if rest, ok := strings.CutPrefix(after, "万"); ok {
			exp, after = exp+4, rest
		} else if rest, ok := strings.CutPrefix(after, "亿"); ok {
			exp, after = exp+8, rest
		} else {
			break
		}
	}
	after = strings.TrimLeftFunc(after, unicode.IsSpace)
	unit := unitAt(after)
	after = after[len(unit):]
	suffix := comparison{}
	for {
		after = strings.TrimLeftFunc(after, unicode.IsSpace)
		if rest, ok := cutNote(after); ok {
			after = rest
			continue
		}
		if suffix.op == "" {
			if c, rest, ok := cutSuffix(after); ok {
				suffix, after = c, rest
				continue
			}
		}
		break
	}
	if strings.TrimRight(after, "。.；;，,！!、") != "" {
		return nil // the number is not the value's last word
	}

	prefix, ok := prefixComparison(strings.TrimRight(before, " ：:"))
	if !ok {
		return nil
	}
	op := ""
	switch {
	case prefix.op == "":
		op = suffix.op
	case suffix.op == "" || prefix.op == suffix.op:
		op = prefix.op
	case prefix.weak:
		op = suffix.op
	default:
		return nil // 大于90%以下: the words disagree
	}
	if op == "" {
		if unit == "" && before != "" {
			return nil // a bare figure inside words: no unit, no comparison
		}
		op = "="
	}
	return &document.Target{Op: op, Value: document.Decimal(n.scaled(exp)), Unit: unit}
}

// normalizeTarget maps full-width digits and signs to ASCII and trims.
func normalizeTarget(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '％' || r == '﹪':
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

// number is a figure found in a normalized value: s[start:end], with the
// digits of its integer part (thousands separators removed) and fraction.
type number struct {
	start, end int
	intPart    string
	frac       string
}

// numbers finds the figures of s: digits, optional ",ddd" groups after a
// first group of at most three digits, an optional ".digits" fraction.
func numbers(s string) []number {
	var out []number
	for i := 0; i < len(s); {
		if !isASCIIDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		intPart := s[i:j]
		if j-i <= 3 {
			for j+4 <= len(s) && s[j] == ',' && allASCIIDigits(s[j+1:j+4]) && (j+4 == len(s) || !isASCIIDigit(s[j+4])) {
				intPart += s[j+1 : j+4]
				j += 4
			}
		}
		frac := ""
		if j+1 < len(s) && s[j] == '.' && isASCIIDigit(s[j+1]) {
			k := j + 1
			for k < len(s) && isASCIIDigit(s[k]) {
				k++
			}
			frac, j = s[j+1:k], k
		}
		out = append(out, number{start: i, end: j, intPart: intPart, frac: frac})
		i = j
	}
	return out
}

// scaled returns the number times 10^exp as canonical decimal text: no
// leading zeros (but "0.5"), no trailing decimal zeros, no lone point.
func (n number) scaled(exp int) string {
	digits := n.intPart + n.frac
	point := len(n.intPart) + exp
	for len(digits) < point {
		digits += "0"
	}
	ip, fp := digits[:point], digits[point:]
	ip = strings.TrimLeft(ip, "0")
	if ip == "" {
		ip = "0"
	}
	fp = strings.TrimRight(fp, "0")
	if fp == "" {
		return ip
	}
	return ip + "." + fp
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

func isASCIILetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return true
}

// units a target may be counted in; unitAt takes the longest that matches.
var units = []string{
	"%", "‰", "个百分点", "百分点",
	"个工作日", "工作日", "个小时", "小时", "分钟", "秒", "天", "日", "周", "个月", "月", "年",
	"个", "件", "件次", "人", "人次", "户", "户次", "次", "场", "场次", "条", "份", "册", "本", "篇",
	"项", "台", "套", "家", "所", "期", "辆", "座", "处", "间", "张", "批", "宗", "种", "类", "名",
	"位", "床", "课时", "学时", "节", "枚", "部", "笔", "组", "门", "页", "株", "棵", "盏", "块", "根",
	"轮", "届", "班", "单", "字", "层", "栋", "幢", "分",
	"平方公里", "平方米", "平米", "立方米", "公里", "千米", "米", "公顷", "亩",
	"吨", "千克", "公斤", "克", "升", "千瓦", "千瓦时", "度", "立方", "元", "万元", "亿元", "千元",
	"人月", "人天", "人日", "人年", "篇次", "台次", "批次", "车次", "架次", "课次", "起", "核",
	"km", "kg", "kW", "GB", "TB", "MB", "Mbps", "㎡", "m²",
}

// unitAt returns the longest unit that starts s, with its per-parts such
// as 次/年, 分钟/件 or 元/人/天, or "".
func unitAt(s string) string {
	u := longestPrefix(s, units)
	if u == "" {
		return ""
	}
	for {
		rest, ok := strings.CutPrefix(s[len(u):], "/")
		if !ok {
			return u
		}
		per := longestPrefix(rest, units)
		if per == "" {
			return u
		}
		u += "/" + per
	}
}

// moneyUnits are the currency units budget tables count money in. They are
// units of their own, not 万 or 亿 times 元: a cost target ≤44.47万元 stays
// 44.47 万元, in the unit of the table's amounts (currency_unit 万元), so it
// compares with the row's money as printed.
var moneyUnits = []string{"万元", "亿元", "千元"}

// isMoneyUnit reports whether s starts with a currency unit of moneyUnits.
func isMoneyUnit(s string) bool { return longestPrefix(s, moneyUnits) != "" }

func longestPrefix(s string, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && strings.HasPrefix(s, w) {
			best = w
		}
	}
	return best
}

// cutNote cuts a bracketed note without digits, such as （每年）, off s.
func cutNote(s string) (rest string, ok bool) {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}} {
		if after, found := strings.CutPrefix(s, p[0]); found {
			if i := strings.Index(after, p[1]); i >= 0 {
				return after[i+len(p[1]):], true
			}
		}
	}
	return s, false
}

// comparison is a comparison word's reading. A weak word (达, 约, 为, 提高到,
// 控制在 …) gives way to a suffix.
type comparison struct {
	op   string
	weak bool
}

// suffixes follow the number and its unit.
var suffixes = map[string]string{
	"以上": ">=", "及以上": ">=", "或以上": ">=",
	"以下": "<=", "及以下": "<=", "或以下": "<=",
	"以内": "<=", "之内": "<=", "内": "<=",
	"左右": "=",
}

func cutSuffix(s string) (comparison, string, bool) {
	best := ""
	for w := range suffixes {
		if len(w) > len(best) && strings.HasPrefix(s, w) {
			best = w
		}
	}
	if best == "" {
		return comparison{}, s, false
	}
	return comparison{op: suffixes[best]}, s[len(best):], true
}

// prefixWords are the comparison words that may stand right before the
// number, with negated forms added by init.
var prefixWords = map[string]comparison{
	"≥": {op: ">="}, "⩾": {op: ">="}, "≧": {op: ">="}, ">=": {op: ">="}, "=>": {op: ">="},
	"大于等于": {op: ">="}, "大于或等于": {op: ">="}, "高于或等于": {op: ">="},
	"至少": {op: ">="}, "最少": {op: ">="}, "最低": {op: ">="},
	">": {op: ">"},
	"≤": {op: "<="}, "⩽": {op: "<="}, "≦": {op: "<="}, "<=": {op: "<="}, "=<": {op: "<="},
	"小于等于": {op: "<="}, "小于或等于": {op: "<="}, "低于或等于": {op: "<="},
	"最多": {op: "<="}, "至多": {op: "<="}, "最高": {op: "<="},
	"<":  {op: "<"},
	"不足": {op: "<"}, "不满": {op: "<"}, "不到": {op: "<"},
	"=": {op: "="}, "==": {op: "="}, "等于": {op: "="},

	"达": {op: ">=", weak: true}, "达到": {op: ">=", weak: true},
	"提高到": {op: ">=", weak: true}, "提高至": {op: ">=", weak: true},
	"提升到": {op: ">=", weak: true}, "提升至": {op: ">=", weak: true},
	"增加到": {op: ">=", weak: true}, "增加至": {op: ">=", weak: true},
	"增长到": {op: ">=", weak: true}, "增长至": {op: ">=", weak: true},
	"上升到": {op: ">=", weak: true}, "上升至": {op: ">=", weak: true},
	"控制在": {op: "<=", weak: true}, "控制到": {op: "<=", weak: true},
	"降低到": {op: "<=", weak: true}, "降低至": {op: "<=", weak: true}, "降至": {op: "<=", weak: true},
	"减少到": {op: "<=", weak: true}, "减少至": {op: "<=", weak: true}, "减至": {op: "<=", weak: true},
	"下降到": {op: "<=", weak: true}, "下降至": {op: "<=", weak: true},
	"缩短到": {op: "<=", weak: true}, "缩短至": {op: "<=", weak: true}, "缩至": {op: "<=", weak: true},
	"压缩到": {op: "<=", weak: true}, "压缩至": {op: "<=", weak: true},
	"约": {op: "=", weak: true}, "约为": {op: "=", weak: true}, "大约": {op: "=", weak: true},
	"为": {op: "=", weak: true},
}

// negatable comparisons: a negation before them flips them
// (不低于 >=, 不超过 <=, 不晚于 <=).
var negatable = map[string]string{
	"低于": "<", "少于": "<", "小于": "<", "早于": "<",
	"高于": ">", "多于": ">", "大于": ">", "超过": ">", "超出": ">", "晚于": ">",
}

var (
	negations = []string{"不", "未", "没", "没有"}
	modals    = []string{"", "得", "能", "应", "可", "宜", "会", "要", "应该", "能够"}
	flipped   = map[string]string{"<": ">=", ">": "<=", "<=": ">", ">=": "<"}
)

// maxPrefixRunes is the length in runes of the longest prefix word.
var maxPrefixRunes int

// prefixWordsDone completes prefixWords with the negated comparisons and
// sets maxPrefixRunes, on first use: at start-up it took a tenth of a
// millisecond of every run, also of runs that read no indicator.
var prefixWordsDone sync.Once

func completePrefixWords() {
	for w, op := range negatable {
		prefixWords[w] = comparison{op: op}
		for _, n := range negations {
			for _, m := range modals {
				prefixWords[n+m+w] = comparison{op: flipped[op]}
			}
		}
	}
	for w := range prefixWords {
		maxPrefixRunes = max(maxPrefixRunes, utf8.RuneCountInString(w))
	}
}

// Words that, right before the number, make it no plain target: a
// negation or comparison the rules do not know, an ordinal, a sign, a change.
var unreadableBefore = []string{
	"不", "非", "未", "没", "无", "于", "第",
	"-", "－", "—", "~", "～", "±", "+", "＋", "负",
	"提高", "提升", "增加", "增长", "上升", "降低", "减少", "下降", "缩短", "压缩", "节约", "节省",
	"增", "减", "升", "降",
}

// prefixComparison reads the comparison word that ends before. ok is false
// when before ends in something that makes the number no plain target.
func prefixComparison(before string) (c comparison, ok bool) {
	prefixWordsDone.Do(completePrefixWords)
	// The longest word that ends before: try its last maxPrefixRunes runes,
	// then fewer.
	best := ""
	start := len(before)
	var buf [16]int
	tails := buf[:0]
	for n := 0; n < maxPrefixRunes && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(before[:start])
		start -= size
		tails = append(tails, start)
	}
	for k := len(tails) - 1; k >= 0; k-- {
		if _, ok := prefixWords[before[tails[k]:]]; ok {
			best = before[tails[k]:]
			break
		}
	}
	if best != "" {
		rest := before[:len(before)-len(best)]
		for _, m := range modals {
			if r := strings.TrimSuffix(rest, m); m == "" || r != rest {
				for _, n := range []string{"不", "未", "没", "非", "无"} {
					if strings.HasSuffix(r, n) {
						return comparison{}, false // 未达到90%, 不应约…: not read
					}
				}
			}
		}
		return prefixWords[best], true
	}
	for _, w := range unreadableBefore {
		if strings.HasSuffix(before, w) {
			return comparison{}, false
		}
	}
	return comparison{}, true
}

// TargetOf reads the target of an indicator from its printed columns: the
// annual value, the direction column (指标性质, 指标值类型: ≥ ＞ ＝ ≤ ＜ 定性
// 正向 …) and the measure unit column (度量单位, 计量单位), as the
// indicator-rows and project-forms layouts print them. With neither column
// it is ParseTarget(annual). The rules (README.md in this directory has them
// with examples):
//
//   - The direction gives the comparison: ≥ ≧ ⩾ >= and 大于等于 are >=, ＞ >
//     大于 are >, ＝ = 等于 are =, ≤ ≦ ⩽ <= 小于等于 are <=, ＜ < 小于 are <.
//     A comparison printed in the value too must agree with it (≥ with
//     ≥90% is >= 90 %; ≥ with ≤90% is nil); a value with none takes it
//     (≥, 90, % is >= 90 %).
//   - 定性 (qualitative) is nil whatever the value. 定量 (quantitative) says
//     nothing about the comparison: the value is read on its own.
//   - Any other direction (正向, 反向: which way is better) does not say
//     whether the printed figure is a floor, a ceiling or a level, so a value
//     without a comparison of its own is nil under it; one that prints its
//     own (≥90%) is read.
//   - The measure unit is the unit of a value that prints none (90 and %; a
//     value that prints its own unit keeps it), taken as printed: it need not
//     be one pet knows (万立方). A leading 万 or 亿 multiplies, as in a value
//     (800 and 万次 is 8000000 次), except in the money units 万元, 亿元 and
//     千元 (0.4 and 万元 is 0.4 万元).
//   - An empty direction and unit read the value alone: ≥90%, ≤44.47万元.
func TargetOf(annual, direction, measureUnit string) *document.Target {
	op, kind := directionOf(direction)
	if kind == dirQualitative {
		return nil
	}
	t := ParseTarget(annual)
	if t == nil {
		return nil
	}
	if unit := strings.TrimSpace(normalizeTarget(measureUnit)); unit != "" && t.Unit == "" {
		exp := 0
		for !isMoneyUnit(unit) {
			if rest, ok := strings.CutPrefix(unit, "万"); ok {
				exp, unit = exp+4, rest
			} else if rest, ok := strings.CutPrefix(unit, "亿"); ok {
				exp, unit = exp+8, rest
			} else {
				break
			}
		}
		t.Value = scaleDecimal(t.Value, exp)
		t.Unit = strings.TrimSpace(unit)
	}
	switch kind {
	case dirComparison:
		if t.Op != "=" && t.Op != op {
			return nil // the column and the value disagree
		}
		t.Op = op
	case dirOther:
		if t.Op == "=" {
			return nil // 正向 with a bare figure: not said which way it binds
		}
	}
	return t
}

// Kinds of direction column.
const (
	dirNone        = iota // empty, or 定量: the value says it all
	dirComparison         // a comparison sign or word
	dirQualitative        // 定性
	dirOther              // 正向, 反向, anything else
)

// directionOps are the comparisons a direction column prints.
var directionOps = map[string]string{
	"≥": ">=", "≧": ">=", "⩾": ">=", ">=": ">=", "=>": ">=", "大于等于": ">=", "大于或等于": ">=", "不低于": ">=", "不少于": ">=",
	">": ">", "大于": ">", "高于": ">",
	"=": "=", "==": "=", "等于": "=",
	"≤": "<=", "≦": "<=", "⩽": "<=", "<=": "<=", "=<": "<=", "小于等于": "<=", "小于或等于": "<=", "不高于": "<=", "不超过": "<=",
	"<": "<", "小于": "<", "低于": "<",
}

// directionOf reads a direction column.
func directionOf(direction string) (op string, kind int) {
	d := strings.Join(strings.Fields(normalizeTarget(direction)), "")
	switch {
	case d == "" || strings.HasPrefix(d, "定量"):
		return "", dirNone
	case strings.HasPrefix(d, "定性"):
		return "", dirQualitative
	}
	if op, ok := directionOps[d]; ok {
		return op, dirComparison
	}
	return "", dirOther
}

// scaleDecimal multiplies a canonical decimal by 10^exp, exactly.
func scaleDecimal(d document.Decimal, exp int) document.Decimal {
	if exp == 0 {
		return d
	}
	nums := numbers(string(d))
	if len(nums) != 1 {
		return d
	}
	return document.Decimal(nums[0].scaled(exp))
}
