package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// build writes a workbook with fn and returns its bytes.
func build(t testing.TB, fn func(w *Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := fn(w); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// open reads a workbook with excelize.
func open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// oneColumn writes each cell in column A of its own row of sheet "s".
func oneColumn(t testing.TB, cells []Cell) []byte {
	return build(t, func(w *Writer) error {
		sh, err := w.NewSheet("s", SheetOptions{})
		if err != nil {
			return err
		}
		for _, c := range cells {
			if err := sh.WriteRow([]Cell{c}, 0); err != nil {
				return err
			}
		}
		return nil
	})
}

// excelizeColumn writes the same values with excelize's StreamWriter, the
// writer pet used before.
func excelizeColumn(t testing.TB, values []any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range values {
		if err := sw.SetRow("A"+strconv.Itoa(i+1), []any{v}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cellOf reads a cell's raw value and type.
func cellOf(t testing.TB, f *excelize.File, sheet, ref string) (string, excelize.CellType) {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v, typ
}

var long = strings.Repeat("预算", 15000) + strings.Repeat("a", 10000) // 40,000 characters

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		// sameAsExcelize: excelize's StreamWriter gives the reader the
		// same string (it does not for what it gets wrong, see
		// writeCellText).
		sameAsExcelize bool
	}{
		{"ascii", "hello", "hello", true},
		{"cjk", "广州市增城区政务服务数据管理局（增城开发区）", "广州市增城区政务服务数据管理局（增城开发区）", true},
		{"leading space", "  two", "  two", true},
		{"trailing space", "two  ", "two  ", true},
		{"only spaces", "   ", "   ", true},
		{"tab and newline ends", "\tx\n", "\tx\n", true},
		{"newlines", "line 1\nline 2\r\nline 3\rend", "line 1\nline 2\r\nline 3\rend", true},
		{"markup", `&<>"' &amp; <t>x</t> ]]>`, `&<>"' &amp; <t>x</t> ]]>`, true},
		{"literal escape", "_x0041_", "_x0041_", true},
		{"literal escaped underscore", "_x005F_", "_x005F_", true},
		{"escape of an escape", "_x005F_x0041_", "_x005F_x0041_", true},
		{"lower-case hex", "a_x00e9_b", "a_x00e9_b", true},
		{"not an escape", "_x004_ _xGHIJ_ x0041_ _X0041_", "_x004_ _xGHIJ_ x0041_ _X0041_", true},
		{"emoji", "😀 budget 😀", "😀 budget 😀", true},
		{"40,000 characters", long, strings.Repeat("预算", 15000) + strings.Repeat("a", MaxCellChars-30000), true},
		{"astral at the cut", strings.Repeat("a", 32766) + "😀b", strings.Repeat("a", 32766), true},
		{"invalid UTF-8", "a\xffb\xed\xa0\x80c", "a\uFFFDb\uFFFD\uFFFD\uFFFDc", true},
		// Where excelize writes U+FFFD or misencodes, the text reads back.
		{"control characters", "a\x00b\x01c\x1fd\x7f", "a\x00b\x01c\x1fd\x7f", false},
		{"noncharacters", "\uFFFE\uFFFF\uFFFD", "\uFFFE\uFFFF\uFFFD", false},
		{"control character after an escape", "_x0041\x01", "_x0041\x01", false},
		{"chained escapes", "_x0041_x0042_", "_x0041_x0042_", false},
		{"surrogate hex", "_xD800_", "_xD800_", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := open(t, oneColumn(t, []Cell{Text(tc.in, 0)}))
			got, typ := cellOf(t, f, "s", "A1")
			if got != tc.want {
				t.Errorf("read back %q (%d bytes), want %q (%d bytes)", clip(got), len(got), clip(tc.want), len(tc.want))
			}
			if typ != excelize.CellTypeInlineString {
				t.Errorf("cell type %v, want an inline string", typ)
			}
			if !tc.sameAsExcelize {
				return
			}
			g := open(t, excelizeColumn(t, []any{tc.in}))
			want, wtyp := cellOf(t, g, "Sheet1", "A1")
			if got != want || typ != wtyp {
				t.Errorf("read back %q (%v), excelize's StreamWriter gives %q (%v)", clip(got), typ, clip(want), wtyp)
			}
		})
	}
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:30] + "…" + s[len(s)-30:]
	}
	return s
}

