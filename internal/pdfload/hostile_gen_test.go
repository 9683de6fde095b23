package pdfload

import (
	"fmt"
	"strings"
	"testing"
)

// hostileFiles are the small files of testdata/bad that ask for far more
// memory or work than any real PDF (issue 13); pet reads each within its
// limits. TestRegenerateBadInputs -regen rebuilds them with the others
// (these need no qpdf).
func hostileFiles() map[string][]byte {
	font := func(b *builder) { b.obj(5, fontObj) }
	res := "<</Font <</F1 5 0 R>>>>"
	zeros := make([]byte, 256<<20)
	bomb := deflate(deflate(zeros)) // 256 MiB in about 1 kB
	files := map[string][]byte{}

	// The library allocates two rows of /Columns bytes before decoding.
	files["predictor-columns.pdf"] = onePage(res, " /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns 1099511627776>>",
		deflate(append([]byte{2}, pageText(1)...)), "", font)

	files["flate-bomb.pdf"] = onePage(res, " /Filter [/FlateDecode /FlateDecode]", bomb, "", font)

	files["tounicode-bomb.pdf"] = onePage("<</Font <</F1 5 0 R>>>>", "", []byte("BT /F1 12 Tf 72 720 Td <0001> Tj ET"), "", func(b *builder) {
		b.obj(5, "<</Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R>>")
		b.obj(6, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /DW 1000>>")
		b.stream(7, " /Filter [/FlateDecode /FlateDecode]", bomb)
	})

	long := "<" + strings.Repeat("4E00", 4000) + ">"
	files["tounicode-long-text.pdf"] = onePage("<</Font <</F1 5 0 R>>>>", "", []byte("BT /F1 12 Tf 72 720 Td <"+strings.Repeat("0001", 1000)+"> Tj ET"), "", func(b *builder) {
		b.obj(5, "<</Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R>>")
		b.obj(6, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /DW 1000>>")
		b.stream(7, "", []byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> "+long+" endbfrange"))
	})

	files["self-drawing-form.pdf"] = onePage("<</Font <</F1 5 0 R>> /XObject <</X1 6 0 R>>>>", "", []byte("/X1 Do"), "", func(b *builder) {
		b.obj(5, fontObj)
		b.stream(6, " /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources <</Font <</F1 5 0 R>> /XObject <</X1 6 0 R>>>>",
			[]byte(string(pageText(1))+strings.Repeat("/X1 Do ", 64)))
	})

	files["form-chain.pdf"] = func() []byte {
		b := newBuilder(header)
		b.obj(1, "<</Type /Catalog /Pages 2 0 R>>")
		b.obj(2, "<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842]>>")
		b.obj(3, "<</Type /Page /Parent 2 0 R /Resources <</XObject <</X 5 0 R>>>> /Contents 4 0 R>>")
		b.stream(4, "", []byte("/X Do"))
		for i := 0; i < 10; i++ { // ten forms, each drawing the next ten times: 10^10 invocations
			b.stream(5+i, fmt.Sprintf(" /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources <</XObject <</X %d 0 R>>>>", 6+i),
				[]byte(strings.Repeat("/X Do 0 0 m 1 0 l S ", 10)))
		}
		return b.finish(b.xrefTable(16, "/Size 16 /Root 1 0 R "+fileID))
	}()

	files["many-operators.pdf"] = onePage(res, " /Filter [/FlateDecode /FlateDecode]", deflate(deflate([]byte(strings.Repeat("q Q ", 8<<20)))), "", font)

	// 64 bytes garbled in the middle of the page's compressed text.
	var text strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&text, "BT /F1 8 Tf 72 %d Td (row %d of a long table) Tj ET\n", 800-i*2, i)
	}
	z := deflate([]byte(text.String()))
	for i := len(z) / 2; i < len(z)/2+64; i++ {
		z[i] ^= 0x5a
	}
	files["corrupt-stream.pdf"] = onePage(res, " /Filter /FlateDecode", z, "", font)
	return files
}

func TestRegenerateHostileInputs(t *testing.T) {
	if !*regen {
		t.Skip("run with -regen to rebuild testdata/bad")
	}
	for name, data := range hostileFiles() {
		write(t, name, data)
	}
}
