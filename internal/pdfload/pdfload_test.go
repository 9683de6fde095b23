package pdfload

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
)

// How a file should come out of Load.
const (
	fast      = iota // the library read it as it is
	fixed            // a byte-level fix of header, tail or /Prev chain
	rebuilt          // cross-reference data rebuilt from the objects
	rewritten        // rewritten by pdfcpu
)

type badCase struct {
	file     string
	password string
	pages    int   // expected page count when err is nil
	err      error // expected kind
	path     int   // fast, fixed, rebuilt or rewritten
	text     bool  // page 1 holds "(pet test page 1)"
}

// badCases is the table of testdata/bad; README.md in this directory is its
// prose version.
var badCases = []badCase{
	{file: "tiny.pdf", pages: 2, path: fast, text: true},
	{file: "empty.pdf", err: ErrEmpty},
	{file: "not-a-pdf.pdf", err: ErrNotPDF},
	{file: "truncated.pdf", err: ErrTruncated},
	{file: "missing-eof.pdf", pages: 2, path: fixed, text: true},
	{file: "shifted-offsets.pdf", pages: 2, path: rebuilt, text: true},
	{file: "no-xref-table.pdf", pages: 2, path: rebuilt, text: true},
	{file: "garbled-xref.pdf", pages: 2, path: rebuilt, text: true},
	{file: "prev-loop.pdf", pages: 2, path: fixed, text: true},
	{file: "damaged-beyond-repair.pdf", err: ErrDamaged},
	{file: "pdf-2.0.pdf", pages: 2, path: fixed, text: true},
	{file: "header-comment.pdf", pages: 2, path: fixed, text: true},
	{file: "leading-junk.pdf", pages: 2, path: fixed, text: true},
	{file: "trailing-garbage.pdf", pages: 2, path: fixed, text: true},
	{file: "hybrid-xref.pdf", pages: 2, path: rebuilt, text: true},
	{file: "xref-stream.pdf", pages: 2, path: fast, text: true},
	{file: "huge-xref-size.pdf", pages: 1, path: rebuilt, text: true},
	{file: "objstm-cycle.pdf", pages: 2, path: rebuilt, text: true},
	{file: "objstm-extends-loop.pdf", pages: 2, path: rebuilt, text: true},

	{file: "rc4-40-user.pdf", err: ErrNeedPassword},
	{file: "rc4-40-user.pdf", password: "user", pages: 2, path: rewritten, text: true},
	{file: "rc4-40-user.pdf", password: "owner", pages: 2, path: rewritten, text: true},
	{file: "rc4-40-user.pdf", password: "bad", err: ErrWrongPassword},
	{file: "rc4-128-user.pdf", err: ErrNeedPassword},
	{file: "rc4-128-user.pdf", password: "user", pages: 2, path: fast, text: true},
	{file: "rc4-128-user.pdf", password: "owner", pages: 2, path: rewritten, text: true},
	{file: "rc4-128-user.pdf", password: "bad", err: ErrWrongPassword},
	{file: "aes-128-user.pdf", err: ErrNeedPassword},
	{file: "aes-128-user.pdf", password: "user", pages: 2, path: rewritten, text: true},
	{file: "aes-128-user.pdf", password: "owner", pages: 2, path: rewritten, text: true},
	{file: "aes-128-user.pdf", password: "bad", err: ErrWrongPassword},
	{file: "aes-256-user.pdf", err: ErrNeedPassword},
	{file: "aes-256-user.pdf", password: "user", pages: 2, path: rewritten, text: true},
	{file: "aes-256-user.pdf", password: "owner", pages: 2, path: rewritten, text: true},
	{file: "aes-256-user.pdf", password: "bad", err: ErrWrongPassword},
	{file: "aes-128-garbled-xref.pdf", err: ErrNeedPassword},
	{file: "aes-128-garbled-xref.pdf", password: "user", pages: 2, path: rewritten, text: true},
	{file: "rc4-40-owner-only.pdf", pages: 2, path: rewritten, text: true},
	{file: "rc4-128-owner-only.pdf", pages: 2, path: fast, text: true},
	{file: "aes-128-owner-only.pdf", pages: 2, path: rewritten, text: true},
	{file: "aes-256-owner-only.pdf", pages: 2, path: rewritten, text: true},
	{file: "aes-256-owner-only.pdf", password: "bad", pages: 2, path: rewritten, text: true},
	{file: "pubsec-encrypted.pdf", err: ErrUnsupportedEncryption},

	// Opened here; the page interpreter deals with what is inside.
	{file: "unknown-filter.pdf", pages: 1, path: fast},
	{file: "inline-image.pdf", pages: 1, path: fast, text: true},
	{file: "scanned.pdf", pages: 1, path: fast},
	{file: "no-pages.pdf", err: ErrNoPages},
}

