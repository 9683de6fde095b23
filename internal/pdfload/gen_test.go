package pdfload

// This file regenerates testdata/bad. The files are committed, so the tests
// never need qpdf; run
//
//	go test ./internal/pdfload -run TestRegenerateBadInputs -regen
//
// to rebuild them (needs qpdf on PATH for the encrypted and xref-stream
// variants). Everything is derived from tiny.pdf, a two-page PDF written here
// byte by byte, so each file stays a few kilobytes.

import (
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var regen = flag.Bool("regen", false, "rebuild the files in testdata/bad (needs qpdf)")

const badDir = "../../testdata/bad"

// builder writes a PDF object by object and remembers each object's offset.
type builder struct {
	buf     bytes.Buffer
	offsets map[int]int
}

func newBuilder(header string) *builder {
	b := &builder{offsets: map[int]int{}}
	b.buf.WriteString(header)
	return b
}

func (b *builder) obj(n int, body string) {
	b.offsets[n] = b.buf.Len()
	fmt.Fprintf(&b.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

func (b *builder) stream(n int, dict string, data []byte) {
	b.offsets[n] = b.buf.Len()
	fmt.Fprintf(&b.buf, "%d 0 obj\n<<%s /Length %d>>\nstream\n", n, dict, len(data))
	b.buf.Write(data)
	b.buf.WriteString("\nendstream\nendobj\n")
}

// xrefTable writes a classic cross-reference table for objects 0..size-1
// (missing objects are free) followed by the trailer and returns its offset.
func (b *builder) xrefTable(size int, trailer string) int {
	off := b.buf.Len()
	fmt.Fprintf(&b.buf, "xref\n0 %d\n", size)
	for i := 0; i < size; i++ {
		if o, ok := b.offsets[i]; ok && i > 0 {
			fmt.Fprintf(&b.buf, "%010d 00000 n \n", o)
		} else {
			b.buf.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&b.buf, "trailer\n<<%s>>\n", trailer)
	return off
}

func (b *builder) finish(startxref int) []byte {
	fmt.Fprintf(&b.buf, "startxref\n%d\n%%%%EOF\n", startxref)
	return b.buf.Bytes()
}

func deflate(p []byte) []byte {
	var out bytes.Buffer
	w := zlib.NewWriter(&out)
	w.Write(p)
	w.Close()
	return out.Bytes()
}

const (
	header  = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
	fontObj = "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>"
	fileID  = "/ID [<8a3c4e1f9b2d4c6a8e0f1a2b3c4d5e6f> <8a3c4e1f9b2d4c6a8e0f1a2b3c4d5e6f>]"
)

func pageText(n int) []byte {
	return []byte(fmt.Sprintf("BT /F1 12 Tf 72 720 Td (pet test page %d) Tj ET\n0.5 w 72 700 m 540 700 l S\n", n))
}

// tinyPDF is the base of most variants: two pages of Helvetica text.
func tinyPDF() []byte {
	b := newBuilder(header)
	b.obj(1, "<</Type /Catalog /Pages 2 0 R>>")
	b.obj(2, "<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595 842]>>")
	b.obj(3, "<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 7 0 R>>>> /Contents 5 0 R>>")
	b.obj(4, "<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 7 0 R>>>> /Contents 6 0 R>>")
	b.stream(5, " /Filter /FlateDecode", deflate(pageText(1)))
	b.stream(6, " /Filter /FlateDecode", deflate(pageText(2)))
	b.obj(7, fontObj)
	b.obj(8, "<</Title (pet test file) /Producer (pet gen_test.go)>>")
	x := b.xrefTable(9, "/Size 9 /Root 1 0 R /Info 8 0 R "+fileID)
	return b.finish(x)
}

// onePage writes a one-page PDF whose page has the given resources and content.
func onePage(resources, contentDict string, content []byte, trailer string, extra func(b *builder)) []byte {
	b := newBuilder(header)
	b.obj(1, "<</Type /Catalog /Pages 2 0 R>>")
	b.obj(2, "<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842]>>")
	b.obj(3, "<</Type /Page /Parent 2 0 R /Resources "+resources+" /Contents 4 0 R>>")
	b.stream(4, contentDict, content)
	if extra != nil {
		extra(b)
	}
	x := b.xrefTable(10, "/Size 10 /Root 1 0 R "+fileID+trailer)
	return b.finish(x)
}

// hybridPDF is laid out like an MS Office export: a classic xref table in
// which the compressed objects are marked free, plus an /XRefStm stream that
// lists them. Here the page tree itself is compressed, so a reader that
// ignores /XRefStm finds no pages.
func hybridPDF() []byte { return hybridPDFPadded(0) }

// hybridPDFPadded is hybridPDF with pad spaces after the objects of its
// object stream (compressed to almost nothing).
func hybridPDFPadded(pad int) []byte { return hybridPDFPaddedTwice(pad, 0) }

// hybridPDFPaddedTwice is hybridPDFPadded with also contentPad spaces
// (uncompressed) at the end of page 1's content stream.
func hybridPDFPaddedTwice(pad, contentPad int) []byte {
	b := newBuilder("%PDF-1.5\n%\xb5\xb5\xb5\xb5\n")
	b.obj(1, "<</Type /Catalog /Pages 2 0 R>>")
	if contentPad > 0 {
		b.stream(5, "", append(pageText(1), strings.Repeat(" ", contentPad)...))
	} else {
		b.stream(5, " /Filter /FlateDecode", deflate(pageText(1)))
	}
	b.stream(6, " /Filter /FlateDecode", deflate(pageText(2)))
	// Object stream 7 holds objects 2, 3, 4 and 8.
	objs := []struct {
		n    int
		body string
	}{
		{2, "<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595 842]>>"},
		{3, "<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 8 0 R>>>> /Contents 5 0 R>>"},
		{4, "<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 8 0 R>>>> /Contents 6 0 R>>"},
		{8, fontObj},
	}
	var head, body strings.Builder
	for _, o := range objs {
		fmt.Fprintf(&head, "%d %d ", o.n, body.Len())
		body.WriteString(o.body + "\n")
	}
	data := head.String() + body.String() + strings.Repeat(" ", pad)
	b.stream(7, fmt.Sprintf(" /Type /ObjStm /N %d /First %d /Filter /FlateDecode", len(objs), head.Len()), deflate([]byte(data)))
	// Cross-reference stream 9 for the compressed objects (W [1 2 1]).
	var xs []byte
	for i := range objs {
		xs = append(xs, 2, 0, 7, byte(i))
	}
	b.stream(9, " /Type /XRef /Size 10 /W [1 2 1] /Index [2 3 8 1] /Filter /FlateDecode", deflate(xs))
	// Like Word: a full table first, then an empty update section whose
	// trailer carries /XRefStm, so that the stream is consulted before the
	// free entries of the older table.
	x := b.xrefTable(10, "/Size 10 /Root 1 0 R "+fileID)
	fmt.Fprintf(&b.buf, "startxref\n%d\n%%%%EOF\n", x)
	x2 := b.buf.Len()
	fmt.Fprintf(&b.buf, "xref\n0 0\ntrailer\n<</Size 10 /Root 1 0 R %s /Prev %d /XRefStm %d>>\n", fileID, x, b.offsets[9])
	return b.finish(x2)
}

// objStmCyclePDF has a cross-reference stream that says the object stream
// 7 is stored in object stream 7: the library would recurse until the
// stack overflows, a crash no recover() catches.
func objStmCyclePDF() []byte { return objStmPDF(false) }

// objStmExtendsPDF has an object stream that /Extends itself and lacks an
// object the xref stream says it holds: the library searches the /Extends
// chain for it forever.
func objStmExtendsPDF() []byte { return objStmPDF(true) }

func objStmPDF(extends bool) []byte {
	b := newBuilder("%PDF-1.5\n%\xb5\xb5\xb5\xb5\n")
	b.obj(1, "<</Type /Catalog /Pages 2 0 R>>")
	b.stream(5, " /Filter /FlateDecode", deflate(pageText(1)))
	b.stream(6, " /Filter /FlateDecode", deflate(pageText(2)))
	objs := []string{
		"<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595 842]>>",
		"<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 8 0 R>>>> /Contents 5 0 R>>",
		"<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 8 0 R>>>> /Contents 6 0 R>>",
		fontObj,
	}
	nums := []int{2, 3, 4, 8}
	ext := ""
	if extends {
		// Object 8 (the font) is listed in the xref stream only.
		objs, nums, ext = objs[:3], nums[:3], " /Extends 7 0 R"
	}
	var head, body strings.Builder
	for i, o := range objs {
		fmt.Fprintf(&head, "%d %d ", nums[i], body.Len())
		body.WriteString(o + "\n")
	}
	b.stream(7, fmt.Sprintf(" /Type /ObjStm /N %d /First %d%s", len(objs), head.Len(), ext), []byte(head.String()+body.String()))
	b.offsets[9] = b.buf.Len()
	var xs []byte
	for i := 0; i < 10; i++ {
		switch i {
		case 0:
			xs = append(xs, 0, 0, 0, 0xff)
		case 2, 3, 4:
			xs = append(xs, 2, 0, 7, byte(i-2))
		case 7: // the cycle
			if extends {
				o := b.offsets[i]
				xs = append(xs, 1, byte(o>>8), byte(o), 0)
			} else {
				xs = append(xs, 2, 0, 7, 0)
			}
		case 8:
			xs = append(xs, 2, 0, 7, 3)
		default:
			o := b.offsets[i]
			xs = append(xs, 1, byte(o>>8), byte(o), 0)
		}
	}
	x := b.offsets[9]
	fmt.Fprintf(&b.buf, "9 0 obj\n<</Type /XRef /Size 10 /W [1 2 1] /Root 1 0 R %s /Length %d>>\nstream\n", fileID, len(xs))
	b.buf.Write(xs)
	b.buf.WriteString("\nendstream\nendobj\n")
	return b.finish(x)
}

// xrefStreamPDF writes tiny.pdf's objects with a cross-reference stream
// whose dictionary carries the given extra entries (for /Size abuse).
func xrefStreamPDF(sizeEntry string) []byte {
	b := newBuilder("%PDF-1.5\n%\xb5\xb5\xb5\xb5\n")
	b.obj(1, "<</Type /Catalog /Pages 2 0 R>>")
	b.obj(2, "<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842]>>")
	b.obj(3, "<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 5 0 R>>>> /Contents 4 0 R>>")
	b.stream(4, " /Filter /FlateDecode", deflate(pageText(1)))
	b.obj(5, fontObj)
	b.offsets[6] = b.buf.Len()
	var xs []byte
	for i := 0; i < 7; i++ {
		if i == 0 {
			xs = append(xs, 0, 0, 0, 0xff)
			continue
		}
		o := b.offsets[i]
		xs = append(xs, 1, byte(o>>8), byte(o), 0)
	}
	x := b.offsets[6]
	fmt.Fprintf(&b.buf, "6 0 obj\n<</Type /XRef %s /Index [0 7] /W [1 2 1] /Root 1 0 R %s /Length %d>>\nstream\n", sizeEntry, fileID, len(xs))
	b.buf.Write(xs)
	b.buf.WriteString("\nendstream\nendobj\n")
	return b.finish(x)
}

func grayJPEG(w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetGray(x, y, color.Gray{Y: uint8(255 - (x*y)%64)})
		}
	}
	var out bytes.Buffer
	jpeg.Encode(&out, img, &jpeg.Options{Quality: 50})
	return out.Bytes()
}

// replaceOnce replaces the first match of re in data.
func replaceOnce(t *testing.T, data []byte, re, repl string) []byte {
	t.Helper()
	rx := regexp.MustCompile(re)
	loc := rx.FindIndex(data)
	if loc == nil {
		t.Fatalf("pattern %q not found", re)
	}
	out := append([]byte{}, data[:loc[0]]...)
	out = append(out, rx.Expand(nil, []byte(repl), data, rx.FindSubmatchIndex(data))...)
	return append(out, data[loc[1]:]...)
}

func qpdf(t *testing.T, in []byte, out string, args ...string) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(src, in, 0o644); err != nil {
		t.Fatal(err)
	}
	// --deterministic-id cannot be combined with encryption; the static IV
	// at least keeps the encrypted bytes stable.
	full := []string{"--static-aes-iv", src}
	if !slices.Contains(args, "--encrypt") {
		full = []string{"--deterministic-id", src}
	}
	full = append(full, args...)
	full = append(full, filepath.Join(badDir, out))
	if msg, err := exec.Command("qpdf", full...).CombinedOutput(); err != nil {
		// Exit status 3 means success with warnings.
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			t.Fatalf("qpdf %v: %v\n%s", args, err, msg)
		}
	}
}

