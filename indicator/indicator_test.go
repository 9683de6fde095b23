package indicator

import (
	"encoding/json"
	"fmt"
	"github.com/petool/pet/internal/fuzzguard"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/petool/pet/document"
)

type expectedDoc struct {
	Rows []struct {
		Seq            int                  `json:"seq"`
		IndicatorsText string               `json:"indicators_text"`
		Indicators     []document.Indicator `json:"indicators"`
	} `json:"rows"`
}

const corpusFile = "zengcheng-2023.calc.expected.json"

func loadExpectedFile(t testing.TB, path string) expectedDoc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d expectedDoc
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

func loadExpected(t testing.TB) expectedDoc {
	return loadExpectedFile(t, filepath.Join("..", "testdata", "corpus", corpusFile))
}

// TestCorpusItems parses every indicators text of the sample's 41 rows and
// compares each of the 172 items field by field with the expected file; the
// only problems are the five level mismatches the corpus README lists.
func TestCorpusItems(t *testing.T) {
	d := loadExpected(t)
	items := 0
	var got []string
	for _, row := range d.Rows {
		inds, problems := Parse(row.IndicatorsText)
		if len(inds) != len(row.Indicators) {
			t.Errorf("row %d: %d items, want %d", row.Seq, len(inds), len(row.Indicators))
			continue
		}
		for i := range inds {
			inds[i].Target = nil
			if !reflect.DeepEqual(inds[i], row.Indicators[i]) {
				t.Errorf("row %d item %d:\n got %+v\nwant %+v", row.Seq, i+1, inds[i], row.Indicators[i])
			}
			items++
		}
		for _, p := range problems {
			got = append(got, fmt.Sprintf("%d %s %s", row.Seq, p.Code, p.Message))
		}
	}
	if items != 172 {
		t.Errorf("%d items compared, want 172", items)
	}
	want := []string{
		"9 indicator-level-mismatch indicator 1: level-2 code 31 does not belong to level-1 code 2",
		"32 indicator-level-mismatch indicator 4: level-2 code 31 does not belong to level-1 code 2",
		"32 indicator-level-mismatch indicator 6: level-2 code 31 does not belong to level-1 code 2",
		"39 indicator-level-mismatch indicator 5: level-2 code 13 does not belong to level-1 code 3",
		"40 indicator-level-mismatch indicator 4: level-2 code 13 does not belong to level-1 code 3",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAllExpectedFiles: the indicators of every expected file in testdata
// (generated fixtures and variants, both corpus renderings) come out of
// their texts exactly.
func TestAllExpectedFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*", "*.expected.json"))
	if err != nil || len(files) < 3 {
		t.Fatalf("expected files: %v %v", files, err)
	}
	texts := 0
	for _, f := range files {
		d := loadExpectedFile(t, f)
		filled := false
		for _, row := range d.Rows {
			filled = filled || len(row.Indicators) > 0
		}
		if !filled {
			continue // a file that leaves indicators out (testdata/variants)
		}
		for _, row := range d.Rows {
			inds, problems := Parse(row.IndicatorsText)
			for i := range inds {
				inds[i].Target = nil
			}
			want := append([]document.Indicator{}, row.Indicators...)
			for i := range want {
				want[i].Target = nil // targets are TargetOf's, tested on their own
			}
			if !reflect.DeepEqual(inds, want) {
				t.Errorf("%s row %d:\n got %+v\nwant %+v", filepath.Base(f), row.Seq, inds, want)
			}
			for _, p := range problems {
				if p.Code != CodeLevelMismatch {
					t.Errorf("%s row %d: %+v", filepath.Base(f), row.Seq, p)
				}
			}
			texts++
		}
	}
	t.Logf("%d files, %d rows", len(files), texts)
}

// TestRealWorldItems reads the indicators texts of real published tables
// whose expected output was made independently of pet, and compares every
// field of every item; none may raise a problem (the files have no
// warnings). Guangzhou-022 separates every field with "；":
// 1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。2、…
func TestRealWorldItems(t *testing.T) {
	for _, tc := range []struct {
		file        string
		rows, items int
	}{
		{"005-guangzhou-022.expected.json", 75, 404},
	} {
		t.Run(tc.file, func(t *testing.T) {
			d := loadExpectedFile(t, filepath.Join("..", "testdata", "realworld", "2026", tc.file))
			if len(d.Rows) != tc.rows {
				t.Fatalf("%d rows, want %d", len(d.Rows), tc.rows)
			}
			items := 0
			for _, row := range d.Rows {
				got, problems := Parse(row.IndicatorsText)
				for _, p := range problems {
					t.Errorf("row %d: %s %s", row.Seq, p.Code, p.Message)
				}
				want := row.Indicators
				if want == nil {
					want = []document.Indicator{}
				}
				if len(got) != len(want) {
					t.Errorf("row %d: %d items, want %d", row.Seq, len(got), len(want))
					continue
				}
				for i := range got {
					got[i].Target = nil
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("row %d item %d:\n got %+v\nwant %+v", row.Seq, i+1, got[i], want[i])
					}
					items++
				}
			}
			if items != tc.items {
				t.Errorf("%d items compared, want %d", items, tc.items)
			}
		})
	}
}

