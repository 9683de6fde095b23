// Package indicator reads the 绩效指标 cell of a target-table row: a list of
// items
//
//	N、L1code-L1name,L2code-L2name,indicator name；实施周期指标值:V1,年度指标值:V2
//
// joined by ";," and closed by "。", into document.Indicator records, and reads
// an annual value as a comparable target (see ParseTarget).
//
// Parse never drops an item: one that does not fit the pattern keeps its text
// in Name, gets what could be read, and is reported as a Problem.
package indicator

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/petool/pet/document"
)

// Problem codes, stable: they become warning codes.
const (
	CodeUnreadable    = "indicator-unreadable"     // an item does not fit the pattern
	CodeNumbering     = "indicator-numbering"      // items not numbered 1, 2, 3, …
	CodeLevelMismatch = "indicator-level-mismatch" // level-2 code not under its level-1 code
)

// Problem is something doubtful about one item (Item is its 1-based
// position in the text, not its printed number).
type Problem struct {
	Code    string
	Item    int
	Message string
}

var (
	// itemStart finds where an item begins: at the start of the text or
	// after the ";," separator, a number and 、.
	itemStart = regexp.MustCompile(`(?:^|[;；]\s*[,，])\s*(\d+)\s*[、.．]`)
	// itemHead reads the number and the two levels of an item.
	itemHead = regexp.MustCompile(`^\s*(\d+)\s*[、.．]\s*(\d+)\s*[-－]\s*([^,，]*?)\s*[,，]\s*(\d+)\s*[-－]\s*([^,，]*?)\s*[,，]\s*`)
	// labels of the two values
	periodLabel = regexp.MustCompile(`实施周期(?:指标)?值?\s*[:：]`)
	annualLabel = regexp.MustCompile(`[,，;；]?\s*年度(?:指标)?值?\s*[:：]`)
	leadingSeq  = regexp.MustCompile(`^\s*(\d+)\s*[、.．]`)
)

// Parse splits an indicators text into its items. An empty text gives no
// items and no problems.
func Parse(text string) ([]document.Indicator, []Problem) {
	text = strings.TrimSpace(text)
	if text == "" {
		return []document.Indicator{}, nil
	}
	items := split(text)
	out := make([]document.Indicator, 0, len(items))
	var problems []Problem
	for i, raw := range items {
		ind, ok := parseItem(raw)
		n := i + 1
		if !ok {
			problems = append(problems, Problem{Code: CodeUnreadable, Item: n,
				Message: fmt.Sprintf("indicator %d: could not be read: %q", n, clip(raw, 60))})
		}
		if ind.Seq != n {
			problems = append(problems, Problem{Code: CodeNumbering, Item: n,
				Message: fmt.Sprintf("indicator %d: numbered %d", n, ind.Seq)})
		}
		if ind.Level1Code != "" && ind.Level2Code != "" && !strings.HasPrefix(ind.Level2Code, ind.Level1Code) {
			problems = append(problems, Problem{Code: CodeLevelMismatch, Item: n,
				Message: fmt.Sprintf("indicator %d: level-2 code %s does not belong to level-1 code %s", n, ind.Level2Code, ind.Level1Code)})
		}
		out = append(out, ind)
	}
	return out, problems
}

// split cuts the text at item starts and removes the separators and the
// closing 。.
func split(text string) []string {
	locs := itemStart.FindAllStringSubmatchIndex(text, -1)
	if len(locs) == 0 {
		return []string{trimItem(text)}
	}
	var items []string
	if pre := strings.TrimSpace(text[:locs[0][0]]); pre != "" {
		items = append(items, trimItem(pre)) // text before the first item: kept, unreadable
	}
	for i, loc := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		items = append(items, trimItem(text[loc[2]:end]))
	}
	return items
}

// trimItem removes a trailing separator (";," or ";") or the closing "。".
func trimItem(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "。")
	return strings.TrimSpace(s)
}

// cleanValue trims a value of spaces and trailing 。；; as the contract says.
func cleanValue(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), "。；; \t")
}

func parseItem(raw string) (document.Indicator, bool) {
	var ind document.Indicator
	m := itemHead.FindStringSubmatchIndex(raw)
	if m == nil {
		ind.Name = raw
		if s := leadingSeq.FindStringSubmatch(raw); s != nil {
			ind.Seq, _ = strconv.Atoi(s[1])
		}
		ind.PeriodValue, ind.AnnualValue, _ = values(raw)
		ind.Target = ParseTarget(ind.AnnualValue)
		return ind, false
	}
	ind.Seq, _ = strconv.Atoi(raw[m[2]:m[3]])
	ind.Level1Code, ind.Level1 = raw[m[4]:m[5]], raw[m[6]:m[7]]
	ind.Level2Code, ind.Level2 = raw[m[8]:m[9]], raw[m[10]:m[11]]
	rest := raw[m[1]:]
	p := periodLabel.FindStringIndex(rest)
	a := annualLabel.FindStringIndex(rest)
	ok := p != nil && a != nil && p[1] <= a[0]
	nameEnd := len(rest)
	switch {
	case p != nil:
		nameEnd = p[0]
	case a != nil:
		nameEnd = a[0]
	}
	name := strings.TrimSpace(rest[:nameEnd])
	// One separator between the name and the values (；or ;) is not part of
	// the name; a 。 printed at the end of the name is.
	for _, sep := range []string{"；", ";"} {
		if strings.HasSuffix(name, sep) {
			name = strings.TrimSpace(strings.TrimSuffix(name, sep))
			break
		}
	}
	ind.Name = name
	ind.PeriodValue, ind.AnnualValue, _ = values(rest)
	ind.Target = ParseTarget(ind.AnnualValue)
	return ind, ok && name != ""
}

// values reads the 实施周期 and 年度 values of an item's text.
func values(s string) (period, annual string, ok bool) {
	p := periodLabel.FindStringIndex(s)
	a := annualLabel.FindStringIndex(s)
	switch {
	case p != nil && a != nil && p[1] <= a[0]:
		return cleanValue(s[p[1]:a[0]]), cleanValue(s[a[1]:]), true
	case p != nil:
		return cleanValue(s[p[1]:]), "", false
	case a != nil:
		return "", cleanValue(s[a[1]:]), false
	}
	return "", "", false
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