func TestTruncation(t *testing.T) {
	got := truncateUTF16(long, MaxCellChars)
	if n := utf8.RuneCountInString(got); n != MaxCellChars {
		t.Errorf("%d characters, want %d", n, MaxCellChars)
	}
	if !strings.HasPrefix(long, got) {
		t.Error("not a prefix")
	}
	// An astral character is two code units: it does not fit in one.
	if got := truncateUTF16("ab😀", 3); got != "ab" {
		t.Errorf("got %q, want ab", got)
	}
	if got := truncateUTF16("ab😀", 4); got != "ab😀" {
		t.Errorf("got %q, want ab😀", got)
	}
}

// TestPreserve checks xml:space="preserve" where excelize puts it.
func TestPreserve(t *testing.T) {
	for in, want := range map[string]bool{"a": false, " a": true, "a ": true, "\ta": true, "a\n": true, "\ra": true, "a b": false, "\u3000a": false} {
		b := oneColumn(t, []Cell{Text(in, 0)})
		if got := bytes.Contains(part(t, b, "xl/worksheets/sheet1.xml"), []byte(`<t xml:space="preserve">`)); got != want {
			t.Errorf("%q: preserve %v, want %v", in, got, want)
		}
	}
}

func TestNumbers(t *testing.T) {
	floats := []float64{0, 0.1, 0.3, 0.1 + 0.2, 1e15 + 0.01, 1e15 + 0.125, -5651.84, 9.7, 123456789.123456, 1e-6, 1e-7, 1e20, 1e21, 1.5e300,
		math.MaxFloat64, math.SmallestNonzeroFloat64, -math.MaxFloat64, math.Pi, 2.220446049250313e-16}
	ints := []int64{0, 1, -1, 41, 1 << 53, math.MaxInt64, math.MinInt64}
	var cells []Cell
	var values []any
	for _, x := range floats {
		cells = append(cells, Float(x, 0))
		values = append(values, x)
	}
	for _, n := range ints {
		cells = append(cells, Int(n, 0))
		values = append(values, n)
	}
	f := open(t, oneColumn(t, cells))
	g := open(t, excelizeColumn(t, values))
	for i := range cells {
		ref := "A" + strconv.Itoa(i+1)
		raw, typ := cellOf(t, f, "s", ref)
		_, wtyp := cellOf(t, g, "Sheet1", ref)
		if typ != wtyp || typ != excelize.CellTypeUnset {
			t.Errorf("%s: cell type %v, excelize's %v", ref, typ, wtyp)
		}
		if i < len(floats) {
			x, err := strconv.ParseFloat(raw, 64)
			if err != nil || math.Float64bits(x) != math.Float64bits(floats[i]) {
				t.Errorf("%s: %q reads %v, want %v exactly (%v)", ref, raw, x, floats[i], err)
			}
			continue
		}
		if want := strconv.FormatInt(ints[i-len(floats)], 10); raw != want {
			t.Errorf("%s: %q, want %s", ref, raw, want)
		}
	}
	// Plain digits where they are short, as Excel and readers expect.
	b := part(t, oneColumn(t, []Cell{Float(1e15+0.125, 0), Float(0.1, 0), Float(-5651.84, 0), Float(1e-7, 0), Float(1e21, 0)}), "xl/worksheets/sheet1.xml")
	for _, want := range []string{"<v>1000000000000000.1</v>", "<v>0.1</v>", "<v>-5651.84</v>", "<v>1e-07</v>", "<v>1e+21</v>"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("no %s in %s", want, b)
		}
	}
}

