// Package xlsx writes an XLSX workbook (Office Open XML SpreadsheetML) as a
// stream: sheets are written one after the other, row by row, straight into
// a zip archive on an io.Writer, so memory does not grow with the number of
// rows.
//
// It writes what a table export needs and nothing more: text and numbers,
// cell styles (bold, a fill colour, vertical alignment, wrapping, a number
// format), column widths, row heights, frozen header rows and an autofilter.
// Strings are written as inline strings (no shared string table, which
// would have to be held in memory until the end).
//
// Usage:
//
//	w := xlsx.NewWriter(out)
//	bold, err := w.AddStyle(xlsx.Style{Bold: true})
//	sh, err := w.NewSheet("data", xlsx.SheetOptions{FrozenRows: 1})
//	err = sh.WriteRow([]xlsx.Cell{xlsx.Text("name", bold), xlsx.Text("total", bold)}, 0)
//	err = sh.WriteRow([]xlsx.Cell{xlsx.Text("合计", 0), xlsx.Float(5651.84, 0)}, 0)
//	err = w.Close()
//
// A sheet ends when the next one starts or on Close, which writes the
// workbook's other parts and the zip directory (it does not close the
// io.Writer). Styles may be added at any time before Close. A Writer is not
// safe for concurrent use; after an error every later call returns it.
package xlsx

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Excel's limits.
const (
	MaxRows          = 1 << 20 // rows of a sheet, 1,048,576
	MaxCols          = 1 << 14 // columns of a sheet, 16,384 (A to XFD)
	MaxCellChars     = 32767   // UTF-16 code units of a cell's text; longer text is cut
	MaxSheetNameLen  = 31      // UTF-16 code units of a sheet name
	MaxRowHeight     = 409     // points
	MaxColWidth      = 255     // characters
	DefaultRowHeight = 15      // points: the default row height the sheets declare
)

// ErrClosed is returned by a call on a Writer after Close, or on a Sheet
// after the next sheet was started.
var ErrClosed = errors.New("xlsx: sheet or workbook already closed")

// A Writer writes one workbook.
type Writer struct {
	zw     *zip.Writer
	bw     *bufio.Writer
	sheets []sheetEntry
	cur    *Sheet
	styles styleTable
	err    error
	closed bool
}

// sheetEntry is what the workbook part needs of a written sheet.
type sheetEntry struct {
	name       string
	autoFilter string // its range, absolute ($A$1:$R$42), or ""
}

// NewWriter returns a Writer writing the workbook to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{zw: zip.NewWriter(w), bw: bufio.NewWriterSize(nil, 32<<10), styles: newStyleTable()}
}

// SheetOptions are a sheet's layout, set before its first row.
type SheetOptions struct {
	// ColWidths[i] is the width of column i+1 in characters (0 leaves the
	// default width), at most MaxColWidth.
	ColWidths []float64
	// FrozenRows is the number of rows at the top that stay in view when
	// scrolling (a frozen pane; 1 for a header row).
	FrozenRows int
	// AutoFilter is the range of an autofilter, header row included, as
	// "A1:R42"; "" for none.
	AutoFilter string
	// Dimension is the sheet's used range, as "A1:R42"; optional (readers
	// compute it when it is missing), but a sheet is streamed, so only the
	// caller can know it before the rows.
	Dimension string
}

// NewSheet ends the current sheet, if any, and starts a sheet named name,
// which becomes the one rows are written to. The first sheet is the one
// selected when the workbook opens. name must be a valid Excel sheet name
// (see ValidSheetName) not used by an earlier sheet, compared without case
// as Excel does.
func (w *Writer) NewSheet(name string, opts SheetOptions) (*Sheet, error) {
	if err := w.check(); err != nil {
		return nil, err
	}
	if err := ValidSheetName(name); err != nil {
		return nil, err
	}
	for _, s := range w.sheets {
		if strings.EqualFold(s.name, name) {
			return nil, fmt.Errorf("xlsx: sheet name %q used twice", name)
		}
	}
	if opts.FrozenRows < 0 || opts.FrozenRows >= MaxRows {
		return nil, fmt.Errorf("xlsx: sheet %q: %d frozen rows", name, opts.FrozenRows)
	}
	if len(opts.ColWidths) > MaxCols {
		return nil, fmt.Errorf("xlsx: sheet %q: %d column widths, more than the %d columns of a sheet", name, len(opts.ColWidths), MaxCols)
	}
	for i, cw := range opts.ColWidths {
		if !(cw >= 0 && cw <= MaxColWidth) {
			return nil, fmt.Errorf("xlsx: sheet %q: column %d width %v out of range [0, %d]", name, i+1, cw, MaxColWidth)
		}
	}
	var filter, filterAbs, dim string
	if opts.AutoFilter != "" {
		var err error
		if filter, filterAbs, err = normRef(opts.AutoFilter); err != nil {
			return nil, fmt.Errorf("xlsx: sheet %q: autofilter: %w", name, err)
		}
	}
	if opts.Dimension != "" {
		var err error
		if dim, _, err = normRef(opts.Dimension); err != nil {
			return nil, fmt.Errorf("xlsx: sheet %q: dimension: %w", name, err)
		}
	}
	if err := w.endSheet(); err != nil {
		return nil, err
	}
	part, err := w.zw.CreateHeader(&zip.FileHeader{Name: sheetPart(len(w.sheets) + 1), Method: zip.Deflate})
	if err != nil {
		return nil, w.fail(err)
	}
	w.bw.Reset(part)
	w.sheets = append(w.sheets, sheetEntry{name: name, autoFilter: filterAbs})
	s := &Sheet{w: w, autoFilter: filter}
	w.cur = s
	s.start(dim, opts, len(w.sheets) == 1)
	return s, nil
}

