package pdfpage

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/petool/pet/internal/pdfload"
)

func deflate(b []byte) string {
	var buf bytes.Buffer
	w, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	w.Write(b)
	w.Close()
	return buf.String()
}

// pageResult reads page 1 of data and reports its error, the bytes the
// reading allocated and the glyphs read.
func pageResult(t *testing.T, data []byte, lim ...pdfload.Limits) (err error, alloc uint64, glyphs int) {
	t.Helper()
	r, oerr := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if oerr != nil {
		t.Fatalf("open: %v", oerr)
	}
	d, oerr := New(r)
	if oerr != nil {
		t.Fatal(oerr)
	}
	if len(lim) > 0 {
		d.sess.Limits = lim[0]
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p, err := d.Page(1)
	runtime.ReadMemStats(&after)
	if p != nil {
		glyphs = len(p.Glyphs)
	}
	return err, after.TotalAlloc - before.TotalAlloc, glyphs
}

var helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [" + repeat("500 ", 95) + "] >>"

// TestHostilePages: each page asks for far more memory or work than any real
// page; each must end as the page's error naming the reason, within a small
// allocation budget, never as a crash.
func TestHostilePages(t *testing.T) {
	bomb := deflate(make([]byte, 80<<20)) // 80 MiB of zeros, 80 kB compressed
	longText := "<" + strings.Repeat("4E00", 4000) + ">"
	cases := []struct {
		name   string
		data   []byte
		want   string // in the error; "" for no error
		maxMiB uint64
		glyphs int // with no error: glyphs expected (-1: any)
		lim    pdfload.Limits
	}{
		{
			name: "predictor columns 2^40",
			data: onePage("", "", ""), // replaced below
			want: "/Columns 1099511627776", maxMiB: 8,
		},
		{
			name: "flate bomb in the content stream",
			data: testPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
				stream("/Filter /FlateDecode", bomb)),
			want: "decoded stream size over the limit of 8 MiB", maxMiB: 40, lim: pdfload.Limits{MaxStreamBytes: 8 << 20},
		},
		{
			name: "flate bomb in a ToUnicode CMap",
			data: onePage("/Resources << /Font << /F1 5 0 R >> >>", "BT /F1 10 Tf 100 700 Td <0001> Tj ET",
				"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
				cidDescendant, stream("/Filter /FlateDecode", bomb)),
			want: "font data: decoded stream size over the limit of 32 MiB", maxMiB: 200,
		},
		{
			name: "bfrange <0000> <FFFF> to 4,000 characters",
			data: onePage("/Resources << /Font << /F1 5 0 R >> >>", "BT /F1 10 Tf 100 700 Td <"+strings.Repeat("0001", 2000)+"> Tj ET",
				"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
				cidDescendant, stream("", "1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> "+longText+" endbfrange")),
			glyphs: 0, maxMiB: 16,
		},
		{
			name: "form drawing itself 64 times",
			data: onePage("/Resources << /XObject << /X1 5 0 R >> /Font << /F2 6 0 R >> >>", "/X1 Do",
				stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 5 0 R >> /Font << /F2 6 0 R >> >>",
					"BT /F2 1 Tf (a) Tj ET "+strings.Repeat("/X1 Do ", 64)), helvetica),
			want: "form XObjects drawn on the page over the limit of 4096", maxMiB: 64,
		},
		{
			name: "billion laughs: ten forms each drawing the next ten times",
			data: laughs(),
			want: "over the limit", maxMiB: 64,
		},
		{
			name: "ten million operators",
			data: onePage("", strings.Repeat("q Q ", 5<<20)),
			want: "content-stream operators of the page over the limit of 4194304", maxMiB: 64,
		},
		{
			name: "half a million glyphs",
			data: onePage("/Resources << /Font << /F2 5 0 R >> >>", "BT /F2 1 Tf ("+strings.Repeat("a", 500000)+") Tj ET", helvetica),
			want: "glyphs on the page over the limit of 200000", maxMiB: 256,
		},
		{
			name:   "a million stray delimiters",
			data:   onePage("", strings.Repeat(")", 1<<20)+" 0 0 m 10 0 l S"),
			glyphs: 0, maxMiB: 16,
		},
		{
			name: "unknown predictor",
			data: testPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
				stream("/Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 4 >>", deflate([]byte("q Q")))),
			want: "unsupported stream parameters: /Predictor 15", maxMiB: 4,
		},
	}
	cases[0].data = testPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		stream("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 1099511627776 >>", deflate([]byte("\x02q Q"))))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err, alloc, glyphs := pageResult(t, c.data, c.lim)
			if c.want == "" {
				if err != nil {
					t.Fatalf("err = %v, want none", err)
				}
				if c.glyphs >= 0 && glyphs != c.glyphs {
					t.Errorf("glyphs = %d, want %d", glyphs, c.glyphs)
				}
			} else if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "page 1: ") {
				t.Fatalf("err = %v, want page 1: …%s…", err, c.want)
			}
			if alloc > c.maxMiB<<20 {
				t.Errorf("allocated %d MiB, budget %d MiB", alloc>>20, c.maxMiB)
			}
		})
	}
}

