package cli

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"
)

// vmFlags returns the VmFlags of the mapping of /proc/self/smaps that
// holds address a.
func vmFlags(t *testing.T, a uintptr) string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 && strings.Contains(line, " ") {
			in = lo <= a && a < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return line
		}
	}
	t.Fatalf("no mapping holds %#x", a)
	return ""
}

// TestInputBufferAsksForHugePages: a buffer for a file of a megabyte or
// more starts at a 2 MB boundary, and its memory is marked for huge pages
// (VmFlags hg); a smaller one is plain memory.
func TestInputBufferAsksForHugePages(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage"); err != nil {
		t.Skip("this kernel has no transparent huge pages")
	}
	b := inputBuffer(100, 3<<20)
	if len(b) != 100 || cap(b) != 3<<20 {
		t.Fatalf("len %d cap %d, want 100, %d", len(b), cap(b), 3<<20)
	}
	start := uintptr(unsafe.Pointer(&b[:1][0]))
	if start%hugePage != 0 {
		t.Errorf("buffer at %#x, not at a 2 MB boundary", start)
	}
	b = b[:cap(b)]
	for i := range b { // the whole capacity is the caller's
		b[i] = byte(i)
	}
	for _, a := range []uintptr{start, start + uintptr(cap(b)) - 1} {
		if flags := vmFlags(t, a); !strings.Contains(flags, " hg") {
			t.Errorf("memory at %#x not marked for huge pages: %s", a, flags)
		}
	}
	// A last part under a quarter of a 2 MB page is left to 4 KB pages:
	// a huge page costs its whole 2 MB to clear.
	b = inputBuffer(0, 4<<20+100<<10)
	start = uintptr(unsafe.Pointer(&b[:1][0]))
	if flags := vmFlags(t, start+4<<20-1); !strings.Contains(flags, " hg") {
		t.Errorf("the second 2 MB page is not marked for huge pages: %s", flags)
	}
	if flags := vmFlags(t, start+4<<20); strings.Contains(flags, " hg") {
		t.Errorf("the last 100 KB are marked for huge pages: %s", flags)
	}
	small := inputBuffer(10, 64<<10)
	if len(small) != 10 || cap(small) != 64<<10 {
		t.Errorf("small buffer: len %d cap %d", len(small), cap(small))
	}
}
