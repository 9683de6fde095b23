package inspect

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/petool/pet/internal/layout/indicatortext"
	"github.com/petool/pet/internal/pdfpage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var corpus = []string{"zengcheng-2023.calc", "zengcheng-2023.chromium"}

// analyze runs the parser over a corpus PDF.
func analyze(t *testing.T, name string) *Analysis {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", name+".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Analyze(data, "", nil, 1)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

// TestReportGolden compares the report of page 1 of each corpus PDF with
// its golden file; go test -run TestReportGolden -update rewrites them.
func TestReportGolden(t *testing.T) {
	for _, name := range corpus {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Report(&b, analyze(t, name), 1); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".page1.report.txt")
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("report of page 1 differs from %s (go test -update rewrites it):\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

// TestReportWidth keeps every report line of the corpus within 120
// terminal columns.
func TestReportWidth(t *testing.T) {
	for _, name := range corpus {
		a := analyze(t, name)
		for p := 1; p <= len(a.Pages); p++ {
			var b bytes.Buffer
			if err := Report(&b, a, p); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(b.String(), "\n") {
				if w := textWidth(line); w > 120 {
					t.Errorf("%s page %d: line %d columns wide: %s", name, p, w, line)
				}
			}
		}
	}
}

// svgElement is an element of an SVG document with its attributes.
type svgElement struct {
	name  string
	attrs map[string]string
}

// parseSVG decodes a whole SVG document and returns its elements, failing
// the test if it is not well-formed XML.
func parseSVG(t *testing.T, doc []byte) []svgElement {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var out []svgElement
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 && (tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg") {
				t.Fatalf("root element %v, want svg in the SVG namespace", tok.Name)
			}
			depth++
			e := svgElement{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 || len(out) == 0 {
		t.Fatalf("SVG ends inside an element or is empty (depth %d, %d elements)", depth, len(out))
	}
	return out
}

func TestSVGCells(t *testing.T) {
	a := analyze(t, "zengcheng-2023.chromium")
	var b bytes.Buffer
	if err := SVG(&b, a, 1); err != nil {
		t.Fatal(err)
	}
	table := TableOn(a, 1)
	if table == nil || len(table.Rows) == 0 || len(table.Columns) == 0 {
		t.Fatal("the parser found no table with rows on page 1")
	}
	cells := map[string]bool{}
	texts := 0
	for _, e := range parseSVG(t, b.Bytes()) {
		if e.name == "text" && e.attrs["class"] == "" {
			texts++
		}
		if e.name != "rect" || e.attrs["class"] != "cell" {
			continue
		}
		key := e.attrs["data-row"] + "," + e.attrs["data-col"]
		if cells[key] {
			t.Errorf("cell %s drawn twice", key)
		}
		cells[key] = true
	}
	if want := len(table.Rows) * len(table.Columns); len(cells) != want {
		t.Errorf("%d rect.cell, want %d rows × %d columns = %d", len(cells), len(table.Rows), len(table.Columns), want)
	}
	for r := 1; r <= len(table.Rows); r++ {
		for c := 1; c <= len(table.Columns); c++ {
			if !cells[fmt.Sprintf("%d,%d", r, c)] {
				t.Errorf("no rect.cell for row %d, column %d", r, c)
			}
		}
	}
	if texts == 0 {
		t.Error("no glyph drawn")
	}
}

// fakeAnalysis is a one-page analysis with a table whose texts need XML
// escaping, and an empty second page.
func fakeAnalysis() *Analysis {
	glyphs := []pdfpage.Glyph{
		{Text: "项", X0: 10, X1: 20, Y: 30, Size: 10, Run: 1},
		{Text: "<&>", X0: 20, X1: 30, Y: 30, Size: 10, Run: 2},
		{Text: "\x01'\"", X0: 30, X1: 40, Y: 30, Size: 10, Run: 2},
		{Text: "绩效目标", X0: 100, X1: 140, Y: 30, Size: 10, Run: 3},
	}
	page := &pdfpage.Page{Number: 1, Width: 200, Height: 100, Glyphs: glyphs, RunFonts: []string{`A&B"<C>`, "F", "F"},
		Rules: []pdfpage.Rule{{X0: 5, Y0: 15, X1: 195, Y1: 15}, {X0: 5, Y0: 15, X1: 5, Y1: 80}}}
	line := indicatortext.Line{Glyphs: glyphs, X0: 10, X1: 140, Y: 30, Size: 10}
	table := &indicatortext.PageTable{
		Page: 1, Header: &indicatortext.Band{Y0: 15, Y1: 35}, Top: 35, Bottom: 80, Ruled: true, OpenBottom: true,
		Columns: []indicatortext.Column{
			{X0: 5, X1: 95, Field: indicatortext.FieldName, Header: "项<&>"},
			{X0: 95, X1: 195, Field: indicatortext.FieldGoal, Header: "绩效目标"},
		},
		Rows: []indicatortext.RowBand{{Band: indicatortext.Band{Y0: 35, Y1: 80}, Cells: []indicatortext.Cell{{Text: "a|b<c>&\x02"}, {Text: "  indented\ttext"}}}},
	}
	return &indicatortext.Analysis{
		Pages:  []*pdfpage.Page{page, {Number: 2, Width: 200, Height: 100}},
		Lines:  [][]indicatortext.Line{{line}, nil},
		Tables: []*indicatortext.PageTable{table},
	}
}

func TestSVGEscapes(t *testing.T) {
	a := fakeAnalysis()
	for p := 1; p <= 2; p++ {
		var b bytes.Buffer
		if err := SVG(&b, a, p); err != nil {
			t.Fatal(err)
		}
		elems := parseSVG(t, b.Bytes())
		n := 0
		for _, e := range elems {
			if e.name == "rect" && e.attrs["class"] == "cell" {
				n++
			}
			if e.name == "text" && e.attrs["data-font"] != "" && e.attrs["data-font"] != "F" && e.attrs["data-font"] != `A&B"<C>` {
				t.Errorf("font name %q came out wrong", e.attrs["data-font"])
			}
		}
		if want := map[int]int{1: 2, 2: 0}[p]; n != want {
			t.Errorf("page %d: %d cells, want %d", p, n, want)
		}
	}
}

func TestReportOfFakePages(t *testing.T) {
	a := fakeAnalysis()
	var b bytes.Buffer
	for p := 1; p <= 2; p++ {
		if err := Report(&b, a, p); err != nil {
			t.Fatal(err)
		}
	}
	out := b.String()
	for _, want := range []string{
		"bottom: OPEN",
		"name   项<&>",
		"| a¦b<c>&",      // "|" in a cell is shown as "¦"
		"|  indented t…", // white space runs shown as one space, clipped
		"== page 2 of 2",
		"table:  none - 0 text lines, 0 glyphs, 0 rules",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if err := Report(&b, a, 3); err == nil || !strings.Contains(err.Error(), "out of range (1-2)") {
		t.Errorf("page 3 of 2: error %v, want out of range (1-2)", err)
	}
}

func TestTextSegments(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, analyze(t, "zengcheng-2023.calc"), 1); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// 部门名称 left and 单位 right on one baseline: two segments.
	for _, want := range []string{
		"== page 1 of 9 (841.9 × 595.3 pt): 47 lines",
		"font F1",
		" 75.6   24.0  330.0   8.5  F2    部门名称：广州市增城区政务服务数据管理局（增城开发区政务服务数据管理局）\n",
		"       775.3  817.8   8.5  F2    单位：万元\n",
		`"    区政务服务大厅水电网络费"`, // leading spaces drawn: quoted
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text of page 1 lacks %q:\n%s", want, out)
		}
	}
}

func TestSplitSegments(t *testing.T) {
	l := indicatortext.Line{Size: 10, Glyphs: []pdfpage.Glyph{
		{Text: "a", X0: 0, X1: 5}, {Text: "b", X0: 15, X1: 20}, // gap 10: one em, same segment
		{Text: "c", X0: 30.5, X1: 35}, // gap 10.5: a new segment
	}}
	segs := splitSegments(l)
	if len(segs) != 2 || segs[0].text() != "ab" || segs[1].text() != "c" || segs[1].x0() != 30.5 || segs[0].x1() != 20 {
		t.Errorf("segments %+v, want ab | c", segs)
	}
	if got := splitSegments(indicatortext.Line{}); len(got) != 0 {
		t.Errorf("empty line: %d segments", len(got))
	}
}

func TestClipAndWidth(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"abc", 5, "abc"},
		{"abcdef", 5, "abcd…"},
		{"项目名称资金", 6, "项目…"},
		{"项目名称", 8, "项目名称"},
		{"a项目", 4, "a项…"},
	} {
		if got := clip(c.in, c.max); got != c.want || textWidth(got) > c.max {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}
