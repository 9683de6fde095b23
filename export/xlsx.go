package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/xlsx"
)

// Column widths, in Excel's units (about one Latin digit of the default
// font; a CJK character counts two).
const (
	minWidth      = 6
	maxTextWidth  = 40 // names, units, indicator values: wrapped beyond this
	maxLongWidth  = 60 // goal, indicators_text, messages
	widthPadding  = 2
	headerPadding = 3 // bold header text and the autofilter button
)

// xlsxEncoder spools the batch to a temporary file, measuring the columns
// as documents come, and builds the workbook on close: column widths must be
// written before the first row of a sheet and the columns of map-valued
// fields are known only when every document has been seen, so a sheet
// cannot be streamed before then. Each sheet is then streamed by
// internal/xlsx straight into the zipped output, reading the batch back
// one document at a time: memory does not grow with the number of rows.
type xlsxEncoder struct {
	out     io.Writer
	lang    string
	spool   *spool
	schemas map[Table]*schema
	widths  map[Table]map[string]int // by the column's English header
	counts  map[Table]int
}

func (e *xlsxEncoder) init() error {
	if e.schemas != nil {
		return nil
	}
	e.schemas = make(map[Table]*schema)
	e.widths = make(map[Table]map[string]int)
	e.counts = make(map[Table]int)
	for _, t := range Tables() {
		e.schemas[t] = newSchema(t, e.lang)
		e.widths[t] = make(map[string]int)
	}
	sp, err := newSpool()
	if err != nil {
		return err
	}
	e.spool = sp
	return nil
}

// headerWidth is the starting width of a column: its header's.
func headerWidth(h string) int { return textWidth(h) + headerPadding - widthPadding }

