package pdfpage

import (
	"bytes"
	stdzlib "compress/zlib"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/ledongthuc/pdf"

	"github.com/petool/pet/internal/pdfload"
)

// TestRawFlateIsTheLibrarysDecode: every content stream of real PDFs
// (WPS, Chromium, LibreOffice, report systems) inflated from the file's
// bytes is exactly what the library's stream reader gives, and damaged
// data fails the same way.
func TestRawFlateIsTheLibrarysDecode(t *testing.T) {
	files := []string{
		filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.calc.pdf"),
		filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.chromium.pdf"),
		filepath.Join("..", "..", "testdata", "realworld", "2026", "005-guangzhou-022.pdf"),
		filepath.Join("..", "..", "testdata", "realworld", "2026", "004-chongqing-011.pdf"),
	}
	fast := 0
	for _, f := range files {
		ld := loadFile(t, f)
		for _, ref := range ld.Pages {
			for _, s := range contentStreams(ref) {
				packed, ok := rawFlate(ld.Data, s)
				if !ok {
					continue
				}
				fast++
				got, err := inflate(nil, packed, 1<<30)
				want, werr := io.ReadAll(s.Reader())
				if err != nil || werr != nil || !bytes.Equal(got, want) {
					t.Fatalf("%s: inflated %d bytes (%v), library %d (%v)", f, len(got), err, len(want), werr)
				}
				// Cut short: both fail with the same error.
				_, err = inflate(nil, packed[:len(packed)/2], 1<<30)
				if !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Errorf("%s: truncated stream: %v", f, err)
				}
			}
		}
	}
	if fast < 50 {
		t.Errorf("only %d streams inflated from the file's bytes", fast)
	}
}

// TestRawFlateDeclines: streams the library decodes otherwise, and files
// whose bytes are not what the library reads, take the library's path.
func TestRawFlateDeclines(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "zengcheng-2023.calc.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ld, err := pdfload.Load(data, pdfload.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := ld.Pages[0].Page.Key("Contents")
	if _, ok := rawFlate(ld.Data, s); !ok {
		t.Fatal("the sample's first content stream is not inflated directly")
	}
	if _, ok := rawFlate(nil, s); ok {
		t.Error("no file bytes (an encrypted file): inflated directly")
	}
	if _, ok := rawFlate(ld.Data[:100], s); ok {
		t.Error("stream beyond the bytes given: inflated directly")
	}
	if _, ok := rawFlate(ld.Data, ld.Pages[0].Page); ok {
		t.Error("a dictionary: inflated directly")
	}
}

// loadFile loads the PDF at path with the default options.
func loadFile(tb testing.TB, path string) *pdfload.Document {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	ld, err := pdfload.Load(data, pdfload.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return ld
}

// contentStreams returns the streams of a page's /Contents, as the page
// walk resolved them.
func contentStreams(ref pdfload.PageRef) []pdf.Value {
	if ref.Contents.Kind() == pdf.Array {
		return ref.Parts
	}
	return []pdf.Value{ref.Contents}
}

// realFlateStreams returns the packed content streams of shipped real
// tables that inflate decodes from the file's bytes.
func realFlateStreams(tb testing.TB, names ...string) [][]byte {
	var out [][]byte
	for _, name := range names {
		ld := loadFile(tb, filepath.Join("..", "..", "testdata", "realworld", "2026", name))
		for _, ref := range ld.Pages {
			for _, s := range contentStreams(ref) {
				if packed, ok := rawFlate(ld.Data, s); ok {
					out = append(out, packed)
				}
			}
		}
	}
	if len(out) == 0 {
		tb.Fatal("no flate streams")
	}
	return out
}

// stdInflate is inflate through the standard library's zlib reader, which
// the PDF library decodes streams with.
func stdInflate(packed []byte) ([]byte, error) {
	zr, err := stdzlib.NewReader(bytes.NewReader(packed))
	if err != nil {
		return nil, err
	}
	return readAll(nil, zr)
}

// TestInflateIsTheStandardLibrarys: inflate (klauspost/compress, faster)
// gives the standard library's bytes and error on real streams and on
// those streams damaged at random (bits flipped, cut short): a damaged
// page reads the same through pet's fast path as through the library's.
func TestInflateIsTheStandardLibrarys(t *testing.T) {
	streams := realFlateStreams(t, "005-guangzhou-022.pdf", "025-yantai-011.pdf", "017-fuzhou-001.pdf")
	rng := rand.New(rand.NewPCG(3, 4))
	failed := 0
	for trial := range 3000 {
		p := bytes.Clone(streams[trial%len(streams)])
		if trial >= len(streams) { // the first pass is the streams as they are
			for range 1 + rng.IntN(4) {
				i := 2 + rng.IntN(len(p)-2)
				p[i] ^= 1 << rng.IntN(8)
			}
			if rng.IntN(5) == 0 {
				p = p[:2+rng.IntN(len(p)-2)]
			}
		}
		got, err := inflate(nil, p, 1<<30)
		want, werr := stdInflate(p)
		if err != nil {
			failed++
		}
		if !bytes.Equal(got, want) || errorKind(err) != errorKind(werr) {
			t.Fatalf("trial %d: inflate %d bytes (%v), standard library %d (%v)", trial, len(got), err, len(want), werr)
		}

	}
	if failed < 1000 {
		t.Errorf("only %d of 3000 damaged streams failed: the damage is too mild to test errors", failed)
	}
}

// errorKind is a zlib reader's error without the offset of a corrupt
// block, where the two readers may notice the damage a byte apart.
func errorKind(err error) string {
	if err == nil {
		return ""
	}
	return corruptOffset.ReplaceAllString(err.Error(), "offset N")
}

var corruptOffset = regexp.MustCompile(`offset [0-9]+`)