// item builds the expected record of a well-formed item.
func item(seq int, l1c, l1, l2c, l2, name, period, annual string) document.Indicator {
	return document.Indicator{Seq: seq, Level1Code: l1c, Level1: l1, Level2Code: l2c, Level2: l2,
		Name: name, PeriodValue: period, AnnualValue: annual, Target: ParseTarget(annual)}
}

func TestParseEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name     string
		text     string
		want     []document.Indicator
		problems []string // Code + " " + Message
	}{
		{
			name: "empty",
			text: "  ",
			want: []document.Indicator{},
		},
		{
			name: "full-width colons, commas and semicolons; name ending in 。",
			text: "1、1-产出指标，11-数量指标，“可共用、可复用”减少重复建设。；实施周期指标值：3个，年度指标值：3个；，2、3-满意度指标，31-服务对象满意度，满意度；实施周期指标值：满意，年度指标值：满意。",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "“可共用、可复用”减少重复建设。", "3个", "3个"),
				item(2, "3", "满意度指标", "31", "服务对象满意度", "满意度", "满意", "满意"),
			},
		},
		{
			name: "name holding 、 and commas",
			text: "1、3-满意度指标,31-服务对象满意度,宣传、标识,制作项目；实施周期指标值:满意,年度指标值:满意。",
			want: []document.Indicator{item(1, "3", "满意度指标", "31", "服务对象满意度", "宣传、标识,制作项目", "满意", "满意")},
		},
		{
			name: "values holding colons, commas, semicolons, 、 and numbers with 、",
			text: "1、1-产出指标,11-数量指标,次数；实施周期指标值:企业办理事情的次数：1次,2次,年度指标值:A，B,C；第12、13项;,2、1-产出指标,11-数量指标,面积；实施周期指标值:20000.95平方米；南部14806平方米,年度指标值:1,500小时。",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "次数", "企业办理事情的次数：1次,2次", "A，B,C；第12、13项"),
				item(2, "1", "产出指标", "11", "数量指标", "面积", "20000.95平方米；南部14806平方米", "1,500小时"),
			},
		},
		{
			name: "values trimmed of spaces and trailing 。；;",
			text: "1、1-产出指标,11-数量指标,甲；实施周期指标值: 达标。。 ,年度指标值:  95%以上。；; ;,2、1-产出指标,11-数量指标,乙；实施周期指标值:1次。,年度指标值:1次。。",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "甲", "达标", "95%以上"),
				item(2, "1", "产出指标", "11", "数量指标", "乙", "1次", "1次"),
			},
		},
		{
			name: "items joined by ; alone, by 。 and by a line break",
			text: "1、1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1;2、1-产出指标,11-数量指标,乙；实施周期指标值:2,年度指标值:2。3、1-产出指标,11-数量指标,丙；实施周期指标值:3,年度指标值:3\n4、1-产出指标,11-数量指标,丁；实施周期指标值:4,年度指标值:4。",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "甲", "1", "1"),
				item(2, "1", "产出指标", "11", "数量指标", "乙", "2", "2"),
				item(3, "1", "产出指标", "11", "数量指标", "丙", "3", "3"),
				item(4, "1", "产出指标", "11", "数量指标", "丁", "4", "4"),
			},
		},
		{
			name: "a decimal after ;, is not an item; 1. before a level code is",
			text: "1.1-产出指标,13-时效指标,时长；实施周期指标值:1.5小时,年度指标值:;,1.5小时。",
			want: []document.Indicator{item(1, "1", "产出指标", "13", "时效指标", "时长", "1.5小时", ";,1.5小时")},
		},
		{
			name: "short labels, labels without colon, values in reverse order",
			text: "1、1-产出指标,11-数量指标,甲；实施周期值：1次,年度值：2次;,2、1-产出指标,11-数量指标,乙；实施周期指标值 3次,年度指标值 4次;,3、1-产出指标,11-数量指标,丙；年度指标值:6次,实施周期指标值:5次。",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "甲", "1次", "2次"),
				item(2, "1", "产出指标", "11", "数量指标", "乙", "3次", "4次"),
				item(3, "1", "产出指标", "11", "数量指标", "丙", "5次", "6次"),
			},
		},
		{
			name: "an item without levels is kept, its text in the name",
			text: "1、1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1;,2、说明文字没有层级",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "甲", "1", "1"),
				{Seq: 2, Name: "说明文字没有层级"},
			},
			problems: []string{`indicator-unreadable indicator 2: no 实施周期指标值 or 年度指标值; no level-1 code and name: "2、说明文字没有层级"`},
		},
		{
			name: "readable parts are filled",
			text: "1、1-产出指标,数量指标,甲；实施周期指标值:1次,年度指标值:2次;,2、1-产出指标,11-数量指标,乙；年度指标值:3人;,3、1-产出指标,11-数量指标,丙；实施周期指标值:4人;,4、1-产出指标,11-数量指标；实施周期指标值:5,年度指标值:5。",
			want: []document.Indicator{
				{Seq: 1, Level1Code: "1", Level1: "产出指标", Name: "数量指标,甲", PeriodValue: "1次", AnnualValue: "2次", Target: ParseTarget("2次")},
				{Seq: 2, Level1Code: "1", Level1: "产出指标", Level2Code: "11", Level2: "数量指标", Name: "乙", AnnualValue: "3人", Target: ParseTarget("3人")},
				{Seq: 3, Level1Code: "1", Level1: "产出指标", Level2Code: "11", Level2: "数量指标", Name: "丙", PeriodValue: "4人"},
				{Seq: 4, Level1Code: "1", Level1: "产出指标", Name: "11-数量指标", PeriodValue: "5", AnnualValue: "5", Target: ParseTarget("5")},
			},
			problems: []string{
				`indicator-unreadable indicator 1: no level-2 code and name: "1、1-产出指标,数量指标,甲；实施周期指标值:1次,年度指标值:2次;,"`,
				`indicator-unreadable indicator 2: no 实施周期指标值: "2、1-产出指标,11-数量指标,乙；年度指标值:3人;,"`,
				`indicator-unreadable indicator 3: no 年度指标值: "3、1-产出指标,11-数量指标,丙；实施周期指标值:4人;,"`,
				`indicator-unreadable indicator 4: no level-2 code and name: "4、1-产出指标,11-数量指标；实施周期指标值:5,年度指标值:5。"`,
			},
		},
		{
			name: "text before the first item is kept as an unnumbered item",
			text: "绩效指标：1、1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1。",
			want: []document.Indicator{
				{Name: "绩效指标："},
				item(1, "1", "产出指标", "11", "数量指标", "甲", "1", "1"),
			},
			problems: []string{`indicator-unreadable indicator 1: no item number; no 实施周期指标值 or 年度指标值; no level-1 code and name: "绩效指标："`},
		},
		{
			name: "an unnumbered item that otherwise fits",
			text: "1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1。",
			want: []document.Indicator{{Level1Code: "1", Level1: "产出指标", Level2Code: "11", Level2: "数量指标", Name: "甲",
				PeriodValue: "1", AnnualValue: "1", Target: ParseTarget("1")}},
			problems: []string{`indicator-unreadable indicator 1: no item number: "1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1"`},
		},
		{
			name: "empty items are kept",
			text: "1、;,2、1-产出指标,11-数量指标,乙；实施周期指标值:2,年度指标值:2。",
			want: []document.Indicator{
				{Seq: 1},
				item(2, "1", "产出指标", "11", "数量指标", "乙", "2", "2"),
			},
			problems: []string{`indicator-unreadable indicator 1: no 实施周期指标值 or 年度指标值; no level-1 code and name; no indicator name: "1、;,"`},
		},
		{
			name:     "an item number too large",
			text:     "99999999999、1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1。",
			want:     []document.Indicator{item(0, "1", "产出指标", "11", "数量指标", "甲", "1", "1")},
			problems: []string{`indicator-unreadable indicator 1: item number too large: "99999999999、1-产出指标,11-数量指标,甲；实施周期指标值:1,年…"`},
		},
		{
			name: "numbering and level mismatch",
			text: "1、2-效益指标,31-服务对象满意度,甲；实施周期指标值:满意,年度指标值:满意;,3、3-满意度指标,31-服务对象满意度,乙；实施周期指标值:满意,年度指标值:满意。",
			want: []document.Indicator{
				item(1, "2", "效益指标", "31", "服务对象满意度", "甲", "满意", "满意"),
				item(3, "3", "满意度指标", "31", "服务对象满意度", "乙", "满意", "满意"),
			},
			problems: []string{
				"indicator-level-mismatch indicator 1: level-2 code 31 does not belong to level-1 code 2",
				"indicator-numbering indicator 2: numbered 3, expected 2",
			},
		},
		{
			name: "a repeated number is one problem, not one per later item",
			text: "1、1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1;,2、1-产出指标,11-数量指标,乙；实施周期指标值:1,年度指标值:1;,2、1-产出指标,11-数量指标,丙；实施周期指标值:1,年度指标值:1;,3、1-产出指标,11-数量指标,丁；实施周期指标值:1,年度指标值:1。",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "甲", "1", "1"),
				item(2, "1", "产出指标", "11", "数量指标", "乙", "1", "1"),
				item(2, "1", "产出指标", "11", "数量指标", "丙", "1", "1"),
				item(3, "1", "产出指标", "11", "数量指标", "丁", "1", "1"),
			},
			problems: []string{"indicator-numbering indicator 3: numbered 2, expected 3"},
		},
		{
			name:     "numbering that does not start at 1",
			text:     "2、1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1。",
			want:     []document.Indicator{item(2, "1", "产出指标", "11", "数量指标", "甲", "1", "1")},
			problems: []string{"indicator-numbering indicator 1: numbered 2, expected 1"},
		},
		{
			name: "a number and 、 inside a value is no item unless a level code follows or the numbering continues",
			text: "1、1-产出指标；11-数量指标；甲；实施周期指标值:第一阶段；3、完成验收；年度指标值:1.1-2倍。",
			want: []document.Indicator{item(1, "1", "产出指标", "11", "数量指标", "甲", "第一阶段；3、完成验收", "1.1-2倍")},
		},
		{
			name: "enumerations inside names and values stay there",
			text: "1、1-产出指标；11-数量指标；验收：1、初验；2、终验；实施周期指标值:1、完成A；2、完成B；年度指标值:1、完成A；2、完成B。2、1-产出指标；12-质量指标；乙；实施周期指标值:1、完成C；2、完成D；年度指标值:100%。",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "验收：1、初验；2、终验", "1、完成A；2、完成B", "1、完成A；2、完成B"),
				item(2, "1", "产出指标", "12", "质量指标", "乙", "1、完成C；2、完成D", "100%"),
			},
		},
		{
			name: "an enumeration in the last annual value cannot be told from an item without levels: kept and warned",
			text: "1、1-产出指标；11-数量指标；甲；实施周期指标值:完成；年度指标值:1、完成A；2、完成B。",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "甲", "完成", "1、完成A"),
				{Seq: 2, Name: "完成B"},
			},
			problems: []string{`indicator-unreadable indicator 2: no 实施周期指标值 or 年度指标值; no level-1 code and name: "2、完成B。"`},
		},
		{
			name: "items joined by nothing, the next number glued to a figure",
			text: "1、1-产出指标,11-数量指标,甲；实施周期指标值:95,年度指标值:952、1-产出指标,11-数量指标,乙；实施周期指标值:1次,年度指标值:1003、1-产出指标,11-数量指标,丙；实施周期指标值:0,年度指标值:01、1-产出指标,11-数量指标,丁；实施周期指标值:1,年度指标值:1",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "甲", "95", "95"),
				item(2, "1", "产出指标", "11", "数量指标", "乙", "1次", "100"),
				item(3, "1", "产出指标", "11", "数量指标", "丙", "0", "0"),
				item(1, "1", "产出指标", "11", "数量指标", "丁", "1", "1"),
			},
		},
		{
			name: "numbering that restarts is read without a problem; the Guangzhou form with ≦ and ≧",
			text: "1.1－产出指标，11－数量指标，甲。实施周期指标值：≧5次，年度指标值：≧5次。2.3－满意度指标，31－服务对象满意度，乙。实施周期指标值：≦5%，年度指标值：≦5%。1．1－产出指标；12－质量指标；丙；实施周期指标值:100%；年度指标值:100%。",
			want: []document.Indicator{
				item(1, "1", "产出指标", "11", "数量指标", "甲", "≧5次", "≧5次"),
				item(2, "3", "满意度指标", "31", "服务对象满意度", "乙", "≦5%", "≦5%"),
				item(1, "1", "产出指标", "12", "质量指标", "丙", "100%", "100%"),
			},
		},
		{
			name: "full-width digits in numbers and codes",
			text: "１、１-产出指标,１１-数量指标,甲；实施周期指标值:１次,年度指标值:１次。",
			want: []document.Indicator{item(1, "１", "产出指标", "１１", "数量指标", "甲", "１次", "１次")},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problems := Parse(tc.text)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %s\nwant %s", show(got), show(tc.want))
			}
			var ps []string
			for _, p := range problems {
				ps = append(ps, p.Code+" "+p.Message)
			}
			if !reflect.DeepEqual(ps, tc.problems) {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(ps, "\n"), strings.Join(tc.problems, "\n"))
			}
		})
	}
}

