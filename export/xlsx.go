package export

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/petool/pet/document"
	"github.com/xuri/excelize/v2"
)

// buildGCPercent is the GC target (GOGC) while a workbook is built.
const buildGCPercent = 20

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
// cannot be streamed before then. Each sheet is written with excelize's
// StreamWriter, reading the batch back one document at a time (excelize
// keeps at most 16 MB of a sheet in memory and spills the rest to a
// temporary file), and the workbook is zipped straight into the output, not
// into a buffer: memory does not grow with the number of rows.
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
		if e.counts[t] >= excelize.TotalRows {
			return fmt.Errorf("more than %d lines for the %s sheet: split the batch", excelize.TotalRows-1, t)
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
	// What the build keeps live is mostly excelize's buffer of each large
	// sheet (up to 32 MB, pointer-free, so cheap to collect): a lower GC
	// target for the build keeps the process near that instead of twice it.
	defer debug.SetGCPercent(debug.SetGCPercent(buildGCPercent))

	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	for i, t := range Tables() {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), string(t))
		} else {
			_, err = f.NewSheet(string(t))
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", t, err)
		}
		if err := e.writeSheet(f, t, st); err != nil {
			return fmt.Errorf("sheet %s: %w", t, err)
		}
	}
	// The first sheet is the active one already; SetActiveSheet would read
	// every streamed sheet back into memory.
	// Zip straight into the output: File.Write would zip the whole
	// workbook into a buffer first (its writer gets that buffer, which
	// stays empty here).
	var zw *zip.Writer
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw = zip.NewWriter(e.out)
		return zw
	})
	if err := f.Write(io.Discard); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	if zw == nil {
		return errors.New("writing the workbook: excelize did not zip it")
	}
	return nil
}

// writeSheet writes table t as a sheet: a bold frozen header row with an
// autofilter, then a line per table line of every document of the batch.
func (e *xlsxEncoder) writeSheet(f *excelize.File, t Table, st *xlsxStyles) error {
	sheet := string(t)
	s := e.schemas[t]
	cols, head := s.columns(), s.header()
	last, err := excelize.CoordinatesToCellName(len(cols), e.counts[t]+1)
	if err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	widths := make([]int, len(cols))
	for i, c := range cols {
		w, ok := e.widths[t][c.en]
		if !ok {
			w = headerWidth(head[i])
		}
		widths[i] = columnWidth(c.kind, w)
		if err := sw.SetColWidth(i+1, i+1, float64(widths[i])); err != nil {
			return err
		}
	}
	row := make([]any, len(cols))
	for i, h := range head {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	n := 1
	err = e.spool.each(func(doc *document.Document) error {
		return s.rows(doc, func(cells []any) error {
			n++
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
			if lines == 1 {
				return sw.SetRow("A"+strconv.Itoa(n), row)
			}
			return sw.SetRow("A"+strconv.Itoa(n), row, excelize.RowOpts{Height: rowHeight(lines)})
		})
	})
	if err != nil {
		return err
	}
	return sw.Flush()
}

// xlsxStyles are the style ids of the workbook's cells.
type xlsxStyles struct {
	header, plain, text, integer, money, decimal int
	// fineMoney[d] shows an amount printed with 2 < d decimals with all of
	// them (Beijing prints 万元 with six: 9.700000).
	fineMoney [document.MaxDecimals + 1]int
}

func newXLSXStyles(f *excelize.File) (*xlsxStyles, error) {
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	var st xlsxStyles
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&st.header, &excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
			Alignment: &excelize.Alignment{Vertical: "center"},
		}},
		{&st.plain, &excelize.Style{Alignment: top}},
		{&st.text, &excelize.Style{Alignment: wrap}},
		{&st.integer, &excelize.Style{Alignment: top, NumFmt: 1}}, // 0
		{&st.money, &excelize.Style{Alignment: top, NumFmt: 4}},   // #,##0.00
		{&st.decimal, &excelize.Style{Alignment: top}},            // General
	} {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return nil, fmt.Errorf("cell style: %w", err)
		}
		*s.id = id
	}
	for d := 3; d <= document.MaxDecimals; d++ {
		format := "#,##0." + strings.Repeat("0", d)
		id, err := f.NewStyle(&excelize.Style{Alignment: top, CustomNumFmt: &format})
		if err != nil {
			return nil, fmt.Errorf("cell style: %w", err)
		}
		st.fineMoney[d] = id
	}
	return &st, nil
}

// cell returns the XLSX cell for a table cell value: numbers as numbers
// (money with two decimals shown), text as text, nil for an empty cell.
func (st *xlsxStyles) cell(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		return excelize.Cell{StyleID: st.text, Value: v}
	case int:
		return excelize.Cell{StyleID: st.integer, Value: v}
	case *document.Money:
		if v == nil {
			return nil
		}
		// The nearest float64 to the printed amount: exact to the cent up
		// to 15 significant digits, Excel's own precision.
		x, err := strconv.ParseFloat(v.String(), 64)
		if err != nil {
			return excelize.Cell{StyleID: st.text, Value: v.String()}
		}
		if v.Decimals > 2 && v.Decimals <= document.MaxDecimals {
			return excelize.Cell{StyleID: st.fineMoney[v.Decimals], Value: x}
		}
		return excelize.Cell{StyleID: st.money, Value: x}
	case document.Decimal:
		if v == "" {
			return nil
		}
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return excelize.Cell{StyleID: st.text, Value: string(v)}
		}
		return excelize.Cell{StyleID: st.decimal, Value: x}
	}
	return excelize.Cell{StyleID: st.text, Value: fmt.Sprint(v)}
}

// label returns the XLSX cell of a kLabel column: text, not wrapped.
func (st *xlsxStyles) label(v any) any {
	if s, ok := v.(string); ok && s != "" {
		return excelize.Cell{StyleID: st.plain, Value: s}
	}
	return nil
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
