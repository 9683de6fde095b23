package parser

import (
	"regexp"
	"strings"
)

var (
	departmentRe = regexp.MustCompile(`^(?:部门名称|单位名称|预算部门|预算单位|编制部门|编制单位|部门)[:：]`)
	unitRe       = regexp.MustCompile(`(?:金额单位|计量单位|单位)[:：]\s*(\S*)\s*$`)
)

// readHeading reads the title and the 部门名称/单位 line above the header of
// the table's first page.
func (a *Analysis) readHeading(g *pageGeometry, t *PageTable) {
	if t.Header == nil {
		return
	}
	var title Line
	titleFound := false
	for _, l := range g.lines {
		if l.Bottom() > t.Header.Y0+1 {
			break
		}
		text := strings.TrimSpace(l.Text())
		c := compact(text)
		if m := departmentRe.FindStringIndex(c); m != nil {
			rest := c[m[1]:]
			if u := unitRe.FindStringSubmatchIndex(rest); u != nil {
				a.CurrencyUnit = rest[u[2]:u[3]]
				rest = rest[:u[0]]
			}
			a.Department = rest
			continue
		}
		if u := unitRe.FindStringSubmatch(c); u != nil && a.CurrencyUnit == "" {
			a.CurrencyUnit = u[1]
			if strings.HasPrefix(c, "单位") || strings.HasPrefix(c, "金额单位") {
				continue
			}
		}
		// The title: the line that names the table, else the largest.
		switch {
		case strings.Contains(c, "目标表") && (!titleFound || !strings.Contains(compact(title.Text()), "目标表")):
			title, titleFound = l, true
		case !titleFound || (l.Size > title.Size+0.5 && !strings.Contains(compact(title.Text()), "目标表")):
			title, titleFound = l, true
		}
	}
	if titleFound {
		a.Title = strings.TrimSpace(title.Text())
	}
}
