package parser

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realWorld2026 is what pet must answer on the real 2026 budget PDFs
// shipped in testdata/realworld/2026 (byte copies of what departments
// published): the layouts of the target tables a file holds, or the error
// of a file that holds none.
var realWorld2026 = []struct {
	file    string
	layouts []string // the layouts of Document.Tables, in order
	err     error    // for a file without a target table
	why     string
}{
	{"005-guangzhou-022.pdf", []string{"indicator-text"}, nil, "Guangzhou's table as WPS 表格 prints it"},
	{"003-shenzhen-019.pdf", nil, ErrNoTable, "项目支出预算 with a 绩效目标 column, no indicators"},
	{"005-guangzhou-014.pdf", nil, ErrNoTable, "表12 部门预算项目支出及其他支出预算表: 绩效目标 only"},
	{"008-hangzhou-005.pdf", nil, ErrNoTable, "市级部门项目支出绩效表: goals, no indicators"},
	{"079-huzhou-001.pdf", nil, ErrNoTable, "项目支出绩效表: goals, no indicators"},
	{"077-zhuhai-004.pdf", nil, ErrNoTable, "部门预算项目支出及其他支出预算表"},
	{"002-beijing-022.pdf", nil, ErrNoTable, "部门整体支出绩效目标表 only"},
	{"005-guangzhou-021.pdf", nil, ErrNoTable, "部门整体预算绩效目标申报表"},
	{"009-wuhan-002.pdf", nil, ErrNoTable, "项目年度绩效指标表 of a past year and 绩效自评表"},
	{"001-shanghai-015.pdf", nil, ErrNoTable, "a budget without performance targets"},
	{"018-jinan-003.pdf", nil, ErrNoText, "a scan"},
}

// TestRealWorld2026: every shipped real budget gives its target tables in
// the right layouts, or exactly the no-table (or scan) error: never a
// look-alike table presented as the target table.
func TestRealWorld2026(t *testing.T) {
	for _, tc := range realWorld2026 {
		t.Run(strings.TrimSuffix(tc.file, ".pdf"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "testdata", "realworld", "2026", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parseBytes(data, tc.file, Options{})
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("%s: err %v, want %v", tc.why, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", tc.why, err)
			}
			var got []string
			for _, tb := range doc.Tables {
				got = append(got, tb.Layout)
			}
			if strings.Join(got, ",") != strings.Join(tc.layouts, ",") {
				t.Errorf("%s: tables %v, want %v", tc.why, got, tc.layouts)
			}
		})
	}
}

// TestRealWorld2026Exact: the real tables with an expected file made
// independently of pet come out equal to it on every field it carries
// (the expected files leave out target, source and pages), and with no
// warnings.
func TestRealWorld2026Exact(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "realworld", "2026", "*.expected.json"))
	n := 0
	for _, f := range files {
		pdf := strings.TrimSuffix(f, ".expected.json") + ".pdf"
		if _, err := os.Stat(pdf); err != nil {
			continue // an expected file shipped for another package's tests
		}
		n++
		t.Run(filepath.Base(pdf), func(t *testing.T) {
			doc := parseFile(t, pdf)
			want := toGeneric(t, mustRead(t, f))
			got := toGeneric(t, doc)
			stripTargets(got)
			for _, d := range diffSubset("", want, got, 15) {
				t.Error(d)
			}
			if len(doc.Warnings) > 0 {
				t.Errorf("warnings %+v, want none", doc.Warnings)
			}
		})
	}
	if n == 0 {
		t.Fatal("no real table with an expected file")
	}
}

// stripTargets drops the indicators' target, which the expected files do
// not carry (diffSubset compares the keys the expected file has).
func stripTargets(doc any) {
	rows, _ := doc.(map[string]any)["rows"].([]any)
	for _, r := range rows {
		inds, _ := r.(map[string]any)["indicators"].([]any)
		for _, ind := range inds {
			delete(ind.(map[string]any), "target")
		}
	}
}
