// Package indicator reads the 绩效指标 cell of a target-table row: a list of
// items
//
//	N、L1code-L1name,L2code-L2name,indicator name；实施周期指标值:V1,年度指标值:V2
//
// in any of the punctuation variants real tables print (see Parse), into
// document.Indicator records, and reads a target from an annual value
// (ParseTarget) or from the printed value, direction and unit columns of the
// other layouts (TargetOf).
//
// Parse never drops an item: one that does not fit the pattern keeps its text
// in Name, gets what could be read, and is reported as a Problem.
package indicator

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/petool/pet/document"
)

// Problem codes, stable: they become warning codes.
const (
	CodeUnreadable    = "indicator-unreadable"     // an item does not fit the pattern
	CodeNumbering     = "indicator-numbering"      // items not numbered 1, 2, 3, …
	CodeLevelMismatch = "indicator-level-mismatch" // level-2 code not under its level-1 code
)

// Problem is something doubtful about one item of an indicators text.
type Problem struct {
	Code string // CodeUnreadable, CodeNumbering or CodeLevelMismatch
	// Item is the item's 1-based position in the text (its index in the
	// slice Parse returns, plus one), not the number printed in front of it.
	Item int
	// Message is the whole warning message, starting with the position:
	// "indicator 1: level-2 code 31 does not belong to level-1 code 2".
	Message string
}

func problem(code string, item int, format string, args ...any) Problem {
	return Problem{Code: code, Item: item, Message: fmt.Sprintf("indicator %d: ", item) + fmt.Sprintf(format, args...)}
}

// Value labels: the long forms of the contract first, then short forms that
// count only when a colon follows.
var (
	periodLabels = []string{"实施周期指标值", "中长期指标值", "实施周期值"}
	annualLabels = []string{"年度指标值", "年度值"}
)

// Parse splits an indicators text into its items, in text order, and reports
// what is doubtful about them. The result is never nil (an empty text gives an
// empty slice, which marshals as []).
//
// One grammar reads every punctuation real tables use:
//
//	item  = number mark level sep level sep name sep? label value sep label value
//	mark  = "、" | "." | "．"
//	level = code dash level-name          (1-产出指标, 11－数量指标)
//	sep   = "," | "，" | ";" | "；"       (before a label also "。")
//	label = 实施周期指标值 | 中长期指标值 | 年度指标值 (or 实施周期值: 年度值: with a colon), colon optional
//	items joined by ";," "；" ";" "。" a line break or nothing
//
// Where items start (see startIn): a number and mark followed by two
// level codes, wherever it stands; by one level code, after a separator, 。,
// a colon or a space; by none, at the start of the text or after ";"/"；"
// when the number continues the numbering after a complete item (and no
// item with a level code bears that number later). So names and values may hold
// "、" (宣传、标识制作项目), "；" (…平方米；南部…), commas, "。" and numbers
// (第12、13项) without splitting the item. Text before the first item is kept
// as an item of its own, with Seq 0.
//
// Within an item the first two fields are the levels ("1-产出指标",
// "11-数量指标"), separated by any comma or semicolon; the name runs from
// there to the first value label and may hold commas, "、", "；" or a final
// "。" (the one separator before the label is not part of it). The period
// value runs to the 年度指标值 label, the annual value to the end of the item
// (the two may come in either order). Both values are trimmed of surrounding
// spaces and trailing "。", "；" and ";"; codes and names are kept as printed,
// without surrounding spaces.
//
// An item that does not fit is kept: its number, the levels that could be
// read and the values are filled, the rest of its text goes to Name, and a
// CodeUnreadable problem says what is missing. CodeNumbering is reported
// where a numbered item's number is neither the previous number plus one nor
// 1 (numbering may restart inside one cell), so 1, 2, 2, 3 gives one
// problem, at the second 2. CodeLevelMismatch is reported where both codes
// were read and the level-2 code does not start with the level-1 code. Each
// item's Target is ParseTarget of its annual value.
func Parse(text string) ([]document.Indicator, []Problem) {
	out := []document.Indicator{}
	var problems []Problem
	segs := split(text)
	prev := 0
	for i, sg := range segs {
		n := i + 1
		ind, why := parseItem(sg, i == len(segs)-1)
		if len(why) > 0 {
			problems = append(problems, problem(CodeUnreadable, n, "%s: %q", strings.Join(why, "; "), clip(sg.text, 40)))
		}
		if ind.Level1Code != "" && ind.Level2Code != "" && !strings.HasPrefix(ind.Level2Code, ind.Level1Code) {
			problems = append(problems, problem(CodeLevelMismatch, n,
				"level-2 code %s does not belong to level-1 code %s", ind.Level2Code, ind.Level1Code))
		}
		if ind.Seq > 0 {
			if ind.Seq != prev+1 && ind.Seq != 1 {
				problems = append(problems, problem(CodeNumbering, n, "numbered %d, expected %d", ind.Seq, prev+1))
			}
			prev = ind.Seq
		}
		out = append(out, ind)
	}
	return out, problems
}

