// Package inspect shows what pet's parser sees on the pages of a PDF: a
// text report of the table found on each page (header band, columns, row
// bands and their cells), an SVG drawing of the same over the page's
// glyphs and ruling lines, and a dump of each page's text lines for bug
// reports.
//
// Everything shown comes from an indicatortext.Analysis; the package computes no
// geometry of its own beyond splitting text lines at wide gaps for display.
package inspect

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/petool/pet/internal/layout/indicatortext"
	"github.com/petool/pet/internal/pdfpage"
)

// cellPreview is how many terminal columns of a cell's text the report
// shows (about 12 characters of Latin text, 6 of Chinese).
const cellPreview = 12

// headerPreview is how many terminal columns of a column's header text the
// report shows.
const headerPreview = 40

// TableOn returns the part of the table that the parser found on page
// (1-based), or nil when it found none there.
func TableOn(a *Analysis, page int) *indicatortext.PageTable {
	for _, t := range a.Tables {
		if t.Page == page {
			return t
		}
	}
	return nil
}

// pageOf returns page n (1-based) of the analysis, or an error naming the
// valid range.
func pageOf(a *Analysis, n int) (*pdfpage.Page, error) {
	if a == nil || len(a.Pages) == 0 {
		return nil, fmt.Errorf("page %d: the analysis has no pages", n)
	}
	if n < 1 || n > len(a.Pages) {
		return nil, fmt.Errorf("page %d: out of range (1-%d)", n, len(a.Pages))
	}
	return a.Pages[n-1], nil
}

// linesOf returns the text lines the parser found on page n.
func linesOf(a *Analysis, n int) []indicatortext.Line {
	if n-1 < len(a.Lines) {
		return a.Lines[n-1]
	}
	return nil
}

// pageError returns the error that kept page n from being read, if any.
// The parser keeps these errors without their page number, but each one
// starts with "page N:".
func pageError(a *Analysis, n int) error {
	prefix := fmt.Sprintf("page %d:", n)
	for _, err := range a.PageErrors {
		if strings.HasPrefix(err.Error(), prefix) {
			return err
		}
	}
	return nil
}

// Summary writes what the parser found in the whole document: pages, the
// pages the table covers, title, department and currency unit, and the
// analysis error (such as parser.ErrNoTable) when there is one.
func Summary(w io.Writer, a *Analysis, analyzeErr error) error {
	ew := &errWriter{w: w}
	ew.printf("pages: %d\n", len(a.Pages))
	if len(a.Tables) == 0 {
		ew.write("table: none found\n")
	} else {
		var pages []string
		for _, t := range a.Tables {
			pages = append(pages, fmt.Sprint(t.Page))
		}
		ew.printf("table: on pages %s\n", strings.Join(pages, ", "))
	}
	g := &grid{}
	g.add("title:", quoteEmpty(a.Title))
	g.add("department:", quoteEmpty(a.Department))
	g.add("unit:", quoteEmpty(a.CurrencyUnit))
	g.render(ew, "", " ")
	for _, err := range a.PageErrors {
		ew.printf("unreadable: %v\n", err)
	}
	if analyzeErr != nil {
		ew.printf("result: %v\n", analyzeErr)
	}
	return ew.err
}

func quoteEmpty(s string) string {
	if s == "" {
		return "(none)"
	}
	return oneLine(s)
}

