package pdfpage

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// testPDF assembles a small PDF from object bodies: objects[i] becomes
// object i+1. Object 1 must be the catalog. It computes a correct xref.
func testPDF(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// stream formats a stream object with the given dictionary entries.
func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// onePage builds a one-page PDF (A4 portrait unless box is given) whose page
// has the given content, fonts (object refs by name) and extra objects.
// Objects: 1 catalog, 2 pages, 3 page, 4 content, 5.. extras.
func onePage(pageExtra, content string, extras ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " + pageExtra + " >>",
		stream("", content),
	}
	return testPDF(append(objs, extras...)...)
}

// readPage reads the only page of data.
func readPage(t *testing.T, data []byte) *Page {
	t.Helper()
	d := openDocument(t, data)
	if d.NumPages() != 1 {
		t.Fatalf("pages = %d, want 1", d.NumPages())
	}
	p, err := d.Page(1)
	if err != nil {
		t.Fatalf("page: %v", err)
	}
	return p
}

// openDocument opens data as a Document, failing t when it does not open.
func openDocument(t *testing.T, data []byte) *Document {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	d, err := New(r)
	if err != nil {
		t.Fatalf("page tree: %v", err)
	}
	return d
}

func pageText(p *Page) string {
	var b bytes.Buffer
	for _, g := range p.Glyphs {
		b.WriteString(g.Text)
	}
	return b.String()
}

// cidFont is a Type0 Identity-H font: CID 1 → 一 (width 1000), CID 2 → 1
// (width 500), CID 3 → 二 (width 800); object 6 is its descendant and 7 its
// ToUnicode map.
const cidFontObjects = `<< /Type /Font /Subtype /Type0 /BaseFont /Test-CID /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>`

var cidDescendant = `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test-CID /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [2 [500] 3 3 800] >>`

var cidToUnicode = stream("", `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0001> <4E00>
<0002> <0031>
endbfchar
1 beginbfrange
<0003> <0003> <4E8C>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`)

func TestCIDWidths(t *testing.T) {
	content := "BT /F1 10 Tf 100 700 Td <0001000200030001> Tj ET"
	p := readPage(t, onePage("/Resources << /Font << /F1 5 0 R >> >>", content, cidFontObjects, cidDescendant, cidToUnicode))
	if got := pageText(p); got != "一1二一" {
		t.Fatalf("text = %q, want 一1二一", got)
	}
	// Top-left frame: y = 842 - 700. Advances: 10, 5, 8 points.
	wantX0 := []float64{100, 110, 115, 123}
	wantX1 := []float64{110, 115, 123, 133}
	for i, g := range p.Glyphs {
		if !near(g.X0, wantX0[i]) || !near(g.X1, wantX1[i]) || !near(g.Y, 142) || !near(g.Size, 10) {
			t.Errorf("glyph %d %q: x %.2f-%.2f y %.2f size %.2f, want x %.0f-%.0f y 142 size 10",
				i, g.Text, g.X0, g.X1, g.Y, g.Size, wantX0[i], wantX1[i])
		}
	}
}

func near(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }

func TestTextStateSpacing(t *testing.T) {
	// Simple font, widths 500 for every code: Tc adds 1 per glyph, Tw 3 per
	// space, Tz 50 halves everything horizontally, TJ -1000 moves one em.
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [" +
		repeat("500 ", 95) + "] /Encoding /WinAnsiEncoding >>"
	content := "BT /F1 10 Tf 1 Tc 3 Tw 50 Tz 0 0 Td 1 0 0 1 100 700 Tm (a b) Tj [(c) -1000 (d)] TJ ET"
	p := readPage(t, onePage("/Resources << /Font << /F1 5 0 R >> >>", content, font))
	if got := pageText(p); got != "a bcd" {
		t.Fatalf("text = %q", got)
	}
	// a: 100, advance (5+1)*0.5 = 3; space: 103, advance (5+1+3)*0.5 = 4.5;
	// b: 107.5; c: 110.5; TJ -1000: 10*0.5 = 5 → d at 113.5+5 = 118.5.
	want := []float64{100, 103, 107.5, 110.5, 118.5}
	for i, g := range p.Glyphs {
		if !near(g.X0, want[i]) {
			t.Errorf("glyph %d %q at x %.2f, want %.2f", i, g.Text, g.X0, want[i])
		}
	}
	if !near(p.Glyphs[0].X1-p.Glyphs[0].X0, 2.5) {
		t.Errorf("glyph width %.2f, want 2.5 (Tz scales it)", p.Glyphs[0].X1-p.Glyphs[0].X0)
	}
}

func repeat(s string, n int) string {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		b.WriteString(s)
	}
	return b.String()
}