// segment is the text of one item. When numbered, num is the number as
// printed and body the text after its "、"; otherwise body is the text.
type segment struct {
	text     string
	numbered bool
	num      string
	body     string
}

// split cuts text at the item starts (see Parse).
func split(text string) []segment {
	starts := itemStarts(text)
	first := len(text)
	if len(starts) > 0 {
		first = starts[0]
	}
	var segs []segment
	if pre := strings.TrimFunc(text[:first], isBetweenItems); pre != "" {
		segs = append(segs, segment{text: pre, body: pre})
	}
	for k, s := range starts {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		t := strings.TrimSpace(text[s:end])
		numEnd := digitRunEnd(t, 0)
		rest := strings.TrimLeftFunc(t[numEnd:], unicode.IsSpace)
		_, size := utf8.DecodeRuneInString(rest) // the 、 itemStarts found
		segs = append(segs, segment{text: t, numbered: true, num: t[:numEnd], body: rest[size:]})
	}
	return segs
}

// itemStarts returns the byte offsets of the digit runs that start items.
func itemStarts(text string) []int {
	s := &starter{text: text, next: nextSeps(text)}
	s.period = labelPositions(text, periodLabels)
	s.annual = labelPositions(text, annualLabels)
	s.coded = s.scan(true)
	var out []int
	for _, st := range s.scan(false) {
		out = append(out, st.at)
	}
	return out
}

// starter finds the item starts of one text.
type starter struct {
	text           string
	next           []int   // nextSeps(text)
	period, annual []int   // where the value labels stand, in order
	coded          []start // the starts with a level code (a first pass)
}

// start is an item start: the offset of its number, and the number.
type start struct{ at, n int }

// scan walks the digit runs of the text and keeps those that start items.
// prev is the number of the item before, so a run glued to the value before
// it (年度指标值:952、1-…, items joined by nothing) can be cut where the
// numbering continues. With codedOnly, only starts with a level code count.
func (s *starter) scan(codedOnly bool) []start {
	var starts []start
	prev, last := 0, -1
	for i := 0; i < len(s.text); {
		r, size := utf8.DecodeRuneInString(s.text[i:])
		if !isDigit(r) {
			i += size
			continue
		}
		end := digitRunEnd(s.text, i)
		if at, ok := s.startIn(i, end, prev, last, codedOnly); ok {
			prev, _ = atoi(s.text[at:end])
			starts = append(starts, start{at, prev})
			last = at
		}
		i = end
	}
	return starts
}

// complete reports whether both value labels stand in text[from:to]: the
// item that starts at from has had its values.
func (s *starter) complete(from, to int) bool {
	has := func(at []int) bool {
		k := sort.SearchInts(at, from)
		return k < len(at) && at[k] < to
	}
	return has(s.period) && has(s.annual)
}

// codedLater reports whether a start with a level code after offset i
// bears the number n.
func (s *starter) codedLater(i, n int) bool {
	k := sort.Search(len(s.coded), func(k int) bool { return s.coded[k].at > i })
	return k < len(s.coded) && s.coded[k].n == n
}

// labelPositions returns the offsets of every label of labels in text, in
// order (labels after the first count only with a colon, as in findLabel).
func labelPositions(text string, labels []string) []int {
	var at []int
	for k, l := range labels {
		for off := 0; ; {
			j := strings.Index(text[off:], l)
			if j < 0 {
				break
			}
			j += off
			if k == 0 || hasColon(text[j+len(l):]) {
				at = append(at, j)
			}
			off = j + len(l)
		}
	}
	sort.Ints(at)
	return at
}