var allKinds = []error{ErrEmpty, ErrNotPDF, ErrTruncated, ErrDamaged, ErrNeedPassword,
	ErrWrongPassword, ErrUnsupportedEncryption, ErrNoPages}

func TestBadInputs(t *testing.T) {
	for _, c := range badCases {
		name := c.file
		if c.password != "" {
			name += "/" + c.password
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(badDir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Load(data, Options{Password: c.password})
			if c.err != nil {
				checkKind(t, err, c.err)
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", detail(err))
			}
			if d.NumPages != c.pages {
				t.Errorf("NumPages = %d, want %d", d.NumPages, c.pages)
			}
			if n := d.Reader.NumPage(); n != c.pages {
				t.Errorf("library NumPage = %d, want %d", n, c.pages)
			}
			path := repairPath(d.Repairs)
			if path != c.path {
				t.Errorf("path = %d, want %d (repairs %q)", path, c.path, d.Repairs)
			}
			if c.text {
				checkText(t, d.Reader)
			}
			if strings.Contains(c.file, "-owner-only") || strings.Contains(c.file, "-user") {
				if !d.Encrypted {
					t.Error("Encrypted = false")
				}
				// Strings decrypted right (the library leaves AES padding).
				if got := d.Reader.Trailer().Key("Info").Key("Title").Text(); got != "pet test file" {
					t.Errorf("Title = %q", got)
				}
			}
		})
	}
}

func repairPath(repairs []string) int {
	path := fast
	for _, r := range repairs {
		switch {
		case strings.HasPrefix(r, "rewritten"):
			path = max(path, rewritten)
		case strings.HasPrefix(r, "rebuilt"):
			path = max(path, rebuilt)
		default:
			path = max(path, fixed)
		}
	}
	return path
}

func checkKind(t *testing.T, err, want error) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", want)
	}
	if !errors.Is(err, want) {
		t.Fatalf("error %q, want %q", detail(err), want)
	}
	for _, k := range allKinds {
		if k != want && errors.Is(err, k) {
			t.Errorf("error %q also matches %q", detail(err), k)
		}
	}
	if err.Error() != want.Error() {
		t.Errorf("message %q, want %q", err.Error(), want.Error())
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("error %T is not *Error", err)
	}
}

func detail(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Detail()
	}
	return err.Error()
}

// checkText reads page 1's content stream and looks for the test text,
// which proves decryption and repair gave the real bytes.
func checkText(t *testing.T, r *pdf.Reader) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("reading page 1: %v", p)
		}
	}()
	c := r.Page(1).V.Key("Contents")
	b, err := io.ReadAll(c.Reader())
	if err != nil {
		t.Fatalf("reading page 1 content: %v", err)
	}
	if !bytes.Contains(b, []byte("(pet test page 1)")) {
		t.Errorf("page 1 content %q lacks the test text", b)
	}
}

// realworldPages are the page counts pdfinfo gives.
var realworldPages = map[string]int{
	"03bef8f4.pdf": 14, "07505fe6.pdf": 13, "119a119c.pdf": 33, "18f8ff93.pdf": 25,
	"22c9ca39.pdf": 31, "388d3e6d.pdf": 13, "3babd107.pdf": 12, "54220b73.pdf": 27,
	"5ca3f90b.pdf": 26, "5ffd9636.pdf": 13, "815a6502.pdf": 13, "858c64f9.pdf": 17,
	"b2641cbb.pdf": 20, "ba4b3398.pdf": 25, "bd4b215c.pdf": 15, "bedda62c.pdf": 14,
	"c3ffcfe9.pdf": 31, "c61e2003.pdf": 12, "d36d5a1c.pdf": 12, "d914091d.pdf": 18,
	"e5e0a137.pdf": 31, "e9f5eab0.pdf": 19,
}

// Hybrid files (/XRefStm, Word 2007 and one Distiller export) get their
// cross-reference data rebuilt; all others must take the fast path.
var realworldHybrid = map[string]bool{
	"18f8ff93.pdf": true, "388d3e6d.pdf": true, "54220b73.pdf": true, "5ca3f90b.pdf": true,
}