func TestRulesUnderFlippedCTM(t *testing.T) {
	// Chromium style: a flipped CTM, borders as thin filled rectangles; a
	// thick filled box (not a rule), a clipping path (n) and a white rule
	// are ignored. LibreOffice style: stroked m/l lines.
	content := "q 1 0 0 -1 0 842 cm 0 0 0 rg 50 100 200 0.5 re f 50 100 0.5 80 re f 10 10 100 100 re f " +
		"20 20 300 1 re W n 1 1 1 rg 60 300 100 1 re f Q " +
		"q 2 0 0 2 0 0 cm 10 20 m 110 20 l S 10 20 m 10 70 l S 10 20 m 60 70 l S Q"
	p := readPage(t, onePage("", content))
	want := []Rule{
		{50, 100.25, 250, 100.25},
		{50.25, 100, 50.25, 180},
		{20, 802, 220, 802},
		{20, 702, 20, 802},
	}
	if len(p.Rules) != len(want) {
		t.Fatalf("rules = %v, want %v", p.Rules, want)
	}
	for i, r := range p.Rules {
		if !near(r.X0, want[i].X0) || !near(r.Y0, want[i].Y0) || !near(r.X1, want[i].X1) || !near(r.Y1, want[i].Y1) {
			t.Errorf("rule %d = %+v, want %+v", i, r, want[i])
		}
	}
}

func TestActualTextAndRadicals(t *testing.T) {
	// The font maps CID 1 to the Kangxi radical ⼀ (U+2F00): shown plainly it
	// must still read 一; inside an ActualText span the span's text wins.
	toUni := stream("", "1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <2F00> <0002> <2F06> endbfchar")
	content := "BT /F1 10 Tf 100 700 Td <0001> Tj /Span << /ActualText <FEFF4E8C4E09> >> BDC <00020002> Tj EMC <0002> Tj ET"
	p := readPage(t, onePage("/Resources << /Font << /F1 5 0 R >> >>", content, cidFontObjects, cidDescendant, toUni))
	if got := pageText(p); got != "一二三二" {
		t.Fatalf("text = %q, want 一二三二", got)
	}
	if len(p.Glyphs) != 3 {
		t.Fatalf("glyphs = %d, want 3 (the span is one glyph)", len(p.Glyphs))
	}
	if g := p.Glyphs[1]; !near(g.X0, 110) || !near(g.X1, 120) { // CID 2 is 500 wide
		t.Errorf("span glyph spans x %.2f-%.2f, want 110-120", g.X0, g.X1)
	}
}

func TestUnbalancedGraphicsState(t *testing.T) {
	// More Q than q must not panic or lose the base frame; a q left open at
	// the end is fine.
	content := "Q Q q 1 0 0 1 50 0 cm Q Q 0 0 0 rg 100 100 200 1 re f q q 1 0 0 1 0 -50 cm 100 100 200 1 re f"
	p := readPage(t, onePage("", content))
	if len(p.Rules) != 2 {
		t.Fatalf("rules = %v", p.Rules)
	}
	if !near(p.Rules[0].X0, 100) || !near(p.Rules[0].Y0, 741.5) {
		t.Errorf("first rule %+v, want x 100 y 741.5", p.Rules[0])
	}
	if !near(p.Rules[1].Y0, 791.5) {
		t.Errorf("second rule %+v, want y 791.5", p.Rules[1])
	}
}

func TestFormXObjectAndInlineImage(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 65 /LastChar 66 /Widths [600 600] >>"
	form := stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 10 20] /Resources << /Font << /F9 5 0 R >> >>",
		"BT /F9 10 Tf 0 0 Td (B) Tj ET")
	// The inline image data holds bytes that look like operators and an
	// unbalanced parenthesis; they must be skipped.
	content := "q 1 0 0 1 100 100 cm /X1 Do Q BI /W 2 /H 2 /BPC 8 /CS /G ID (Tj ) BT EI Q BT /F9 12 Tf 0 0 Td (A) Tj ET"
	p := readPage(t, onePage("/Resources << /Font << /F9 5 0 R >> /XObject << /X1 6 0 R >> >>", content, font, form))
	if got := pageText(p); got != "BA" {
		t.Fatalf("text = %q, want BA", got)
	}
	if g := p.Glyphs[0]; !near(g.X0, 110) || !near(g.Y, 842-120) {
		t.Errorf("form glyph at %.2f,%.2f, want 110,722", g.X0, g.Y)
	}
	if p.Images != 1 {
		t.Errorf("images = %d, want 1", p.Images)
	}
}