// Where a digit run stands, as far as starting an item goes.
const (
	ctxGlued    = iota // right after other text: 第12、 100%2、
	ctxBoundary        // after a comma, 。, a colon or a space (a line break)
	ctxJoiner          // after ";" or "；", with or without the comma of ";,"
	ctxStart           // at the start of the text
)

// context classifies what stands before text[i:].
func context(text string, i int) int {
	before := strings.TrimRightFunc(text[:i], unicode.IsSpace)
	if before == "" {
		return ctxStart
	}
	last, size := utf8.DecodeLastRuneInString(before)
	switch last {
	case ';', '；':
		return ctxJoiner
	case ',', '，':
		b := strings.TrimRightFunc(before[:len(before)-size], unicode.IsSpace)
		if l, _ := utf8.DecodeLastRuneInString(b); l == ';' || l == '；' {
			return ctxJoiner
		}
		return ctxBoundary
	case '。', ':', '：':
		return ctxBoundary
	}
	if len(before) < i {
		return ctxBoundary // across a space
	}
	return ctxGlued
}

// startIn says whether the digit run text[i:end] starts an item, and
// where: at i, or inside the run when it is glued to the text before it.
// last is the offset of the item before (-1 for none), prev its number.
//
// The grammar of a start is a number, an item mark (、 ． or .) and what
// follows it:
//
//   - two level codes ("1-产出指标" and "11-数量指标", separated by a field
//     separator): a start wherever it stands, even glued to the value before
//     it (items joined by nothing);
//   - one level code: a start after a separator, 。, a colon or a space, or
//     at the start of the text;
//   - no level code (、 or ． only): a start at the start of the text, or
//     after ";" or "；" when the number continues the numbering (prev+1),
//     the item before has had both its values, and no item with a level code
//     bearing the same number follows. So an item that does not fit is kept
//     as an item of its own, while an enumeration inside a name or value
//     (实施周期指标值:1、完成A；2、完成B；年度指标值:…) stays in it.
//
// A run glued to the text before it ("…达到952、1-…") whose number does not
// continue the numbering starts at its longest tail that does (2), or that
// restarts it (1).
func (s *starter) startIn(i, end, prev, last int, codedOnly bool) (int, bool) {
	text := s.text
	after := strings.TrimLeftFunc(text[end:], unicode.IsSpace)
	mark, size := utf8.DecodeRuneInString(after)
	if mark != '、' && mark != '．' && mark != '.' {
		return 0, false
	}
	levels := levelsAt(text, len(text)-len(after)+size, s.next)
	ctx := context(text, i)
	switch {
	case levels == 0:
		if mark == '.' || codedOnly {
			return 0, false // 1.5小时 is a number, not item 1
		}
		if ctx == ctxStart {
			return i, true
		}
		n, _ := atoi(text[i:end])
		return i, ctx == ctxJoiner && n == prev+1 &&
			(last < 0 || s.complete(last, i)) && !s.codedLater(i, n)
	case levels == 1 && ctx == ctxGlued:
		return 0, false // 第12、13-… is not an item
	}
	if ctx == ctxGlued || endsInColon(text, i) {
		if n, ok := atoi(text[i:end]); !ok || (n != prev+1 && n != 1) || leadingZero(text[i:end]) {
			if at, ok := continuingTail(text[i:end], prev); ok {
				return i + at, true
			}
		}
	}
	return i, true
}

// endsInColon reports whether text[:i] ends in a colon (spaces aside).
func endsInColon(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text[:i], unicode.IsSpace))
	return r == ':' || r == '：'
}

// leadingZero reports whether a run of more than one digit starts with 0.
func leadingZero(run string) bool {
	r, size := utf8.DecodeRuneInString(run)
	return (r == '0' || r == '０') && size < len(run)
}

