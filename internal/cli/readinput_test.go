package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/iotest"

	"github.com/petool/pet/internal/inputs"
)

// TestReadInput: a file or standard input is read whole and exactly, at the
// limit or under it, and refused over it, however the reader splits its
// data.
func TestReadInput(t *testing.T) {
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("0123456789abcdef"), 20000)...)
	path := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		stdin io.Reader
		limit int64
		ok    bool
	}{
		{"file", nil, 1 << 20, true},
		{"file at the limit", nil, int64(len(pdf)), true},
		{"file over the limit", nil, int64(len(pdf)) - 1, false},
		{"stdin", bytes.NewReader(pdf), 1 << 20, true},
		{"stdin a byte at a time", iotest.OneByteReader(bytes.NewReader(pdf)), 1 << 20, true},
		{"stdin at the limit", iotest.HalfReader(bytes.NewReader(pdf)), int64(len(pdf)), true},
		{"stdin over the limit", bytes.NewReader(pdf), int64(len(pdf)) - 1, false},
	} {
		p := path
		if tc.stdin != nil {
			p = inputs.Stdin
		}
		got, err := readInput(p, tc.stdin, tc.limit)
		if !tc.ok {
			if err == nil || err.Error() != inputTooLarge(tc.limit).Error() {
				t.Errorf("%s: err %v, want the size limit", tc.name, err)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, pdf) {
			t.Errorf("%s: %d bytes, err %v; want the %d bytes of the input", tc.name, len(got), err, len(pdf))
		}
	}
}

// TestReadInputAllocatesTheFileOnce: a regular file is read into one
// buffer of its size, not grown by doubling (which allocated and faulted in
// about three times the file).
func TestReadInputAllocatesTheFileOnce(t *testing.T) {
	const size = 8 << 20
	pdf := make([]byte, size)
	copy(pdf, "%PDF-1.7\n")
	path := filepath.Join(t.TempDir(), "big.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got, err := readInput(path, nil, 64<<20)
	runtime.ReadMemStats(&after)
	if err != nil || len(got) != size {
		t.Fatalf("%d bytes, err %v", len(got), err)
	}
	// inputBuffer's 2 MB margins are allocated but never touched.
	if d := after.TotalAlloc - before.TotalAlloc; d > size+size/8+2*hugePage {
		t.Errorf("reading %d bytes allocated %d", size, d)
	}
}

// TestReadInputInHalves: a file of a megabyte or more, read in two halves
// at once, comes out byte for byte; should a half come short (the file
// shorter than its size said), readHalves leaves the buffer and the file
// offset where they were, for the sequential read.
func TestReadInputInHalves(t *testing.T) {
	pdf := []byte("%PDF-1.7\n")
	for i := 0; len(pdf) < 3<<20+12345; i++ {
		pdf = append(pdf, byte(i*7+i/251))
	}
	path := filepath.Join(t.TempDir(), "big.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readInput(path, nil, 64<<20)
	if err != nil || !bytes.Equal(got, pdf) {
		t.Fatalf("%d bytes, err %v; want the file's %d", len(got), err, len(pdf))
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); err != nil {
		t.Fatal(err)
	}
	size := int64(len(pdf))
	if out := readHalves(f, append(make([]byte, 0, size+2000), head...), size+1000); len(out) != len(head) {
		t.Errorf("a short half: %d bytes read, want the %d before", len(out), len(head))
	}
	if off, _ := f.Seek(0, io.SeekCurrent); off != int64(len(head)) {
		t.Errorf("a short half: offset %d, want %d", off, len(head))
	}
	out := readHalves(f, append(make([]byte, 0, size+1), head...), size)
	if !bytes.Equal(out, pdf) {
		t.Errorf("halves: %d bytes, not the file", len(out))
	}
	if off, _ := f.Seek(0, io.SeekCurrent); off != size {
		t.Errorf("offset %d after the halves, want %d", off, size)
	}
}
