package inputs

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.pdf", "a.PDF", "notes.txt", "sub/c.pdf", "sub/deeper/d.pdf"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := Expand([]string{"-", filepath.Join(dir, "notes.txt"), dir, "missing.pdf"})
	var paths []string
	for _, in := range got {
		if in.Err != nil {
			t.Errorf("%s: unexpected error %v", in.Path, in.Err)
		}
		rel, err := filepath.Rel(dir, in.Path)
		if err != nil || in.Path == "-" || in.Path == "missing.pdf" {
			rel = in.Path
		}
		paths = append(paths, filepath.ToSlash(rel))
	}
	want := []string{"-", "notes.txt", "a.PDF", "b.pdf", "sub/c.pdf", "sub/deeper/d.pdf", "missing.pdf"}
	if !reflect.DeepEqual(paths, want) {
		t.Fatalf("Expand = %v, want %v", paths, want)
	}
}

// TestExpandTakesOnlyRegularFiles: a FIFO named x.pdf in a directory would
// hang pet; a link to a regular file is taken.
func TestExpandTakesOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("%PDF-"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.pdf"), 0o644); err != nil {
		t.Skip("no FIFOs:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.pdf"), filepath.Join(dir, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.pdf"))
	var got []string
	for _, in := range Expand([]string{dir}) {
		got = append(got, filepath.Base(in.Path))
	}
	if strings.Join(got, " ") != "a.pdf link.pdf" {
		t.Fatalf("inputs %v, want a.pdf link.pdf", got)
	}
}

func TestReadList(t *testing.T) {
	for _, tc := range []struct {
		in   string
		nul  bool
		want []string
	}{
		{"a.pdf\nb c.pdf\n", false, []string{"a.pdf", "b c.pdf"}},
		{"a.pdf\r\n\r\n\nb.pdf", false, []string{"a.pdf", "b.pdf"}},
		{" lead.pdf \n", false, []string{" lead.pdf "}},
		{"a.pdf\x00new\nline.pdf\x00\x00last.pdf", true, []string{"a.pdf", "new\nline.pdf", "last.pdf"}},
		{"x\r\x00", true, []string{"x\r"}},
		{"", false, nil},
		{"", true, nil},
	} {
		got, err := ReadList(strings.NewReader(tc.in), tc.nul)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ReadList(%q, %v) = %q, %v; want %q", tc.in, tc.nul, got, err, tc.want)
		}
	}
	if _, err := ReadList(strings.NewReader(strings.Repeat("x", maxListedPath+1)), false); err == nil {
		t.Error("an endless line was read as a path")
	}
}

func TestUniqueNames(t *testing.T) {
	for _, tc := range []struct {
		paths []string
		want  []string
	}{
		{[]string{"d1/a.pdf", "d1/a-2.pdf", "d2/a.pdf"}, []string{"a.json", "a-2.json", "a-3.json"}},
		{[]string{"x/Budget.PDF", "y/budget.pdf"}, []string{"Budget.json", "budget-2.json"}},
		{[]string{"-", "stdin.pdf"}, []string{"stdin.json", "stdin-2.json"}},
		{[]string{".pdf", "d/"}, []string{"output.json", "d.json"}},
	} {
		ins := make([]Input, len(tc.paths))
		for i, p := range tc.paths {
			ins[i] = Input{Path: p}
		}
		if got := UniqueNames(ins, "json"); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("UniqueNames(%q) = %q, want %q", tc.paths, got, tc.want)
		}
	}
}

func TestCountStdin(t *testing.T) {
	if n := CountStdin(Expand([]string{"-", "a.pdf", "-"})); n != 2 {
		t.Fatalf("CountStdin = %d, want 2", n)
	}
}

func TestReadListFile(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "list")
	if err := os.WriteFile(list, []byte("a.pdf\nb.pdf\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadListFile(list, nil, false)
	if err != nil || !reflect.DeepEqual(got, []string{"a.pdf", "b.pdf"}) {
		t.Fatalf("ReadListFile = %q, %v", got, err)
	}
	got, err = ReadListFile(Stdin, strings.NewReader("c.pdf\x00"), true)
	if err != nil || !reflect.DeepEqual(got, []string{"c.pdf"}) {
		t.Fatalf("ReadListFile(-) = %q, %v", got, err)
	}
	if _, err := ReadListFile(filepath.Join(dir, "missing"), nil, false); err == nil || !strings.HasPrefix(err.Error(), "--files-from: ") {
		t.Fatalf("missing list: error %v", err)
	}
	if _, err := ReadListFile(Stdin, strings.NewReader(strings.Repeat("x", maxListedPath+1)), false); err == nil || !strings.HasPrefix(err.Error(), "--files-from standard input: ") {
		t.Fatalf("endless list: error %v", err)
	}
}
