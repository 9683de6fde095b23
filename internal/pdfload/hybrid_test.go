package pdfload

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// hybridFiles are the shipped files with a hybrid cross-reference (Word's
// /XRefStm), real ones first.
var hybridFiles = []string{
	"../../testdata/realworld/2026/021-quanzhou-001.pdf",
	"../../testdata/realworld/18f8ff93.pdf",
	"../../testdata/realworld/388d3e6d.pdf",
	"../../testdata/realworld/54220b73.pdf",
	"../../testdata/realworld/5ca3f90b.pdf",
	"../../testdata/bad/hybrid-xref.pdf",
}

// libraryObjects opens data followed by tail with the library and returns
// every object it reads through the new cross-reference, as text.
func libraryObjects(t *testing.T, data, tail []byte) []string {
	t.Helper()
	j := joined{data, tail}
	r, err := pdf.NewReader(j, int64(len(data)+len(tail)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range mustWalk(t, r) {
		out = append(out, p.Contents.String(), p.Resources.String())
	}
	return out
}

func mustWalk(t *testing.T, r *pdf.Reader) []PageRef {
	t.Helper()
	pages, err := walkPages(r, 100000, 1)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestMergeHybridIsTheRebuild: on every hybrid file shipped, the merged
// cross-reference is taken (every entry checked against its object) and
// the library reads the same pages, contents and resources through it as
// through the one rebuilt by scanning the file.
func TestMergeHybridIsTheRebuild(t *testing.T) {
	for _, f := range hybridFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !inspect(data).hybrid {
			t.Fatalf("%s: not hybrid", f)
		}
		merged, err := mergeHybrid(data)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		scanned, err := rebuild(data)
		if err != nil {
			t.Fatal(err)
		}
		got, want := libraryObjects(t, data, merged), libraryObjects(t, data, scanned)
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d page values through the merged cross-reference, %d through the rebuilt one, or they differ", filepath.Base(f), len(got), len(want))
		}
	}
}

// TestMergeHybridChecksOffsets: an entry whose offset does not hold its
// object makes the merge fail, and Load reads the file by scanning it.
func TestMergeHybridChecksOffsets(t *testing.T) {
	data, err := os.ReadFile(hybridFiles[len(hybridFiles)-1])
	if err != nil {
		t.Fatal(err)
	}
	// Move the first in-use entry of the table by one byte.
	i := bytes.Index(data, []byte(" 00000 n"))
	if i < 10 {
		t.Fatal("no in-use entry")
	}
	bad := bytes.Clone(data)
	copy(bad[i-10:i], []byte(strings.Repeat("0", 9)+"1"))
	if _, err := mergeHybrid(bad); err == nil || !strings.Contains(err.Error(), "not at offset") {
		t.Errorf("wrong offset: %v", err)
	}
	// Load still reads the file, by scanning it.
	if d, err := Load(bad, Options{}); err != nil || d.NumPages == 0 {
		t.Errorf("Load of the file with a wrong offset: %v", err)
	}
}

func TestFixedEntry(t *testing.T) {
	for _, tc := range []struct {
		in       string
		off, gen int
		kind     byte
		ok       bool
	}{
		{"0000012345 00000 n\r\n", 12345, 0, 'n', true},
		{"0000000000 65535 f \n", 0, 65535, 'f', true},
		{"0000000017 00002 n", 17, 2, 'n', true},
		{"000000017 00002 n\r\n", 0, 0, 0, false},
		{"0000000017 00002 x\r\n", 0, 0, 0, false},
		{"00000000a7 00002 n\r\n", 0, 0, 0, false},
		{"0000000017 00002 nn\n", 0, 0, 0, false},
	} {
		off, gen, kind, ok := fixedEntry([]byte(tc.in))
		if off != tc.off || gen != tc.gen || kind != tc.kind || ok != tc.ok {
			t.Errorf("%q: %d %d %q %v, want %d %d %q %v", tc.in, off, gen, kind, ok, tc.off, tc.gen, tc.kind, tc.ok)
		}
	}
}