// laughs builds ten forms, each drawing the next ten times: 10^8 invocations
// if nothing bounded the total (the depth limit alone does not).
func laughs() []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>",
		stream("", "/X Do")}
	for i := 0; i < 10; i++ {
		next := fmt.Sprintf("%d 0 R", 6+i)
		objs = append(objs, stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X "+next+" >> >>",
			strings.Repeat("/X Do 0 0 m 1 0 l S ", 10)))
	}
	return testPDF(objs...)
}

// TestCorruptStreamIsAnError: 64 bytes garbled in the middle of a page's
// compressed content must not give a silently shortened page.
func TestCorruptStreamIsAnError(t *testing.T) {
	var content strings.Builder
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&content, "BT /F2 10 Tf 50 %d Td (row %d of the table) Tj ET\n", 800-i*2, i)
	}
	z := []byte(deflate([]byte(content.String())))
	mid := len(z) / 2
	for i := mid; i < mid+64; i++ {
		z[i] ^= 0x5a
	}
	data := onePage("/Resources << /Font << /F2 5 0 R >> >>", "", helvetica)
	data = testPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F2 5 0 R >> >> >>",
		stream("/Filter /FlateDecode", string(z)), helvetica)
	err, _, _ := pageResult(t, data)
	if err == nil || !strings.Contains(err.Error(), "page 1: content stream: corrupt stream data") {
		t.Fatalf("err = %v, want page 1: content stream: corrupt stream data…", err)
	}
}

// TestCancelledPageStops: a page whose file's time is over stops at once.
func TestCancelledPageStops(t *testing.T) {
	data := onePage("", strings.Repeat("q Q ", 1<<20))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	release := pdfload.Bind(ctx, data, pdfload.Limits{})
	defer release()
	d, err := pdfload.Load(data, pdfload.Options{})
	if err == nil {
		t.Fatalf("Load of a cancelled file succeeded")
	}
	// The page reader on its own, with a session cancelled mid-way.
	r, _ := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	doc, _ := New(r)
	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	doc.sess = pdfload.Session{Ctx: ctx2, Limits: pdfload.Limits{MaxOperators: 1 << 30}}
	start := time.Now()
	for time.Since(start) < 10*time.Second {
		if _, err = doc.Page(1); err != nil {
			break
		}
	}
	_ = d
	if err == nil || !strings.Contains(err.Error(), "gave up") {
		t.Fatalf("err = %v, want gave up", err)
	}
}

// TestRuntimeErrorsAreHidden: a Go runtime error never reaches a message.
func TestRuntimeErrorsAreHidden(t *testing.T) {
	var s []int
	err := func() (err error) {
		defer func() { err = pageError(3, recover()) }()
		_ = s[5]
		return nil
	}()
	if err.Error() != "page 3: malformed PDF object" {
		t.Fatalf("err = %q", err)
	}
}
