package parser

import (
	"math"
	"sort"
	"strings"
)

// This file reads tables drawn without ruling lines: columns from the
// positions of the header words, rows from the vertical extent of each
// cell's block of text.

// headerTextBottom returns the y just below the header words: the header
// lines and the wrapped lines that continue them.
func headerTextBottom(g *pageGeometry, hit headerHit) float64 {
	bottom := hit.bottom
	for _, l := range g.lines {
		if l.Top() < hit.top-1 || l.Top() > bottom+0.6*l.Size {
			continue
		}
		if l.Y <= hit.bottom || !strings.ContainsAny(l.Text(), "0123456789") {
			bottom = math.Max(bottom, l.Bottom())
		}
	}
	return bottom + 0.5
}

// textColumns derives column boundaries from the header words: each group
// of header words that overlap horizontally is a column; boundaries lie
// half-way between neighbouring groups.
func textColumns(g *pageGeometry, hit headerHit, bottom float64) []Column {
	var inBand []Line
	for _, l := range g.lines {
		if l.Y >= hit.top && l.Top() <= bottom {
			inBand = append(inBand, l)
		}
	}
	var groups []span
	for _, s := range segments(inBand) {
		groups = append(groups, span{s.x0, s.x1})
	}
	groups = mergeSpans(groups, 0)
	if len(groups) < 2 {
		return nil
	}
	left, right := groups[0].lo, groups[len(groups)-1].hi
	for _, l := range g.lines {
		if l.Top() > bottom && l.Top() < bottom+20*l.Size {
			left = math.Min(left, l.X0)
			right = math.Max(right, l.X1)
		}
	}
	cols := make([]Column, len(groups))
	for i := range groups {
		cols[i].X0, cols[i].X1 = left-1, right+1
		if i > 0 {
			cols[i].X0 = (groups[i-1].hi + groups[i].lo) / 2
		}
		if i+1 < len(groups) {
			cols[i].X1 = (groups[i].hi + groups[i+1].lo) / 2
		}
	}
	return cols
}

// continuedTextTable continues an unruled table at the top of a page
// without a repeated header.
func continuedTextTable(g *pageGeometry, prev *PageTable) (*PageTable, bool) {
	if len(g.lines) == 0 || len(prev.Columns) == 0 {
		return nil, false
	}
	left, right := prev.Columns[0].X0, prev.Columns[len(prev.Columns)-1].X1
	first := g.lines[0]
	if first.X0 < left-5 || first.X1 > right+5 {
		return nil, false
	}
	t := &PageTable{Page: g.page.Number, Columns: prev.Columns, Top: first.Top() - 1}
	fillTextRows(g, t)
	return t, len(t.Rows) > 0
}

// fillTextRows cuts the body of an unruled table into rows: in every column
// the lines form blocks (a cell's wrapped lines sit close together); blocks
// of different columns that overlap vertically belong to one row.
func fillTextRows(g *pageGeometry, t *PageTable) {
	if len(t.Columns) == 0 {
		return
	}
	left, right := t.Columns[0].X0, t.Columns[len(t.Columns)-1].X1
	// The body: lines below the top until a wide empty gap.
	var body []Line
	last := t.Top
	for _, l := range g.lines {
		if l.Top() < t.Top || l.X1 < left || l.X0 > right {
			continue
		}
		if len(body) > 0 && l.Top()-last > 4*l.Size {
			break
		}
		body = append(body, l)
		last = math.Max(last, l.Bottom())
	}
	t.Bottom = last + 0.5
	if len(body) == 0 {
		return
	}
	var blocks []span
	for _, c := range t.Columns {
		glyphs := g.glyphsIn(c.X0, t.Top, c.X1, t.Bottom)
		lines := groupLines(glyphs)
		for i := 0; i < len(lines); {
			j := i + 1
			for j < len(lines) && lines[j].Top()-lines[j-1].Bottom() < 0.45*lines[j].Size {
				j++
			}
			blocks = append(blocks, span{lines[i].Top(), lines[j-1].Bottom()})
			i = j
		}
	}
	rows := mergeSpans(blocks, 0)
	sort.Slice(rows, func(i, j int) bool { return rows[i].lo < rows[j].lo })
	for i, r := range rows {
		y0, y1 := r.lo-0.5, r.hi+0.5
		if i > 0 {
			y0 = (rows[i-1].hi + r.lo) / 2
		}
		if i+1 < len(rows) {
			y1 = (r.hi + rows[i+1].lo) / 2
		} else {
			y1 = t.Bottom
		}
		t.Rows = append(t.Rows, readRow(g, t.Columns, Band{y0, y1}))
	}
}