// continuingTail returns the offset in run of its longest proper tail whose
// number is prev+1 or 1 (a restart), without a leading zero.
func continuingTail(run string, prev int) (int, bool) {
	for at := 0; at < len(run); {
		_, size := utf8.DecodeRuneInString(run[at:])
		at += size
		if at >= len(run) {
			break
		}
		tail := run[at:]
		if r, _ := utf8.DecodeRuneInString(tail); r == '0' || r == '０' {
			continue // 102 is not 1 and item 02
		}
		if n, ok := atoi(tail); ok && (n == prev+1 || n == 1) {
			return at, true
		}
	}
	return 0, false
}

// levelsAt counts the level codes ("1-产出指标", then "11-数量指标") that
// start text[from:], each closed by a field separator: 0, 1 or 2. next is
// nextSeps(text). A level name that starts with a digit does not count
// here: 1.1-2倍 is a range, not item 1.
func levelsAt(text string, from int, next []int) int {
	end := next[from]
	if !isLevel(text[from:end]) {
		return 0
	}
	if end == len(text) {
		return 1
	}
	_, size := utf8.DecodeRuneInString(text[end:])
	from = end + size
	if end = next[from]; !isLevel(text[from:end]) || end == len(text) {
		return 1
	}
	return 2
}

// nextSeps returns, for each byte offset of text and for len(text), the
// offset of the first field separator (see cutField) at or after it, or
// len(text): so finding the fields after each item number stays linear in
// the text.
func nextSeps(text string) []int {
	next := make([]int, len(text)+1)
	n := len(text)
	next[n] = n
	for i := n - 1; i >= 0; i-- {
		next[i] = next[i+1]
		if r, _ := utf8.DecodeRuneInString(text[i:]); utf8.RuneStart(text[i]) && isSep(r) {
			next[i] = i
		}
	}
	return next
}

// isLevel reports whether f reads as a level code and a name that does not
// start with a digit.
func isLevel(f string) bool {
	_, name, ok := cutLevel(f)
	r, _ := utf8.DecodeRuneInString(name)
	return ok && !isDigit(r)
}

// parseItem reads one segment; why lists what could not be read.
func parseItem(sg segment, last bool) (ind document.Indicator, why []string) {
	if !sg.numbered {
		why = append(why, "no item number")
	} else if n, ok := atoi(sg.num); ok {
		ind.Seq = n
	} else {
		why = append(why, "item number too large")
	}
	body := trimJoiner(sg.body, last)

	pi, pl := findLabel(body, 0, periodLabels)
	ai, al := -1, 0
	if pi >= 0 {
		if ai, al = findLabel(body, pi+pl, annualLabels); ai < 0 {
			ai, al = findLabel(body[:pi], 0, annualLabels) // values in reverse order
		}
	} else {
		ai, al = findLabel(body, 0, annualLabels)
	}
	head := body
	switch {
	case pi >= 0 && ai >= 0:
		head = body[:min(pi, ai)]
		if pi < ai {
			ind.PeriodValue = cleanValue(trimOneSep(afterColon(body[pi+pl : ai])))
			ind.AnnualValue = cleanValue(afterColon(body[ai+al:]))
		} else {
			ind.AnnualValue = cleanValue(trimOneSep(afterColon(body[ai+al : pi])))
			ind.PeriodValue = cleanValue(afterColon(body[pi+pl:]))
		}
	case pi >= 0:
		head = body[:pi]
		ind.PeriodValue = cleanValue(afterColon(body[pi+pl:]))
		why = append(why, "no "+annualLabels[0])
	case ai >= 0:
		head = body[:ai]
		ind.AnnualValue = cleanValue(afterColon(body[ai+al:]))
		why = append(why, "no "+periodLabels[0])
	default:
		why = append(why, "no "+periodLabels[0]+" or "+annualLabels[0])
	}
	head = strings.TrimSpace(trimOneSep(head))

	// Levels, then the name: "1-产出指标,11-数量指标,name" (or any field
	// separator in place of the commas).
	rest := head
	f, r, sep := cutField(rest)
	if code, name, ok := cutLevel(f); ok && sep {
		ind.Level1Code, ind.Level1, rest = code, name, r
		f, r, sep = cutField(rest)
		if code, name, ok := cutLevel(f); ok && sep {
			ind.Level2Code, ind.Level2, rest = code, name, r
		} else {
			why = append(why, "no level-2 code and name")
		}
	} else {
		why = append(why, "no level-1 code and name")
	}
	ind.Name = strings.TrimSpace(rest)
	if ind.Name == "" {
		why = append(why, "no indicator name")
	}
	ind.Target = ParseTarget(ind.AnnualValue)
	return ind, why
}

