package inspect

import (
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/petool/pet/internal/layout/indicatortext"
	"github.com/petool/pet/internal/pdfpage"
)

// segment is a run of a line's glyphs with no wide gap inside.
type segment struct {
	glyphs []pdfpage.Glyph
}

// splitSegments splits a line where the gap between two glyphs is wider
// than the line's font size (one em), as the parser does when it reads
// header cells.
func splitSegments(l indicatortext.Line) []segment {
	var out []segment
	start := 0
	for i := 1; i <= len(l.Glyphs); i++ {
		if i < len(l.Glyphs) && l.Glyphs[i].X0-l.Glyphs[i-1].X1 <= l.Size {
			continue
		}
		out = append(out, segment{glyphs: l.Glyphs[start:i]})
		start = i
	}
	return out
}

func (s segment) text() string {
	var b strings.Builder
	for _, g := range s.glyphs {
		b.WriteString(g.Text)
	}
	return b.String()
}

func (s segment) x0() float64 { return s.glyphs[0].X0 }

func (s segment) x1() float64 {
	x := s.glyphs[0].X1
	for _, g := range s.glyphs {
		x = max(x, g.X1)
	}
	return x
}

// size is the largest font size in the segment.
func (s segment) size() float64 {
	var z float64
	for _, g := range s.glyphs {
		z = max(z, g.Size)
	}
	return z
}

// fonts lists the ids of the segment's fonts (of page p) in order of
// first use.
func (s segment) fonts(p *pdfpage.Page, ids map[string]string) string {
	var names []string
	for _, g := range s.glyphs {
		if id := ids[p.Font(g)]; !contains(names, id) {
			names = append(names, id)
		}
	}
	return strings.Join(names, ",")
}

// fontIDs names the fonts of the lines of page p F1, F2, … in order of
// first use, and counts the glyphs of each.
func fontIDs(p *pdfpage.Page, lines []indicatortext.Line) (ids map[string]string, order []string, count map[string]int) {
	ids, count = map[string]string{}, map[string]int{}
	for _, l := range lines {
		for _, g := range l.Glyphs {
			f := p.Font(g)
			if _, ok := ids[f]; !ok {
				order = append(order, f)
				ids[f] = "F" + strconv.Itoa(len(order))
			}
			count[f]++
		}
	}
	return ids, order, count
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// showText is the text of a segment as printed by Text: as drawn, but
// quoted (Go syntax) when it starts or ends with white space or holds
// control characters, so that every space drawn is visible.
func showText(s string) string {
	quote := s == "" || strings.TrimSpace(s) != s
	for _, r := range s {
		if unicode.IsControl(r) {
			quote = true
		}
	}
	if quote {
		return strconv.Quote(s)
	}
	return s
}

// Text writes the text lines that the parser found on page (1-based), top
// to bottom, for bug reports: each line's baseline y, then each of its
// segments (runs of glyphs split at gaps wider than one em) with its x
// range, font size, fonts and text. Fonts are listed once per page, with
// their glyph counts, as F1, F2, … and the segments refer to them so.
func Text(w io.Writer, a *Analysis, page int) error {
	p, err := pageOf(a, page)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	lines := linesOf(a, page)
	ew.printf("== page %d of %d (%s × %s pt): %d lines, %d glyphs, %d rules ==\n",
		page, len(a.Pages), num(p.Width), num(p.Height), len(lines), len(p.Glyphs), len(p.Rules))
	if err := pageError(a, page); err != nil {
		ew.printf("unreadable: %v\n", err)
	}
	ids, order, count := fontIDs(p, lines)
	fonts := &grid{right: []bool{false, true}}
	for _, f := range order {
		name := f
		if name == "" {
			name = "(no name)"
		}
		fonts.add(ids[f], strconv.Itoa(count[f])+" glyphs", name)
	}
	fonts.render(ew, "font ", "  ")
	g := &grid{right: []bool{true, true, true, true}}
	g.add("y", "x0", "x1", "size", "font", "text")
	for _, l := range lines {
		for i, s := range splitSegments(l) {
			y := ""
			if i == 0 {
				y = num(l.Y)
			}
			g.add(y, num(s.x0()), num(s.x1()), num(s.size()), s.fonts(p, ids), showText(s.text()))
		}
	}
	g.render(ew, "", "  ")
	ew.write("\n")
	return ew.err
}
