package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// dirEntries lists the names in dir.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := Write(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "new" {
		t.Errorf("content %q", got)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	if names := dirEntries(t, dir); len(names) != 1 {
		t.Errorf("directory holds %v", names)
	}

	// Replacing keeps the mode of the file replaced.
	if runtime.GOOS != "windows" {
		if err := os.Chmod(path, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := Write(path, func(w io.Writer) error {
			_, err := io.WriteString(w, "newer")
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v after replacing, want 0600", fi.Mode().Perm())
		}
	}
}

func TestWriteFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old content"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		// Enough to pass the write buffer, so a partial file exists.
		if _, err := io.WriteString(w, strings.Repeat("partial ", 50000)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v, want boom naming the path", err)
	}
	if got := readFile(t, path); got != "old content" {
		t.Errorf("old file changed to %.20q…", got)
	}
	if names := dirEntries(t, dir); len(names) != 1 {
		t.Errorf("temporary file left behind: %v", names)
	}

	// A failure with no file there leaves none.
	path2 := filepath.Join(dir, "new.json")
	if err := Write(path2, func(io.Writer) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("error %v", err)
	}
	if _, err := os.Stat(path2); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file was left at %s: %v", path2, err)
	}
}

func TestWritePanicKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() {
			if p := recover(); p != "kaput" {
				t.Errorf("panic %v not passed on", p)
			}
		}()
		_ = Write(path, func(w io.Writer) error {
			_, _ = io.WriteString(w, "partial")
			panic("kaput")
		})
	}()
	if got := readFile(t, path); got != "old" {
		t.Errorf("old file changed to %q", got)
	}
	if names := dirEntries(t, dir); len(names) != 1 {
		t.Errorf("temporary file left behind: %v", names)
	}
}

func TestWriteSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "real.csv")
	link := filepath.Join(dir, "link.csv")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.csv", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link replaced by a file")
	}
	if got := readFile(t, real); got != "new" {
		t.Errorf("target holds %q", got)
	}
}

func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	ok := func(w io.Writer) error { return nil }
	if err := Write(filepath.Join(dir, "missing", "out.csv"), ok); err == nil {
		t.Error("no error for a missing directory")
	}
	if err := Write(dir, ok); err == nil {
		t.Error("no error for a directory")
	}
	if names := dirEntries(t, dir); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
}

// TestConcurrentWrites: pet writes one file per input from the batch's
// emitter while the signal handler may read the set of temporary files;
// writes from several goroutines each land whole, and none is left tracked.
func TestConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	const n = 8
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func(i int) {
			errs <- Write(filepath.Join(dir, fmt.Sprintf("f%d.txt", i)), func(w io.Writer) error {
				_, err := fmt.Fprintf(w, "file %d", i)
				return err
			})
		}(i)
	}
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < n; i++ {
		if got, want := readFile(t, filepath.Join(dir, fmt.Sprintf("f%d.txt", i))), fmt.Sprintf("file %d", i); got != want {
			t.Errorf("f%d.txt = %q, want %q", i, got, want)
		}
	}
	if names := dirEntries(t, dir); len(names) != n {
		t.Errorf("%d files, want %d: %v", len(names), n, names)
	}
	tempMu.Lock()
	left := len(temps)
	tempMu.Unlock()
	if left != 0 {
		t.Errorf("%d temporary files still tracked", left)
	}
}

// TestRemoveTempsLeavesNoFile: however CreateTemp calls and RemoveTemps
// interleave, once RemoveTemps returns (the process exits next) no
// temporary file is on disk, and none is created after it.
func TestRemoveTempsLeavesNoFile(t *testing.T) {
	defer func() { // let the other tests write again
		tempMu.Lock()
		closing = false
		tempMu.Unlock()
	}()
	for trial := 0; trial < 50; trial++ {
		dir := t.TempDir()
		tempMu.Lock()
		closing = false
		tempMu.Unlock()
		const writers = 4
		done := make(chan struct{})
		for w := 0; w < writers; w++ {
			go func() {
				defer func() { done <- struct{}{} }()
				for {
					f, _, err := CreateTemp(dir, ".out.tmp-*")
					if errors.Is(err, ErrExiting) {
						return
					}
					if err != nil {
						t.Error(err)
						return
					}
					f.Close() // kept recorded: a write under way
					runtime.Gosched()
				}
			}()
		}
		for len(dirEntries(t, dir)) < trial%7 {
			runtime.Gosched()
		}
		RemoveTemps()
		if names := dirEntries(t, dir); len(names) != 0 {
			t.Fatalf("trial %d: %d temporary files on disk after RemoveTemps: %v", trial, len(names), names)
		}
		for w := 0; w < writers; w++ {
			<-done
		}
		if names := dirEntries(t, dir); len(names) != 0 {
			t.Fatalf("trial %d: %d temporary files created after RemoveTemps", trial, len(names))
		}
	}
}
