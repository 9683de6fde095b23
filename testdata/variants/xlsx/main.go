// Command xlsx writes a budget table workbook from a JSON description on
// standard input; gen.py converts it to PDF with LibreOffice Calc. It lives
// under testdata so the go tool ignores it in ./... and the tests never run
// it: go run ./testdata/variants/xlsx OUT.xlsx < spec.json
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

type spec struct {
	Title, Department, Currency string
	Widths                      []float64
	Font                        string
	Size                        float64
	VAlign                      string
	Indent                      string // "spaces" or "style"
	Orientation, Paper          string
	RepeatHeader                bool
	Rows                        []struct {
		Level, Name, Goal, Indicators string
		Money                         []*string
	}
}

func main() {
	var s spec
	if err := json.NewDecoder(os.Stdin).Decode(&s); err != nil {
		fail(err)
	}
	f := excelize.NewFile()
	sh := "Sheet1"
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	font := &excelize.Font{Family: s.Font, Size: s.Size}
	style := func(h string, indent int) int {
		id, err := f.NewStyle(&excelize.Style{Border: border, Font: font,
			Alignment: &excelize.Alignment{Horizontal: h, Vertical: s.VAlign, WrapText: true, Indent: indent}})
		if err != nil {
			fail(err)
		}
		return id
	}
	text, center, right, indented := style("left", 0), style("center", 0), style("right", 0), style("left", 2)
	titleStyle, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: s.Font, Size: s.Size + 6}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	plain, _ := f.NewStyle(&excelize.Style{Font: font})
	cols := "ABCDEFG"
	for i, w := range s.Widths {
		f.SetColWidth(sh, cols[i:i+1], cols[i:i+1], w)
	}
	f.MergeCell(sh, "A1", "G1")
	f.SetCellValue(sh, "A1", s.Title)
	f.SetCellStyle(sh, "A1", "A1", titleStyle)
	f.SetCellValue(sh, "A2", "部门名称："+s.Department)
	f.SetCellValue(sh, "G2", "单位："+s.Currency)
	f.SetCellStyle(sh, "A2", "G2", plain)
	header := []string{"项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"}
	for i, h := range header {
		cell := fmt.Sprintf("%c3", cols[i])
		f.SetCellValue(sh, cell, h)
		f.SetCellStyle(sh, cell, cell, center)
	}
	f.SetRowHeight(sh, 3, 2*s.Size*1.4+4)
	for r, row := range s.Rows {
		n := r + 4
		name := row.Name
		nameStyle := text
		if row.Level == "project" {
			if s.Indent == "spaces" {
				name = "    " + name
			} else {
				nameStyle = indented
			}
		}
		f.SetCellValue(sh, fmt.Sprintf("A%d", n), name)
		f.SetCellStyle(sh, fmt.Sprintf("A%d", n), fmt.Sprintf("A%d", n), nameStyle)
		for k, m := range row.Money {
			cell := fmt.Sprintf("%c%d", cols[k+1], n)
			if m != nil {
				f.SetCellValue(sh, cell, *m) // as printed text, so the PDF shows exactly this
			}
			f.SetCellStyle(sh, cell, cell, right)
		}
		// Neither excelize nor Calc sizes wrapped rows on load: estimate
		// the lines of the tallest cell from the column widths.
		lines := 1
		for k, t := range []string{name, row.Goal, row.Indicators} {
			col := []int{0, 5, 6}[k]
			perLine := int(s.Widths[col]*7.5/(s.Size*1.05)) - 1
			if n := (len([]rune(t)) + perLine - 1) / perLine; n > lines {
				lines = n
			}
		}
		f.SetRowHeight(sh, n, float64(lines)*s.Size*1.4+4)
		f.SetCellValue(sh, fmt.Sprintf("F%d", n), row.Goal)
		f.SetCellValue(sh, fmt.Sprintf("G%d", n), row.Indicators)
		f.SetCellStyle(sh, fmt.Sprintf("F%d", n), fmt.Sprintf("G%d", n), text)
	}
	orientation := s.Orientation
	paper := 9 // A4
	if s.Paper == "A3" {
		paper = 8
	}
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: &orientation, Size: &paper}); err != nil {
		fail(err)
	}
	if s.RepeatHeader {
		f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "Sheet1!$3:$3", Scope: "Sheet1"})
	}
	if err := f.SaveAs(os.Args[1]); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
