package inspect

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// columnColors colour the cells of a page table column by column.
var columnColors = []string{
	"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
	"#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
}

// svgFonts is the font-family of the page's glyphs: CJK-capable fonts
// first, a generic family last.
const svgFonts = `"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif`

// SVG writes a drawing of page (1-based) of the analysis in page
// coordinates (points, origin top left): the glyphs as text at their
// positions and sizes, the ruling lines in thin grey, and what the parser
// made of them: the header band in light yellow, every cell of every row
// band as a rect of class "cell" (with data-row and data-col, 1-based,
// coloured by column) and the column boundaries. A cell's tooltip holds its
// text, a glyph's its font.
func SVG(w io.Writer, a *Analysis, page int) error {
	p, err := pageOf(a, page)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	t := TableOn(a, page)
	ew.write(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	ew.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s">`+"\n",
		f2(p.Width), f2(p.Height), f2(p.Width), f2(p.Height))
	ew.printf("<title>page %d of %d</title>\n", page, len(a.Pages))
	ew.write("<style>\n")
	ew.printf("  text { font-family: %s; fill: #000; white-space: pre; }\n", svgFonts)
	ew.write("  .rule { stroke: #888; stroke-width: 0.4; }\n")
	ew.write("  .header { fill: #fff3a0; fill-opacity: 0.6; }\n")
	ew.write("  .cell { fill-opacity: 0.12; stroke-width: 0.5; stroke-opacity: 0.8; }\n")
	ew.write("  .boundary { stroke: #c00; stroke-width: 0.6; stroke-dasharray: 3 2; }\n")
	ew.write("  .open { stroke: #c00; stroke-width: 1.5; stroke-dasharray: 6 3; }\n")
	ew.write("  .note { font-size: 7px; fill: #c00; }\n")
	ew.write("</style>\n")
	ew.printf(`<rect x="0" y="0" width="%s" height="%s" fill="#fff"/>`+"\n", f2(p.Width), f2(p.Height))

	if t != nil && t.Header != nil && len(t.Columns) > 0 {
		x0, x1 := t.Columns[0].X0, t.Columns[len(t.Columns)-1].X1
		ew.printf(`<rect class="header" x="%s" y="%s" width="%s" height="%s"><title>header band y %s-%s</title></rect>`+"\n",
			f2(x0), f2(t.Header.Y0), f2(x1-x0), f2(t.Header.Y1-t.Header.Y0), num(t.Header.Y0), num(t.Header.Y1))
	}
	if t != nil {
		ew.write(`<g class="cells">` + "\n")
		for ri, r := range t.Rows {
			for ci, c := range t.Columns {
				color := columnColors[ci%len(columnColors)]
				text := ""
				if ci < len(r.Cells) {
					text = r.Cells[ci].Text
				}
				ew.printf(`<rect class="cell" data-row="%d" data-col="%d" data-field="%s" x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s"><title>`,
					ri+1, ci+1, c.Field, f2(c.X0), f2(r.Y0), f2(c.X1-c.X0), f2(r.Y1-r.Y0), color, color)
				ew.write(escape(fmt.Sprintf("row %d, column %d (%s): %s", ri+1, ci+1, c.Field, text)))
				ew.write("</title></rect>\n")
			}
		}
		ew.write("</g>\n")
	}

	ew.write(`<g class="rules">` + "\n")
	for _, r := range p.Rules {
		ew.printf(`<line class="rule" x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", f2(r.X0), f2(r.Y0), f2(r.X1), f2(r.Y1))
	}
	ew.write("</g>\n")

	if t != nil && len(t.Columns) > 0 {
		y0, y1 := t.Top, t.Bottom
		if t.Header != nil {
			y0 = t.Header.Y0
		}
		ew.write(`<g class="columns">` + "\n")
		for i, c := range t.Columns {
			if i == 0 {
				ew.printf(`<line class="boundary" x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", f2(c.X0), f2(y0), f2(c.X0), f2(y1))
			}
			ew.printf(`<line class="boundary" x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", f2(c.X1), f2(y0), f2(c.X1), f2(y1))
			// Clip a label wider than its column (7px Latin ≈ 3.9 pt a letter);
			// the whole of it is the tooltip.
			label := fmt.Sprintf("%d %s", i+1, c.Field)
			short := clip(label, max(1, int((c.X1-c.X0-2)/3.9)))
			ew.printf(`<text class="note" x="%s" y="%s"><title>%s</title>%s</text>`+"\n",
				f2(c.X0+1), f2(y0-1.5), escape(label), escape(short))
		}
		if t.OpenBottom {
			x0, x1 := t.Columns[0].X0, t.Columns[len(t.Columns)-1].X1
			ew.printf(`<line class="open" x1="%s" y1="%s" x2="%s" y2="%s"><title>open bottom: the last row continues on the next page</title></line>`+"\n",
				f2(x0), f2(t.Bottom), f2(x1), f2(t.Bottom))
		}
		ew.write("</g>\n")
	}

	ew.write(`<g class="glyphs">` + "\n")
	for _, g := range p.Glyphs {
		if strings.TrimSpace(g.Text) == "" || g.Size <= 0 {
			continue
		}
		ew.printf(`<text x="%s" y="%s" font-size="%s"`, f2(g.X0), f2(g.Y), f2(g.Size))
		if g.X1 > g.X0 {
			// Draw the glyph as wide as the parser thinks it is.
			ew.printf(` textLength="%s" lengthAdjust="spacingAndGlyphs"`, f2(g.X1-g.X0))
		}
		ew.printf(` data-font="%s">%s</text>`+"\n", escape(p.Font(g)), escape(g.Text))
	}
	ew.write("</g>\n")
	ew.write("</svg>\n")
	return ew.err
}

// f2 formats a coordinate for SVG: two decimals at most.
func f2(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" || s == "-" || s == "-0" {
		return "0"
	}
	return s
}

// escape makes s safe as XML character data or attribute value; characters
// XML cannot hold become U+FFFD.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder cannot fail
	return b.String()
}