// TestNotNumbers checks that NaN and the infinities are text, as excelize
// writes them.
func TestNotNumbers(t *testing.T) {
	f := open(t, oneColumn(t, []Cell{Float(math.NaN(), 0), Float(math.Inf(1), 0), Float(math.Inf(-1), 0)}))
	g := open(t, excelizeColumn(t, []any{math.NaN(), math.Inf(1), math.Inf(-1)}))
	for i, want := range []string{"NaN", "+Inf", "-Inf"} {
		ref := "A" + strconv.Itoa(i+1)
		got, typ := cellOf(t, f, "s", ref)
		wgot, wtyp := cellOf(t, g, "Sheet1", ref)
		if got != want || typ != excelize.CellTypeInlineString || got != wgot || typ != wtyp {
			t.Errorf("%s: %q %v, want %q %v (excelize: %q %v)", ref, got, typ, want, excelize.CellTypeInlineString, wgot, wtyp)
		}
	}
}

func TestEmptyCells(t *testing.T) {
	var style int
	b := build(t, func(w *Writer) error {
		var err error
		if style, err = w.AddStyle(Style{Bold: true}); err != nil {
			return err
		}
		sh, err := w.NewSheet("s", SheetOptions{})
		if err != nil {
			return err
		}
		if err := sh.WriteRow([]Cell{Text("a", 0), {}, Text("", 0), Int(3, 0), {Style: style}, {}}, 0); err != nil {
			return err
		}
		if err := sh.WriteRow(nil, 0); err != nil {
			return err
		}
		return sh.WriteRow([]Cell{{}, Text("b", 0)}, 0)
	})
	f := open(t, b)
	rows, err := f.GetRows("s")
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"a", "", "", "3"}, nil, {"", "b"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
	sheet := string(part(t, b, "xl/worksheets/sheet1.xml"))
	for _, ref := range []string{"B1", "C1", "F1", "A3"} {
		if strings.Contains(sheet, `r="`+ref+`"`) {
			t.Errorf("empty cell %s written", ref)
		}
	}
	if id, err := f.GetCellStyle("s", "E1"); err != nil || id != style {
		t.Errorf("E1 style %d %v, want %d", id, err, style)
	}
	if !strings.Contains(sheet, `<c r="E1" s="1"/>`) {
		t.Error("no styled empty cell E1")
	}
}

