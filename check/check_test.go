package check

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/petool/pet/document"
	"github.com/petool/pet/indicator"
)

func money(s string) *document.Money {
	if s == "" {
		return nil
	}
	m, err := document.ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return &m
}

const okIndicators = "1、1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1。"

// row builds a row on page seq/10+1; amounts fill 总计, 财政拨款, 财政专户拨款,
// 其他资金 in order ("" is an empty cell). Projects get a well-formed
// indicators text.
func row(seq int, level, name string, amounts ...string) document.Row {
	r := document.Row{Seq: seq, Level: level, Name: name, Page: seq/10 + 1}
	if level == document.LevelProject {
		r.IndicatorsText = okIndicators
		r.Indicators, _ = indicator.Parse(okIndicators)
	}
	cols := []**document.Money{&r.Total, &r.FiscalAppropriation, &r.FiscalSpecialAccount, &r.OtherFunds}
	for i, a := range amounts {
		*cols[i] = money(a)
	}
	return r
}

func withIndicators(r document.Row, text string) document.Row {
	r.IndicatorsText = text
	r.Indicators, _ = indicator.Parse(text)
	return r
}

// show renders a warning as "code row/page message".
func show(w document.Warning) string {
	return fmt.Sprintf("%s %d/%d %s", w.Code, w.Row, w.Page, w.Message)
}

