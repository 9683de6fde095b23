package projectforms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/pdfpage"
)

const realworld = "../../../testdata/realworld/2026"

var (
	pagesMu    sync.Mutex
	pagesCache = map[string][]*pdfpage.Page{}
)

// pagesOf reads a real PDF of testdata once per test binary.
func pagesOf(t *testing.T, name string) []*pdfpage.Page {
	t.Helper()
	pagesMu.Lock()
	defer pagesMu.Unlock()
	if p, ok := pagesCache[name]; ok {
		return p
	}
	p := loadPages(t, filepath.Join(realworld, name+".pdf"))
	pagesCache[name] = p
	return p
}

// document builds what the parser makes of the tables, as the expected files
// hold it: rows numbered across the tables, the first table's heading fields.
func asDocument(tables []layout.Table) map[string]any {
	doc := map[string]any{"rows": []any{}, "warnings": []any{}}
	var rows []document.Row
	var warnings []document.Warning
	for k, t := range tables {
		if k == 0 {
			doc["layout"], doc["title"] = t.Info.Layout, t.Info.Title
			doc["department"], doc["currency_unit"], doc["year"] = t.Department, t.CurrencyUnit, t.Year
		}
		off := len(rows)
		for _, r := range t.Rows {
			r.Seq += off
			r.Table = k
			rows = append(rows, r)
		}
		for _, w := range t.Warnings {
			w.Row += off
			warnings = append(warnings, w)
		}
	}
	doc["rows"], doc["warnings"] = rows, warnings
	if warnings == nil {
		doc["warnings"] = []document.Warning{}
	}
	return normalize(doc)
}

// normalize round-trips v through JSON (numbers as printed) and drops what
// the expected files leave out: target, table, source, pages, empty maps.
func normalize(v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		panic(err)
	}
	return clean(m).(map[string]any)
}

func clean(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			switch k {
			case "target", "table", "source", "pages", "tables":
				continue
			}
			if m, ok := e.(map[string]any); ok && len(m) == 0 {
				continue
			}
			out[k] = clean(e)
		}
		return out
	case []any:
		for i := range x {
			x[i] = clean(x[i])
		}
	}
	return v
}

func readExpected(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(realworld, name+".expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return clean(m).(map[string]any)
}

// diff lists where got differs from want, field by field.
func diff(path string, want, got any, out *[]string) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: want an object, got %v", path, got))
			return
		}
		for k := range w {
			diff(path+"."+k, w[k], g[k], out)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				*out = append(*out, fmt.Sprintf("%s.%s: unexpected %v", path, k, g[k]))
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*out = append(*out, fmt.Sprintf("%s: want %d items, got %v", path, len(w), lenOf(got)))
			if !ok {
				return
			}
		}
		for i := 0; i < len(w) && i < len(g); i++ {
			diff(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], out)
		}
	default:
		if !reflect.DeepEqual(want, got) {
			*out = append(*out, fmt.Sprintf("%s: want %v, got %v", path, want, got))
		}
	}
}

func lenOf(v any) any {
	if s, ok := v.([]any); ok {
		return len(s)
	}
	return v
}

// TestExpected: the forms of the samples equal their expected JSON on every
// field (target aside, which the expected files leave out).
func TestExpected(t *testing.T) {
	for _, name := range []string{
		"017-fuzhou-001",   // heading per project in the form's first cell, one form over two pages
		"025-yantai-011",   // 政策和项目预算绩效目标表, 绩效指标 label column on every row, (2026年度)
		"021-quanzhou-001", // no 项目名称 row: the name is the heading's; title at the foot of the page before
		"020-xian-020",     // grid over a page break, 指标内容, 备注 column, 实施期 / 年度 goals and money
		"020-xian-016",     // Excel's clipped overflow of a value cell (…≥5 | 次) is not read; levels without indicators
	} {
		t.Run(name, func(t *testing.T) {
			got := asDocument(Read(pagesOf(t, name)))
			want := readExpected(t, name)
			var out []string
			diff("doc", want, got, &out)
			if len(out) > 0 {
				if len(out) > 20 {
					out = append(out[:20], fmt.Sprintf("… %d more", len(out)-20))
				}
				t.Errorf("%s differs from its expected JSON:\n%s", name, strings.Join(out, "\n"))
			}
		})
	}
}

