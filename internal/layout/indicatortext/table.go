package indicatortext

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/pdfpage"
)

// Field says which contract field a column feeds.
type Field int

// The columns of a target table.
const (
	FieldNone Field = iota
	FieldName
	FieldTotal
	FieldFiscal
	FieldSpecial
	FieldOther
	FieldGoal
	FieldIndicators
)

// fieldLeading marks, while textColumns finds an unruled table's columns,
// the ink left of the first header word (an indented name's overflow): it
// joins the next column and is never a column of its own.
const fieldLeading Field = -1

var fieldNames = [...]string{"-", "name", "total", "fiscal_appropriation", "fiscal_special_account", "other_funds", "goal", "indicators_text"}

// String is the contract field name fed by the column ("-" for none).
func (f Field) String() string {
	if int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return "?"
}

// fieldOfHeader maps a header cell's text to its field.
func fieldOfHeader(text string) Field {
	t := compact(text)
	switch {
	case strings.Contains(t, "绩效指标") && !strings.ContainsAny(t, "性质值单位类型方向"):
		return FieldIndicators
	case strings.Contains(t, "绩效目标"):
		return FieldGoal
	case strings.Contains(t, "名称"):
		return FieldName
	case strings.Contains(t, "专户"):
		return FieldSpecial
	case strings.Contains(t, "其他"):
		return FieldOther
	case strings.Contains(t, "拨款") || strings.Contains(t, "财政"):
		return FieldFiscal
	case strings.Contains(t, "总计") || strings.Contains(t, "合计") || strings.Contains(t, "总额") ||
		strings.Contains(t, "金额") || strings.Contains(t, "预算数") || t == "小计":
		return FieldTotal
	case strings.HasPrefix(t, "项目") || strings.Contains(t, "使用单位"):
		return FieldName
	}
	return FieldNone
}

// Column is one column of the table on a page.
type Column struct {
	X0, X1 float64
	Field  Field
	Header string // the header cell's text as printed, wrapped lines joined
}

// segment is a run of a line's glyphs with no wide gap inside.
type segment struct {
	text   string
	x0, x1 float64
	line   int
}

// segments splits lines at horizontal gaps wider than one em.
func segments(lines []Line) []segment {
	var out []segment
	for li, l := range lines {
		start := 0
		for i := 1; i <= len(l.Glyphs); i++ {
			if i < len(l.Glyphs) && l.Glyphs[i].X0-l.Glyphs[i-1].X1 <= l.Size {
				continue
			}
			var b strings.Builder
			n := 0
			for _, g := range l.Glyphs[start:i] {
				n += len(g.Text)
			}
			b.Grow(n)
			for _, g := range l.Glyphs[start:i] {
				b.WriteString(g.Text)
			}
			if t := compact(b.String()); t != "" {
				out = append(out, segment{text: t, x0: l.Glyphs[start].X0, x1: l.Glyphs[i-1].X1, line: li})
			}
			start = i
		}
	}
	return out
}

// isGoalHeading reports whether a segment reads like the 绩效目标/绩效指标
// header cell rather than body text that mentions the words.
func isGoalHeading(t string) bool {
	return (strings.Contains(t, "绩效目标") || strings.Contains(t, "绩效指标")) && utf8.RuneCountInString(t) <= 8
}

func isNameHeading(t string) bool {
	// The cell may wrap (资金使用单位（项 / 目名称）): any of its words will do.
	return (strings.Contains(t, "项目") || strings.Contains(t, "名称") || strings.Contains(t, "单位")) &&
		!strings.Contains(t, "部门") && !strings.ContainsAny(t, ":：") &&
		utf8.RuneCountInString(t) <= 16
}

// headerHit is a header row found on a page.
type headerHit struct {
	top, bottom float64 // the header row: its rules, or the extent of its words
	x0, x1      float64 // extent of the header words
	ruled       bool    // top and bottom are ruling lines
}