// garble damages the xref entry of object 3.
func garble(t *testing.T, data []byte) []byte {
	t.Helper()
	x := bytes.LastIndex(data, []byte("\nxref"))
	if x < 0 {
		t.Fatal("no xref table")
	}
	out := append([]byte{}, data...)
	// "xref\n0 N\n" then 20-byte entries: entry 3 starts 3*20 bytes in.
	e := x + 1 + bytes.IndexByte(out[x+1:], '\n') + 1
	e += bytes.IndexByte(out[e:], '\n') + 1 + 3*20
	out[e+4] = 'x'
	out[e+8] = '#'
	return out
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(badDir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRegenerateBadInputs(t *testing.T) {
	if !*regen {
		t.Skip("run with -regen to rebuild testdata/bad")
	}
	if err := os.MkdirAll(badDir, 0o755); err != nil {
		t.Fatal(err)
	}
	tiny := tinyPDF()
	write(t, "tiny.pdf", tiny)

	write(t, "empty.pdf", nil)
	write(t, "not-a-pdf.pdf", []byte("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n<body><h1>Not Found</h1></body></html>\n"))
	write(t, "truncated.pdf", tiny[:len(tiny)*6/10])
	// A download cut off just before the final %%EOF line: all data is there.
	write(t, "missing-eof.pdf", bytes.TrimSuffix(tiny, []byte("%%EOF\n")))

	// Offsets shifted: a line inserted after the header moves every object,
	// the xref table and the startxref target by 40 bytes.
	shifted := append([]byte{}, tiny[:len(header)]...)
	shifted = append(shifted, []byte("% inserted by an editor, offsets stale\n\n")...)
	shifted = append(shifted, tiny[len(header):]...)
	write(t, "shifted-offsets.pdf", shifted)

	// The xref table is overwritten with spaces: startxref points at nothing.
	noXref := append([]byte{}, tiny...)
	xi := bytes.LastIndex(noXref, []byte("xref\n0 9"))
	ti := bytes.LastIndex(noXref, []byte("trailer"))
	for i := xi; i < ti; i++ {
		noXref[i] = ' '
	}
	write(t, "no-xref-table.pdf", noXref)

	// One xref entry garbled, as by a bad byte: pdfcpu gives up on such a
	// table, the objects themselves are intact.
	write(t, "garbled-xref.pdf", garble(t, tiny))

	// A /Prev that points back at the same xref table: a naive reader loops.
	x := bytes.LastIndex(tiny, []byte("xref\n0 9"))
	write(t, "prev-loop.pdf", replaceOnce(t, tiny, `/Size 9 /Root`, fmt.Sprintf("/Size 9 /Prev %d /Root", x)))

	// Header and body are PDF-like, but there are no objects at all.
	junk := []byte("%PDF-1.4\n")
	for i := 0; i < 600; i++ {
		junk = append(junk, byte(i*7919%251))
	}
	junk = append(junk, []byte("\nstartxref\n12\n%%EOF\n")...)
	write(t, "damaged-beyond-repair.pdf", junk)

	write(t, "pdf-2.0.pdf", append([]byte("%PDF-2.0"), tiny[len("%PDF-1.4"):]...))
	write(t, "header-comment.pdf", append([]byte("%PDF-1.4 %\xe2\xe3\xcf\xd3"), tiny[len("%PDF-1.4\n%\xe2\xe3\xcf\xd3"):]...))
	// Leading bytes before %PDF (a mail or HTTP wrapper); offsets count from %PDF.
	write(t, "leading-junk.pdf", append([]byte("Content-Type: application/pdf\r\n\r\n"), tiny...))
	garbage := append([]byte{}, tiny...)
	garbage = append(garbage, bytes.Repeat([]byte("\x00<html>garbage after the end, %%EOF</html>\n"), 20)...)
	write(t, "trailing-garbage.pdf", garbage)

	write(t, "hybrid-xref.pdf", hybridPDF())
	write(t, "objstm-cycle.pdf", objStmCyclePDF())
	write(t, "objstm-extends-loop.pdf", objStmExtendsPDF())
	write(t, "huge-xref-size.pdf", xrefStreamPDF("/Size 1999999999"))
	qpdf(t, tiny, "xref-stream.pdf", "--object-streams=generate")

	for _, c := range []struct{ name, user, bits, aes string }{
		{"rc4-40-user.pdf", "user", "40", ""},
		{"rc4-128-user.pdf", "user", "128", "n"},
		{"aes-128-user.pdf", "user", "128", "y"},
		{"aes-256-user.pdf", "user", "256", ""},
		{"rc4-40-owner-only.pdf", "", "40", ""},
		{"rc4-128-owner-only.pdf", "", "128", "n"},
		{"aes-128-owner-only.pdf", "", "128", "y"},
		{"aes-256-owner-only.pdf", "", "256", ""},
	} {
		args := []string{"--allow-weak-crypto", "--encrypt", c.user, "owner", c.bits}
		if c.aes != "" {
			args = append(args, "--use-aes="+c.aes)
		}
		// Restrict printing, changes and copying, as "protected" budget
		// PDFs do; pet ignores the permission bits.
		if c.bits == "40" {
			args = append(args, "--print=n", "--modify=n", "--extract=n")
		} else {
			args = append(args, "--print=none", "--modify=none", "--extract=n")
		}
		args = append(args, "--")
		qpdf(t, tiny, c.name, args...)
	}
	aes, err := os.ReadFile(filepath.Join(badDir, "aes-128-user.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, "aes-128-garbled-xref.pdf", garble(t, aes))

	// A security handler other than /Standard (certificate encryption).
	write(t, "pubsec-encrypted.pdf", onePage("<<>>", "", pageText(1), " /Encrypt 5 0 R", func(b *builder) {
		b.obj(5, "<</Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /Length 128 /Recipients [<3082>]>>")
	}))

	write(t, "unknown-filter.pdf", onePage("<</Font <</F1 5 0 R>>>>", " /Filter /FooDecode", pageText(1), "", func(b *builder) {
		b.obj(5, fontObj)
	}))
	inline := []byte("q 100 0 0 100 72 600 cm BI /W 4 /H 4 /CS /G /BPC 8 ID \x00\x40\x80\xff\x00\x40\x80\xff\x00\x40\x80\xff\x00\x40\x80\xff\nEI Q\n")
	inline = append(inline, pageText(1)...)
	write(t, "inline-image.pdf", onePage("<</Font <</F1 5 0 R>>>>", "", inline, "", func(b *builder) {
		b.obj(5, fontObj)
	}))
	jpg := grayJPEG(64, 90)
	write(t, "scanned.pdf", onePage("<</XObject <</Im1 5 0 R>>>>", "", []byte("q 595 0 0 842 0 0 cm /Im1 Do Q\n"), "", func(b *builder) {
		b.stream(5, " /Type /XObject /Subtype /Image /Width 64 /Height 90 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", jpg)
	}))

	// A well-formed file whose page tree is empty.
	b := newBuilder(header)
	b.obj(1, "<</Type /Catalog /Pages 2 0 R>>")
	b.obj(2, "<</Type /Pages /Kids [] /Count 0>>")
	write(t, "no-pages.pdf", b.finish(b.xrefTable(3, "/Size 3 /Root 1 0 R "+fileID)))
}
