package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/petool/pet/check"
	"github.com/xuri/excelize/v2"
)

var (
	calcPDF     = filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.calc.pdf")
	chromiumPDF = filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.chromium.pdf")
)

// run runs pet with args and returns its exit code, stdout and stderr.
func run(t *testing.T, stdin []byte, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, bytes.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestParseOneFileToStdout(t *testing.T) {
	code, out, errs := run(t, nil, "parse", calcPDF)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var doc struct {
		Source string
		Pages  int
		Rows   []struct {
			Seq   int
			Level string
			Total json.Number
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Source != calcPDF || doc.Pages != 9 || len(doc.Rows) != 41 {
		t.Fatalf("source %q pages %d rows %d; want %q 9 41", doc.Source, doc.Pages, len(doc.Rows), calcPDF)
	}
	if doc.Rows[0].Level != "total" || doc.Rows[0].Total != "5651.84" {
		t.Errorf("first row %+v, want the 合计 row with 5651.84", doc.Rows[0])
	}
}

func TestParseBatchKeepsGoodFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pdf")
	if err := os.WriteFile(bad, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "all.csv")
	code, _, errs := run(t, nil, "parse", "-j", "2", calcPDF, bad, chromiumPDF, filepath.Join(dir, "missing.pdf"), "-o", out)
	if code != ExitFailed {
		t.Fatalf("exit %d, want %d (some files failed)", code, ExitFailed)
	}
	for _, want := range []string{"bad.pdf: not a PDF file", "missing.pdf: no such file or directory", "4 files: 2 converted (2 with warnings), 2 failed"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Error("a .csv file must start with a BOM")
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 1+41+41 {
		t.Fatalf("%d CSV records, want header + 82 rows", len(records))
	}
	if records[1][0] != calcPDF || records[42][0] != chromiumPDF {
		t.Errorf("rows must carry their source in input order: %q, %q", records[1][0], records[42][0])
	}
}

func TestParseNoOutputFileWhenNothingConverts(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, nil, "parse", filepath.Join(dir, "missing.pdf"), "-o", out)
	if code != ExitFailed || !strings.Contains(errs, "missing.pdf") {
		t.Fatalf("exit %d stderr %q", code, errs)
	}
	if data, _ := os.ReadFile(out); string(data) != "old" {
		t.Errorf("existing output changed to %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestParseOutputDirectory(t *testing.T) {
	dir := t.TempDir() + "/out/"
	code, _, errs := run(t, nil, "parse", calcPDF, chromiumPDF, "-o", dir, "-f", "yaml")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, name := range []string{"zengcheng-2023.calc.yaml", "zengcheng-2023.chromium.yaml"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("合计")) {
			t.Errorf("%s lacks the table", name)
		}
	}
}

func TestParseStdin(t *testing.T) {
	data, err := os.ReadFile(chromiumPDF)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, data, "parse", "-", "-f", "jsonl")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 41 || !strings.Contains(lines[0], `"source":"-"`) {
		t.Fatalf("%d JSONL lines, first %q", len(lines), lines[0])
	}
}

func TestParseUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"parse"}, "requires at least 1 arg"},
		{[]string{"parse", calcPDF, "-o", "x.txt"}, `unknown extension ".txt"`},
		{[]string{"parse", calcPDF, "-f", "pdf"}, "pdf"},
		{[]string{"parse", calcPDF, "-f", "json", "--table", "indicators"}, "csv and parquet only"},
		{[]string{"parse", calcPDF, "-j", "0"}, "--jobs"},
		{[]string{"parse", "-", "-"}, "only once"},
		{[]string{"parse", calcPDF, "--nope"}, "unknown flag"},
	} {
		code, _, errs := run(t, nil, tc.args...)
		if code != ExitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d stderr %q; want %d and %q", tc.args, code, errs, ExitUsage, tc.want)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: error is not one line: %q", tc.args, errs)
		}
	}
}

func TestParseNoTable(t *testing.T) {
	code, out, errs := run(t, nil, "parse", filepath.Join("..", "..", "testdata", "realworld", "07505fe6.pdf"))
	if code != ExitFailed || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	want := "07505fe6.pdf: no project performance target table (项目支出绩效目标表) found\n"
	if !strings.HasSuffix(errs, want) {
		t.Errorf("stderr %q, want it to end with %q", errs, want)
	}
}

