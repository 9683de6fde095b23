package pdfpage

import (
	"bytes"
	"github.com/petool/pet/internal/fuzzguard"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/petool/pet/internal/pdfload"
)

// fuzzBudget is the time one fuzz input may take. The page runs under small
// limits (fuzzLimits), so anything slower is work the limits do not bound.
const fuzzBudget = 2 * time.Second

var fuzzLimits = pdfload.Limits{MaxOperators: 200000, MaxXObjects: 500, MaxGlyphs: 50000, MaxStreamBytes: 4 << 20, MaxPageBytes: 16 << 20}

// FuzzContentStream runs arbitrary bytes as the content stream of a page
// with a CID font, a simple font and a Form XObject in its resources: the
// interpreter must never panic or hang, and every glyph and rule it reports
// must have finite coordinates.
func FuzzContentStream(f *testing.F) {
	for _, s := range []string{
		"BT /F1 10 Tf 100 700 Td <0001000200030001> Tj ET",
		"q 1 0 0 -1 0 842 cm 0 0 0 rg 50 100 200 0.5 re f Q 10 20 m 110 20 l S",
		"BT /F2 12 Tf 1 Tc 3 Tw 50 Tz [(a) -1000 (b c)] TJ T* (d) ' 1 2 (e) \" ET",
		"/Span << /ActualText <FEFF4E8C> >> BDC BT /F1 9 Tf <0002> Tj ET EMC",
		"q /X1 Do Q BI /W 2 /H 2 ID \x00\x01EI Q Q Q",
		"[[[[[ << /a << /b [ ( \\( ) ] >> >> ] ] ] ] ]",
		// The form X1 draws itself: 64 times here, and again inside.
		strings.Repeat("/X1 Do ", 64),
		"q 2 0 0 2 0 0 cm /X1 Do Q " + strings.Repeat("/X1 Do q /X1 Do Q ", 32),
		strings.Repeat(")", 4096) + strings.Repeat("[", 100) + strings.Repeat("<<", 100),
		"BT /F1 1 Tf <" + strings.Repeat("0001", 4096) + "> Tj ET",
	} {
		f.Add([]byte(s))
	}
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [" + repeat("500 ", 95) + "] >>"
	// The form draws itself twice: with the depth bound alone, 2^8 times per
	// invocation; the invocation limit bounds the total.
	form := stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 10 20] /Resources << /Font << /F2 8 0 R >> /XObject << /X1 9 0 R >> >>",
		"BT /F2 10 Tf (B) Tj ET /X1 Do /X1 Do")
	f.Fuzz(func(t *testing.T, content []byte) {
		data := onePage("/Resources << /Font << /F1 5 0 R /F2 8 0 R >> /XObject << /X1 9 0 R >> >>", string(content),
			cidFontObjects, cidDescendant, cidToUnicode, font, form)
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Skip()
		}
		d, err := New(r)
		if err != nil {
			t.Fatal(err)
		}
		d.sess.Limits = fuzzLimits
		var p *Page
		within(t, fuzzBudget, func() { p, err = d.Page(1) })
		if err != nil {
			return // a page error is a fine answer; a panic is not
		}
		for _, g := range p.Glyphs {
			if !isFinite(g.X0) || !isFinite(g.X1) || !isFinite(g.Y) || !isFinite(g.Size) || g.X1 < g.X0 {
				t.Fatalf("bad glyph %+v", g)
			}
		}
		for _, r := range p.Rules {
			if !isFinite(r.X0) || !isFinite(r.Y0) || r.X1 < r.X0 || r.Y1 < r.Y0 {
				t.Fatalf("bad rule %+v", r)
			}
		}
	})
}

// within runs f and fails the test when it takes longer than budget: a slow
// input is a failure, a hang one too (f is then left running).
func within(t *testing.T, budget time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(budget):
		t.Fatalf("slow input: still running after %v", budget)
	}
}

// FuzzEmbeddedFontTables feeds arbitrary bytes to the TrueType cmap and
// CFF charset readers: they must never panic, and give glyph text only
// for glyph ids a font can have.
func FuzzEmbeddedFontTables(f *testing.F) {
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x20" +
		"\x00\x00\x00\x01\x00\x03\x00\x01\x00\x00\x00\x0c\x00\x04\x00\x18\x00\x00\x00\x04"))
	f.Add([]byte("\x01\x00\x04\x01\x00\x01\x01\x01\x02AB\x00\x01\x01\x01\x05\x8b\x8b\x0f\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		defer fuzzguard.Budget(fuzzBudget)()
		for gid := range trueTypeGlyphText(b) {
			if gid == 0 {
				t.Fatal("text for glyph 0")
			}
		}
		for gid := range cffGlyphText(b) {
			if gid == 0 {
				t.Fatal("text for glyph 0")
			}
		}
	})
}
