package indicatorrows_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/layout/indicatorrows"
)

// TestRealWorldCounts: more real tables of the layout, read whole: one
// table over the pages the README gives, one row per project (every one
// named and, in Beijing, coded), every printed indicator (counted by hand
// against pdftotext: the 一级指标 words in the page range), 项目总额 =
// 财政资金 + 其他资金 exactly, and no reader warning.
func TestRealWorldCounts(t *testing.T) {
	tests := []struct {
		file              string
		title             string
		first, last       int
		rows, indicators  int
		coded             bool
		department        string
		year              int
		fiscalOnly        bool // the table prints only 当年财政拨款预算金额
		firstRowName      string
		firstRowIndicator string
	}{
		// WPS: repeated header, the clipped text of cut cells drawn under it.
		{file: "002-beijing-037", title: "预算表12 项目支出绩效目标表", first: 26, last: 58, rows: 54, indicators: 356, coded: true,
			firstRowName: "信息系统运维类项目", firstRowIndicator: "保证中心办公设备运行正常"},
		// Microsoft Print To PDF: names cut by the page break without their code.
		{file: "002-beijing-042", title: "预算表12 项目支出绩效目标表", first: 21, last: 73, rows: 77, indicators: 971, coded: true,
			firstRowName: "工业和信息化优化营商环境类项目", firstRowIndicator: "截至11月底项目支出完成率"},
		// WPS: projects over whole pages (no top or bottom rule), forms after.
		{file: "002-beijing-064", title: "预算12表 项目支出绩效目标表", first: 17, last: 43, rows: 39, indicators: 443, coded: true,
			firstRowName: "评审工作经费", firstRowIndicator: "评审报告内容依据充分、合法合规、结论严谨合理准确率"},
		// Chongqing 表十二 after 表十一 forms: 指标名称, 指标权重, no levels.
		{file: "004-chongqing-011", title: "2026年市级一般性项目绩效目标表（一级项目）", first: 33, last: 33, rows: 1, indicators: 5,
			department: "重庆市水利局", year: 2026, fiscalOnly: true,
			firstRowName: "水利行业业务经费", firstRowIndicator: "水质检验对象数量"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(realworld, tt.file+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			tables := indicatorrows.Read(readPages(t, data))
			if len(tables) != 1 {
				t.Fatalf("%d tables, want 1", len(tables))
			}
			tb := tables[0]
			if tb.Info.Title != tt.title || tb.Info.FirstPage != tt.first || tb.Info.LastPage != tt.last || tb.Info.Layout != document.LayoutIndicatorRows {
				t.Errorf("table %+v, want %q pages %d-%d", tb.Info, tt.title, tt.first, tt.last)
			}
			if tb.Department != tt.department || tb.CurrencyUnit != "万元" {
				t.Errorf("department %q currency %q, want %q 万元", tb.Department, tb.CurrencyUnit, tt.department)
			}
			if (tb.Year == nil) != (tt.year == 0) || (tb.Year != nil && *tb.Year != tt.year) {
				t.Errorf("year %v, want %d", tb.Year, tt.year)
			}
			for _, w := range tb.Warnings {
				t.Errorf("warning %+v", w)
			}
			n := 0
			for i, r := range tb.Rows {
				n += len(r.Indicators)
				if r.Name == "" || r.Level != document.LevelProject || len(r.Indicators) == 0 || r.Goal == "" {
					t.Errorf("row %d (page %d): %q level %s, %d indicators, goal %q", i+1, r.Page, r.Name, r.Level, len(r.Indicators), r.Goal)
				}
				if tt.coded && r.Code == nil {
					t.Errorf("row %d (page %d) %q has no code", i+1, r.Page, r.Name)
				}
				if tt.fiscalOnly {
					if r.FiscalAppropriation == nil || r.Total != nil {
						t.Errorf("row %d: fiscal %v total %v", i+1, r.FiscalAppropriation, r.Total)
					}
					continue
				}
				if r.Total == nil || (r.FiscalAppropriation == nil && r.OtherFunds == nil) {
					t.Errorf("row %d (page %d) %q: total %v fiscal %v other %v", i+1, r.Page, r.Name, r.Total, r.FiscalAppropriation, r.OtherFunds)
					continue
				}
				var sum int64
				if r.FiscalAppropriation != nil {
					sum += r.FiscalAppropriation.Micros
				}
				if r.OtherFunds != nil {
					sum += r.OtherFunds.Micros
				}
				if sum != r.Total.Micros {
					t.Errorf("row %d (page %d) %q: 项目总额 %v ≠ 财政资金 + 其他资金 %d", i+1, r.Page, r.Name, r.Total, sum)
				}
				for k, ind := range r.Indicators {
					if ind.Name == "" || ind.Level1 == "" || ind.Level2 == "" || ind.AnnualValue == "" || ind.Direction == "" {
						t.Errorf("row %d indicator %d: %+v", i+1, k+1, ind)
					}
				}
			}
			if len(tb.Rows) != tt.rows || n != tt.indicators {
				t.Errorf("%d rows, %d indicators; want %d, %d", len(tb.Rows), n, tt.rows, tt.indicators)
			}
			if len(tb.Rows) > 0 && (tb.Rows[0].Name != tt.firstRowName || tb.Rows[0].Indicators[0].Name != tt.firstRowIndicator) {
				t.Errorf("first row %q, first indicator %q", tb.Rows[0].Name, tb.Rows[0].Indicators[0].Name)
			}
		})
	}
}

// TestLookAlikesRefused: whole-department targets (部门整体支出绩效目标表) and
// past-year self-evaluations (绩效自评表, 完成值) are not target tables.
func TestLookAlikesRefused(t *testing.T) {
	for _, file := range []string{"002-beijing-022", "009-wuhan-002"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(realworld, file+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range indicatorrows.Read(readPages(t, data)) {
				t.Errorf("read a table: %+v (%d rows)", tb.Info, len(tb.Rows))
			}
		})
	}
}