func (e *xlsxEncoder) write(doc *document.Document) error {
	if err := e.init(); err != nil {
		return err
	}
	for _, t := range Tables() {
		s := e.schemas[t]
		s.observe(doc)
		cols, head := s.columns(), s.header()
		widths := e.widths[t]
		for i, c := range cols {
			if _, ok := widths[c.en]; !ok {
				widths[c.en] = headerWidth(head[i])
			}
		}
		err := s.rows(doc, func(cells []any) error {
			e.counts[t]++
			for i, c := range cells {
				if w := textWidth(displayText(c)); w > widths[cols[i].en] {
					widths[cols[i].en] = w
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if e.counts[t] >= xlsx.MaxRows {
			return fmt.Errorf("more than %d lines for the %s sheet: split the batch", xlsx.MaxRows-1, t)
		}
	}
	return e.spool.add(doc)
}

func (e *xlsxEncoder) close(complete bool) (err error) {
	if !complete && e.spool == nil {
		return nil
	}
	if err := e.init(); err != nil {
		return err
	}
	defer func() {
		if rerr := e.spool.remove(); err == nil {
			err = rerr
		}
	}()
	if !complete {
		return nil
	}
	// The build keeps little live (one document of the batch, the zip's
	// compressor and buffers, a few MB): no lower GC target is needed,
	// which would only collect its garbage more often.
	w := xlsx.NewWriter(e.out)
	st, err := newXLSXStyles(w)
	if err != nil {
		return err
	}
	for _, t := range Tables() {
		if err := e.writeSheet(w, t, st); err != nil {
			return fmt.Errorf("sheet %s: %w", t, err)
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	return nil
}

// writeSheet writes table t as a sheet: a bold frozen header row with an
// autofilter, then a line per table line of every document of the batch.
func (e *xlsxEncoder) writeSheet(xw *xlsx.Writer, t Table, st *xlsxStyles) error {
	s := e.schemas[t]
	cols, head := s.columns(), s.header()
	if len(cols) > xlsx.MaxCols {
		return fmt.Errorf("%d columns, more than the %d of a sheet", len(cols), xlsx.MaxCols)
	}
	used := "A1:" + xlsx.CellName(len(cols), e.counts[t]+1)
	widths := make([]int, len(cols))
	colWidths := make([]float64, len(cols))
	for i, c := range cols {
		w, ok := e.widths[t][c.en]
		if !ok {
			w = headerWidth(head[i])
		}
		widths[i] = columnWidth(c.kind, w)
		colWidths[i] = float64(widths[i])
	}
	sw, err := xw.NewSheet(string(t), xlsx.SheetOptions{ColWidths: colWidths, FrozenRows: 1, AutoFilter: used, Dimension: used})
	if err != nil {
		return err
	}
	row := make([]xlsx.Cell, len(cols))
	for i, h := range head {
		row[i] = xlsx.Text(h, st.header)
	}
	if err := sw.WriteRow(row, 0); err != nil {
		return err
	}
	return e.spool.each(func(doc *document.Document) error {
		return s.rows(doc, func(cells []any) error {
			lines := 1
			for i, c := range cells {
				if cols[i].kind == kLabel {
					row[i] = st.label(c)
					continue
				}
				row[i] = st.cell(c)
				if s, ok := c.(string); ok {
					lines = max(lines, wrappedLines(s, widths[i]))
				}
			}
			height := 0.0
			if lines > 1 {
				height = rowHeight(lines)
			}
			return sw.WriteRow(row, height)
		})
	})
}

// xlsxStyles are the style ids of the workbook's cells.
type xlsxStyles struct {
	header, plain, text, integer, money, decimal int
	// fineMoney[d] shows an amount printed with 2 < d decimals with all of
	// them (Beijing prints 万元 with six: 9.700000).
	fineMoney [document.MaxDecimals + 1]int
}

func newXLSXStyles(w *xlsx.Writer) (*xlsxStyles, error) {
	var st xlsxStyles
	for _, s := range []struct {
		id    *int
		style xlsx.Style
	}{
		{&st.header, xlsx.Style{Bold: true, Fill: "E7E6E6", VAlign: xlsx.Center}},
		{&st.plain, xlsx.Style{VAlign: xlsx.Top}},
		{&st.text, xlsx.Style{VAlign: xlsx.Top, Wrap: true}},
		{&st.integer, xlsx.Style{VAlign: xlsx.Top, NumFmt: 1}}, // 0
		{&st.money, xlsx.Style{VAlign: xlsx.Top, NumFmt: 4}},   // #,##0.00
		{&st.decimal, xlsx.Style{VAlign: xlsx.Top}},            // General
	} {
		id, err := w.AddStyle(s.style)
		if err != nil {
			return nil, fmt.Errorf("cell style: %w", err)
		}
		*s.id = id
	}
	for d := 3; d <= document.MaxDecimals; d++ {
		id, err := w.AddStyle(xlsx.Style{VAlign: xlsx.Top, Format: "#,##0." + strings.Repeat("0", d)})
		if err != nil {
			return nil, fmt.Errorf("cell style: %w", err)
		}
		st.fineMoney[d] = id
	}
	return &st, nil
}

// cell returns the XLSX cell for a table cell value: numbers as numbers
// (money with two decimals shown), text as text, an empty cell for nil.
func (st *xlsxStyles) cell(v any) xlsx.Cell {
	switch v := v.(type) {
	case nil:
		return xlsx.Cell{}
	case string:
		if v == "" {
			return xlsx.Cell{}
		}
		return xlsx.Text(v, st.text)
	case int:
		return xlsx.Int(int64(v), st.integer)
	case *document.Money:
		if v == nil {
			return xlsx.Cell{}
		}
		// The nearest float64 to the printed amount: exact to the cent up
		// to 15 significant digits, Excel's own precision.
		x, err := strconv.ParseFloat(v.String(), 64)
		if err != nil {
			return xlsx.Text(v.String(), st.text)
		}
		if v.Decimals > 2 && v.Decimals <= document.MaxDecimals {
			return xlsx.Float(x, st.fineMoney[v.Decimals])
		}
		return xlsx.Float(x, st.money)
	case document.Decimal:
		if v == "" {
			return xlsx.Cell{}
		}
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return xlsx.Text(string(v), st.text)
		}
		return xlsx.Float(x, st.decimal)
	}
	return xlsx.Text(fmt.Sprint(v), st.text)
}

// label returns the XLSX cell of a kLabel column: text, not wrapped.
func (st *xlsxStyles) label(v any) xlsx.Cell {
	if s, ok := v.(string); ok && s != "" {
		return xlsx.Text(s, st.plain)
	}
	return xlsx.Cell{}
}

// displayText is a cell's text as a spreadsheet shows it, for measuring.
func displayText(v any) string {
	if m, ok := v.(*document.Money); ok && m != nil {
		return m.Grouped()
	}
	return cellText(v)
}

// Row heights, in points. Neither LibreOffice nor Excel grows a row to fit
// its wrapped text when opening a file, so rows are given the height their
// longest text needs, up to maxLines lines: enough for most goals and names,
// while the sheet stays a list one can scan (a longer text is all in its
// cell, and in the indicators sheet item by item).
const (
	lineHeight = 15 // one line of the default 11 pt font, CJK included
	maxLines   = 6
)

// wrappedLines estimates the number of lines s takes wrapped in a column
// width wide.
func wrappedLines(s string, width int) int {
	usable := max(width-1, 1)
	return (textWidth(s) + usable - 1) / usable
}

// rowHeight is the height of a row of lines lines, at most maxLines.
func rowHeight(lines int) float64 {
	return float64(min(lines, maxLines)*lineHeight + 2)
}

// columnWidth turns the widest text of a column into a column width.
func columnWidth(k kind, w int) int {
	w += widthPadding
	limit := maxTextWidth
	if k == kLongText {
		limit = maxLongWidth
	}
	return max(minWidth, min(w, limit))
}

// textWidth is the width of s in columns: two for an East Asian wide or
// full-width character, one for any other.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if isWide(r) {
			n++
		}
	}
	return n
}

// isWide reports whether r is East Asian wide or full-width: CJK ideographs
// and punctuation, kana, hangul, full-width forms.
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115F, // hangul jamo
		0x2E80 <= r && r <= 0x303E,   // CJK radicals, punctuation
		0x3041 <= r && r <= 0x33FF,   // kana, CJK compatibility
		0x3400 <= r && r <= 0x4DBF,   // CJK extension A
		0x4E00 <= r && r <= 0x9FFF,   // CJK unified ideographs
		0xA000 <= r && r <= 0xA4CF,   // yi
		0xAC00 <= r && r <= 0xD7A3,   // hangul syllables
		0xF900 <= r && r <= 0xFAFF,   // CJK compatibility ideographs
		0xFE30 <= r && r <= 0xFE4F,   // CJK compatibility forms
		0xFF00 <= r && r <= 0xFF60,   // full-width forms
		0xFFE0 <= r && r <= 0xFFE6,   // full-width signs
		0x20000 <= r && r <= 0x3FFFD: // CJK extensions B–
		return true
	}
	return false
}
