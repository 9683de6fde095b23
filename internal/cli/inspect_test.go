package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInspectOnePage(t *testing.T) {
	code, out, errs := run(t, nil, "inspect", chromiumPDF, "--page", "1")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"table: on pages 1, 2, 3, 4, 5, 6, 7, 8, 9",
		"== page 1 of 9",
		"rows:   from ruling lines (Ruled)",
		"bottom: OPEN",
		"indicators_text",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "== page 2 ") {
		t.Error("--page 1 showed page 2")
	}
	if errs != "" {
		t.Errorf("stderr %q, want nothing", errs)
	}
}

func TestInspectWritesSVGs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "svg")
	code, out, errs := run(t, nil, "inspect", calcPDF, "--svg", dir)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if n := strings.Count(out, "== page "); n != 9 {
		t.Errorf("%d page reports, want 9", n)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 9 || names[0] != "page-001.svg" || names[8] != "page-009.svg" {
		t.Errorf("files %v, want page-001.svg … page-009.svg and nothing else", names)
	}
	data, err := os.ReadFile(filepath.Join(dir, "page-001.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `<rect class="cell" data-row="1" data-col="1"`) {
		t.Error("page-001.svg has no first cell")
	}
}

func TestInspectNoTable(t *testing.T) {
	code, out, errs := run(t, nil, "inspect", filepath.Join("..", "..", "testdata", "bad", "tiny.pdf"))
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q: a PDF without the table is what inspect is for", code, errs)
	}
	for _, want := range []string{"table: none found", "result: no project performance target table", "table:  none - 1 text lines"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
}

func TestInspectAndTextErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pdf")
	if err := os.WriteFile(bad, []byte("hello, not a PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.pdf")
	for _, c := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"inspect", bad}, ExitFailed, "pet: " + bad + ": not a PDF file\n"},
		{[]string{"text", bad}, ExitFailed, "pet: " + bad + ": not a PDF file\n"},
		{[]string{"inspect", missing}, ExitFailed, "pet: " + missing + ": no such file or directory\n"},
		{[]string{"text", missing, "-p", "2"}, ExitFailed, "pet: " + missing + ": no such file or directory\n"},
		{[]string{"inspect", chromiumPDF, "--page", "10"}, ExitUsage, "pet: --page 10: out of range, " + chromiumPDF + " has pages 1-9\n"},
		{[]string{"text", calcPDF, "-p", "99"}, ExitUsage, "pet: --page 99: out of range, " + calcPDF + " has pages 1-9\n"},
		{[]string{"inspect", calcPDF, "--page", "0"}, ExitUsage, "pet: --page must be at least 1, not 0\n"},
		{[]string{"inspect", calcPDF, "--page", "x"}, ExitUsage, ""},
		{[]string{"text"}, ExitUsage, ""},
		{[]string{"inspect", calcPDF, chromiumPDF}, ExitUsage, ""},
	} {
		code, out, errs := run(t, nil, c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, code, c.code, errs)
		}
		if c.stderr != "" && errs != c.stderr {
			t.Errorf("%v: stderr %q, want %q", c.args, errs, c.stderr)
		}
		if strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: stderr %q, want one line", c.args, errs)
		}
		if out != "" {
			t.Errorf("%v: stdout %q, want nothing on an error", c.args, out)
		}
	}
}

func TestTextPage(t *testing.T) {
	code, out, errs := run(t, nil, "text", chromiumPDF, "--page", "1")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.HasPrefix(out, "== page 1 of 9 ") || strings.Contains(out, "== page 2 ") {
		t.Errorf("want page 1 only:\n%s", out)
	}
	// The 部门名称 line holds the unit at its right end, a segment of its own.
	var dept, unit bool
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 6 && f[5] == "部门名称：广州市增城区政务服务数据管理局（增城开发区政务服务数据管理局）":
			dept = true
		case len(f) == 5 && f[4] == "单位：万元":
			unit = true
		}
	}
	if !dept || !unit {
		t.Errorf("no 部门名称 line with 单位：万元 as a second segment (%v %v):\n%s", dept, unit, out)
	}
}

func TestTextFromStdin(t *testing.T) {
	data, err := os.ReadFile(calcPDF)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, data, "text", "-", "-p", "9")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.HasPrefix(out, "== page 9 of 9 ") || !strings.Contains(out, "720.58") {
		t.Errorf("want page 9 with 720.58:\n%s", out)
	}
}

func TestFileErrorIsOnePrintableLine(t *testing.T) {
	cause := errors.New("xref not found: \x00\xff\n\u2028bad 项")
	err := fileError("a\tb.pdf", cause)
	if want := `a\tb.pdf: xref not found: \x00\xff\n\u2028bad 项`; err.Error() != want {
		t.Errorf("got %q, want %q", err.Error(), want)
	}
	if !errors.Is(err, cause) {
		t.Error("the cause is lost")
	}
}