// findHeader looks for the header row of the target table on a page: a
// 绩效目标/绩效指标 heading with a 项目名称 heading to its left in the same
// row. The row is bounded by the rules above and below the heading where
// the table has rules, else by the lines of header words around it.
func findHeader(g *pageGeometry) (headerHit, bool) {
	lines := g.lines
	if !slices.ContainsFunc(lines, func(l Line) bool { return strings.Contains(l.text, "绩") }) {
		// No 绩效目标 or 绩效指标 heading (a segment's text is a piece of
		// its line's, spaces dropped): most pages, spared the segments.
		return headerHit{}, false
	}
	segs := segments(lines)
	for _, s := range segs {
		if !isGoalHeading(s.text) {
			continue
		}
		l := lines[s.line]
		hit := headerHit{top: l.Top(), bottom: l.Bottom(), x0: s.x0, x1: s.x1}
		above, okA := g.ruleAbove(l.Top()+g.tol.BandSlack, geom.HeaderRuleReachEm*l.Size, s.x0, s.x1, geom.HeaderRuleShare)
		below, okB := g.ruleBelow(l.Bottom()-g.tol.BandSlack, geom.HeaderRuleReachEm*l.Size, s.x0, s.x1, geom.HeaderRuleShare)
		lo, hi := l.Top()-geom.HeaderReachEm*l.Size, l.Bottom()+geom.HeaderReachEm*l.Size
		if okA && okB {
			lo, hi = above, below
			hit.top, hit.bottom, hit.ruled = above, below, true
		}
		foundName := false
		for _, o := range segs {
			ol := lines[o.line]
			if ol.Top() < lo-g.tol.BandSlack || ol.Bottom() > hi+g.tol.BandSlack {
				continue
			}
			if strings.ContainsAny(ol.Text(), "0123456789") {
				continue // a body row (the 合计 line) rather than the header
			}
			isName := isNameHeading(o.text)
			if isName && o.x1 < s.x0 {
				foundName = true
			}
			if isName || isGoalHeading(o.text) || fieldOfHeader(o.text) != FieldNone && utf8.RuneCountInString(o.text) <= 8 {
				if !hit.ruled {
					hit.top = min(hit.top, ol.Top())
					hit.bottom = max(hit.bottom, ol.Bottom())
				}
				hit.x0 = min(hit.x0, o.x0)
				hit.x1 = max(hit.x1, o.x1)
			}
		}
		if foundName {
			return hit, true
		}
	}
	return headerHit{}, false
}

// pageGeometry is a page's glyphs, lines and rules, computed once.
type pageGeometry struct {
	page  *pdfpage.Page
	tol   geom.Tolerances // the page's, from its measures
	lines []Line
	horiz []ruleLine
	vert  []ruleLine

	// What the worker that prepared the page worked out ahead of the
	// reader (Reader.Prepare), which depends on the page alone: its header
	// (header) and the cells of the row bands it read (readRows).
	headerDone bool
	hit        headerHit
	hitOK      bool
	keepRows   bool     // readRows keeps what it reads in rows
	rows       *rowRead // taken by the first readRows of the same bands
}

// rowRead is one readRows call: its columns and bands, and the rows read.
type rowRead struct {
	cols  []Column
	bands []Band
	rows  []RowBand
}

// header is findHeader(g), worked out once.
func (g *pageGeometry) header() (headerHit, bool) {
	if !g.headerDone {
		g.hit, g.hitOK = findHeader(g)
		g.headerDone = true
	}
	return g.hit, g.hitOK
}

// readAhead reads the page's table as a first page would be read, with no
// table above it, so that the cells it reads are there when the reader
// reads the page after the one before: only the previous page's table
// can change the table, and most pages of a ruled table with its header
// repeated read the same row bands. It runs on the worker that prepared
// the page; the page's reader is fed pages in order, one at a time.
func (g *pageGeometry) readAhead() {
	g.keepRows = true
	analyzePage(g, nil)
	g.keepRows = false
}

// newPageGeometry measures p and groups its lines. The lines share p's
// glyphs where they can (groupLines): they are read, never changed.
func newPageGeometry(p *pdfpage.Page) *pageGeometry {
	tol := geom.Measure(p).Tolerances()
	h, v := collectRules(p.Rules, tol)
	return &pageGeometry{page: p, tol: tol, lines: groupLines(p.Glyphs), horiz: h, vert: v}
}

// ruleBelow returns the y of the first horizontal rule line at or below y
// (within limit) that covers at least frac of [x0, x1].
func (g *pageGeometry) ruleBelow(y, limit, x0, x1, frac float64) (float64, bool) {
	for _, h := range g.horiz {
		if h.pos >= y && h.pos <= y+limit && h.covered(x0, x1) >= frac*(x1-x0) {
			return h.pos, true
		}
	}
	return 0, false
}

// ruleAbove returns the y of the last horizontal rule line at or above y.
func (g *pageGeometry) ruleAbove(y, limit, x0, x1, frac float64) (float64, bool) {
	for i := len(g.horiz) - 1; i >= 0; i-- {
		h := g.horiz[i]
		if h.pos <= y && h.pos >= y-limit && h.covered(x0, x1) >= frac*(x1-x0) {
			return h.pos, true
		}
	}
	return 0, false
}

// verticalsAt returns the x positions of vertical rule lines with a piece
// that reaches y (within tol), sorted.
func (g *pageGeometry) verticalsAt(y, tol float64) []float64 {
	var xs []float64
	for _, v := range g.vert {
		if _, ok := v.spanAt(y, tol); ok {
			xs = append(xs, v.pos)
		}
	}
	sort.Float64s(xs)
	return xs
}

// glyphsIn returns the glyphs whose centre lies in the box.
func (g *pageGeometry) glyphsIn(x0, y0, x1, y1 float64) []pdfpage.Glyph {
	var out []pdfpage.Glyph
	for _, l := range g.lines {
		if l.Bottom() < y0-l.Size || l.Top() > y1+l.Size {
			continue
		}
		for _, gl := range l.Glyphs {
			cx, cy := gl.CenterX(), gl.CenterY()
			if cx >= x0 && cx < x1 && cy >= y0 && cy < y1 {
				out = append(out, gl)
			}
		}
	}
	return out
}
