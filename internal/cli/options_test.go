package cli

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/petool/pet/check"
	"github.com/petool/pet/export"
)

// testIO returns streams over buffers: standard input reads in.
func testIO(in string) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &IOStreams{In: strings.NewReader(in), Out: &out, ErrOut: &errb}, &out, &errb
}

// parsedParseOptions runs pet parse's flag parsing on args and returns the
// options it would run with, or the error it stopped at.
func parsedParseOptions(t *testing.T, args ...string) (*ParseOptions, error) {
	t.Helper()
	ios, _, _ := testIO("")
	var got *ParseOptions
	cmd := NewCmdParse(ios, func(o *ParseOptions) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err != nil {
		return nil, err
	}
	if got == nil {
		t.Fatalf("%q: runF was not called", args)
	}
	return got, nil
}

// TestNewCmdParseFillsOptions: the flags land in the fields, "was it
// given" included, and the defaults are pet's.
func TestNewCmdParseFillsOptions(t *testing.T) {
	o, err := parsedParseOptions(t, "a.pdf", "dir/")
	if err != nil {
		t.Fatal(err)
	}
	want := defaultParseOptions(o.IO)
	want.Inputs = []string{"a.pdf", "dir/"}
	want.plan = o.plan
	if !reflect.DeepEqual(o, want) {
		t.Errorf("defaults:\n got %+v\nwant %+v", o, want)
	}
	if o.Jobs != runtime.NumCPU() || o.Lang != "en" || o.BOMSet || o.Limits.Timeout != DefaultTimeout {
		t.Errorf("defaults: jobs %d lang %q bomSet %v timeout %v", o.Jobs, o.Lang, o.BOMSet, o.Limits.Timeout)
	}

	o, err = parsedParseOptions(t, "-o", "x.csv", "--bom=false", "-j", "3", "--lang", "zh", "--table", "indicators",
		"--max-input-size", "2M", "--max-pages", "7", "--timeout", "5s", "-q", "--strict", "-v", "--files-from", "list", "-0")
	if err != nil {
		t.Fatal(err)
	}
	if !o.BOMSet || o.BOM || o.Jobs != 3 || o.Lang != "zh" || o.Table != "indicators" || !o.Quiet || !o.Strict || !o.Verbose ||
		o.FilesFrom != "list" || !o.NUL || o.Limits != (LimitOptions{MaxInputSize: 2 << 20, MaxPages: 7, Timeout: 5 * time.Second}) {
		t.Errorf("flags: %+v", o)
	}
	// Validate worked out the plan: a CSV file of indicators, headers in
	// Chinese, no byte order mark since --bom=false was given.
	wantPlan := export.Options{Format: export.CSV, Table: export.Indicators, Lang: "zh"}
	if o.plan.toFile != "x.csv" || o.plan.opts != wantPlan {
		t.Errorf("plan %+v, want x.csv with %+v", o.plan, wantPlan)
	}
}

// TestParseOptionsValidate checks options built without cobra: each bad
// combination is a usage error that names what is wrong.
func TestParseOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(*ParseOptions)
		want string // "" for valid
	}{
		{"defaults", func(*ParseOptions) {}, ""},
		{"no inputs", func(o *ParseOptions) { o.Inputs = nil }, "requires at least 1 arg"},
		{"files-from only", func(o *ParseOptions) { o.Inputs, o.FilesFrom = nil, "list" }, ""},
		{"-0 alone", func(o *ParseOptions) { o.NUL = true }, "-0 applies to the --files-from list"},
		{"stdin twice", func(o *ParseOptions) { o.Inputs, o.FilesFrom = []string{"-"}, "-" }, "both the --files-from list and a PDF"},
		{"jobs", func(o *ParseOptions) { o.Jobs = 0 }, "--jobs must be at least 1, not 0"},
		{"max pages", func(o *ParseOptions) { o.Limits.MaxPages = 0 }, "--max-pages must be at least 1"},
		{"timeout", func(o *ParseOptions) { o.Limits.Timeout = -time.Second }, "--timeout must not be negative"},
		{"format", func(o *ParseOptions) { o.Format = "pdf" }, `unknown format "pdf"`},
		{"extension", func(o *ParseOptions) { o.Output = "x.txt" }, `unknown extension ".txt"`},
		{"table of json", func(o *ParseOptions) { o.Table = "indicators" }, "a table (indicators) can be chosen for csv and parquet only, not json"},
		{"unknown table", func(o *ParseOptions) { o.Format, o.Table = "csv", "rows" }, `unknown table "rows"`},
		{"zh json", func(o *ParseOptions) { o.Lang = "zh" }, "header language zh applies to csv and xlsx only, not json"},
		{"lang", func(o *ParseOptions) { o.Format, o.Lang = "csv", "fr" }, `unknown header language "fr"`},
		{"bom yaml", func(o *ParseOptions) { o.Format, o.BOM, o.BOMSet = "yaml", true, true }, "--bom applies to csv only, not yaml"},
		{"bom=false yaml", func(o *ParseOptions) { o.Format, o.BOM, o.BOMSet = "yaml", false, true }, ""},
		{"parquet stdout", func(o *ParseOptions) { o.Format = "parquet" }, "parquet on standard output holds one table"},
		{"parquet table stdout", func(o *ParseOptions) { o.Format, o.Table = "parquet", "indicators" }, ""},
	} {
		ios, _, _ := testIO("")
		o := defaultParseOptions(ios)
		o.Inputs = []string{"a.pdf"}
		tc.set(o)
		err := o.Validate()
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != ExitUsage || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want a usage error with %q", tc.name, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "export:") {
			t.Errorf("%s: %q carries the export package prefix", tc.name, err)
		}
	}
}