// Report writes what the parser found on page (1-based) of the analysis:
// whether the table is there; its header band; its columns with x range,
// field and header text; its row bands with y range and the start of each
// cell's text; whether the rows come from ruling lines and whether the grid
// is open at the bottom. For a page without the table it gives the number
// of text lines and rules found, and where header words appear.
func Report(w io.Writer, a *Analysis, page int) error {
	p, err := pageOf(a, page)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	ew.printf("== page %d of %d (%s × %s pt) ==\n", page, len(a.Pages), num(p.Width), num(p.Height))
	if err := pageError(a, page); err != nil {
		ew.printf("unreadable: %v\n", err)
	}
	t := TableOn(a, page)
	if t == nil {
		reportNoTable(ew, a, p)
		ew.write("\n")
		return ew.err
	}
	ew.write("table:  found")
	if t.Header == nil {
		if prev := previousTable(a, t); prev != nil {
			ew.printf(", continued from page %d without a repeated header", prev.Page)
		} else {
			ew.write(", without a header on this page")
		}
	}
	ew.write("\n")
	if t.Ruled {
		ew.write("rows:   from ruling lines (Ruled)\n")
		if t.OpenBottom {
			ew.write("bottom: OPEN - no rule closes the grid; the last row is cut by the page break (OpenBottom)\n")
		} else {
			ew.write("bottom: closed by a rule\n")
		}
	} else {
		ew.write("rows:   from blocks of text (not Ruled: no grid of ruling lines)\n")
	}
	if t.Header != nil {
		ew.printf("header: y %s-%s\n", num(t.Header.Y0), num(t.Header.Y1))
	} else {
		ew.write("header: none on this page\n")
	}
	ew.printf("body:   y %s-%s\n", num(t.Top), num(t.Bottom))

	ew.printf("\ncolumns: %d\n", len(t.Columns))
	cols := &grid{right: []bool{true, true, true}}
	cols.add("#", "x0", "x1", "field", "header")
	for i, c := range t.Columns {
		cols.add(fmt.Sprint(i+1), num(c.X0), num(c.X1), c.Field.String(), clip(oneLine(c.Header), headerPreview))
	}
	cols.render(ew, "  ", "  ")

	ew.printf("\nrows: %d\n", len(t.Rows))
	rows := &grid{right: []bool{true, true, true}}
	head := []string{"#", "y0", "y1"}
	for i, c := range t.Columns {
		head = append(head, fmt.Sprint(i+1))
		rows.right = append(rows.right, isMoney(c.Field))
	}
	rows.add(head...)
	for i, r := range t.Rows {
		cells := []string{fmt.Sprint(i + 1), num(r.Y0), num(r.Y1)}
		for _, c := range r.Cells {
			cells = append(cells, preview(c.Text))
		}
		rows.add(cells...)
	}
	renderRows(ew, rows)
	ew.write("\n")
	return ew.err
}

func isMoney(f indicatortext.Field) bool {
	switch f {
	case indicatortext.FieldTotal, indicatortext.FieldFiscal, indicatortext.FieldSpecial, indicatortext.FieldOther:
		return true
	}
	return false
}

// preview is the start of a cell's text for the row table: runs of white
// space shown as one space (so an indent by leading spaces stays visible as
// one), "|" as "¦", clipped to cellPreview columns.
func preview(text string) string {
	var b strings.Builder
	space := false
	for _, r := range oneLine(text) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r == '|' {
			r = '¦'
		}
		b.WriteRune(r)
	}
	return clip(b.String(), cellPreview)
}

// renderRows writes the row table: number and y range separated by spaces,
// the cells by " | ".
func renderRows(ew *errWriter, g *grid) {
	widths := g.columnWidths()
	for _, r := range g.rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-textWidth(c))
			if i < len(g.right) && g.right[i] {
				c, pad = pad+c, ""
			}
			switch {
			case i < 3:
				if i > 0 {
					b.WriteString("  ")
				}
				b.WriteString(c + pad)
			case i == 3:
				b.WriteString("  | " + c + pad)
			default:
				b.WriteString(" | " + c + pad)
			}
		}
		ew.write(strings.TrimRight(b.String(), " ") + "\n")
	}
}

// previousTable returns the table part on the page before t's, if the
// parser found one there.
func previousTable(a *Analysis, t *indicatortext.PageTable) *indicatortext.PageTable {
	for i, u := range a.Tables {
		if u == t && i > 0 && a.Tables[i-1].Page == t.Page-1 {
			return a.Tables[i-1]
		}
	}
	return nil
}

// headerWords are words of the table's header row; on a page without the
// table, where they appear tells why the header was not recognised.
var headerWords = []string{"项目名称", "绩效目标", "绩效指标", "目标表"}

func reportNoTable(ew *errWriter, a *Analysis, p *pdfpage.Page) {
	lines := linesOf(a, p.Number)
	h, v := 0, 0
	for _, r := range p.Rules {
		if r.Horizontal() {
			h++
		} else {
			v++
		}
	}
	ew.printf("table:  none - %d text lines, %d glyphs, %d rules (%d horizontal, %d vertical), %d images\n",
		len(lines), len(p.Glyphs), len(p.Rules), h, v, p.Images)
	if len(p.Glyphs) == 0 && p.Images > 0 {
		ew.write("        no text on the page, only images: a scan?\n")
	}
	for _, l := range lines {
		c := compactText(l.Text())
		for _, word := range headerWords {
			if strings.Contains(c, word) {
				ew.printf("        %q at y %s, x %s-%s: %s\n", word, num(l.Y), num(l.X0), num(l.X1),
					clip(oneLine(strings.TrimSpace(l.Text())), 60))
				break
			}
		}
	}
}

// compactText removes white space, for finding words in a line.
func compactText(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
			return -1
		}
		return r
	}, s)
}
