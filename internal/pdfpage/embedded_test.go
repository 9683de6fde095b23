package pdfpage

import (
	"encoding/binary"
	"fmt"
	"sort"
	"testing"
)

// sfntWithCmap builds a TrueType font holding only a cmap table with a
// (3,1) format 4 subtable mapping each code point to its glyph id.
func sfntWithCmap(m map[rune]uint16) []byte {
	codes := make([]int, 0, len(m))
	for r := range m {
		codes = append(codes, int(r))
	}
	sort.Ints(codes)
	codes = append(codes, 0xffff)
	seg := len(codes)
	be := binary.BigEndian
	sub := make([]byte, 16+8*seg)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*seg))
	for i, c := range codes {
		gid := uint16(0)
		if c != 0xffff {
			gid = m[rune(c)]
		}
		be.PutUint16(sub[14+2*i:], uint16(c))           // endCode
		be.PutUint16(sub[16+2*seg+2*i:], uint16(c))     // startCode
		be.PutUint16(sub[16+4*seg+2*i:], gid-uint16(c)) // idDelta
	}
	cmap := append([]byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}, sub...)
	font := []byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}
	font = append(font, "cmap"...)
	font = be.AppendUint32(font, 0)
	font = be.AppendUint32(font, 28)
	font = be.AppendUint32(font, uint32(len(cmap)))
	return append(font, cmap...)
}

// cffIndexBytes writes a CFF INDEX with 1-byte offsets.
func cffIndexBytes(items ...string) []byte {
	b := []byte{byte(len(items) >> 8), byte(len(items)), 1, 1}
	off := 1
	for _, it := range items {
		off += len(it)
		b = append(b, byte(off))
	}
	for _, it := range items {
		b = append(b, it...)
	}
	return b
}

// cffWithNames builds a name-keyed CFF font whose glyphs 1.. have the
// given string ids (custom strings from 391, standard ones below).
func cffWithNames(sids []int, custom ...string) []byte {
	header := []byte{1, 0, 4, 1}
	name := cffIndexBytes("T")
	strs := cffIndexBytes(custom...)
	gsubrs := cffIndexBytes()
	// Top DICT: charset (15) and CharStrings (17) offsets as 5-byte
	// integers, so that its size does not depend on their values.
	dict := func(charset, charStrings int) string {
		d := []byte{29}
		d = binary.BigEndian.AppendUint32(d, uint32(charset))
		d = append(d, 15, 29)
		d = binary.BigEndian.AppendUint32(d, uint32(charStrings))
		d = append(d, 17)
		return string(d)
	}
	top := cffIndexBytes(dict(0, 0))
	base := len(header) + len(name) + len(top) + len(strs) + len(gsubrs)
	charset := []byte{0}
	for _, s := range sids {
		charset = binary.BigEndian.AppendUint16(charset, uint16(s))
	}
	glyphs := make([]string, len(sids)+1)
	for i := range glyphs {
		glyphs[i] = "\x0e" // endchar
	}
	top = cffIndexBytes(dict(base, base+len(charset)))
	var b []byte
	for _, part := range [][]byte{header, name, top, strs, gsubrs, charset, cffIndexBytes(glyphs...)} {
		b = append(b, part...)
	}
	return b
}

func TestTrueTypeCmapText(t *testing.T) {
	// Glyph 5 is both ⽔ (KANGXI RADICAL WATER) and 水: the ideograph wins.
	got := trueTypeGlyphText(sfntWithCmap(map[rune]uint16{0x2F54: 5, 0x6C34: 5, 'A': 7, 0x4E00: 9}))
	want := map[uint16]rune{5: '水', 7: 'A', 9: '一'}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("glyph text %v, want %v", got, want)
	}
}

func TestCFFGlyphNames(t *testing.T) {
	got := cffGlyphText(cffWithNames([]int{391, 17, 392}, "uni6C34", "u2F00"))
	want := map[uint16]rune{1: '水', 2: '0', 3: '⼀'}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("glyph text %v, want %v", got, want)
	}
}

// TestTextWithoutToUnicode reads Type0 fonts that carry no ToUnicode CMap:
// a registered collection's CIDs (Identity-H), predefined CMaps (codes →
// CIDs, widths by CID), and the embedded font's own tables.
func TestTextWithoutToUnicode(t *testing.T) {
	type0 := func(enc string) string {
		return "<< /Type /Font /Subtype /Type0 /BaseFont /T /Encoding /" + enc + " /DescendantFonts [6 0 R] >>"
	}
	desc := func(subtype, ordering, extra string) string {
		return "<< /Type /Font /Subtype /" + subtype + " /BaseFont /T /CIDSystemInfo << /Registry (Adobe) /Ordering (" + ordering +
			") /Supplement 0 >> /DW 1000 /W [18 [462] 830 [500] 940 [1000]] /FontDescriptor 7 0 R " + extra + " >>"
	}
	noFile := "<< /Type /FontDescriptor /FontName /T /Flags 4 >>"
	for _, tc := range []struct {
		name, font, desc, fd, file string
		content                    string
		want                       string
		widths                     []float64 // advances at 10 pt
	}{
		{"Adobe-GB1 Identity-H (XeLaTeX FandolSong)", type0("Identity-H"), desc("CIDFontType0", "GB1", ""), noFile, "",
			"<1042 03ac 0012>", "一啊1", []float64{10, 10, 4.62}},
		{"UniGB-UCS2-H (ReportLab STSong-Light)", type0("UniGB-UCS2-H"), desc("CIDFontType0", "GB1", ""), noFile, "",
			"<4e00 0031 554a>", "一1啊", []float64{10, 4.62, 10}},
		{"GBK-EUC-H", type0("GBK-EUC-H"), desc("CIDFontType2", "GB1", ""), noFile, "",
			"<b0a1 31>", "啊1", []float64{10, 5}},
		{"TrueType cmap", type0("Identity-H"), desc("CIDFontType2", "Identity", "/CIDToGIDMap /Identity"),
			"<< /Type /FontDescriptor /FontName /T /Flags 4 /FontFile2 8 0 R >>",
			stream("", string(sfntWithCmap(map[rune]uint16{0x2F54: 5, 0x6C34: 5, 'A': 7}))),
			"<0005 0007>", "水A", []float64{10, 10}},
		{"CFF glyph names", type0("Identity-H"), desc("CIDFontType0", "Identity", ""),
			"<< /Type /FontDescriptor /FontName /T /Flags 4 /FontFile3 8 0 R >>",
			stream("/Subtype /CIDFontType0C", string(cffWithNames([]int{391, 17}, "uni6C34"))),
			"<0001 0002>", "水0", []float64{10, 10}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extras := []string{tc.font, tc.desc, tc.fd}
			if tc.file != "" {
				extras = append(extras, tc.file)
			}
			p := readPage(t, onePage("/Resources << /Font << /F1 5 0 R >> >>", "BT /F1 10 Tf 100 700 Td "+tc.content+" Tj ET", extras...))
			if got := pageText(p); got != tc.want {
				t.Fatalf("text %q, want %q", got, tc.want)
			}
			for i, g := range p.Glyphs {
				if i < len(tc.widths) && !near(g.X1-g.X0, tc.widths[i]) {
					t.Errorf("glyph %d %q advances %.2f, want %.2f", i, g.Text, g.X1-g.X0, tc.widths[i])
				}
			}
		})
	}
}