// Close ends the last sheet and writes the rest of the workbook. There must
// be at least one sheet. Close does not close the underlying io.Writer.
func (w *Writer) Close() error {
	if err := w.check(); err != nil {
		return err
	}
	if len(w.sheets) == 0 {
		return w.fail(errors.New("xlsx: a workbook needs a sheet"))
	}
	if err := w.endSheet(); err != nil {
		return err
	}
	for _, p := range []struct {
		name  string
		write func(*bufio.Writer)
	}{
		{"xl/workbook.xml", w.writeWorkbook},
		{"xl/_rels/workbook.xml.rels", w.writeWorkbookRels},
		{"xl/styles.xml", w.styles.write},
		{"[Content_Types].xml", w.writeContentTypes},
		{"_rels/.rels", writeRootRels},
	} {
		part, err := w.zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return w.fail(err)
		}
		w.bw.Reset(part)
		p.write(w.bw)
		if err := w.bw.Flush(); err != nil {
			return w.fail(err)
		}
	}
	if err := w.zw.Close(); err != nil {
		return w.fail(err)
	}
	w.closed = true
	return nil
}

// check returns the error that stops any further call.
func (w *Writer) check() error {
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return ErrClosed
	}
	return nil
}

// fail records err as the Writer's error.
func (w *Writer) fail(err error) error {
	if w.err == nil {
		w.err = err
	}
	return w.err
}

// endSheet completes the current sheet.
func (w *Writer) endSheet() error {
	s := w.cur
	if s == nil {
		return nil
	}
	w.cur = nil
	b := w.bw
	b.WriteString("</sheetData>")
	if s.autoFilter != "" {
		b.WriteString(`<autoFilter ref="`)
		b.WriteString(s.autoFilter)
		b.WriteString(`"/>`)
	}
	b.WriteString("</worksheet>")
	if err := b.Flush(); err != nil {
		return w.fail(err)
	}
	return nil
}

func sheetPart(n int) string { return "xl/worksheets/sheet" + strconv.Itoa(n) + ".xml" }

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel  = "http://schemas.openxmlformats.org/package/2006/relationships"
)

func (w *Writer) writeWorkbook(b *bufio.Writer) {
	b.WriteString(xmlHeader)
	b.WriteString(`<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	b.WriteString(`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range w.sheets {
		b.WriteString(`<sheet name="`)
		writeEscaped(b, s.name)
		b.WriteString(`" sheetId="`)
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(`" r:id="rId`)
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(`"/>`)
	}
	b.WriteString(`</sheets>`)
	// Excel keeps a sheet's autofilter range as the hidden, sheet-local
	// name _xlnm._FilterDatabase, and writes it with the filter.
	names := false
	for i, s := range w.sheets {
		if s.autoFilter == "" {
			continue
		}
		if !names {
			b.WriteString(`<definedNames>`)
			names = true
		}
		b.WriteString(`<definedName name="_xlnm._FilterDatabase" localSheetId="`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`" hidden="1">`)
		writeEscaped(b, "'"+strings.ReplaceAll(s.name, "'", "''")+"'!"+s.autoFilter)
		b.WriteString(`</definedName>`)
	}
	if names {
		b.WriteString(`</definedNames>`)
	}
	b.WriteString(`</workbook>`)
}

func (w *Writer) writeWorkbookRels(b *bufio.Writer) {
	b.WriteString(xmlHeader)
	b.WriteString(`<Relationships xmlns="` + nsPkgRel + `">`)
	for i := range w.sheets {
		b.WriteString(`<Relationship Id="rId`)
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(`" Type="` + nsRel + `/worksheet" Target="worksheets/sheet`)
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(`.xml"/>`)
	}
	b.WriteString(`<Relationship Id="rId`)
	b.WriteString(strconv.Itoa(len(w.sheets) + 1))
	b.WriteString(`" Type="` + nsRel + `/styles" Target="styles.xml"/></Relationships>`)
}

func (w *Writer) writeContentTypes(b *bufio.Writer) {
	const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
	b.WriteString(xmlHeader)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Override PartName="/xl/workbook.xml" ContentType="` + ct + `sheet.main+xml"/>`)
	b.WriteString(`<Override PartName="/xl/styles.xml" ContentType="` + ct + `styles+xml"/>`)
	for i := range w.sheets {
		b.WriteString(`<Override PartName="/`)
		b.WriteString(sheetPart(i + 1))
		b.WriteString(`" ContentType="` + ct + `worksheet+xml"/>`)
	}
	b.WriteString(`</Types>`)
}