func TestFakeBoldDuplicatesDropped(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 65 /LastChar 66 /Widths [600 600] >>"
	// "AAB" drawn, then drawn again 0.3 pt to the right: the copy goes, but
	// the two real A's side by side stay.
	content := "BT /F1 10 Tf 100 700 Td (AAB) Tj ET BT /F1 10 Tf 100.3 700 Td (AAB) Tj ET"
	p := readPage(t, onePage("/Resources << /Font << /F1 5 0 R >> >>", content, font))
	if got := pageText(p); got != "AAB" {
		t.Fatalf("text = %q, want AAB", got)
	}
}

// TestRotatedPageIsTurnedUpright: /Rotate 90 turns the page's text to run
// down the displayed page; the reader turns it back so that text runs left
// to right, as a landscape table printed on a portrait page must be read.
func TestRotatedPageIsTurnedUpright(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 65 /LastChar 66 /Widths [600 600] >>"
	content := "BT /F1 10 Tf 100 700 Td (AB) Tj ET 0 0 0 rg 100 690 50 0.5 re f"
	for _, rotate := range []string{"90", "180", "270", "-90"} {
		p := readPage(t, onePage("/Rotate "+rotate+" /Resources << /Font << /F1 5 0 R >> >>", content, font))
		if !near(p.Width, 595) || !near(p.Height, 842) {
			t.Errorf("rotate %s: size %vx%v, want 595x842", rotate, p.Width, p.Height)
		}
		if len(p.Glyphs) != 2 {
			t.Fatalf("rotate %s: %d glyphs", rotate, len(p.Glyphs))
		}
		a, b := p.Glyphs[0], p.Glyphs[1]
		if !near(a.X0, 100) || !near(a.X1, 106) || !near(a.Y, 142) || !near(b.X0, 106) {
			t.Errorf("rotate %s: glyphs at %.2f-%.2f,%.2f and %.2f; want 100-106,142 and 106", rotate, a.X0, a.X1, a.Y, b.X0)
		}
		if len(p.Rules) != 1 || !near(p.Rules[0].Y0, 151.75) || !near(p.Rules[0].X0, 100) {
			t.Errorf("rotate %s: rules %+v, want one at y 151.75 from x 100", rotate, p.Rules)
		}
	}
}

func TestBrokenPageIsAnError(t *testing.T) {
	// A content stream with an unsupported filter makes the library panic;
	// the page must come back as an error naming it.
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		stream("/Filter /JBIG2Decode", "xx"),
	}
	d := openDocument(t, testPDF(objs...))
	if _, err := d.Page(1); err == nil || !bytes.Contains([]byte(err.Error()), []byte("page 1")) {
		t.Fatalf("err = %v, want an error naming page 1", err)
	}
}

