package xlsx

import (
	"fmt"
	"math"
	"strconv"
)

// A Sheet receives the rows of one sheet of a Writer, from the first down.
// It is valid until the Writer's next NewSheet or Close.
type Sheet struct {
	w          *Writer
	rows       int
	autoFilter string // relative range, or ""
	num        []byte // scratch: the row number, a number's digits
}

// A Cell is one cell of a row: a value (text, an integer, a float64, or
// none) and the id of its style (0, the default, or one from AddStyle).
// The zero Cell is an empty cell of the default style, which is not
// written; an empty cell of another style is.
type Cell struct {
	Style int
	kind  cellKind
	text  string
	i     int64
	f     float64
}

type cellKind uint8

const (
	cellEmpty cellKind = iota
	cellText
	cellInt
	cellFloat
)

// Text returns a text cell. The empty string is an empty cell. Text
// longer than MaxCellChars UTF-16 code units is cut there (a character is
// not split), as Excel would; invalid UTF-8 bytes become U+FFFD. Characters
// XML cannot hold (control characters but tab, line feed and carriage
// return; U+FFFE, U+FFFF) are written with SpreadsheetML's _xHHHH_ escape,
// which spreadsheet applications decode.
func Text(s string, style int) Cell {
	if s == "" {
		return Cell{Style: style}
	}
	return Cell{Style: style, kind: cellText, text: s}
}

// Int returns a number cell holding n.
func Int(n int64, style int) Cell { return Cell{Style: style, kind: cellInt, i: n} }

// Float returns a number cell holding x, written with the fewest digits
// that read back as x. NaN and the infinities, which a cell cannot hold,
// are written as the text NaN, +Inf, -Inf.
func Float(x float64, style int) Cell {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return Cell{Style: style, kind: cellText, text: fmt.Sprint(x)}
	}
	return Cell{Style: style, kind: cellFloat, f: x}
}

// start writes the sheet's part up to its first row.
func (s *Sheet) start(dim string, opts SheetOptions, first bool) {
	b := s.w.bw
	b.WriteString(xmlHeader)
	b.WriteString(`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	if dim != "" {
		b.WriteString(`<dimension ref="`)
		b.WriteString(dim)
		b.WriteString(`"/>`)
	}
	b.WriteString(`<sheetViews><sheetView`)
	if first {
		b.WriteString(` tabSelected="1"`)
	}
	b.WriteString(` workbookViewId="0"`)
	if n := opts.FrozenRows; n > 0 {
		b.WriteString(`><pane ySplit="`)
		b.WriteString(strconv.Itoa(n))
		b.WriteString(`" topLeftCell="`)
		b.WriteString(CellName(1, n+1))
		b.WriteString(`" activePane="bottomLeft" state="frozen"/></sheetView>`)
	} else {
		b.WriteString(`/>`)
	}
	b.WriteString(`</sheetViews><sheetFormatPr defaultRowHeight="`)
	b.WriteString(strconv.Itoa(DefaultRowHeight))
	b.WriteString(`"/>`)
	cols := false
	for i, width := range opts.ColWidths {
		if width == 0 {
			continue
		}
		if !cols {
			b.WriteString(`<cols>`)
			cols = true
		}
		n := strconv.Itoa(i + 1)
		b.WriteString(`<col min="`)
		b.WriteString(n)
		b.WriteString(`" max="`)
		b.WriteString(n)
		b.WriteString(`" width="`)
		b.WriteString(strconv.FormatFloat(width, 'f', -1, 64))
		b.WriteString(`" customWidth="1"/>`)
	}
	if cols {
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
}

// Rows returns the number of rows written so far.
func (s *Sheet) Rows() int { return s.rows }

// WriteRow writes the next row: cells[i] in column i+1. height is the
// row's height in points, at most MaxRowHeight; 0 leaves the default
// height (DefaultRowHeight). A sheet holds at most MaxRows rows.
func (s *Sheet) WriteRow(cells []Cell, height float64) error {
	w := s.w
	if err := w.check(); err != nil {
		return err
	}
	if w.cur != s {
		return ErrClosed
	}
	switch {
	case s.rows >= MaxRows:
		return fmt.Errorf("xlsx: more than %d rows", MaxRows)
	case len(cells) > MaxCols:
		return fmt.Errorf("xlsx: row %d: %d cells, more than the %d columns of a sheet", s.rows+1, len(cells), MaxCols)
	case !(height >= 0 && height <= MaxRowHeight):
		return fmt.Errorf("xlsx: row %d: height %v out of range [0, %d]", s.rows+1, height, MaxRowHeight)
	}
	for i := range cells {
		if st := cells[i].Style; st < 0 || st >= w.styles.len() {
			return fmt.Errorf("xlsx: row %d column %d: no style %d", s.rows+1, i+1, st)
		}
	}
	s.rows++
	b := w.bw
	// s.num holds the row number, then scratch digits after it.
	s.num = strconv.AppendInt(s.num[:0], int64(s.rows), 10)
	n := len(s.num)
	b.WriteString(`<row r="`)
	b.Write(s.num)
	if height > 0 {
		b.WriteString(`" ht="`)
		s.num = strconv.AppendFloat(s.num, height, 'f', -1, 64)
		b.Write(s.num[n:])
		b.WriteString(`" customHeight="1`)
	}
	b.WriteString(`">`)
	for i := range cells {
		c := &cells[i]
		if c.kind == cellEmpty && c.Style == 0 {
			continue
		}
		b.WriteString(`<c r="`)
		if i < 26 {
			b.WriteByte(byte('A' + i))
		} else {
			s.num = appendColumn(s.num[:n], i+1)
			b.Write(s.num[n:])
		}
		b.Write(s.num[:n])
		b.WriteByte('"')
		if c.Style != 0 {
			b.WriteString(` s="`)
			s.num = strconv.AppendInt(s.num[:n], int64(c.Style), 10)
			b.Write(s.num[n:])
			b.WriteByte('"')
		}
		switch c.kind {
		case cellEmpty:
			b.WriteString(`/>`)
			continue
		case cellText:
			b.WriteString(` t="inlineStr"><is>`)
			writeCellText(b, c.text)
			b.WriteString(`</is></c>`)
			continue
		case cellInt:
			s.num = strconv.AppendInt(s.num[:n], c.i, 10)
		case cellFloat:
			s.num = appendFloat(s.num[:n], c.f)
		}
		b.WriteString(`><v>`)
		b.Write(s.num[n:])
		b.WriteString(`</v></c>`)
	}
	if _, err := b.WriteString(`</row>`); err != nil {
		return w.fail(err)
	}
	return nil
}

// appendFloat appends x with the fewest digits that parse back to x: in
// plain decimal notation, or with an exponent for a magnitude below 1e-6 or
// from 1e21 (as encoding/json does), where plain digits would run long.
func appendFloat(b []byte, x float64) []byte {
	if a := math.Abs(x); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.AppendFloat(b, x, 'e', -1, 64)
	}
	return strconv.AppendFloat(b, x, 'f', -1, 64)
}