func TestStyles(t *testing.T) {
	styles := []Style{
		{Bold: true, Fill: "E7E6E6", VAlign: Center},
		{VAlign: Top},
		{VAlign: Top, Wrap: true},
		{VAlign: Top, NumFmt: 1},
		{VAlign: Top, NumFmt: 4},
		{VAlign: Top, Format: "#,##0.000"},
		{VAlign: Top, Format: "#,##0.000000"},
		{Wrap: true, Fill: "ff0000"},
		{VAlign: Bottom, Format: `0.0" 万元"`},
	}
	var ids []int
	b := build(t, func(w *Writer) error {
		for _, s := range styles {
			id, err := w.AddStyle(s)
			if err != nil {
				return err
			}
			ids = append(ids, id)
			if again, err := w.AddStyle(s); err != nil || again != id {
				t.Errorf("%+v again: %d %v, want %d", s, again, err, id)
			}
		}
		if id, err := w.AddStyle(Style{}); err != nil || id != 0 {
			t.Errorf("zero style: %d %v", id, err)
		}
		if id, err := w.AddStyle(Style{Wrap: true, Fill: "FF0000"}); err != nil || id != ids[7] {
			t.Errorf("upper-case fill: %d %v, want %d", id, err, ids[7])
		}
		sh, err := w.NewSheet("s", SheetOptions{})
		if err != nil {
			return err
		}
		row := []Cell{Text("plain", 0)}
		for _, id := range ids {
			row = append(row, Float(1234.5, id))
		}
		return sh.WriteRow(row, 0)
	})
	if len(ids) != len(styles) || ids[0] == 0 {
		t.Fatalf("ids %v", ids)
	}
	f := open(t, b)
	fills := readStyles(t, b, f)
	get := func(col int) *excelize.Style {
		id, err := f.GetCellStyle("s", CellName(col, 1))
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for i, want := range styles {
		got := get(i + 2)
		name := CellName(i+2, 1)
		if bold := got.Font != nil && got.Font.Bold; bold != want.Bold {
			t.Errorf("%s: bold %v, want %v", name, bold, want.Bold)
		}
		// excelize gives a fill's colour only through a theme, which a
		// workbook of ours does not have: the colour is read from
		// styles.xml.
		wantPattern, wantColor := 0, ""
		if want.Fill != "" {
			wantPattern, wantColor = 1, "FF"+strings.ToUpper(want.Fill)
		}
		if got.Fill.Type != "pattern" || got.Fill.Pattern != wantPattern {
			t.Errorf("%s: fill %+v, want pattern %d", name, got.Fill, wantPattern)
		}
		if c := fills.color(i + 2); c != wantColor {
			t.Errorf("%s: fill colour %q, want %q", name, c, wantColor)
		}
		var valign string
		var wrap bool
		if got.Alignment != nil {
			valign, wrap = got.Alignment.Vertical, got.Alignment.WrapText
		}
		if valign != string(want.VAlign) || wrap != want.Wrap {
			t.Errorf("%s: alignment %q wrap %v, want %q %v", name, valign, wrap, want.VAlign, want.Wrap)
		}
		if want.Format != "" {
			if got.CustomNumFmt == nil || *got.CustomNumFmt != want.Format {
				t.Errorf("%s: format %v, want %s", name, got.CustomNumFmt, want.Format)
			}
		} else if got.NumFmt != want.NumFmt || got.CustomNumFmt != nil {
			t.Errorf("%s: number format %d %v, want %d", name, got.NumFmt, got.CustomNumFmt, want.NumFmt)
		}
	}
	if s := get(1); s.Font != nil && s.Font.Bold || s.Fill.Pattern != 0 || s.NumFmt != 0 || fills.color(1) != "" {
		t.Errorf("default style %+v", s)
	}
	// Numbers show in their format.
	for col, want := range map[int]string{5: "1235", 6: "1,234.50", 7: "1,234.500", 8: "1,234.500000"} {
		if got, err := f.GetCellValue("s", CellName(col, 1)); err != nil || got != want {
			t.Errorf("%s shows %q %v, want %s", CellName(col, 1), got, err, want)
		}
	}
	// Custom formats are numbered from 164, each once.
	st := string(part(t, b, "xl/styles.xml"))
	for _, want := range []string{`<numFmts count="3">`, `numFmtId="164" formatCode="#,##0.000"`, `numFmtId="165" formatCode="#,##0.000000"`,
		`numFmtId="166" formatCode="0.0&quot; 万元&quot;"`, `<fills count="4">`} {
		if !strings.Contains(st, want) {
			t.Errorf("styles.xml: no %s", want)
		}
	}
}

func TestBadStyles(t *testing.T) {
	w := NewWriter(io.Discard)
	for _, s := range []Style{
		{Fill: "E7E6E"}, {Fill: "#E7E6E6"}, {Fill: "GGGGGG"}, {Fill: "FFE7E6E6"},
		{VAlign: "middle"}, {NumFmt: -1}, {NumFmt: 164}, {NumFmt: 4, Format: "0.0"}, {Format: "0\x01"},
	} {
		if id, err := w.AddStyle(s); err == nil {
			t.Errorf("%+v accepted as %d", s, id)
		}
	}
}

func TestLayout(t *testing.T) {
	b := build(t, func(w *Writer) error {
		sh, err := w.NewSheet("projects", SheetOptions{ColWidths: []float64{40, 0, 11.5, MaxColWidth}, FrozenRows: 1, AutoFilter: "A1:D3", Dimension: "A1:D3"})
		if err != nil {
			return err
		}
		for i, h := range []float64{0, 32, MaxRowHeight} {
			if err := sh.WriteRow([]Cell{Text("x", 0), Int(int64(i), 0), {}, Text("y", 0)}, h); err != nil {
				return err
			}
		}
		if sh.Rows() != 3 {
			t.Errorf("Rows() = %d", sh.Rows())
		}
		sh, err = w.NewSheet("indicators", SheetOptions{FrozenRows: 2})
		if err != nil {
			return err
		}
		if err := sh.WriteRow([]Cell{Text("only", 0)}, 0); err != nil {
			return err
		}
		_, err = w.NewSheet("空的", SheetOptions{AutoFilter: "$B$2:$C$9"})
		return err
	})
	f := open(t, b)
	if got, want := f.GetSheetList(), []string{"projects", "indicators", "空的"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet %d", i)
	}
	for col, want := range map[string]float64{"A": 40, "B": 9.140625, "C": 11.5, "D": MaxColWidth, "E": 9.140625} {
		if got, err := f.GetColWidth("projects", col); err != nil || got != want {
			t.Errorf("column %s width %v %v, want %v", col, got, err, want)
		}
	}
	for row, want := range map[int]float64{1: DefaultRowHeight, 2: 32, 3: MaxRowHeight, 4: DefaultRowHeight} {
		if got, err := f.GetRowHeight("projects", row); err != nil || got != want {
			t.Errorf("row %d height %v %v, want %v", row, got, err, want)
		}
	}
	for sheet, want := range map[string]excelize.Panes{
		"projects":   {Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"},
		"indicators": {Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"},
		"空的":         {},
	} {
		got, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		got.Selection = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s panes %+v, want %+v", sheet, got, want)
		}
	}
	wantNames := []excelize.DefinedName{
		{Name: "_xlnm._FilterDatabase", RefersTo: "'projects'!$A$1:$D$3", Scope: "projects"},
		{Name: "_xlnm._FilterDatabase", RefersTo: "'空的'!$B$2:$C$9", Scope: "空的"},
	}
	if got := f.GetDefinedName(); !reflect.DeepEqual(got, wantNames) {
		t.Errorf("defined names %+v, want %+v", got, wantNames)
	}

	// What excelize does not report: the names are hidden, the first
	// sheet alone is selected, the autofilter and dimension.
	var wb struct {
		Names []struct {
			Name   string `xml:"name,attr"`
			Local  string `xml:"localSheetId,attr"`
			Hidden string `xml:"hidden,attr"`
		} `xml:"definedNames>definedName"`
	}
	if err := xml.Unmarshal(part(t, b, "xl/workbook.xml"), &wb); err != nil {
		t.Fatal(err)
	}
	if len(wb.Names) != 2 || wb.Names[0].Local != "0" || wb.Names[1].Local != "2" || wb.Names[0].Hidden != "1" || wb.Names[1].Hidden != "1" {
		t.Errorf("defined names %+v", wb.Names)
	}
	type worksheet struct {
		Views []struct {
			TabSelected string `xml:"tabSelected,attr"`
			Pane        *struct {
				State string `xml:"state,attr"`
			} `xml:"pane"`
		} `xml:"sheetViews>sheetView"`
		Dimension struct {
			Ref string `xml:"ref,attr"`
		} `xml:"dimension"`
		AutoFilter struct {
			Ref string `xml:"ref,attr"`
		} `xml:"autoFilter"`
	}
	for i, want := range []struct{ selected, state, dim, filter string }{
		{"1", "frozen", "A1:D3", "A1:D3"},
		{"", "frozen", "", ""},
		{"", "", "", "B2:C9"},
	} {
		var ws worksheet
		if err := xml.Unmarshal(part(t, b, sheetPart(i+1)), &ws); err != nil {
			t.Fatal(err)
		}
		state := ""
		if len(ws.Views) == 1 && ws.Views[0].Pane != nil {
			state = ws.Views[0].Pane.State
		}
		if len(ws.Views) != 1 || ws.Views[0].TabSelected != want.selected || state != want.state || ws.Dimension.Ref != want.dim || ws.AutoFilter.Ref != want.filter {
			t.Errorf("sheet %d: %+v, want %+v", i+1, ws, want)
		}
	}
}

// schemaOrder is the order of CT_Worksheet's children (ECMA-376 Part 1,
// 18.3.1.99); Excel refuses a sheet whose elements are out of order.
var schemaOrder = []string{"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
	"sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews",
	"mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins",
	"pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors",
	"smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems",
	"tableParts", "extLst"}

// TestWellFormed decodes every part with encoding/xml and checks the order
// of a worksheet's elements and the parts the package names.
func TestWellFormed(t *testing.T) {
	b := build(t, func(w *Writer) error {
		st, err := w.AddStyle(Style{Bold: true, Format: `"<&>"0`})
		if err != nil {
			return err
		}
		for _, name := range []string{"a&b", "it's", "<x>", `"q"`} {
			sh, err := w.NewSheet(name, SheetOptions{ColWidths: []float64{5}, FrozenRows: 1, AutoFilter: "A1:B2", Dimension: "A1:B2"})
			if err != nil {
				return err
			}
			for _, row := range [][]Cell{{Text("&<>\"'\x01\r\n\uFFFE\xff", st), Float(-0.5, st)}, {Int(7, 0), {Style: st}}} {
				if err := sh.WriteRow(row, 20); err != nil {
					return err
				}
			}
		}
		return nil
	})
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		depth, last := 0, -1
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", zf.Name, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				depth++
				if depth == 2 && strings.HasPrefix(zf.Name, "xl/worksheets/") {
					i := indexOf(schemaOrder, tok.Name.Local)
					if i <= last {
						t.Errorf("%s: <%s> out of order", zf.Name, tok.Name.Local)
					}
					last = i
				}
			case xml.EndElement:
				depth--
			}
		}
		rc.Close()
	}
	want := []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
		"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "[Content_Types].xml", "_rels/.rels"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("parts %q, want %q", names, want)
	}
	f := open(t, b)
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"a&b", "it's", "<x>", `"q"`}) {
		t.Errorf("sheets %q", got)
	}
	if got, _ := cellOf(t, f, "it's", "A1"); got != "&<>\"'\x01\r\n\uFFFE\uFFFD" {
		t.Errorf("A1 = %q", got)
	}
	if dn := f.GetDefinedName(); len(dn) != 4 || dn[1].RefersTo != "'it''s'!$A$1:$B$2" || dn[2].RefersTo != "'<x>'!$A$1:$B$2" {
		t.Errorf("defined names %+v", dn)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return len(list)
}