// TestParseRunWithOptions calls parseRun with options built in the test,
// no cobra involved.
func TestParseRunWithOptions(t *testing.T) {
	ios, out, errb := testIO("")
	o := defaultParseOptions(ios)
	o.Inputs, o.Format, o.Table, o.Jobs = []string{calcPDF}, "csv", "projects", 1
	if err := parseRun(o); err != nil {
		t.Fatalf("parseRun: %v (stderr %q)", err, errb)
	}
	rows, err := csv.NewReader(out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 42 { // header + 41 rows
		t.Fatalf("%d lines, want 42", len(rows))
	}
	if strings.HasPrefix(rows[0][0], "\ufeff") {
		t.Error("byte order mark on standard output without --bom")
	}
	if rows[0][7] != "total" || rows[1][4] != "total" || rows[1][7] != "5651.84" {
		t.Errorf("header %q, first row %q; want total 5651.84", rows[0], rows[1])
	}

	// --strict: the document has 5 indicator-level-mismatch warnings, so
	// the run is exit 3, and the warnings are on standard error.
	ios, _, errb = testIO("")
	o = defaultParseOptions(ios)
	o.Inputs, o.Strict = []string{calcPDF}, true
	err = parseRun(o)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != ExitWarning {
		t.Errorf("strict: error %v, want exit %d", err, ExitWarning)
	}
	if !strings.Contains(errb.String(), "5 warnings: indicator-level-mismatch 5") {
		t.Errorf("strict: stderr %q", errb)
	}
}

func TestInspectAndTextRunWithOptions(t *testing.T) {
	ios, out, _ := testIO("")
	err := textRun(&TextOptions{IO: ios, PageOptions: PageOptions{Path: calcPDF, Page: 2, PageSet: true, Limits: defaultLimits()}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "== page 2 of 9 ") {
		t.Errorf("text of page 2 starts %.40q", out.String())
	}

	ios, out, _ = testIO("")
	err = inspectRun(&InspectOptions{IO: ios, PageOptions: PageOptions{Path: calcPDF, Page: 1, PageSet: true, Limits: defaultLimits()}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "pages: 9\ntable: on pages 1, 2,") {
		t.Errorf("inspect of page 1: %.80q", out.String())
	}

	for _, f := range []PageOptions{
		{Path: calcPDF, Page: 0, PageSet: true, Limits: defaultLimits()},
		{Path: calcPDF, Page: -2, Limits: defaultLimits()},
		{Path: calcPDF, Page: 99, PageSet: true, Limits: defaultLimits()},
		{Path: calcPDF},
	} {
		ios, _, _ := testIO("")
		err := textRun(&TextOptions{IO: ios, PageOptions: f})
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != ExitUsage {
			t.Errorf("%+v: error %v, want a usage error", f, err)
		}
	}
}

func TestCodesAndVersionRun(t *testing.T) {
	ios, out, _ := testIO("")
	if err := codesRun(&CodesOptions{IO: ios}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), " example: "); n != len(check.Codes) {
		t.Errorf("%d examples, want %d", n, len(check.Codes))
	}
	ios, out, _ = testIO("")
	if err := versionRun(&VersionOptions{IO: ios}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "pet ") || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("version %q", out.String())
	}
}

// TestNewCmdPageOptions: --page given as 0 is refused, not given means
// every page.
func TestNewCmdPageOptions(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		page    int
		pageSet bool
		err     string
	}{
		{[]string{"x.pdf"}, 0, false, ""},
		{[]string{"x.pdf", "-p", "3"}, 3, true, ""},
		{[]string{"x.pdf", "--page", "0"}, 0, true, "--page must be at least 1, not 0"},
	} {
		ios, _, _ := testIO("")
		var got *TextOptions
		cmd := NewCmdText(ios, func(o *TextOptions) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		err := cmd.Execute()
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.args, err, tc.err)
			}
			continue
		}
		if err != nil || got.Path != "x.pdf" || got.Page != tc.page || got.PageSet != tc.pageSet {
			t.Errorf("%q: %v %+v", tc.args, err, got)
		}
	}
}