const realworldDir = "../../testdata/realworld"

func TestRealWorld(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(realworldDir, "*.pdf"))
	if err != nil || len(files) != len(realworldPages) {
		t.Fatalf("found %d files (%v), want %d", len(files), err, len(realworldPages))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Load(data, Options{})
			if err != nil {
				t.Fatalf("Load: %v", detail(err))
			}
			if d.NumPages != realworldPages[name] {
				t.Errorf("NumPages = %d, want %d", d.NumPages, realworldPages[name])
			}
			want := fast
			if realworldHybrid[name] {
				want = rebuilt
			}
			if got := repairPath(d.Repairs); got != want {
				t.Errorf("repairs %q, hybrid %v", d.Repairs, realworldHybrid[name])
			}
		})
	}
}

func TestOpen(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(badDir, "aes-256-user.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(data, "user")
	if err != nil || r.NumPage() != 2 {
		t.Fatalf("Open = %v, %v", r, err)
	}
	if _, err := Open(data, ""); !errors.Is(err, ErrNeedPassword) ||
		err.Error() != "encrypted: a user password is needed (--password)" {
		t.Fatalf("Open without password: %v", err)
	}
}

// Mutated copies of good files: whatever comes out, Load must return (no
// panic, no hang) with either a document or one of the error kinds.
func TestMutations(t *testing.T) {
	var seeds [][]byte
	for _, f := range []string{"tiny.pdf", "xref-stream.pdf", "hybrid-xref.pdf", "aes-128-user.pdf",
		"rc4-128-owner-only.pdf", "objstm-cycle.pdf", "../realworld/bedda62c.pdf", "../realworld/388d3e6d.pdf"} {
		data, err := os.ReadFile(filepath.Join(badDir, f))
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	rng := rand.New(rand.NewSource(1))
	n := 400
	if testing.Short() {
		n = 50
	}
	for i := 0; i < n; i++ {
		data := append([]byte{}, seeds[rng.Intn(len(seeds))]...)
		switch rng.Intn(4) {
		case 0: // flip bytes
			for j := 0; j < 1+rng.Intn(8); j++ {
				data[rng.Intn(len(data))] = byte(rng.Intn(256))
			}
		case 1: // cut a piece out
			a := rng.Intn(len(data))
			b := min(len(data), a+1+rng.Intn(64))
			data = append(data[:a], data[b:]...)
		case 2: // overwrite digits (offsets, lengths, object numbers)
			for j := 0; j < 1+rng.Intn(4); j++ {
				k := rng.Intn(len(data))
				for k < len(data) && (data[k] < '0' || data[k] > '9') {
					k++
				}
				if k < len(data) {
					data[k] = '0' + byte(rng.Intn(10))
				}
			}
		case 3: // truncate
			data = data[:rng.Intn(len(data))]
		}
		start := time.Now()
		d, err := Load(data, Options{Password: "user", Timeout: 5 * time.Second})
		if time.Since(start) > 6*time.Second {
			t.Errorf("mutation %d took %v", i, time.Since(start))
		}
		if err == nil {
			if d.NumPages < 1 || d.Reader == nil {
				t.Errorf("mutation %d: success with %d pages", i, d.NumPages)
			}
			continue
		}
		known := false
		for _, k := range allKinds {
			known = known || errors.Is(err, k)
		}
		if !known {
			t.Errorf("mutation %d: error %q is of no known kind", i, err)
		}
	}
}

func TestGuardTimeout(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	start := time.Now()
	_, err := guard(context.Background(), time.Now().Add(50*time.Millisecond), func() (*Document, error) {
		<-block
		return nil, nil
	})
	if !errors.Is(err, ErrDamaged) || !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > time.Second {
		t.Fatalf("guard waited %v", time.Since(start))
	}
	_, err = guard(context.Background(), time.Now().Add(time.Second), func() (*Document, error) { panic("boom") })
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("panic not turned into an error: %v", err)
	}
}

// The rewrite step must not create pdfcpu's configuration directory.
func TestNoConfigDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	data, err := os.ReadFile(filepath.Join(badDir, "hybrid-xref.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(data, Options{}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(home)
	if len(entries) != 0 {
		t.Errorf("home now holds %v", entries)
	}
}

func TestFixTail(t *testing.T) {
	for _, c := range []struct {
		in, out string
		err     error
	}{
		{"%PDF-1.4\nx\nstartxref\n12\n%%EOF\n", "%PDF-1.4\nx\nstartxref\n12\n%%EOF\n", nil},
		{"%PDF-1.4\nx\nstartxref\n12\n%%EOF\n\x00\x00", "%PDF-1.4\nx\nstartxref\n12\n%%EOF", nil},
		{"%PDF-1.4\nx\nstartxref\n12\n%%EOF\r\n<html>%%EOF</html>", "%PDF-1.4\nx\nstartxref\n12\n%%EOF", nil},
		{"%PDF-1.4\nx\nstartxref\n12\n", "%PDF-1.4\nx\nstartxref\n12\n%%EOF\n", nil},
		{"%PDF-1.4\nx\nstartxref\n12\n%%EOF\n3 0 obj\n<<>>\nend", "", ErrTruncated},
		{"%PDF-1.4\n1 0 obj\n<</Type", "", ErrTruncated},
	} {
		out, _, err := fixTail([]byte(c.in))
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("fixTail(%q) err = %v, want %v", c.in, err, c.err)
			}
			continue
		}
		if err != nil || string(out) != c.out {
			t.Errorf("fixTail(%q) = %q, %v, want %q", c.in, out, err, c.out)
		}
	}
}

