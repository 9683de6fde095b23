package xlsx

import (
	"bufio"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// A Style is the look of a cell. The zero Style is the default one (style
// id 0): Calibri 11, no fill, bottom-aligned, not wrapped, number format
// General.
type Style struct {
	Bold bool
	// Fill is a solid fill colour, RRGGBB in hex ("E7E6E6"); "" for none.
	Fill   string
	VAlign VAlign
	Wrap   bool // wrap text in the column's width
	// NumFmt is a built-in number format id: 0 General, 1 "0", 2 "0.00",
	// 3 "#,##0", 4 "#,##0.00", …, 49 "@" (ECMA-376 Part 1, 18.8.30).
	NumFmt int
	// Format is a custom number format code ("#,##0.000"); it needs NumFmt
	// 0.
	Format string
}

// VAlign is a cell's vertical alignment.
type VAlign string

// The vertical alignments; the default (VAlignDefault) is bottom.
const (
	VAlignDefault VAlign = ""
	Top           VAlign = "top"
	Center        VAlign = "center"
	Bottom        VAlign = "bottom"
)

// firstCustomFormat is the id of the first custom number format; the ids
// below are built in.
const firstCustomFormat = 164

// AddStyle registers a style and returns its id, for Cell.Style. The same
// style gets the same id; the zero Style is 0.
func (w *Writer) AddStyle(s Style) (int, error) {
	if err := w.check(); err != nil {
		return 0, err
	}
	if id, ok := w.styles.ids[s]; ok {
		return id, nil
	}
	if err := s.validate(); err != nil {
		return 0, err
	}
	return w.styles.add(s), nil
}

func (s Style) validate() error {
	if s.Fill != "" {
		if len(s.Fill) != 6 || strings.Trim(s.Fill, "0123456789abcdefABCDEF") != "" {
			return fmt.Errorf("xlsx: fill colour %q is not RRGGBB", s.Fill)
		}
	}
	switch s.VAlign {
	case VAlignDefault, Top, Center, Bottom:
	default:
		return fmt.Errorf("xlsx: unknown vertical alignment %q", s.VAlign)
	}
	if s.NumFmt < 0 || s.NumFmt >= firstCustomFormat {
		return fmt.Errorf("xlsx: built-in number format %d out of range [0, %d)", s.NumFmt, firstCustomFormat)
	}
	if s.Format != "" {
		if s.NumFmt != 0 {
			return errors.New("xlsx: a style has a built-in number format or a custom one, not both")
		}
		for _, r := range s.Format {
			if !isXMLChar(r) || r == 0xFFFD {
				return fmt.Errorf("xlsx: number format %q holds %U", s.Format, r)
			}
		}
	}
	return nil
}

// styleTable holds the cell formats (xf) of styles.xml and what they refer
// to.
type styleTable struct {
	ids     map[Style]int
	xfs     []Style  // by style id
	fills   []string // fill i+2 (0 and 1 are the mandatory none and gray125)
	formats []string // custom number format firstCustomFormat+i
	bold    bool     // font 1, bold, is used
}

func newStyleTable() styleTable {
	return styleTable{ids: map[Style]int{{}: 0}, xfs: []Style{{}}}
}

func (t *styleTable) len() int { return len(t.xfs) }

func (t *styleTable) add(s Style) int {
	if s.Fill != "" {
		s.Fill = strings.ToUpper(s.Fill)
		if id, ok := t.ids[s]; ok {
			return id
		}
	}
	id := len(t.xfs)
	t.xfs = append(t.xfs, s)
	t.ids[s] = id
	if s.Fill != "" && t.fillID(s.Fill) < 0 {
		t.fills = append(t.fills, s.Fill)
	}
	if s.Format != "" && t.formatID(s.Format) < 0 {
		t.formats = append(t.formats, s.Format)
	}
	t.bold = t.bold || s.Bold
	return id
}

func (t *styleTable) fillID(c string) int {
	for i, f := range t.fills {
		if f == c {
			return i + 2
		}
	}
	return -1
}

func (t *styleTable) formatID(code string) int {
	for i, f := range t.formats {
		if f == code {
			return firstCustomFormat + i
		}
	}
	return -1
}

// write writes styles.xml: the mandatory defaults (font 0, fills none and
// gray125, border 0, the Normal cell style) and an xf per style.
func (t *styleTable) write(b *bufio.Writer) {
	itoa := strconv.Itoa
	b.WriteString(xmlHeader)
	b.WriteString(`<styleSheet xmlns="` + nsMain + `">`)
	if len(t.formats) > 0 {
		b.WriteString(`<numFmts count="` + itoa(len(t.formats)) + `">`)
		for i, f := range t.formats {
			b.WriteString(`<numFmt numFmtId="` + itoa(firstCustomFormat+i) + `" formatCode="`)
			writeEscaped(b, f)
			b.WriteString(`"/>`)
		}
		b.WriteString(`</numFmts>`)
	}
	const font = `<sz val="11"/><name val="Calibri"/><family val="2"/></font>`
	if t.bold {
		b.WriteString(`<fonts count="2"><font>` + font + `<font><b/>` + font + `</fonts>`)
	} else {
		b.WriteString(`<fonts count="1"><font>` + font + `</fonts>`)
	}
	b.WriteString(`<fills count="` + itoa(2+len(t.fills)) + `">`)
	b.WriteString(`<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`)
	for _, c := range t.fills {
		b.WriteString(`<fill><patternFill patternType="solid"><fgColor rgb="FF` + c + `"/><bgColor indexed="64"/></patternFill></fill>`)
	}
	b.WriteString(`</fills>`)
	b.WriteString(`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`)
	b.WriteString(`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	b.WriteString(`<cellXfs count="` + itoa(len(t.xfs)) + `">`)
	for _, s := range t.xfs {
		numFmt, font, fill := s.NumFmt, 0, 0
		if s.Format != "" {
			numFmt = t.formatID(s.Format)
		}
		if s.Bold {
			font = 1
		}
		if s.Fill != "" {
			fill = t.fillID(s.Fill)
		}
		b.WriteString(`<xf numFmtId="` + itoa(numFmt) + `" fontId="` + itoa(font) + `" fillId="` + itoa(fill) + `" borderId="0" xfId="0"`)
		if numFmt != 0 {
			b.WriteString(` applyNumberFormat="1"`)
		}
		if font != 0 {
			b.WriteString(` applyFont="1"`)
		}
		if fill != 0 {
			b.WriteString(` applyFill="1"`)
		}
		if s.VAlign == VAlignDefault && !s.Wrap {
			b.WriteString(`/>`)
			continue
		}
		b.WriteString(` applyAlignment="1"><alignment`)
		if s.VAlign != VAlignDefault {
			b.WriteString(` vertical="` + string(s.VAlign) + `"`)
		}
		if s.Wrap {
			b.WriteString(` wrapText="1"`)
		}
		b.WriteString(`/></xf>`)
	}
	b.WriteString(`</cellXfs>`)
	b.WriteString(`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`)
	b.WriteString(`<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>`)
	b.WriteString(`</styleSheet>`)
}
