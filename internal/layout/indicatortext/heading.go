package indicatortext

import (
	"strings"
	"unicode/utf8"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/lazyre"
)

var (
	departmentRe = lazyre.New(`^(?:部门名称|单位名称|预算部门|预算单位|编制部门|编制单位|主管部门|部门)[:：]`)
	unitRe       = lazyre.New(`(?:金额单位|计量单位|单位)[:：]\s*(\S*)\s*$`)
	// yearRe finds the budget year in a title or heading line:
	// 2026年项目支出绩效目标表, （2026年度）, 2026年度.
	yearRe = lazyre.New(`((?:19|20)\d\d)\s*年`)
	// headerUnitRe finds a currency unit printed in a money column's
	// header: 总计（万元）, 预算数（单位：万元）.
	headerUnitRe = lazyre.New(`[（(](?:单位[:：])?(万元|元|千元|亿元)[）)]`)
)

// yearOf returns the year a title or heading line names, nil when none.
func yearOf(text string) *int {
	m := yearRe.FindStringSubmatch(compact(text))
	if m == nil {
		return nil
	}
	y := 0
	for _, c := range m[1] {
		y = y*10 + int(c-'0')
	}
	return &y
}

// unitInHeaders returns a currency unit printed in a money column's
// header, "" when none is.
func unitInHeaders(cols []Column) string {
	for _, c := range cols {
		switch c.Field {
		case FieldTotal, FieldFiscal, FieldSpecial, FieldOther:
			if m := headerUnitRe.FindStringSubmatch(compact(c.Header)); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

// readHeading reads the title and the 部门名称/单位 line above the header of
// the table's first page.
func (a *Analysis) readHeading(g *pageGeometry, t *PageTable) {
	if t.Header == nil {
		return
	}
	var title Line
	titleFound := false
	for _, l := range g.lines {
		if l.Bottom() > t.Header.Y0+g.tol.BandSlack {
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
		case !titleFound || (l.Size > title.Size*(1+geom.SizeStepShare) && !strings.Contains(compact(title.Text()), "目标表")):
			title, titleFound = l, true
		}
	}
	if titleFound {
		a.Title = strings.TrimSpace(title.Text())
		a.Year = yearOf(a.Title)
	}
	if a.Year == nil {
		// A heading line of its own: （2026年度）, 2026年部门预算.
		for _, l := range g.lines {
			if l.Bottom() > t.Header.Y0+g.tol.BandSlack {
				break
			}
			if c := compact(l.Text()); !departmentRe.MatchString(c) && utf8.RuneCountInString(c) <= 40 {
				if y := yearOf(c); y != nil {
					a.Year = y
				}
			}
		}
	}
	if a.CurrencyUnit == "" {
		a.CurrencyUnit = unitInHeaders(t.Columns)
	}
}
