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
	}
	cols := []**document.Money{&r.Total, &r.FiscalAppropriation, &r.FiscalSpecialAccount, &r.OtherFunds}
	for i, a := range amounts {
		*cols[i] = money(a)
	}
	return r
}

func withIndicators(r document.Row, text string) document.Row {
	r.IndicatorsText = text
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
				row(1, unit, "局", "10.00", "10.00", "", "0.01"),
				row(2, project, "甲", "10.00", "10.00"),
			},
			want: []string{
				"row-sum-mismatch 1/1 局: 总计 is 10.00, its sources sum to 10.01",
				"unit-sum-mismatch 1/1 unit 局: 其他资金: projects leave it empty, unit row says 0.01",
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
				row(5, project, "乙二", "2.99"),
			},
			want: []string{"unit-sum-mismatch 3/1 unit 乙局: 总计: projects sum to 4.99, unit row says 5.00"},
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
				"total-sum-mismatch 1/1 total: 其他资金: units sum to 1,234,567.89, 合计 row leaves it empty",
				"row-sum-mismatch 2/1 甲局: 总计 is empty, its sources sum to 1,234,567.89",
				"row-sum-mismatch 3/1 甲: 总计 is empty, its sources sum to 1,234,567.89",
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
				row(1, total, "合计", "2.00", "2.00"),
				row(2, unit, "局", "2.00", "2.00"),
				withIndicators(row(3, project, "甲", "1.00", "1.00"), ""),
				withIndicators(row(14, project, "乙", "1.00", "1.00"), " \n "),
			},
			want: []string{
				"indicators-missing 3/1 project 甲 has no indicators",
				"indicators-missing 14/2 project 乙 has no indicators",
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

// TestFixtures: the generated fixtures add up, except unit-sum-mismatch,
// whose unit is 0.01 off its projects in two columns, and their indicators
// read cleanly. (Some of their projects have no indicators on purpose.)
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
		if strings.HasSuffix(f, "unit-sum-mismatch.expected.json") {
			want = []string{
				"unit-sum-mismatch 2/2 unit 湛江市霞山区园林绿化管理所: 总计: projects sum to 30,499.73, unit row says 30,499.74",
				"unit-sum-mismatch 2/2 unit 湛江市霞山区园林绿化管理所: 财政专户拨款: projects sum to 4,939.13, unit row says 4,939.14",
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
		IndicatorLevelMismatch, IndicatorNumbering, IndicatorUnreadable, MoneyNotANumber, PageUnreadable} {
		if !seen[c] {
			t.Errorf("code %s is not in Codes", c)
		}
	}
}

// TestREADMEListsCodes: README.md holds the table of Codes exactly as
// codesTable renders it, so the two cannot drift apart.
func TestREADMEListsCodes(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if table := codesTable(); !strings.Contains(string(data), table) {
		t.Errorf("README.md does not hold the table of Codes; it should read:\n%s", table)
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
