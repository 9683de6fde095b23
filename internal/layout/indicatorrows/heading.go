package indicatorrows

import (
	"strconv"
	"strings"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/grid"
	"github.com/petool/pet/internal/lazyre"
	"github.com/petool/pet/internal/pdfpage"
)

// heading is what the text above a table on its page says about it.
type heading struct {
	lines      []string // segments of the lines above the table, top to bottom
	title      string
	department string
	currency   string
	year       *int
}

// segments splits each text line at gaps wider than two ems (a heading
// line often holds 单位名称：… on the left and 单位：万元 on the right).
func segments(l grid.Line) []string {
	var out []string
	var b strings.Builder
	for i, g := range l.Glyphs {
		if i > 0 && g.X0-l.Glyphs[i-1].X1 > geom.WordGapEm*g.Size && strings.TrimSpace(b.String()) != "" {
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
		}
		b.WriteString(g.Text)
	}
	if s := strings.TrimSpace(b.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// headingAbove reads the lines between the previous table on the page (or
// the page top) and the table t.
func headingAbove(p *pdfpage.Page, tables []*grid.Table, t *grid.Table) heading {
	top := 0.0
	for _, o := range tables {
		if o == t {
			break
		}
		_, _, _, y1 := o.Bounds()
		top = max(top, y1)
	}
	_, y0, _, _ := t.Bounds()
	var gs []pdfpage.Glyph
	for _, g := range p.Glyphs {
		if y := g.CenterY(); y > top && y < y0 {
			gs = append(gs, g)
		}
	}
	var h heading
	bestSize := 0.0
	for _, l := range grid.LinesInPlace(gs) { // gs is this function's
		for _, s := range segments(l) {
			h.lines = append(h.lines, s)
			if strings.Contains(s, "目标表") && (h.title == "" || l.Size > bestSize) {
				h.title, bestSize = s, l.Size
			}
		}
	}
	h.read()
	return h
}

// headingInside reads the cells above the header band (rows before top),
// for tables that rule their title and 单位 lines in.
func headingInside(t *grid.Table, top int) heading {
	var h heading
	for _, c := range t.Cells {
		if c.LastRow() >= top || c.Text == "" {
			continue
		}
		h.lines = append(h.lines, c.Text)
		if h.title == "" && strings.Contains(c.Text, "目标表") {
			h.title = c.Text
		}
	}
	h.read()
	return h
}

// read fills department, currency and year from the lines and title.
func (h *heading) read() {
	for _, s := range h.lines {
		if h.department == "" {
			h.department = department(s)
		}
		if h.currency == "" {
			if m := currencyRe.FindStringSubmatch(s); m != nil {
				h.currency = m[1]
			}
		}
	}
	if h.title != "" {
		h.year = yearOf(h.title)
	}
	for _, s := range h.lines {
		if h.year == nil && !strings.Contains(s, "单位") {
			h.year = yearOf(s)
		}
	}
}

var (
	deptRe     = lazyre.New(`(?:部门名称|单位名称|编制部门|主管部门|编制单位|部门)\s*[：:]\s*`)
	currencyRe = lazyre.New(`单位\s*[：:]\s*((?:千|万|亿)?元)`)
	cutUnitRe  = lazyre.New(`(?:金额)?单位\s*[：:]`)
	yearRe     = lazyre.New(`(20\d\d)\s*年`)
)

// department returns the name after a department label, without a
// following 单位：… part; "" when s has no such label.
func department(s string) string {
	m := deptRe.FindStringIndex(s)
	if m == nil {
		return ""
	}
	rest := s[m[1]:]
	if c := cutUnitRe.FindStringIndex(rest); c != nil {
		rest = rest[:c[0]]
	}
	return strings.TrimSpace(rest)
}

func yearOf(s string) *int {
	m := yearRe.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	y, _ := strconv.Atoi(m[1])
	return &y
}