// trimJoiner drops what joins an item to the next, or closes the list:
// spaces, then for the last item a "。", then the comma of a ";," joiner (or a
// lone comma between items). The ";" before it is left to the value's own
// trimming, so a value may end in a comma of its own ("x,;," keeps "x,").
func trimJoiner(body string, last bool) string {
	body = strings.TrimRightFunc(body, unicode.IsSpace)
	if last {
		body = strings.TrimRightFunc(strings.TrimSuffix(body, "。"), unicode.IsSpace)
	}
	r, size := utf8.DecodeLastRuneInString(body)
	if r != ',' && r != '，' {
		return body
	}
	rest := strings.TrimRightFunc(body[:len(body)-size], unicode.IsSpace)
	if p, _ := utf8.DecodeLastRuneInString(rest); !last || p == ';' || p == '；' {
		return rest
	}
	return body
}

// findLabel finds the first of labels in s at or after from; it returns
// its offset and length, or -1. Labels after the first need a colon.
func findLabel(s string, from int, labels []string) (at, length int) {
	at = -1
	for k, l := range labels {
		for off := from; off <= len(s); {
			j := strings.Index(s[off:], l)
			if j < 0 {
				break
			}
			j += off
			if k == 0 || hasColon(s[j+len(l):]) {
				if at < 0 || j < at {
					at, length = j, len(l)
				}
				break
			}
			off = j + len(l)
		}
	}
	return at, length
}

func hasColon(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, unicode.IsSpace))
	return r == ':' || r == '：'
}

// cutLevel reads "11-数量指标": digits, a dash, a name.
func cutLevel(s string) (code, name string, ok bool) {
	s = strings.TrimSpace(s)
	end := digitRunEnd(s, 0)
	if end == 0 {
		return "", "", false
	}
	rest := strings.TrimLeftFunc(s[end:], unicode.IsSpace)
	r, size := utf8.DecodeRuneInString(rest)
	if !isDash(r) {
		return "", "", false
	}
	if name = strings.TrimSpace(rest[size:]); name == "" {
		return "", "", false
	}

	return s[:end], name, true
}

// cutField cuts s at its first field separator: an ASCII or full-width
// comma or semicolon.
func cutField(s string) (before, after string, found bool) {
	i := strings.IndexAny(s, ",，;；")
	if i < 0 {
		return s, "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[:i], s[i+size:], true
}

// afterColon drops the spaces and the colon that follow a label.
func afterColon(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if r, size := utf8.DecodeRuneInString(s); r == ':' || r == '：' {
		s = s[size:]
	}
	return s
}

// trimOneSep drops trailing spaces and the one comma, semicolon or 。 that
// joins a part to the next label.
func trimOneSep(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if r, size := utf8.DecodeLastRuneInString(s); isSep(r) || r == '。' {
		s = s[:len(s)-size]
	}
	return s
}

// cleanValue trims a value as the contract says: surrounding spaces, and
// trailing "。", "；" and ";".
func cleanValue(s string) string {
	return strings.TrimSpace(strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '。' || r == '；' || r == ';'
	}))
}

func isSep(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' }

// isBetweenItems reports what may stand between items and around the list.
func isBetweenItems(r rune) bool { return isSep(r) || r == '。' || unicode.IsSpace(r) }

func isDash(r rune) bool { return r == '-' || r == '－' || r == '—' || r == '–' || r == '‐' }

// isDigit accepts ASCII and full-width digits.
func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

// digitRunEnd returns where the run of digits starting at s[i:] ends.
func digitRunEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(r) {
			break
		}
		i += size
	}
	return i
}

// atoi reads a run of ASCII or full-width digits; false past 2³¹-1.
func atoi(s string) (int, bool) {
	n := 0
	for _, r := range s {
		d := r - '0'
		if r >= '０' {
			d = r - '０'
		}
		if n = n*10 + int(d); n > 1<<31-1 {
			return 0, false
		}
	}
	return n, s != ""
}

// clip shortens s to n runes for a message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