func show(inds []document.Indicator) string {
	b, _ := json.MarshalIndent(inds, "", " ")
	return string(b)
}

// strongStart counts, independently of the parser, the item starts that any
// reading must honour: a number, 、 and a level code (a code, a dash and a
// name that does not start with a digit) at the start or after ";" or "；"
// (and an optional comma).
var strongStart = regexp.MustCompile(`(?:^\s*|[;；]\s*[,，]?\s*)[0-9０-９]+\s*、\s*[0-9０-９]+\s*[-－—–‐]\s*[^0-9０-９,，;；\s\p{Z}\x{85}\v]`)

// FuzzParse: Parse never panics and never loses an item. Invariants: at
// least one item per strong start and at least one for any text that is
// more than separators; every problem names an existing item with a known
// code and a message starting "indicator N: "; every text field is a piece
// of the input without surrounding spaces, values without trailing 。；;;
// each Target is ParseTarget of its annual value.
func FuzzParse(f *testing.F) {
	for _, row := range loadExpected(f).Rows {
		f.Add(row.IndicatorsText)
	}
	for _, row := range loadExpectedFile(f, filepath.Join("..", "testdata", "realworld", "2026", "005-guangzhou-022.expected.json")).Rows[:20] {
		f.Add(row.IndicatorsText)
	}
	for _, s := range []string{"1、", ";,;,1、1-", "1.1-", "1、1-a,2-b,c；实施周期值:", "年度值:实施周期指标值", "１、", "1、1-产出指标,11-数量指标,甲；年度指标值:6次,实施周期指标值:5次。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer fuzzguard.Budget(2 * time.Second)()
		items, problems := Parse(s)
		if items == nil {
			t.Fatal("nil slice")
		}
		if n := len(strongStart.FindAllString(s, -1)); len(items) < n {
			t.Fatalf("%q: %d items, fewer than its %d item starts", s, len(items), n)
		}
		if strings.TrimFunc(s, isBetweenItems) != "" && len(items) == 0 {
			t.Fatalf("%q gave no items", s)
		}
		for _, p := range problems {
			if p.Item < 1 || p.Item > len(items) {
				t.Fatalf("%q: problem %+v names no item of %d", s, p, len(items))
			}
			switch p.Code {
			case CodeUnreadable, CodeNumbering, CodeLevelMismatch:
			default:
				t.Fatalf("%q: problem code %q", s, p.Code)
			}
			if !strings.HasPrefix(p.Message, fmt.Sprintf("indicator %d: ", p.Item)) {
				t.Fatalf("%q: message %q", s, p.Message)
			}
		}
		for _, ind := range items {
			if ind.Seq < 0 {
				t.Fatalf("%q: seq %d", s, ind.Seq)
			}
			for _, field := range []string{ind.Level1Code, ind.Level1, ind.Level2Code, ind.Level2, ind.Name, ind.PeriodValue, ind.AnnualValue} {
				if !strings.Contains(s, field) || strings.TrimSpace(field) != field {
					t.Fatalf("%q: field %q is not a trimmed piece of the input", s, field)
				}
			}
			for _, v := range []string{ind.PeriodValue, ind.AnnualValue} {
				if cleanValue(v) != v {
					t.Fatalf("%q: value %q not trimmed", s, v)
				}
			}
			if want := ParseTarget(ind.AnnualValue); !reflect.DeepEqual(ind.Target, want) {
				t.Fatalf("%q: target %+v, ParseTarget gives %+v", s, ind.Target, want)
			}
		}
	})
}