func TestSheetNames(t *testing.T) {
	for _, name := range []string{"a", "projects", strings.Repeat("x", 31), strings.Repeat("预", 31), "it's", "a b", "#1 (2)", "sheet.1", "!@#$%^&()-=+{}|;\",<>`~"} {
		if err := ValidSheetName(name); err != nil {
			t.Errorf("%q refused: %v", name, err)
		}
	}
	for _, name := range []string{"", strings.Repeat("x", 32), strings.Repeat("预", 32), strings.Repeat("😀", 16),
		"a:b", `a\b`, "a/b", "a?b", "a*b", "a[b", "a]b", "'a", "a'", "a\x01b", "a\tb", "a\xffb", "\uFFFE"} {
		if err := ValidSheetName(name); err == nil {
			t.Errorf("%q accepted", name)
		}
		w := NewWriter(io.Discard)
		if _, err := w.NewSheet(name, SheetOptions{}); err == nil {
			t.Errorf("NewSheet(%q) accepted", name)
		}
	}
	w := NewWriter(io.Discard)
	if _, err := w.NewSheet("Data", SheetOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Data", "data", "DATA"} {
		if _, err := w.NewSheet(name, SheetOptions{}); err == nil {
			t.Errorf("second sheet %q accepted", name)
		}
	}
}

