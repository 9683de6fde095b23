package batch

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
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

func TestRunKeepsInputOrder(t *testing.T) {
	inputs := make([]Input, 200)
	for i := range inputs {
		inputs[i] = Input{Path: fmt.Sprint(i)}
	}
	for _, jobs := range []int{1, 2, 7} {
		var inFlight, maxInFlight atomic.Int32
		var got []string
		err := Run(inputs, jobs, func(in Input) (string, error) {
			n := inFlight.Add(1)
			for {
				m := maxInFlight.Load()
				if n <= m || maxInFlight.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(time.Duration(rand.Intn(300)) * time.Microsecond)
			inFlight.Add(-1)
			if in.Path == "13" {
				return "", errors.New("bad file")
			}
			return "doc " + in.Path, nil
		}, func(r Result[string]) error {
			if r.Err != nil {
				got = append(got, "err "+r.Input.Path)
			} else {
				got = append(got, r.Value)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(inputs) {
			t.Fatalf("jobs %d: %d results, want %d", jobs, len(got), len(inputs))
		}
		for i, g := range got {
			want := fmt.Sprintf("doc %d", i)
			if i == 13 {
				want = "err 13"
			}
			if g != want {
				t.Fatalf("jobs %d: result %d = %q, want %q", jobs, i, g, want)
			}
		}
		if m := maxInFlight.Load(); int(m) > jobs {
			t.Errorf("jobs %d: %d conversions ran at once", jobs, m)
		}
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	inputs := make([]Input, 100)
	var converted atomic.Int32
	stop := errors.New("disk full")
	err := Run(inputs, 2, func(Input) (int, error) {
		converted.Add(1)
		return 0, nil
	}, func(r Result[int]) error {
		if r.Index == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want %v", err, stop)
	}
	if n := converted.Load(); n > 5+2*2+1 {
		t.Errorf("%d conversions after the emitter stopped at 5 with window 4", n)
	}
}

func TestRunRecoversPanics(t *testing.T) {
	var errs int
	err := Run([]Input{{Path: "a"}, {Path: "b"}}, 2, func(in Input) (int, error) {
		if in.Path == "a" {
			panic("boom")
		}
		return 1, nil
	}, func(r Result[int]) error {
		if r.Err != nil {
			errs++
		}
		return nil
	})
	if err != nil || errs != 1 {
		t.Fatalf("err %v, %d failed results; want nil and 1", err, errs)
	}
}

func TestRunHidesRuntimeErrors(t *testing.T) {
	var msg string
	Run([]Input{{Path: "a"}}, 1, func(in Input) (int, error) {
		var s []int
		return s[3], nil
	}, func(r Result[int]) error {
		msg = r.Err.Error()
		return nil
	})
	if msg != "internal error while reading the file" {
		t.Fatalf("message %q", msg)
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