func writeRootRels(b *bufio.Writer) {
	b.WriteString(xmlHeader)
	b.WriteString(`<Relationships xmlns="` + nsPkgRel + `">`)
	b.WriteString(`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/>`)
	b.WriteString(`</Relationships>`)
}

// ValidSheetName reports whether name can name a sheet, as Excel checks it:
// not empty, at most MaxSheetNameLen UTF-16 code units, none of : \ / ? * [ ],
// not starting or ending with an apostrophe; and valid UTF-8 without
// control characters (an XML attribute would turn a tab into a space).
func ValidSheetName(name string) error {
	switch {
	case name == "":
		return errors.New("xlsx: empty sheet name")
	case !utf8.ValidString(name):
		return fmt.Errorf("xlsx: sheet name %q is not UTF-8", name)
	case utf16Len(name) > MaxSheetNameLen:
		return fmt.Errorf("xlsx: sheet name %q longer than %d characters", name, MaxSheetNameLen)
	case strings.ContainsAny(name, `:\/?*[]`):
		return fmt.Errorf(`xlsx: sheet name %q holds one of : \ / ? * [ ]`, name)
	case name[0] == '\'' || name[len(name)-1] == '\'':
		return fmt.Errorf("xlsx: sheet name %q starts or ends with an apostrophe", name)
	}
	for _, r := range name {
		if r < 0x20 || !isXMLChar(r) {
			return fmt.Errorf("xlsx: sheet name %q holds the control character %U", name, r)
		}
	}
	return nil
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// ColumnName returns the letters of column col (1 → A, 27 → AA), for
// 1 ≤ col ≤ MaxCols; "" otherwise.
func ColumnName(col int) string {
	if col < 1 || col > MaxCols {
		return ""
	}
	return string(appendColumn(nil, col))
}

// CellName returns the reference of the cell at column col and row row,
// both from 1 (1, 1 → A1); "" when either is out of range.
func CellName(col, row int) string {
	if col < 1 || col > MaxCols || row < 1 || row > MaxRows {
		return ""
	}
	return string(strconv.AppendInt(appendColumn(nil, col), int64(row), 10))
}

func appendColumn(b []byte, col int) []byte {
	var buf [3]byte
	i := len(buf)
	for col > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, buf[i:]...)
}

// normRef checks a cell or range reference (A1, A1:R42, $A$1:$R$42) and
// returns it in relative form (A1:R42), as a worksheet writes it, and in
// absolute form ($A$1:$R$42), as Excel writes names.
func normRef(ref string) (rel, abs string, err error) {
	first, second, isRange := strings.Cut(ref, ":")
	c1, r1, ok := parseCell(first)
	c2, r2 := c1, r1
	if ok && isRange {
		c2, r2, ok = parseCell(second)
	}
	if !ok || c2 < c1 || r2 < r1 {
		return "", "", fmt.Errorf("bad reference %q", ref)
	}
	var a, b []byte
	a = strconv.AppendInt(appendColumn(a, c1), int64(r1), 10)
	b = append(appendColumn(append(b, '$'), c1), '$')
	b = strconv.AppendInt(b, int64(r1), 10)
	if isRange {
		a = strconv.AppendInt(appendColumn(append(a, ':'), c2), int64(r2), 10)
		b = append(appendColumn(append(b, ':', '$'), c2), '$')
		b = strconv.AppendInt(b, int64(r2), 10)
	}
	return string(a), string(b), nil
}

// parseCell reads a cell reference such as B7 or $B$7.
func parseCell(s string) (col, row int, ok bool) {
	i := 0
	if i < len(s) && s[i] == '$' {
		i++
	}
	start := i
	for i < len(s) && i-start < 3 && 'A' <= s[i] && s[i] <= 'Z' {
		col = col*26 + int(s[i]-'A'+1)
		i++
	}
	if i == start || col > MaxCols {
		return 0, 0, false
	}
	if i < len(s) && s[i] == '$' {
		i++
	}
	if i == len(s) || s[i] == '0' {
		return 0, 0, false
	}
	n, err := strconv.Atoi(s[i:])
	if err != nil || n < 1 || n > MaxRows || strings.ContainsAny(s[i:], "+-") {
		return 0, 0, false
	}
	return col, n, true
}
