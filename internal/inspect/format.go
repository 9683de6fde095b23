package inspect

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// errWriter remembers the first write error, so that the renderers can
// write line after line and check once at the end.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, a...)
}

func (e *errWriter) write(s string) {
	if e.err != nil {
		return
	}
	_, e.err = io.WriteString(e.w, s)
}

// num formats a coordinate in points with one decimal.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// runeWidth is the number of terminal columns r takes: 2 for East Asian
// wide and fullwidth characters, 0 for combining marks, else 1.
func runeWidth(r rune) int {
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// textWidth is the number of terminal columns s takes.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// clip shortens s to at most max terminal columns, ending a shortened text
// with "…".
func clip(s string, max int) string {
	if textWidth(s) <= max {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		w := runeWidth(r)
		if n+w > max-1 {
			break
		}
		b.WriteRune(r)
		n += w
	}
	return b.String() + "…"
}

// oneLine makes text printable on one terminal line: control characters
// (newlines, tabs) become spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// grid lays out rows of cells in columns aligned by terminal width.
type grid struct {
	right []bool // right-align this column
	rows  [][]string
}

func (g *grid) add(cells ...string) { g.rows = append(g.rows, cells) }

// columnWidths is the display width of the widest cell of each column.
func (g *grid) columnWidths() []int {
	var widths []int
	for _, r := range g.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], textWidth(c))
		}
	}
	return widths
}

// render writes the rows with indent before each and sep between cells;
// the last column is not padded.
func (g *grid) render(w *errWriter, indent, sep string) {
	widths := g.columnWidths()
	for _, r := range g.rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, c := range r {
			if i > 0 {
				b.WriteString(sep)
			}
			pad := strings.Repeat(" ", widths[i]-textWidth(c))
			switch {
			case i < len(g.right) && g.right[i]:
				b.WriteString(pad + c)
			case i == len(r)-1:
				b.WriteString(c)
			default:
				b.WriteString(c + pad)
			}
		}
		w.write(strings.TrimRight(b.String(), " ") + "\n")
	}
}
