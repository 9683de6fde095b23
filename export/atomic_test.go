package export

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/petool/pet/internal/atomicfile"
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

// TestAtomicWriteOfFailedBatch: an XLSX written through atomicfile.Write
// that fails leaves the old file and no temporary file.
func TestAtomicWriteOfFailedBatch(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := loadGoldenInput(t)
	// A failed batch (a second document without Multi) leaves the old file.
	err := atomicfile.Write(path, func(w io.Writer) error {
		ew, err := NewWriter(w, Options{Format: XLSX})
		if err != nil {
			return err
		}
		if err := ew.Write(doc); err != nil {
			return err
		}
		if err := ew.Write(doc); err != nil {
			_ = ew.Close()
			return err
		}
		return ew.Close()
	})
	if err == nil {
		t.Fatal("no error")
	}
	if got := readFile(t, path); got != "old" {
		t.Errorf("old file changed")
	}
	if names := dirEntries(t, dir); len(names) != 1 {
		t.Errorf("temporary file left behind: %v", names)
	}
}