// BenchmarkOpen times Load on each real-world file (the fast path, or the
// rewrite for the four hybrid-reference files).
func BenchmarkOpen(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(realworldDir, "*.pdf"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Load(data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRewrite times the pdfcpu step alone on each real-world file: the
// cost a file pays when the library cannot read it as it is.
func BenchmarkRewrite(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(realworldDir, "*.pdf"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := rewrite(b.Context(), data, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLibraryOpen is the reference for BenchmarkOpen: the library's
// own open and /Count lookup, no checks (and wrong for the hybrid files).
func BenchmarkLibraryOpen(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(realworldDir, "*.pdf"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
				if err != nil || r.NumPage() == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// pet converts files in parallel: Load, the rebuild and the pdfcpu step
// must not share state (run with -race).
func TestConcurrentLoad(t *testing.T) {
	files := []string{"tiny.pdf", "hybrid-xref.pdf", "aes-256-user.pdf", "aes-128-user.pdf", "shifted-offsets.pdf", "rc4-40-owner-only.pdf"}
	done := make(chan error)
	for i := 0; i < 4; i++ {
		for _, f := range files {
			go func() {
				data, err := os.ReadFile(filepath.Join(badDir, f))
				if err == nil {
					_, err = Load(data, Options{Password: "user"})
				}
				done <- err
			}()
		}
	}
	for i := 0; i < 4*len(files); i++ {
		if err := <-done; err != nil {
			t.Error(detail(err))
		}
	}
}

// TestRebuildReadsObjectStreamHeadersOnly: rebuilding the cross-reference
// data inflates only the header of an object stream (its object numbers
// and offsets), not the objects: a Word export's object streams were
// inflated whole, doubling buffer by buffer, before the first page.
func TestRebuildReadsObjectStreamHeadersOnly(t *testing.T) {
	const pad = 32 << 20
	data := hybridPDFPadded(pad)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	tail, err := rebuild(data)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if d := after.TotalAlloc - before.TotalAlloc; d > 4<<20 {
		t.Errorf("rebuilding a %d-byte file with %d MiB in an object stream allocated %d MiB", len(data), pad>>20, d>>20)
	}
	d, err := Load(joined{data, tail}.bytes(), Options{})
	if err != nil || d.NumPages != 2 {
		t.Fatalf("the rebuilt file: err %v", err)
	}
}

// TestLoadRebuiltReadsInPlace: a file whose cross-reference data is
// rebuilt is read where it is, the new cross-reference stream after it,
// not copied with the stream appended; Data is the input.
func TestLoadRebuiltReadsInPlace(t *testing.T) {
	data := hybridPDFPaddedTwice(0, 8<<20) // a copy would show in TotalAlloc
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d, err := Load(data, Options{})
	runtime.ReadMemStats(&after)
	if err != nil || d.NumPages != 2 {
		t.Fatalf("err %v", err)
	}
	if len(d.Repairs) == 0 || !strings.Contains(d.Repairs[0], "rebuilt") {
		t.Fatalf("repairs %q: the file was not rebuilt", d.Repairs)
	}
	if &d.Data[0] != &data[0] || len(d.Data) != len(data) {
		t.Errorf("Data is not the input")
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 2<<20 {
		t.Errorf("loading a %d MiB file allocated %d MiB", len(data)>>20, n>>20)
	}
}

// TestJoinedReadsAsOne: joined reads head and tail as their concatenation,
// at every offset and length, across the seam and past the end.
func TestJoinedReadsAsOne(t *testing.T) {
	head, tail := []byte("0123456789"), []byte("abcdef")
	whole := bytes.NewReader(append(append([]byte{}, head...), tail...))
	j := joined{head, tail}
	for off := int64(-1); off <= 18; off++ {
		for n := 0; n <= 18; n++ {
			got, want := make([]byte, n), make([]byte, n)
			gn, gerr := j.ReadAt(got, off)
			wn, werr := whole.ReadAt(want, off)
			if gn != wn || !bytes.Equal(got[:gn], want[:wn]) || (gerr == nil) != (werr == nil) {
				t.Errorf("ReadAt(%d bytes, %d) = %d %q %v, want %d %q %v", n, off, gn, got[:gn], gerr, wn, want[:wn], werr)
			}
		}
	}
	if got := j.bytes(); string(got) != "0123456789abcdef" {
		t.Errorf("bytes %q", got)
	}
}

// TestRebuildObjStmHeadersInParallel: the headers of many object streams,
// inflated on several goroutines, give the cross-reference stream one
// goroutine gives, byte for byte, a stale version of a stream (replaced by
// a later one of the same number) included; the file then reads. Run under
// -race by .ci/run.
func TestRebuildObjStmHeadersInParallel(t *testing.T) {
	b := newBuilder("%PDF-1.5\n%\xb5\xb5\xb5\xb5\n")
	b.obj(1, "<</Type /Catalog /Pages 2 0 R /Refs [100 0 R 118 0 R 170 0 R 500 0 R 115 0 R]>>")
	b.obj(2, "<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842]>>")
	b.obj(3, "<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 4 0 R>>>> /Contents 5 0 R>>")
	b.obj(4, fontObj)
	b.stream(5, " /Filter /FlateDecode", deflate(pageText(1)))
	num := 100 // stream 6+s holds objects 100+3s, 101+3s, 102+3s
	for s := 0; s < 24; s++ {
		stm := 6 + s
		var head, body strings.Builder
		for k := 0; k < 3; k++ {
			fmt.Fprintf(&head, "%d %d ", num, body.Len())
			fmt.Fprintf(&body, "<</Stream %d /Item %d>>\n", stm, k)
			num++
		}
		filter := " /Filter /FlateDecode"
		if s%3 == 1 {
			filter = " /Filter [/FlateDecode]"
		}
		data := head.String() + body.String() + strings.Repeat(" ", 40000) // more than a window
		b.stream(stm, fmt.Sprintf(" /Type /ObjStm /N 3 /First %d%s", head.Len(), filter), deflate([]byte(data)))
		if s == 5 {
			// A stale version: object stream 11 written again later.
			b.stream(stm, " /Type /ObjStm /N 1 /First 6 /Filter /FlateDecode", deflate([]byte("500 0 <</Late true>>")))
		}
	}
	data := b.finish(0)
	var tails [][]byte
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		tail, err := rebuild(data)
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatalf("GOMAXPROCS %d: %v", procs, err)
		}
		tails = append(tails, tail)
	}
	if !bytes.Equal(tails[0], tails[1]) {
		t.Errorf("the rebuilt cross-reference stream differs with the headers read in parallel")
	}
	r, err := pdf.NewReader(joined{data, tails[1]}, int64(len(data)+len(tails[1])))
	if err != nil {
		t.Fatal(err)
	}
	if v := r.Trailer().Key("Root").Key("Pages").Key("Count").Int64(); v != 1 {
		t.Errorf("page count %d", v)
	}
	// Objects of streams 6, 12 and 29 resolve; those of the stale stream
	// 11 are gone, its later version's there.
	refs := r.Trailer().Key("Root").Key("Refs")
	for i, n := range []int{100, 118, 170} {
		if v := refs.Index(i); v.Key("Item").IsNull() {
			t.Errorf("object %d not found through the rebuilt cross-reference stream", n)
		}
	}
	if v := refs.Index(3); !v.Key("Late").Bool() {
		t.Errorf("object 500 of the later version of stream 11 not found")
	}
	if v := refs.Index(4); !v.Key("Item").IsNull() {
		t.Errorf("object 115 of the stale stream 11 still found")
	}
}
