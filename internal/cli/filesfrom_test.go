package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sources returns the source of every document of a JSON array.
func sources(t *testing.T, out string) []string {
	t.Helper()
	var docs []struct{ Source string }
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("%v: %.200s", err, out)
	}
	var s []string
	for _, d := range docs {
		s = append(s, d.Source)
	}
	return s
}

func TestParseFilesFrom(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(calcPDF)
	if err != nil {
		t.Fatal(err)
	}
	odd := filepath.Join(dir, "a b\nc.pdf") // only a NUL-separated list can name it
	if err := os.WriteFile(odd, data, 0o644); err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(list, []byte(calcPDF+"\r\n\n"+chromiumPDF+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	code, out, errs := run(t, nil, "parse", "-q", "--files-from", list)
	if code != ExitOK {
		t.Fatalf("list file: exit %d, %s", code, errs)
	}
	if got := sources(t, out); !reflect.DeepEqual(got, []string{calcPDF, chromiumPDF}) {
		t.Errorf("list file: sources %q", got)
	}

	// find -print0 | pet parse --files-from - -0, after an argument.
	code, out, errs = run(t, []byte(odd+"\x00"+calcPDF+"\x00"), "parse", "-q", chromiumPDF, "--files-from", "-", "-0")
	if code != ExitOK {
		t.Fatalf("stdin -0: exit %d, %s", code, errs)
	}
	if got := sources(t, out); !reflect.DeepEqual(got, []string{chromiumPDF, odd, calcPDF}) {
		t.Errorf("stdin -0: sources %q", got)
	}

	// A missing listed file fails in its place; the others convert.
	code, out, errs = run(t, []byte("nope.pdf\n"+calcPDF+"\n"), "parse", "--files-from", "-")
	if code != ExitFailed || !strings.Contains(errs, "nope.pdf") || len(sources(t, out)) != 1 {
		t.Errorf("missing listed file: exit %d, stderr %q", code, errs)
	}

	for _, tc := range []struct {
		stdin string
		args  []string
		code  int
		msg   string
	}{
		{"", []string{"--files-from", filepath.Join(dir, "none.txt")}, ExitFailed, "--files-from"},
		{"", []string{"--files-from", "-"}, ExitUsage, "no PDF found"},
		{"\n\n", []string{"--files-from", "-"}, ExitUsage, "no PDF found"},
		{"", []string{calcPDF, "-0"}, ExitUsage, "-0"},
		{"x.pdf\n", []string{"-", "--files-from", "-"}, ExitUsage, "standard input"},
		{"-\n", []string{"--files-from", "-"}, ExitUsage, "lists -"},
		{"", nil, ExitUsage, "--files-from"},
	} {
		code, _, errs := run(t, []byte(tc.stdin), append([]string{"parse"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errs, tc.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.msg)
		}
	}
}
