package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 400},
		{4 << 20, 400},   // a small table: the heap may grow to 5x
		{12 << 20, 300},  // up to the budget of 48 MiB
		{16 << 20, 200},  //
		{24 << 20, 100},  // the default from half the budget on
		{500 << 20, 100}, // never below it
	} {
		if got := gcPercent(c.live); got != c.want {
			t.Errorf("gcPercent(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

func TestOnePDF(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.PDF")
	for _, f := range []string{a, b} {
		if err := os.WriteFile(f, []byte("%PDF-1.4"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"parse", "-q", a}, true},
		{[]string{"parse", b, "-o", filepath.Join(dir, "out.xlsx")}, true},
		{[]string{"parse", a, b}, false},
		{[]string{"parse", dir}, false},
		{[]string{"parse", a, dir}, false},
		{[]string{"parse", "--files-from", a}, false},
		{[]string{"parse", "-"}, false},
		{[]string{"parse", filepath.Join(dir, "missing.pdf")}, false},
		{[]string{"--version"}, false},
	} {
		if got := onePDF(c.args); got != c.want {
			t.Errorf("onePDF(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