// TestGlyphsOffThePageDropped: text whose baseline is below the bottom edge
// (a cell's overflow, repeated on the next page) is not read; text whose
// baseline is on the page is, and so is text beside the page.
func TestGlyphsOffThePageDropped(t *testing.T) {
	content := "BT /F1 10 Tf 1 0 0 1 100 100 Tm (in) Tj 1 0 0 1 100 -20 Tm (out) Tj 1 0 0 1 100 -0.5 Tm (half) Tj " +
		"1 0 0 1 100 0.5 Tm (edge) Tj 1 0 0 1 -50 200 Tm (left) Tj ET"
	p := readPage(t, onePage("/Resources << /Font << /F1 5 0 R >> >>", content,
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /MissingWidth 500 >>"))
	if got := pageText(p); got != "inedgeleft" {
		t.Errorf("text %q, want %q", got, "inedgeleft")
	}
}

// countingReaderAt counts the reads that start at each offset.
type countingReaderAt struct {
	r     *bytes.Reader
	reads map[int64]int
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	c.reads[off]++
	return c.r.ReadAt(p, off)
}

// TestObjectsReadOncePerDocument: pages of resources of their own that
// share a /Font dictionary and a font (under another name on page 3) read
// each from the file once, and
// a page's content objects, resolved by the page walk (once for each page
// that lists them), are not read again to interpret the page.
func TestObjectsReadOncePerDocument(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	content := stream("", "BT /F1 12 Tf 100 700 Td (Hi) Tj ET")
	data := testPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << /Font 8 0 R >> >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [6 0 R 7 0 R] /Resources << /Font 8 0 R >> >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 10 0 R /Resources << /Font << /F7 9 0 R >> >> >>",
		content, content,
		"<< /F1 9 0 R >>", font, stream("", "BT /F7 12 Tf 100 700 Td (Hi) Tj ET"))
	offset := func(obj int) int64 {
		return int64(bytes.Index(data, []byte(fmt.Sprintf("\n%d 0 obj\n", obj)))) + 1
	}
	cr := &countingReaderAt{r: bytes.NewReader(data), reads: map[int64]int{}}
	r, err := pdf.NewReader(cr, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	d, err := New(r)
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= d.NumPages(); n++ {
		p, err := d.Page(n)
		if err != nil {
			t.Fatal(err)
		}
		if got := glyphText(p); got != "Hi" && got != "HiHi" {
			t.Errorf("page %d reads %q", n, got)
		}
	}
	for obj, want := range map[int]int{6: 2, 7: 1, 8: 1, 9: 1, 10: 1} {
		if got := cr.reads[offset(obj)]; got != want {
			t.Errorf("object %d read %d times from the file, want %d", obj, got, want)
		}
	}
}

// glyphText is the page's glyph texts in order.
func glyphText(p *Page) string {
	var b strings.Builder
	for _, g := range p.Glyphs {
		b.WriteString(g.Text)
	}
	return b.String()
}

// TestOmitRunFonts: a Document told to omit run fonts reads the same
// glyphs with no RunFonts, and so do its forks; otherwise Font names the
// font of each glyph.
func TestOmitRunFonts(t *testing.T) {
	data := onePage("/Resources << /Font << /F1 5 0 R >> >>", "BT /F1 12 Tf 100 700 Td (Hi) Tj ET",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	full, err := openDocument(t, data).Page(1)
	if err != nil || glyphText(full) != "Hi" || full.Font(full.Glyphs[0]) != "Helvetica" {
		t.Fatalf("page %+v, err %v", full, err)
	}
	d := openDocument(t, data)
	d.OmitRunFonts()
	for _, doc := range []*Document{d, d.Fork()} {
		p, err := doc.Page(1)
		if err != nil {
			t.Fatal(err)
		}
		if p.RunFonts != nil || p.Font(p.Glyphs[0]) != "" || !reflect.DeepEqual(p.Glyphs, full.Glyphs) {
			t.Errorf("RunFonts %q, glyphs %+v; want none and %+v", p.RunFonts, p.Glyphs, full.Glyphs)
		}
	}
}

// TestRecycleReusesGlyphMemory: a page recycled lends its glyphs' memory
// to a page read after it (by the Document or a fork) that fits in it;
// the later page reads the same as without, and a page that does not fit
// gets memory of its own.
func TestRecycleReusesGlyphMemory(t *testing.T) {
	content := func(s string) string { return stream("", "BT /F1 12 Tf 100 700 Td ("+s+") Tj ET") }
	data := testPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << /Font << /F1 9 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R /Resources << /Font << /F1 9 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 8 0 R /Resources << /Font << /F1 9 0 R >> >> >>",
		content("Hello"), content("Bye"), content("Longer than hello"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	d := openDocument(t, data)
	p1, err := d.Page(1)
	if err != nil {
		t.Fatal(err)
	}
	mem := &p1.Glyphs[0]
	d.Recycle(p1)
	if p1.Glyphs != nil {
		t.Errorf("a recycled page keeps its glyphs")
	}
	p2, err := d.Fork().Page(2)
	if err != nil {
		t.Fatal(err)
	}
	if glyphText(p2) != "Bye" || len(p2.Glyphs) != 3 || cap(p2.Glyphs) != 3 {
		t.Errorf("page 2 reads %q (len %d, cap %d)", glyphText(p2), len(p2.Glyphs), cap(p2.Glyphs))
	}
	if &p2.Glyphs[0] != mem {
		t.Errorf("page 2 did not reuse page 1's glyph memory")
	}
	d.Recycle(p2)
	p3, err := d.Page(3)
	if err != nil {
		t.Fatal(err)
	}
	if glyphText(p3) != "Longer than hello" || &p3.Glyphs[0] == mem {
		t.Errorf("page 3 reads %q, in page 1's memory: %v", glyphText(p3), &p3.Glyphs[0] == mem)
	}
}