func TestRefs(t *testing.T) {
	for in, want := range map[string][2]string{
		"A1": {"A1", "$A$1"}, "A1:R42": {"A1:R42", "$A$1:$R$42"}, "$B$2:$C$9": {"B2:C9", "$B$2:$C$9"},
		"XFD1048576": {"XFD1048576", "$XFD$1048576"}, "AA10:AB10": {"AA10:AB10", "$AA$10:$AB$10"},
	} {
		rel, abs, err := normRef(in)
		if err != nil || rel != want[0] || abs != want[1] {
			t.Errorf("%s: %q %q %v, want %q", in, rel, abs, err, want)
		}
	}
	for _, in := range []string{"", "A", "1", "a1", "A0", "A01", "XFE1", "A1048577", "B2:A3", "A2:B1", "A1:", ":A1", "A1:B2:C3", "A+1", "A1 ", "AAAA1"} {
		if rel, _, err := normRef(in); err == nil {
			t.Errorf("%q accepted as %q", in, rel)
		}
	}
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", MaxCols: "XFD", 0: "", MaxCols + 1: ""} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
		if want != "" {
			if got, err := excelize.ColumnNumberToName(col); err != nil || got != want {
				t.Errorf("excelize names column %d %q", col, got)
			}
		}
	}
	if got := CellName(18, 42); got != "R42" {
		t.Errorf("CellName(18, 42) = %q", got)
	}
	if got := CellName(1, MaxRows+1); got != "" {
		t.Errorf("CellName past the last row = %q", got)
	}
}