func TestParseStrictAndQuiet(t *testing.T) {
	// The sample has five level mismatches.
	code, out, errs := run(t, nil, "parse", calcPDF)
	if code != ExitOK || !strings.Contains(errs, "5 warnings: indicator-level-mismatch 5") {
		t.Fatalf("exit %d stderr %q", code, errs)
	}
	if !strings.Contains(out, `"indicator-level-mismatch"`) {
		t.Error("warnings missing from the JSON")
	}
	code, _, _ = run(t, nil, "parse", "--strict", calcPDF)
	if code != ExitWarning {
		t.Errorf("--strict: exit %d, want %d", code, ExitWarning)
	}
	code, _, errs = run(t, nil, "parse", "-q", calcPDF)
	if code != ExitOK || errs != "" {
		t.Errorf("-q: exit %d stderr %q, want 0 and nothing", code, errs)
	}
}

// TestParseBadInputs is the README's table of bad input: every file of
// testdata/bad gives one line naming it, and the documented exit code.
func TestParseBadInputs(t *testing.T) {
	noTable := "no project performance target table (项目支出绩效目标表) found"
	for _, tc := range []struct {
		file, password, want string
	}{
		{"empty.pdf", "", "empty file"},
		{"not-a-pdf.pdf", "", "not a PDF file"},
		{"truncated.pdf", "", "truncated file"},
		{"damaged-beyond-repair.pdf", "", "damaged beyond repair"},
		{"no-pages.pdf", "", "the PDF has no pages"},
		{"aes-256-user.pdf", "", "encrypted: a user password is needed (--password)"},
		{"aes-256-user.pdf", "nope", "encrypted: wrong password"},
		{"aes-256-user.pdf", "user", noTable},
		{"rc4-40-user.pdf", "owner", noTable},
		{"aes-128-owner-only.pdf", "", noTable},
		{"pubsec-encrypted.pdf", "", "encrypted: unsupported encryption"},
		{"pdf-2.0.pdf", "", noTable},
		{"hybrid-xref.pdf", "", noTable},
		{"shifted-offsets.pdf", "", noTable},
		{"trailing-garbage.pdf", "", noTable},
		{"objstm-cycle.pdf", "", noTable},
		{"huge-xref-size.pdf", "", noTable},
		{"unknown-filter.pdf", "", noTable + " (unreadable: page 1: content stream: unknown filter /FooDecode)"},
		{"inline-image.pdf", "", noTable},
		{"scanned.pdf", "", "no text layer: scanned PDF"},
	} {
		path := filepath.Join("..", "..", "testdata", "bad", tc.file)
		args := []string{"parse", path}
		if tc.password != "" {
			args = append(args, "--password", tc.password)
		}
		code, out, errs := run(t, nil, args...)
		want := "pet: " + path + ": " + tc.want + "\n"
		if code != ExitFailed || out != "" || errs != want {
			t.Errorf("%s (password %q): exit %d, stdout %d bytes, stderr %q; want exit 1 and %q", tc.file, tc.password, code, len(out), errs, want)
		}
	}
}

// TestParseBatchToXLSX: a batch with broken files among good ones lands in
// one workbook holding exactly the good files' rows, in input order.
func TestParseBatchToXLSX(t *testing.T) {
	dir := t.TempDir()
	var args []string
	for i := 0; i < 3; i++ {
		bad := filepath.Join(dir, "broken"+strconv.Itoa(i)+".pdf")
		if err := os.WriteFile(bad, []byte("%PDF-1.4\ngarbage"), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, calcPDF, bad, chromiumPDF)
	}
	out := filepath.Join(dir, "all.xlsx")
	code, _, errs := run(t, nil, append(append([]string{"parse", "-j", "2", "-q"}, args...), "-o", out)...)
	if code != ExitFailed || strings.Count(errs, "broken") != 3 {
		t.Fatalf("exit %d stderr %q", code, errs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("projects")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+6*41 {
		t.Fatalf("%d rows in projects, want header + %d", len(rows), 6*41)
	}
	if rows[1][0] != calcPDF || rows[42][0] != chromiumPDF || rows[83][0] != calcPDF {
		t.Errorf("sources out of order: %q %q %q", rows[1][0], rows[42][0], rows[83][0])
	}
}

func TestCodesListsEveryWarningCode(t *testing.T) {
	code, out, _ := run(t, nil, "codes")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, c := range check.Codes {
		if !strings.Contains(out, c.Code+" ") || !strings.Contains(out, c.Example) {
			t.Errorf("pet codes lacks %s", c.Code)
		}
	}
}
