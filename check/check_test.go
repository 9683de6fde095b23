package check

import (
	"reflect"
	"strings"
	"testing"

	"github.com/petool/pet/document"
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

func row(seq int, level, name string, amounts ...string) document.Row {
	r := document.Row{Seq: seq, Level: level, Name: name, Page: 1, IndicatorsText: "1、1-产出指标,11-数量指标,甲；实施周期指标值:1,年度指标值:1。"}
	if level != document.LevelProject {
		r.IndicatorsText = ""
	}
	cols := []**document.Money{&r.Total, &r.FiscalAppropriation, &r.FiscalSpecialAccount, &r.OtherFunds}
	for i, a := range amounts {
		*cols[i] = money(a)
	}
	return r
}

func codes(ws []document.Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Code+"@"+string(rune('0'+w.Row)))
	}
	return out
}

func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		name     string
		rows     []document.Row
		want     []string
		contains string
	}{
		{
			name: "everything adds up",
			rows: []document.Row{
				row(1, document.LevelTotal, "合计", "5,651.84", "5,651.84"),
				row(2, document.LevelUnit, "局", "5,651.84", "5,651.84"),
				row(3, document.LevelProject, "甲", "5,640.84", "5,640.84"),
				row(4, document.LevelProject, "乙", "11.00", "11.00"),
			},
		},
		{
			name: "unit differs from its projects",
			rows: []document.Row{
				row(1, document.LevelTotal, "合计", "5,651.84", "5,651.84"),
				row(2, document.LevelUnit, "广州市局", "5,651.84", "5,651.84"),
				row(3, document.LevelProject, "甲", "5,640.84", "5,640.84"),
			},
			want:     []string{UnitSumMismatch + "@2", UnitSumMismatch + "@2"},
			contains: "unit 广州市局: 总计: projects sum to 5,640.84, unit row says 5,651.84",
		},
		{
			name: "total differs from its units",
			rows: []document.Row{
				row(1, document.LevelTotal, "合计", "100.00"),
				row(2, document.LevelUnit, "甲局", "60.00"),
				row(3, document.LevelProject, "甲", "60.00"),
				row(4, document.LevelUnit, "乙局", "30.00"),
				row(5, document.LevelProject, "乙", "30.00"),
			},
			want:     []string{TotalSumMismatch + "@1"},
			contains: "total: 总计: units sum to 90.00, 合计 row says 100.00",
		},
		{
			name: "total without units is compared with the projects",
			rows: []document.Row{
				row(1, document.LevelTotal, "合计", "10.00"),
				row(2, document.LevelProject, "甲", "4.00"),
				row(3, document.LevelProject, "乙", "6.00"),
			},
		},
		{
			name: "row total differs from its sources",
			rows: []document.Row{
				row(1, document.LevelProject, "甲", "464.35", "400.00", "", "54.00"),
			},
			want:     []string{RowSumMismatch + "@1"},
			contains: "甲: 总计 is 464.35, its sources sum to 454.00",
		},
		{
			name: "project without indicators",
			rows: func() []document.Row {
				r := row(1, document.LevelProject, "甲", "1.00", "1.00")
				r.IndicatorsText = ""
				return []document.Row{r}
			}(),
			want: []string{IndicatorsMissing + "@1"},
		},
		{
			name: "indicator problems carry the row",
			rows: func() []document.Row {
				r := row(3, document.LevelProject, "甲", "1.00", "1.00")
				r.IndicatorsText = "1、2-效益指标,31-满意度,甲；实施周期指标值:1,年度指标值:1;,3、1-产出指标,11-数量指标,乙；实施周期指标值:1,年度指标值:1;,3、说明"
				return []document.Row{r}
			}(),
			want: []string{IndicatorLevelMismatch + "@3", IndicatorNumbering + "@3", IndicatorUnreadable + "@3", IndicatorNumbering + "@3"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &document.Document{Rows: tc.rows}
			ws := Document(doc)
			if got := codes(ws); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("warnings %v, want %v\n%+v", got, tc.want, ws)
			}
			if tc.contains != "" && !strings.Contains(ws[0].Message, tc.contains) {
				t.Errorf("message %q lacks %q", ws[0].Message, tc.contains)
			}
		})
	}
}

func TestCodesAreListedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Codes {
		if seen[c.Code] || c.Meaning == "" || c.Example == "" {
			t.Errorf("code %q listed twice or undocumented", c.Code)
		}
		seen[c.Code] = true
	}
	for _, c := range []string{UnitSumMismatch, TotalSumMismatch, RowSumMismatch, IndicatorsMissing,
		IndicatorLevelMismatch, IndicatorNumbering, IndicatorUnreadable, MoneyNotANumber, PageUnreadable} {
		if !seen[c] {
			t.Errorf("code %s is not in Codes", c)
		}
	}
}