// BenchmarkParse parses all 41 indicators texts of the corpus sample per
// iteration (172 items, with their targets).
func BenchmarkParse(b *testing.B) {
	var texts []string
	size := 0
	for _, row := range loadExpected(b).Rows {
		texts = append(texts, row.IndicatorsText)
		size += len(row.IndicatorsText)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			Parse(s)
		}
	}
}

// FuzzParseBuilt builds an indicators text from fields, in one of the
// punctuation styles real tables use (style picks the item mark, dash,
// field separator, the separator before the value labels, colon, the
// separator between the values and the joiner between items), and checks
// the fields come back exactly: the splitting rules hold for any name and
// values that do not themselves hold a label or an item start, nor end in
// what the contract trims.
func FuzzParseBuilt(f *testing.F) {
	f.Add(uint8(3), "满意度指标", "服务对象满意度", "宣传、标识,制作。", "企业：满意", "95%以上；南部14806平方米", uint8(2), uint16(0))
	f.Add(uint8(1), "产出指标", "数量指标", "甲", "1,500小时", "第12、13项", uint8(1), uint16(0))
	f.Add(uint8(1), "产出指标", "数量指标", "会议活动保障次数", "每年≥20场", "每年≧20场", uint8(3), uint16(2*3*4*5*2*4*4+1))
	f.Add(uint8(4), "成本指标", "经济成本指标", "项目预算控制率.", "≤100%", "≦10", uint8(3), uint16(6*2*3*4*5*2*4*5))
	f.Fuzz(func(t *testing.T, code uint8, l1, l2, name, period, annual string, count uint8, style uint16) {
		defer fuzzguard.Budget(2 * time.Second)()
		pick := func(options ...string) string {
			o := options[int(style)%len(options)]
			style /= uint16(len(options))
			return o
		}
		mark, dash := pick("、", ".", "．"), pick("-", "－")
		fs, ns, colon, vs := pick(",", "，", "；", ";"), pick("；", ";", "。", ",", "，"), pick(":", "："), pick(",", "，", "；", ";")
		joiner := pick(";,", "；", ";", "。", "；，")
		for _, s := range []string{l1, l2, name, period, annual} {
			if !utf8.ValidString(s) || strings.TrimSpace(s) != s || s == "" ||
				strings.Contains(s, "实施周期") || strings.Contains(s, "年度") || strings.Contains(s, "中长期") ||
				itemLike.MatchString(s) {
				t.Skip()
			}
		}
		if strings.ContainsAny(l1+l2, ",，;；") || cleanValue(period) != period || cleanValue(annual) != annual ||
			joinerEnd.MatchString(annual) ||
			strings.HasPrefix(period, ":") || strings.HasPrefix(period, "：") ||
			strings.HasPrefix(annual, ":") || strings.HasPrefix(annual, "：") ||
			strings.HasSuffix(period, ",") || strings.HasSuffix(period, "，") ||
			strings.TrimRightFunc(name, func(r rune) bool { return isSep(r) || unicode.IsSpace(r) }) != name {
			t.Skip()
		}
		if r1, _ := utf8.DecodeRuneInString(l1); isDigit(r1) {
			t.Skip() // a level name is a word: 1.1-2倍 is a range
		}
		if r2, _ := utf8.DecodeRuneInString(l2); isDigit(r2) {
			t.Skip()
		}
		if joiner != ";," && (strings.HasSuffix(annual, ",") || strings.HasSuffix(annual, "，")) {
			t.Skip() // a comma before a joiner of its own reads as the ";," joiner's
		}
		l1c := fmt.Sprint(code % 10)
		l2c := l1c + fmt.Sprint(code%7)
		n := int(count%4) + 1
		var parts []string
		var want []document.Indicator
		for i := 1; i <= n; i++ {
			parts = append(parts, fmt.Sprintf("%d%s%s%s%s%s%s%s%s%s%s%s实施周期指标值%s%s%s年度指标值%s%s",
				i, mark, l1c, dash, l1, fs, l2c, dash, l2, fs, name, ns, colon, period, vs, colon, annual))
			want = append(want, item(i, l1c, l1, l2c, l2, name, period, annual))
		}
		text := strings.Join(parts, joiner) + "。"
		got, problems := Parse(text)
		if !reflect.DeepEqual(got, want) || len(problems) != 0 {
			t.Fatalf("%q:\n got %s\nwant %s\nproblems %v", text, show(got), show(want), problems)
		}
	})
}