func TestChecks(t *testing.T) {
	const (
		total   = document.LevelTotal
		unit    = document.LevelUnit
		project = document.LevelProject
	)
	for _, tc := range []struct {
		name string
		rows []document.Row
		want []string
	}{
		{
			name: "everything adds up",
			rows: []document.Row{
				row(1, total, "合计", "5,651.84", "5,651.84"),
				row(2, unit, "局", "5,651.84", "5,651.84"),
				row(3, project, "甲", "5,640.84", "5,640.84"),
				row(4, project, "乙", "11.00", "11.00"),
			},
		},
		{
			name: "unit differs from its projects in two columns",
			rows: []document.Row{
				row(1, total, "合计", "5,651.84", "5,651.84"),
				row(2, unit, "广州市增城区政务服务数据管理局", "5,651.84", "5,651.84"),
				row(3, project, "甲", "5,640.84", "5,640.84"),
			},
			want: []string{
				"unit-sum-mismatch 2/1 unit 广州市增城区政务服务数据管理局: 总计: projects sum to 5,640.84, unit row says 5,651.84",
				"unit-sum-mismatch 2/1 unit 广州市增城区政务服务数据管理局: 财政拨款: projects sum to 5,640.84, unit row says 5,651.84",
			},
		},
		{
			name: "a unit cell left empty while its projects print amounts",
			rows: []document.Row{
				row(1, unit, "局", "10.00", "", "10.00"),
				row(2, project, "甲", "10.00", "4.00", "6.00"),
			},
			want: []string{
				"unit-sum-mismatch 1/1 unit 局: 财政拨款: projects sum to 4.00, unit row leaves it empty",
				"unit-sum-mismatch 1/1 unit 局: 财政专户拨款: projects sum to 6.00, unit row says 10.00",
			},
		},
		{
			name: "a unit amount where its projects print nothing",
			rows: []document.Row{
				row(1, unit, "局", "10.00", "10.00", "", "0.02"),
				row(2, project, "甲", "10.00", "10.00"),
			},
			want: []string{
				"row-sum-mismatch 1/1 局: 总计 is 10.00, its sources sum to 10.02",
				"unit-sum-mismatch 1/1 unit 局: 其他资金: projects leave it empty, unit row says 0.02",
			},
		},
		{
			name: "empty columns everywhere are not compared; a unit without projects is not compared",
			rows: []document.Row{
				row(1, unit, "甲局", "10.00", "10.00"),
				row(2, project, "甲", "10.00", "10.00"),
				row(3, unit, "空局", "99.00", "99.00"),
				row(4, unit, "乙局", "1.00", "1.00"),
				row(5, project, "乙", "1.00", "1.00"),
			},
		},
		{
			name: "only the unit that is off is named",
			rows: []document.Row{
				row(1, unit, "甲局", "10.00"),
				row(2, project, "甲", "10.00"),
				row(3, unit, "乙局", "5.00"),
				row(4, project, "乙一", "2.00"),
				row(5, project, "乙二", "2.98"),
			},
			want: []string{"unit-sum-mismatch 3/1 unit 乙局: 总计: projects sum to 4.98, unit row says 5.00"},
		},
		{
			name: "total differs from its units",
			rows: []document.Row{
				row(1, total, "合计", "100.00"),
				row(2, unit, "甲局", "60.00"),
				row(3, project, "甲", "60.00"),
				row(4, unit, "乙局", "30.00"),
				row(5, project, "乙", "30.00"),
			},
			want: []string{"total-sum-mismatch 1/1 total: 总计: units sum to 90.00, 合计 row says 100.00"},
		},
		{
			name: "total left empty in a column its units print",
			rows: []document.Row{
				row(1, total, "合计", "", "", "", ""),
				row(2, unit, "甲局", "", "", "", "1,234,567.89"),
				row(3, project, "甲", "", "", "", "1,234,567.89"),
			},
			want: []string{
				// No row prints a 总计: the table has no such column, so
				// there is no row sum (as in Chongqing's 表十二).
				"total-sum-mismatch 1/1 total: 其他资金: units sum to 1,234,567.89, 合计 row leaves it empty",
			},
		},
		{
			name: "总计 left empty where the table prints one",
			rows: []document.Row{
				row(1, total, "合计", "1,234,567.89", "", "", "1,234,567.89"),
				row(2, unit, "甲局", "", "", "", "1,234,567.89"),
				row(3, project, "甲", "1,234,567.89", "", "", "1,234,567.89"),
			},
			want: []string{
				"total-sum-mismatch 1/1 total: 总计: units leave it empty, 合计 row says 1,234,567.89",
				"row-sum-mismatch 2/1 甲局: 总计 is empty, its sources sum to 1,234,567.89",
				"unit-sum-mismatch 2/1 unit 甲局: 总计: projects sum to 1,234,567.89, unit row leaves it empty",
			},
		},
		{
			name: "total without units is compared with the projects: adds up",
			rows: []document.Row{
				row(1, total, "合计", "10.00"),
				row(2, project, "甲", "4.00"),
				row(3, project, "乙", "6.00"),
			},
		},
		{
			name: "total without units is compared with the projects: off",
			rows: []document.Row{
				row(1, total, "合计", "10.00", "10.00"),
				row(2, project, "甲", "4.00", "4.00"),
				row(3, project, "乙", "6.50", "6.50"),
			},
			want: []string{
				"total-sum-mismatch 1/1 total: 总计: projects sum to 10.50, 合计 row says 10.00",
				"total-sum-mismatch 1/1 total: 财政拨款: projects sum to 10.50, 合计 row says 10.00",
			},
		},
		{
			name: "row total differs from its sources",
			rows: []document.Row{
				row(1, project, "区政务服务大厅水电网络费", "464.35", "400.00", "", "54.00"),
			},
			want: []string{"row-sum-mismatch 1/1 区政务服务大厅水电网络费: 总计 is 464.35, its sources sum to 454.00"},
		},
		{
			name: "row sum of the 合计 row is labelled 合计",
			rows: []document.Row{
				row(1, total, "合计", "3.00", "1.00", "1.00"),
			},
			want: []string{"row-sum-mismatch 1/1 合计: 总计 is 3.00, its sources sum to 2.00"},
		},
		{
			name: "a total with no source printed is not compared; sources that add up are fine",
			rows: []document.Row{
				row(1, project, "甲", "464.35"),
				row(2, project, "乙", "464.35", "400.00", "60.00", "4.35"),
				row(3, project, "丙", "-1.00", "-1.00"),
			},
		},
		{
			name: "projects without indicators; units and the total need none",
			rows: []document.Row{
				row(1, total, "合计", "3.00", "3.00"),
				row(2, unit, "局", "3.00", "3.00"),
				withIndicators(row(3, project, "甲", "1.00", "1.00"), ""),
				withIndicators(row(14, project, "乙", "1.00", "1.00"), " \n "),
				withIndicators(row(15, project, "丙", "1.00", "1.00"), "；。"),
			},
			want: []string{
				"indicators-missing 3/1 project 甲 has no indicators",
				"indicators-missing 14/2 project 乙 has no indicators",
				"indicators-missing 15/2 project 丙 has no indicators",
			},
		},
		{
			name: "indicator problems carry the row and page",
			rows: []document.Row{withIndicators(row(13, project, "甲", "1.00", "1.00"),
				"1、2-效益指标,31-满意度,甲；实施周期指标值:1,年度指标值:1;,3、1-产出指标,11-数量指标,乙；实施周期指标值:1,年度指标值:1;,4、说明")},
			want: []string{
				"indicator-level-mismatch 13/2 indicator 1: level-2 code 31 does not belong to level-1 code 2",
				"indicator-numbering 13/2 indicator 2: numbered 3, expected 2",
				`indicator-unreadable 13/2 indicator 3: no 实施周期指标值 or 年度指标值; no level-1 code and name: "4、说明"`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &document.Document{Rows: tc.rows}
			var got []string
			for _, w := range warningsOf(doc) {
				got = append(got, show(w))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestRounding: a sum off by no more than the printed rounding (half a
// unit of the last printed digit per figure summed) is no mismatch; one
// hundredth more is.
func TestRounding(t *testing.T) {
	const (
		total   = document.LevelTotal
		unit    = document.LevelUnit
		project = document.LevelProject
	)
	for _, tc := range []struct {
		name string
		rows []document.Row
		want []string
	}{
		{
			name: "two sources at 2 decimals: 0.01 is rounding",
			rows: []document.Row{row(1, project, "甲", "10.01", "5.00", "", "5.00")},
		},
		{
			name: "two sources at 2 decimals: 0.02 is not",
			rows: []document.Row{row(1, project, "甲", "10.02", "5.00", "", "5.00")},
			want: []string{"row-sum-mismatch 1/1 甲: 总计 is 10.02, its sources sum to 10.00"},
		},
		{
			name: "one source: a copy must be exact",
			rows: []document.Row{row(1, project, "甲", "10.01", "10.00")},
			want: []string{"row-sum-mismatch 1/1 甲: 总计 is 10.01, its sources sum to 10.00"},
		},
		{
			name: "three projects: 0.015 allowed, so 0.01 passes and 0.02 does not",
			rows: []document.Row{
				row(1, unit, "甲局", "3.01"), row(2, project, "甲一", "1.00"), row(3, project, "甲二", "1.00"), row(4, project, "甲三", "1.00"),
				row(5, unit, "乙局", "3.02"), row(6, project, "乙一", "1.00"), row(7, project, "乙二", "1.00"), row(8, project, "乙三", "1.00"),
			},
			want: []string{"unit-sum-mismatch 5/1 unit 乙局: 总计: projects sum to 3.00, unit row says 3.02"},
		},
		{
			name: "four projects: exactly 0.02 passes, 0.03 does not",
			rows: []document.Row{
				row(1, unit, "甲局", "3.98"), row(2, project, "甲一", "1.00"), row(3, project, "甲二", "1.00"), row(4, project, "甲三", "1.00"), row(5, project, "甲四", "1.00"),
				row(6, unit, "乙局", "3.97"), row(7, project, "乙一", "1.00"), row(8, project, "乙二", "1.00"), row(9, project, "乙三", "1.00"), row(10, project, "乙四", "1.00"),
			},
			want: []string{"unit-sum-mismatch 6/1 unit 乙局: 总计: projects sum to 4.00, unit row says 3.97"},
		},
		{
			name: "the total against two units, at 1 decimal: 0.1 passes, 0.11 does not",
			rows: []document.Row{
				row(1, total, "合计", "20.1", "20.11"),
				row(2, unit, "甲局", "10.0", "10.00"), row(3, project, "甲", "10.0", "10.00"),
				row(4, unit, "乙局", "10.0", "10.00"), row(5, project, "乙", "10.0", "10.00"),
			},
			// The row sum passes: a 1-decimal 总计 may round a 2-decimal 20.11.
			want: []string{"total-sum-mismatch 1/1 total: 财政拨款: units sum to 20.00, 合计 row says 20.11"},
		},
		{
			name: "six decimals (Beijing): exactly 0.000001 over two figures passes, 0.000002 does not",
			rows: []document.Row{
				row(1, project, "甲", "9.700001", "4.850000", "", "4.850000"),
				row(2, project, "乙", "9.700002", "4.850000", "", "4.850000"),
			},
			want: []string{"row-sum-mismatch 2/1 乙: 总计 is 9.700002, its sources sum to 9.700000"},
		},
		{
			name: "a 2-decimal total of a 6-decimal source: its own rounding (0.005) passes, 0.015 does not",
			rows: []document.Row{
				row(1, project, "甲", "525.33", "525.325000"),
				row(2, project, "乙", "525.34", "525.325000"),
			},
			want: []string{"row-sum-mismatch 2/1 乙: 总计 is 525.34, its sources sum to 525.325000"},
		},
		{
			name: "an empty cell is no rounding of anything",
			rows: []document.Row{
				row(1, unit, "局", "0.01", "", "", "0.01"),
				row(2, project, "甲", "0.01", "0.01"),
			},
			want: []string{
				"unit-sum-mismatch 1/1 unit 局: 财政拨款: projects sum to 0.01, unit row leaves it empty",
				"unit-sum-mismatch 1/1 unit 局: 其他资金: projects leave it empty, unit row says 0.01",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, w := range Document(&document.Document{Rows: tc.rows}) {
				got = append(got, show(w))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestTables: each 合计 row is compared with the rows of its own table, and
// a unit with the projects under it in its table.
func TestTables(t *testing.T) {
	in := func(table int, r document.Row) document.Row { r.Table = table; return r }
	rows := []document.Row{
		in(0, row(1, document.LevelTotal, "合计", "10.00")),
		in(0, row(2, document.LevelUnit, "甲局", "10.00")),
		in(0, row(3, document.LevelProject, "甲", "10.00")),
		in(0, row(4, document.LevelUnit, "乙局", "0.00")), // no projects in its table
		in(1, row(5, document.LevelProject, "丙", "5.00")),
		in(1, row(6, document.LevelTotal, "合计", "6.00")),
	}
	var got []string
	for _, w := range Document(&document.Document{Rows: rows}) {
		got = append(got, show(w))
	}
	want := []string{"total-sum-mismatch 6/1 total: 总计: projects sum to 5.00, 合计 row says 6.00"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRealWorld: the ground truth of real tables in every layout (made
// independently of pet, with no warnings) gives no warning: their money adds
// up as printed, every project has indicators.
func TestRealWorld(t *testing.T) {
	for _, tc := range []struct {
		file, layout   string
		rows, projects int
	}{
		{"005-guangzhou-022.expected.json", "", 75, 0},
		{"002-beijing-055.expected.json", document.LayoutIndicatorRows, 10, 10},
		{"015-changsha-008.expected.json", document.LayoutIndicatorRows, 3, 1},
		{"017-fuzhou-001.expected.json", document.LayoutProjectForms, 2, 2},
		{"025-yantai-011.expected.json", document.LayoutProjectForms, 6, 6},
	} {
		t.Run(tc.file, func(t *testing.T) {
			doc := loadDoc(t, filepath.Join("..", "testdata", "realworld", "2026", tc.file))
			if doc.Layout != tc.layout || len(doc.Rows) != tc.rows {
				t.Fatalf("layout %q, %d rows; want %q, %d", doc.Layout, len(doc.Rows), tc.layout, tc.rows)
			}
			projects := 0
			for _, r := range doc.Rows {
				if r.Level == document.LevelProject {
					projects++
				}
			}
			if tc.projects > 0 && projects != tc.projects {
				t.Errorf("%d projects, want %d", projects, tc.projects)
			}
			if doc.Layout == "" {
				for i := range doc.Rows { // indicator-text: the indicators as the parser reads them
					doc.Rows[i].Indicators, _ = indicator.Parse(doc.Rows[i].IndicatorsText)
				}
			}
			for _, w := range Document(doc) {
				t.Errorf("%s", show(w))
			}
		})
	}
}

// TestRealWorldFlaws: the same tables with a flaw put in are warned about:
// a project's indicators dropped, an amount changed beyond rounding.
func TestRealWorldFlaws(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"002-beijing-055.expected.json", []string{
			"indicators-missing 1/13 project 部门预算绩效管理工作经费 has no indicators",
			"row-sum-mismatch 1/13 部门预算绩效管理工作经费: 总计 is 9.72, its sources sum to 9.700000",
		}},
		{"015-changsha-008.expected.json", []string{
			"total-sum-mismatch 1/22 total: 总计: units sum to 270.00, 合计 row says 270.02",
		}},
		{"017-fuzhou-001.expected.json", []string{
			"indicators-missing 1/29 project 警务辅助人员经费 has no indicators",
			"row-sum-mismatch 1/29 警务辅助人员经费: 总计 is 44.49, its sources sum to 44.47",
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			doc := loadDoc(t, filepath.Join("..", "testdata", "realworld", "2026", tc.file))
			first := &doc.Rows[0]
			first.Total = money(document.FormatMicros(first.Total.Micros+20000, 2)) // 0.02 more
			if first.Level == document.LevelProject {
				first.Indicators = nil
			}
			var got []string
			for _, w := range Document(doc) {
				got = append(got, show(w))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestDocumentWritesNothing: Document only reads the document.
func TestDocumentWritesNothing(t *testing.T) {
	doc := &document.Document{
		Rows:     []document.Row{row(1, document.LevelUnit, "局"), row(2, document.LevelProject, "甲")},
		Warnings: []document.Warning{{Code: MoneyNotANumber, Row: 1, Message: "x"}},
	}
	before, _ := json.Marshal(doc)
	Document(doc)
	if after, _ := json.Marshal(doc); string(after) != string(before) {
		t.Errorf("Document changed the document:\n%s\nwas\n%s", after, before)
	}
}

// warningsOf reads every row's indicators as the parser does (with their
// problems) and adds Document's warnings, sorted as Document sorts them.
func warningsOf(doc *document.Document) []document.Warning {
	var ws []document.Warning
	for i := range doc.Rows {
		row := &doc.Rows[i]
		inds, problems := indicator.Parse(row.IndicatorsText)
		row.Indicators = inds
		for _, p := range problems {
			ws = append(ws, document.Warning{Code: p.Code, Row: row.Seq, Page: row.Page, Message: p.Message})
		}
	}
	ws = append(ws, Document(doc)...)
	sortWarnings(ws)
	return ws
}

func loadDoc(t *testing.T, path string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc document.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &doc
}

// TestCorpus: the sample's expected documents (both renderings) give exactly
// the five level mismatches of the corpus README, and nothing else: their
// money adds up.
func TestCorpus(t *testing.T) {
	want := []string{
		"indicator-level-mismatch 9/2 indicator 1: level-2 code 31 does not belong to level-1 code 2",
		"indicator-level-mismatch 32/7 indicator 4: level-2 code 31 does not belong to level-1 code 2",
		"indicator-level-mismatch 32/7 indicator 6: level-2 code 31 does not belong to level-1 code 2",
		"indicator-level-mismatch 39/9 indicator 5: level-2 code 13 does not belong to level-1 code 3",
		"indicator-level-mismatch 40/9 indicator 4: level-2 code 13 does not belong to level-1 code 3",
	}
	doc := loadDoc(t, filepath.Join("..", "testdata", "corpus", "zengcheng-2023.calc.expected.json"))
	var got []string
	for _, w := range warningsOf(doc) {
		got = append(got, show(w))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("calc warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	doc = loadDoc(t, filepath.Join("..", "testdata", "corpus", "zengcheng-2023.chromium.expected.json"))
	got = nil
	for _, w := range warningsOf(doc) {
		got = append(got, fmt.Sprintf("%s %d %s", w.Code, w.Row, w.Message))
	}
	for i := range want { // pages differ in the chromium rendering
		f := strings.SplitN(want[i], " ", 3)
		want[i] = f[0] + " " + strings.Split(f[1], "/")[0] + " " + f[2]
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("chromium warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFixtures: the generated fixtures add up, and their indicators read
// cleanly (some of their projects have no indicators on purpose), except
// the unit of unit-sum-mismatch, 0.10 off its two projects in two columns:
// past the rounding of two 2-decimal figures.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "fixtures", "*.expected.json"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "variants", "*.expected.json"))
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("only %d expected files", len(files))
	}
	for _, f := range files {
		var got []string
		for _, w := range warningsOf(loadDoc(t, f)) {
			switch w.Code {
			case UnitSumMismatch, TotalSumMismatch, RowSumMismatch, IndicatorUnreadable, IndicatorNumbering:
				got = append(got, show(w))
			}
		}
		var want []string
		if filepath.Base(f) == "unit-sum-mismatch.expected.json" {
			want = []string{
				"unit-sum-mismatch 2/2 unit 湛江市霞山区园林绿化管理所: 总计: projects sum to 30,499.73, unit row says 30,499.83",
				"unit-sum-mismatch 2/2 unit 湛江市霞山区园林绿化管理所: 财政专户拨款: projects sum to 4,939.13, unit row says 4,939.23",
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n%s\nwant\n%s", filepath.Base(f), strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func TestCodesAreListedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Codes {
		if seen[c.Code] || c.Meaning == "" || c.Example == "" {
			t.Errorf("code %q listed twice or undocumented", c.Code)
		}
		seen[c.Code] = true
		for _, r := range c.Code {
			if (r < 'a' || r > 'z') && r != '-' {
				t.Errorf("code %q is not kebab-case", c.Code)
				break
			}
		}
	}
	for _, c := range []string{UnitSumMismatch, TotalSumMismatch, RowSumMismatch, IndicatorsMissing,
		IndicatorLevelMismatch, IndicatorNumbering, IndicatorUnreadable, MoneyNotANumber, PageUnreadable,
		RowWithoutName, WeightNotANumber, ColumnUnmapped, GridUnmapped, LayoutNotRead} {
		if !seen[c] {
			t.Errorf("code %s is not in Codes", c)
		}
	}
}

// TestREADMEListsCodes: README.md holds the table of Codes exactly as
// codesTable renders it, so the two cannot drift apart.
func TestREADMEListsCodes(t *testing.T) {
	for _, readme := range []string{"README.md", filepath.Join("..", "README.md")} {
		data, err := os.ReadFile(readme)
		if err != nil {
			t.Fatal(err)
		}
		if table := codesTable(); !strings.Contains(string(data), table) {
			t.Errorf("%s does not hold the table of Codes; it should read:\n%s", readme, table)
		}
	}
}

// codesTable renders Codes as the markdown table of README.md.
func codesTable() string {
	var b strings.Builder
	b.WriteString("| code | meaning | example message |\n|---|---|---|\n")
	for _, c := range Codes {
		fmt.Fprintf(&b, "| `%s` | %s | `%s` |\n", c.Code, strings.ReplaceAll(c.Meaning, "|", `\|`), c.Example)
	}
	return b.String()
}

// TestNoTotalColumn: a table that prints no 总计 in any row (only a
// 财政拨款 column) has no row sum to check; a table that prints one does.
func TestNoTotalColumn(t *testing.T) {
	fiscal := document.Hundredths(1429916, 2)
	doc := &document.Document{Rows: []document.Row{
		{Seq: 1, Level: document.LevelProject, Name: "甲", FiscalAppropriation: fiscal.Ref(), Indicators: []document.Indicator{{Name: "x"}}},
		{Seq: 2, Level: document.LevelProject, Name: "乙", FiscalAppropriation: fiscal.Ref(), Indicators: []document.Indicator{{Name: "x"}}, Table: 1},
		{Seq: 3, Level: document.LevelProject, Name: "丙", Total: fiscal.Ref(), FiscalAppropriation: fiscal.Ref(), Indicators: []document.Indicator{{Name: "x"}}, Table: 1},
	}}
	var got []string
	for _, w := range Document(doc) {
		got = append(got, fmt.Sprintf("%s %d", w.Code, w.Row))
	}
	if want := []string{"row-sum-mismatch 2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("warnings %v, want %v", got, want)
	}
}