// TestWideRow checks cell references past column Z, against excelize's.
func TestWideRow(t *testing.T) {
	row := make([]Cell, 800)
	for i := range row {
		row[i] = Int(int64(i+1), 0)
	}
	f := open(t, build(t, func(w *Writer) error {
		sh, err := w.NewSheet("s", SheetOptions{})
		if err != nil {
			return err
		}
		return sh.WriteRow(row, 0)
	}))
	rows, err := f.GetRows("s")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || len(rows[0]) != len(row) {
		t.Fatalf("%d rows", len(rows))
	}
	for i, v := range rows[0] {
		if v != strconv.Itoa(i+1) {
			t.Fatalf("column %d = %q", i+1, v)
		}
	}
}

func TestErrors(t *testing.T) {
	w := NewWriter(io.Discard)
	if err := w.Close(); err == nil {
		t.Error("a workbook of no sheet closed")
	}
	w = NewWriter(io.Discard)
	for _, opts := range []SheetOptions{
		{FrozenRows: -1}, {FrozenRows: MaxRows}, {ColWidths: []float64{1, -1}}, {ColWidths: []float64{MaxColWidth + 1}},
		{ColWidths: []float64{math.NaN()}}, {ColWidths: make([]float64, MaxCols+1)}, {AutoFilter: "A1:B"}, {Dimension: "1:2"},
	} {
		if _, err := w.NewSheet("s", opts); err == nil {
			t.Errorf("options %+v accepted", opts)
		}
	}
	first, err := w.NewSheet("first", SheetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cells  []Cell
		height float64
	}{
		{[]Cell{{Style: 1}}, 0}, {[]Cell{Text("x", -1)}, 0}, {nil, -1}, {nil, MaxRowHeight + 1}, {nil, math.NaN()},
		{make([]Cell, MaxCols+1), 0},
	} {
		if err := first.WriteRow(tc.cells, tc.height); err == nil {
			t.Errorf("row %v height %v accepted", len(tc.cells), tc.height)
		}
	}
	if first.Rows() != 0 {
		t.Errorf("refused rows counted: %d", first.Rows())
	}
	if _, err := w.NewSheet("second", SheetOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := first.WriteRow(nil, 0); !errors.Is(err, ErrClosed) {
		t.Errorf("row on an ended sheet: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); !errors.Is(err, ErrClosed) {
		t.Errorf("second Close: %v", err)
	}
	if _, err := w.NewSheet("third", SheetOptions{}); !errors.Is(err, ErrClosed) {
		t.Errorf("NewSheet after Close: %v", err)
	}
	if _, err := w.AddStyle(Style{Bold: true}); !errors.Is(err, ErrClosed) {
		t.Errorf("AddStyle after Close: %v", err)
	}
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

var errFull = errors.New("disk full")

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		n := f.n
		f.n = 0
		return n, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

// TestWriteError checks that an error of the io.Writer comes back, and
// again from every later call.
func TestWriteError(t *testing.T) {
	w := NewWriter(&failWriter{n: 1000})
	sh, err := w.NewSheet("s", SheetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	row := []Cell{Text(strings.Repeat("x", 5000), 0), Float(1.5, 0)}
	for i := 0; ; i++ {
		// Incompressible enough to reach the writer soon.
		row[0] = Text(strconv.FormatUint(uint64(i)*0x9E3779B97F4A7C15, 36)+strings.Repeat(strconv.Itoa(i), 300), 0)
		if err = sh.WriteRow(row, 0); err != nil {
			break
		}
		if i > 100000 {
			t.Fatal("no error")
		}
	}
	if !errors.Is(err, errFull) {
		t.Errorf("error %v, want %v", err, errFull)
	}
	if err := sh.WriteRow(row, 0); !errors.Is(err, errFull) {
		t.Errorf("next row: %v", err)
	}
	if err := w.Close(); !errors.Is(err, errFull) {
		t.Errorf("Close: %v", err)
	}
}

// TestMaxRows writes a full sheet and one row more.
func TestMaxRows(t *testing.T) {
	if testing.Short() {
		t.Skip("a million rows")
	}
	w := NewWriter(io.Discard)
	sh, err := w.NewSheet("s", SheetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range MaxRows {
		if err := sh.WriteRow(nil, 0); err != nil {
			t.Fatalf("row %d: %v", i+1, err)
		}
	}
	if err := sh.WriteRow(nil, 0); err == nil {
		t.Error("row past MaxRows accepted")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// cellFills resolves the fill colour of the cells of row 1 of sheet s.
type cellFills struct {
	t      testing.TB
	f      *excelize.File
	xfs    []int    // fill id by style id
	colors []string // fgColor rgb by fill id
}

func readStyles(t testing.TB, b []byte, f *excelize.File) cellFills {
	var ss struct {
		Fills []struct {
			Pattern struct {
				Type string `xml:"patternType,attr"`
				Fg   struct {
					RGB string `xml:"rgb,attr"`
				} `xml:"fgColor"`
			} `xml:"patternFill"`
		} `xml:"fills>fill"`
		Xfs []struct {
			Fill int `xml:"fillId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal(part(t, b, "xl/styles.xml"), &ss); err != nil {
		t.Fatal(err)
	}
	c := cellFills{t: t, f: f}
	for _, x := range ss.Xfs {
		c.xfs = append(c.xfs, x.Fill)
	}
	for _, fl := range ss.Fills {
		if fl.Pattern.Type == "solid" {
			c.colors = append(c.colors, fl.Pattern.Fg.RGB)
		} else {
			c.colors = append(c.colors, "")
		}
	}
	return c
}

func (c cellFills) color(col int) string {
	id, err := c.f.GetCellStyle("s", CellName(col, 1))
	if err != nil {
		c.t.Fatal(err)
	}
	return c.colors[c.xfs[id]]
}

// part returns a part of a workbook.
func part(t testing.TB, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			p, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}