// joinerEnd matches a value ending like the ";," joiner, which cannot be
// told from it.
var joinerEnd = regexp.MustCompile(`[;；][\p{Z}\t\n\v\f\r\x{85}]*[,，]$`)

// itemLike matches what could start an item inside a field: a number with
// 、 or ．, or a number, a dot and a level code, after a separator, colon or
// space (the spaces of unicode.IsSpace) or at the field's start; or a
// number, an item mark and a level code anywhere (items may be joined by
// nothing).
var itemLike = regexp.MustCompile(`(?:^|[;；,，。:：\p{Z}\t\n\v\f\r\x{85}])[\p{Z}\t\n\v\f\r\x{85}]*[0-9０-９]+[\p{Z}\t\n\v\f\r\x{85}]*(?:[、．]|\.[\p{Z}\t\n\v\f\r\x{85}]*[0-9０-９]+[\p{Z}\t\n\v\f\r\x{85}]*[-－—–‐])|[0-9０-９][\p{Z}\t\n\v\f\r\x{85}]*[、．.][\p{Z}\t\n\v\f\r\x{85}]*[0-9０-９]+[\p{Z}\t\n\v\f\r\x{85}]*[-－—–‐]`)

// variantItem is the content of one item of TestParseVariants. The fields
// hold what names and values may hold: 、, ；, commas, numbers, 。 inside,
// ≦ and ≧.
type variantItem struct {
	l1c, l1, l2c, l2, name, period, annual string
}