// TestCounts: per file, the tables the reader finds (title, pages), the forms
// of each and the indicators of each form, and no warning.
func TestCounts(t *testing.T) {
	type tbl struct {
		title       string
		first, last int
		indicators  []int // per form
	}
	for _, tc := range []struct {
		name   string
		tables []tbl
	}{
		{"002-beijing-064", []tbl{{"预算14表 专项转移支付绩效目标表", 48, 48, []int{7}}}},
		{"004-chongqing-011", []tbl{{"2026年市级重点专项资金绩效目标表（一级项目）", 31, 32, []int{6, 7}}}},
		{"017-fuzhou-001", []tbl{{"1.项目支出绩效目标表", 29, 30, []int{6, 6}}}},
		{"020-xian-020", []tbl{
			{"2021年部门预算专项业务经费绩效目标表", 79, 80, []int{23}},
			{"2021年专项资金总体绩效目标表", 83, 84, []int{20}},
		}},
		{"020-xian-016", []tbl{
			{"2021年部门预算专项业务经费绩效目标表", 42, 42, []int{16}},
			{"2021年专项资金总体绩效目标表", 44, 44, []int{8}},
		}},
		{"021-quanzhou-001", []tbl{{"1.项目支出绩效目标表", 29, 36, []int{6, 6, 6, 6, 6, 6, 6, 6}}}},
		{"025-yantai-011", []tbl{{"政策和项目预算绩效目标表", 30, 35, []int{10, 7, 14, 11, 11, 10}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Read(pagesOf(t, tc.name))
			var g []tbl
			for _, x := range got {
				var n []int
				for _, r := range x.Rows {
					n = append(n, len(r.Indicators))
					if r.Name == "" {
						t.Errorf("page %d: a form without a name", r.Page)
					}
				}
				g = append(g, tbl{x.Info.Title, x.Info.FirstPage, x.Info.LastPage, n})
				for _, w := range x.Warnings {
					t.Errorf("warning %+v", w)
				}
				if x.Info.Layout != document.LayoutProjectForms {
					t.Errorf("layout %q", x.Info.Layout)
				}
			}
			if !reflect.DeepEqual(g, tc.tables) {
				t.Errorf("tables:\n got %+v\nwant %+v", g, tc.tables)
			}
		})
	}
}

// TestChongqingColumns: a grid of 指标名称 / 指标性质 / 指标值 / 计量单位 /
// 指标权重 / 是否核心 fills direction, measure unit, weight and extra, and the
// target reads the three together.
func TestChongqingColumns(t *testing.T) {
	tables := Read(pagesOf(t, "004-chongqing-011"))
	if len(tables) != 1 || len(tables[0].Rows) != 2 {
		t.Fatalf("want 1 table of 2 forms, got %d tables", len(tables))
	}
	r := tables[0].Rows[0]
	if r.Name != "水库移民后期扶持" || r.Total == nil || r.Total.String() != "12700.00" || r.Page != 31 {
		t.Errorf("row 1: name %q total %v page %d", r.Name, r.Total, r.Page)
	}
	in := r.Indicators[0]
	want := document.Indicator{Seq: 1, Name: "完工项目验收率", AnnualValue: "90", Direction: "≥", MeasureUnit: "%"}
	if in.Seq != want.Seq || in.Name != want.Name || in.AnnualValue != want.AnnualValue ||
		in.Direction != want.Direction || in.MeasureUnit != want.MeasureUnit {
		t.Errorf("indicator 1: %+v", in)
	}
	if in.Weight == nil || *in.Weight != "20" {
		t.Errorf("weight %v, want 20", in.Weight)
	}
	if v, ok := in.Extra.Get("是否核心"); !ok || v != "是" {
		t.Errorf("extra %v, want 是否核心: 是", in.Extra)
	}
	if in.Target == nil || in.Target.Op != ">=" || in.Target.Value != "90" || in.Target.Unit != "%" {
		t.Errorf("target %+v, want >= 90 %%", in.Target)
	}
}

// TestNotForms: whole-department tables and self-evaluations are no forms.
func TestNotForms(t *testing.T) {
	for _, name := range []string{
		"005-guangzhou-021", // 部门整体预算绩效目标申报表
		"009-wuhan-002",     // 项目年度绩效指标表 / 绩效自评表 (完成值, 得分)
	} {
		t.Run(name, func(t *testing.T) {
			if got := Read(pagesOf(t, name)); len(got) != 0 {
				t.Errorf("%d tables read, want none: first %+v", len(got), got[0].Info)
			}
		})
	}
}

func TestDecimal(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"10", "10", true}, {"020", "20", true}, {"2.50", "2.5", true}, {"0.0", "0", true},
		{"10分", "10", true}, {"20%", "20", true}, {"", "", false}, {"十", "", false}, {"1.2.3", "", false},
	} {
		got, ok := decimal(tc.in)
		if string(got) != tc.want || ok != tc.ok {
			t.Errorf("decimal(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestMoneyLabel(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"资金总额", 0}, {"年度预算资金总额：", 0}, {"年度金额", 0}, {"年度预算资金（万元）", 0},
		{"其中：财政拨款", 1}, {"财政拨款：", 1}, {"其他资金", 2}, {"实施期资金总额", 3},
		{"其中：中央财政资金", 4}, {"资金情况（万元）", -1}, {"项目名称", -1},
	} {
		if got, _ := moneyLabel(norm(tc.in)); got != tc.want {
			t.Errorf("moneyLabel(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestLines(t *testing.T) {
	for _, tc := range []struct {
		in       string
		page     bool
		year     int
		heading  bool
		stemText string
	}{
		{"— 29 —", true, 0, false, "— 29 —"},
		{"2 5", true, 0, false, "2 5"},
		{"(2026年度)", false, 2026, false, "(2026年度)"},
		{"（2026 年度）", false, 2026, false, "（2026 年度）"},
		{"96196 电梯应急处置服务平台项目绩效目标表", false, 0, true, "96196 电梯应急处置服务平台"},
		{"预算14表医药卫生体制改革专项转移支付绩效目标表", false, 0, true, "医药卫生体制改革专项转移支付"},
		{"1.项目支出绩效目标表", false, 0, true, "1.项目支出"},
	} {
		if got := pageNumber(tc.in); got != tc.page {
			t.Errorf("pageNumber(%q) = %v", tc.in, got)
		}
		y := yearOf(tc.in)
		if (y == nil) != (tc.year == 0) || (y != nil && *y != tc.year) {
			t.Errorf("yearOf(%q) = %v, want %d", tc.in, y, tc.year)
		}
		if got := isHeading(tc.in); got != tc.heading {
			t.Errorf("isHeading(%q) = %v", tc.in, got)
		}
		if got := stem(tc.in); got != tc.stemText {
			t.Errorf("stem(%q) = %q, want %q", tc.in, got, tc.stemText)
		}
	}
}

func TestDepartmentOf(t *testing.T) {
	for in, want := range map[string]string{
		"231_烟台市审计局":      "烟台市审计局",
		"320_山东省审计厅":      "山东省审计厅",
		"337 _烟台市市场监督管理局": "烟台市市场监督管理局",
		"烟台市审计局（231）":     "烟台市审计局",
		"西安市民政局":          "西安市民政局",
		"12345-某局":        "某局",
		"":                "",
	} {
		if got := departmentOf(in); got != want {
			t.Errorf("departmentOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAmount(t *testing.T) {
	for _, tc := range []struct {
		in, want, unit string
		err            bool
	}{
		{"31.00", "31.00", "", false}, {" 12,700.00 ", "12700.00", "", false}, {"0.00", "0.00", "", false},
		{"18878.160000", "18878.160000", "", false}, {"5612万元", "5612", "万元", false},
		{"", "", "", false}, {"-", "", "", false}, {"——", "", "", false}, {"／", "", "", false},
		{"十元", "", "", true}, {"约5", "", "", true},
	} {
		m, unit, err := amount(tc.in)
		got := ""
		if m != nil {
			got = m.String()
		}
		if got != tc.want || unit != tc.unit || (err != nil) != tc.err {
			t.Errorf("amount(%q) = %q, %q, %v; want %q, %q, error %v", tc.in, got, unit, err, tc.want, tc.unit, tc.err)
		}
	}
}
