package indicator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/petool/pet/document"
)

type expectedDoc struct {
	Rows []struct {
		Seq            int                  `json:"seq"`
		IndicatorsText string               `json:"indicators_text"`
		Indicators     []document.Indicator `json:"indicators"`
	} `json:"rows"`
}

func loadExpected(t testing.TB) expectedDoc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "zengcheng-2023.calc.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d expectedDoc
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCorpusItems parses every indicators text of the sample's 41 rows and
// compares each of the 172 items field by field with the expected file.
func TestCorpusItems(t *testing.T) {
	d := loadExpected(t)
	items := 0
	var mismatches []string
	for _, row := range d.Rows {
		got, problems := Parse(row.IndicatorsText)
		if len(got) != len(row.Indicators) {
			t.Errorf("row %d: %d items, want %d", row.Seq, len(got), len(row.Indicators))
			continue
		}
		for i := range got {
			got[i].Target = nil
			if !reflect.DeepEqual(got[i], row.Indicators[i]) {
				t.Errorf("row %d item %d:\n got %+v\nwant %+v", row.Seq, i+1, got[i], row.Indicators[i])
			}
			items++
		}
		for _, p := range problems {
			if p.Code != CodeLevelMismatch {
				t.Errorf("row %d: unexpected problem %+v", row.Seq, p)
				continue
			}
			mismatches = append(mismatches, p.Message)
			_ = row.Seq
		}
	}
	if items != 172 {
		t.Errorf("%d items compared, want 172", items)
	}
	// The corpus README lists five level mismatches in rows 9, 32 (twice), 39, 40.
	if len(mismatches) != 5 {
		t.Errorf("level mismatches %v, want 5", mismatches)
	}
}

func TestLevelMismatchRows(t *testing.T) {
	d := loadExpected(t)
	var rows []int
	for _, row := range d.Rows {
		_, problems := Parse(row.IndicatorsText)
		for _, p := range problems {
			if p.Code == CodeLevelMismatch {
				rows = append(rows, row.Seq)
			}
		}
	}
	if want := []int{9, 32, 32, 39, 40}; !reflect.DeepEqual(rows, want) {
		t.Errorf("mismatch rows %v, want %v", rows, want)
	}
}

func TestParseEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name     string
		text     string
		want     []document.Indicator
		problems []string
	}{
		{
			name: "full-width colons and commas, name ending in 。",
			text: "1、1-产出指标，11-数量指标，“可共用、可复用”减少重复建设。；实施周期指标值：3个，年度指标值：3个；。",
			want: []document.Indicator{{Seq: 1, Level1Code: "1", Level1: "产出指标", Level2Code: "11", Level2: "数量指标",
				Name: "“可共用、可复用”减少重复建设。", PeriodValue: "3个", AnnualValue: "3个",
				Target: &document.Target{Op: "=", Value: "3", Unit: "个"}}},
		},
		{
			name: "values holding colons and commas",
			text: "1、1-产出指标,11-数量指标,次数；实施周期指标值:企业办理事情的次数：1次,年度指标值:A，B,C。",
			want: []document.Indicator{{Seq: 1, Level1Code: "1", Level1: "产出指标", Level2Code: "11", Level2: "数量指标",
				Name: "次数", PeriodValue: "企业办理事情的次数：1次", AnnualValue: "A，B,C"}},
		},
		{
			name: "an item that does not fit is kept",
			text: "1、1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1;,2、说明文字没有层级",
			want: []document.Indicator{
				{Seq: 1, Level1Code: "1", Level1: "产出指标", Level2Code: "11", Level2: "数量指标", Name: "甲", PeriodValue: "1", AnnualValue: "1",
					Target: &document.Target{Op: "=", Value: "1"}},
				{Seq: 2, Name: "2、说明文字没有层级"},
			},
			problems: []string{CodeUnreadable},
		},
		{
			name: "numbering and level mismatch",
			text: "1、2-效益指标,31-服务对象满意度,甲；实施周期指标值:满意,年度指标值:满意;,3、3-满意度指标,31-服务对象满意度,乙；实施周期指标值:满意,年度指标值:满意。",
			want: []document.Indicator{
				{Seq: 1, Level1Code: "2", Level1: "效益指标", Level2Code: "31", Level2: "服务对象满意度", Name: "甲", PeriodValue: "满意", AnnualValue: "满意"},
				{Seq: 3, Level1Code: "3", Level1: "满意度指标", Level2Code: "31", Level2: "服务对象满意度", Name: "乙", PeriodValue: "满意", AnnualValue: "满意"},
			},
			problems: []string{CodeLevelMismatch, CodeNumbering},
		},
		{
			name: "empty",
			text: "  ",
			want: []document.Indicator{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problems := Parse(tc.text)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			var codes []string
			for _, p := range problems {
				codes = append(codes, p.Code)
			}
			if !reflect.DeepEqual(codes, tc.problems) {
				t.Errorf("problems %v, want %v", codes, tc.problems)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	d := loadExpected(f)
	for _, row := range d.Rows {
		f.Add(row.IndicatorsText)
	}
	f.Add("1、")
	f.Add(";,;,1、1-")
	f.Fuzz(func(t *testing.T, s string) {
		items, problems := Parse(s)
		for _, p := range problems {
			if p.Item < 1 || p.Item > len(items) {
				t.Fatalf("problem %+v names no item of %d", p, len(items))
			}
		}
		if len(items) == 0 && len([]rune(s)) > 0 && trimItem(s) != "" {
			t.Fatalf("non-empty text %q gave no items", s)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	d := loadExpected(b)
	for i := 0; i < b.N; i++ {
		for _, row := range d.Rows {
			Parse(row.IndicatorsText)
		}
	}
}