var variantItems = []variantItem{
	{"1", "产出指标", "11", "数量指标", "会议活动保障次数", "每年≥20场", "每年≥20场"},
	{"1", "产出指标", "12", "质量指标", "宣传、标识,制作项目（第12、13项）", "≥95%；南部14806平方米", "≦10"},
	{"2", "效益指标", "22", "社会效益", "“可共用、可复用”减少重复建设。", "A，B,C：1次", "≧99.5%"},
	{"3", "满意度指标", "31", "服务对象满意度", "服务.对象满意度", "≥90%", "1"},
	{"4", "成本指标", "41", "经济成本指标", "项目预算控制率.", "≤100%", "≤0.5万元"},
}

// TestParseVariants builds indicators texts in every combination of the
// punctuation real tables use (item marks, dashes, field separators, the
// separator before the value labels, colons, the separator between the
// values, the joiners between items, numbering that restarts) and reads
// every field back.
func TestParseVariants(t *testing.T) {
	marks := []string{"、", ".", "．"}
	dashes := []string{"-", "－"}
	fieldSeps := []string{",", "，", "；", ";"}
	nameSeps := []string{"；", ";", "。", ",", "，"}
	colons := []string{":", "："}
	valueSeps := []string{",", "，", "；", ";"}
	joiners := []string{";,", "；，", "；", ";", "。", "", "\n"}
	numberings := [][]int{{1, 2, 3, 4, 5}, {1, 2, 3, 1, 2}}
	combos, failures := 0, 0
	for _, mark := range marks {
		for _, dash := range dashes {
			for _, fs := range fieldSeps {
				for _, ns := range nameSeps {
					for _, colon := range colons {
						for _, vs := range valueSeps {
							for _, joiner := range joiners {
								for _, nums := range numberings {
									var parts []string
									var want []document.Indicator
									for k, it := range variantItems {
										parts = append(parts, fmt.Sprintf("%d%s%s%s%s%s%s%s%s%s%s实施周期指标值%s%s%s年度指标值%s%s",
											nums[k], mark, it.l1c, dash, it.l1, fs, it.l2c, dash, it.l2, fs, it.name+ns, colon, it.period, vs, colon, it.annual))
										want = append(want, item(nums[k], it.l1c, it.l1, it.l2c, it.l2, it.name, it.period, it.annual))
									}
									text := strings.Join(parts, joiner) + "。"
									combos++
									got, problems := Parse(text)
									if !reflect.DeepEqual(got, want) || len(problems) > 0 {
										if failures++; failures <= 5 {
											t.Errorf("%q:\n got %s\nwant %s\nproblems %v", text, show(got), show(want), problems)
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
	if failures > 0 {
		t.Errorf("%d of %d variants misread", failures, combos)
	}
	t.Logf("%d variants", combos)
}
