package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// parquetRows opens a Parquet file and returns its row count and columns.
func parquetRows(t *testing.T, path string) (int64, []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var cols []string
	for _, c := range f.Schema().Columns() {
		cols = append(cols, strings.Join(c, "."))
	}
	return f.NumRows(), cols
}

func TestParseParquet(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "all.parquet")
	if code, _, errs := run(t, nil, "parse", "-q", "-o", out, calcPDF, chromiumPDF); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s written besides the per-table files", out)
	}
	for _, tc := range []struct {
		file string
		rows int64
		col  string
	}{
		{"all.projects.parquet", 2 * 41, "indicators_count"},
		{"all.indicators.parquet", 2 * 172, "indicator_name"},
	} {
		n, cols := parquetRows(t, filepath.Join(dir, tc.file))
		if n != tc.rows || !strings.Contains(strings.Join(cols, " "), tc.col) {
			t.Errorf("%s: %d rows, columns %q; want %d rows and %s", tc.file, n, cols, tc.rows, tc.col)
		}
	}

	one := filepath.Join(dir, "ind.parquet")
	if code, _, errs := run(t, nil, "parse", "-q", "--table", "indicators", "-o", one, calcPDF); code != ExitOK {
		t.Fatalf("--table: exit %d: %s", code, errs)
	}
	if n, _ := parquetRows(t, one); n != 172 {
		t.Errorf("%s: %d rows, want 172", one, n)
	}

	perInput := filepath.Join(dir, "each") + "/"
	if code, _, errs := run(t, nil, "parse", "-q", "-f", "parquet", "-o", perInput, calcPDF, chromiumPDF); code != ExitOK {
		t.Fatalf("per input: exit %d: %s", code, errs)
	}
	entries, _ := os.ReadDir(perInput)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := []string{"zengcheng-2023.calc.indicators.parquet", "zengcheng-2023.calc.projects.parquet",
		"zengcheng-2023.chromium.indicators.parquet", "zengcheng-2023.chromium.projects.parquet"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("per input files %q, want %q", names, want)
	}

	code, stdout, errs := run(t, nil, "parse", "-f", "parquet", calcPDF)
	if code != ExitUsage || stdout != "" || !strings.Contains(errs, "--table") {
		t.Errorf("parquet to stdout without --table: exit %d, stderr %q", code, errs)
	}
	code, stdout, _ = run(t, nil, "parse", "-q", "-f", "parquet", "--table", "projects", calcPDF)
	if code != ExitOK || !strings.HasPrefix(stdout, "PAR1") {
		t.Errorf("parquet to stdout with --table: exit %d, %.8q", code, stdout)
	}
}
