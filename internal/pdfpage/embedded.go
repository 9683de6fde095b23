package pdfpage

import (
	"encoding/binary"
	"strings"

	"github.com/ledongthuc/pdf"
)

// embeddedText is the text an embedded font program gives its glyphs, for
// CIDFonts with neither a ToUnicode CMap nor a registered collection: a
// TrueType font's cmap (read backwards, glyph id → code point) or a CFF
// font's glyph names (uni6C34, zero, …).
type embeddedText struct {
	cidToGID []uint16 // CIDFontType2 /CIDToGIDMap stream; nil = identity
	byGID    map[uint16]rune
}

// maxCmapCodes bounds the codes read from a font's cmap subtables, which a
// broken or hostile font can make cover the whole of Unicode many times.
const maxCmapCodes = 1 << 18

// loadEmbeddedText reads the descendant font's embedded program (raw as
// for readStream); nil when there is none or it gives no text.
func loadEmbeddedText(desc pdf.Value, raw []byte) *embeddedText {
	fd := desc.Key("FontDescriptor")
	e := &embeddedText{}
	if m := desc.Key("CIDToGIDMap"); m.Kind() == pdf.Stream {
		b := readStream(raw, m)
		e.cidToGID = make([]uint16, len(b)/2)
		for i := range e.cidToGID {
			e.cidToGID[i] = binary.BigEndian.Uint16(b[2*i:])
		}
	}
	if ff := fd.Key("FontFile2"); ff.Kind() == pdf.Stream {
		e.byGID = trueTypeGlyphText(readStream(raw, ff))
	} else if ff := fd.Key("FontFile3"); ff.Kind() == pdf.Stream {
		b := readStream(raw, ff)
		if ff.Key("Subtype").Name() == "OpenType" {
			if cff := sfntTable(b, "CFF "); cff != nil {
				e.byGID = cffGlyphText(cff)
			}
			if t := trueTypeGlyphText(b); len(t) > 0 {
				e.byGID = t
			}
		} else {
			e.byGID = cffGlyphText(b)
		}
	}
	if len(e.byGID) == 0 {
		return nil
	}
	return e
}

// textOf returns the text of a CID's glyph, or "".
func (e *embeddedText) textOf(cid uint32) string {
	if e == nil {
		return ""
	}
	gid := cid
	if e.cidToGID != nil {
		if int(cid) >= len(e.cidToGID) {
			return ""
		}
		gid = uint32(e.cidToGID[cid])
	}
	if gid > 0xffff {
		return ""
	}
	if r, ok := e.byGID[uint16(gid)]; ok {
		return string(r)
	}
	return ""
}

// sfntTable returns a table of a TrueType/OpenType font, or nil.
func sfntTable(b []byte, tag string) []byte {
	if len(b) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil
		}
		if string(b[rec:rec+4]) != tag {
			continue
		}
		off := int(binary.BigEndian.Uint32(b[rec+8:]))
		length := int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || length < 0 || off > len(b) || length > len(b)-off {
			return nil
		}
		return b[off : off+length]
	}
	return nil
}

// trueTypeGlyphText reads a TrueType cmap backwards: each glyph id to the
// smallest code point that selects it, unified ideographs before radicals
// and compatibility ideographs, from the Unicode subtables (3,10),
// (3,1) and (0,*), formats 4 and 12.
func trueTypeGlyphText(font []byte) map[uint16]rune {
	cm := sfntTable(font, "cmap")
	if len(cm) < 4 {
		return nil
	}
	out := map[uint16]rune{}
	budget := maxCmapCodes
	add := func(gid uint32, r rune) bool {
		if budget--; budget < 0 {
			return false
		}
		if gid == 0 || gid > 0xffff || r < 0x20 || (r >= 0xD800 && r < 0xE000) || r > 0x10FFFF {
			return true
		}
		// A glyph the font maps from both a radical (or compatibility
		// ideograph) and a unified ideograph stands for the latter.
		old, ok := out[uint16(gid)]
		_, oldRad := unifiedIdeograph(old)
		_, rad := unifiedIdeograph(r)
		if !ok || (oldRad && !rad) || (oldRad == rad && r < old) {
			out[uint16(gid)] = r
		}
		return true
	}
	n := int(binary.BigEndian.Uint16(cm[2:]))
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cm) {
			break
		}
		pid, eid := binary.BigEndian.Uint16(cm[rec:]), binary.BigEndian.Uint16(cm[rec+2:])
		if !(pid == 0 || (pid == 3 && (eid == 1 || eid == 10))) {
			continue
		}
		off := int(binary.BigEndian.Uint32(cm[rec+4:]))
		if off < 0 || off+4 > len(cm) {
			continue
		}
		st := cm[off:]
		switch binary.BigEndian.Uint16(st) {
		case 4:
			readCmap4(st, add)
		case 12:
			readCmap12(st, add)
		}
	}
	return out
}

func readCmap4(st []byte, add func(uint32, rune) bool) {
	if len(st) < 14 {
		return
	}
	segX2 := int(binary.BigEndian.Uint16(st[6:]))
	ends, starts, deltas, offs := 14, 16+segX2, 16+2*segX2, 16+3*segX2
	if offs+segX2 > len(st) {
		return
	}
	for s := 0; s < segX2/2; s++ {
		end := int(binary.BigEndian.Uint16(st[ends+2*s:]))
		start := int(binary.BigEndian.Uint16(st[starts+2*s:]))
		delta := int(binary.BigEndian.Uint16(st[deltas+2*s:]))
		ro := int(binary.BigEndian.Uint16(st[offs+2*s:]))
		if start > end || start == 0xffff {
			continue
		}
		for c := start; c <= end; c++ {
			var gid int
			if ro == 0 {
				gid = (c + delta) & 0xffff
			} else {
				p := offs + 2*s + ro + 2*(c-start)
				if p+2 > len(st) {
					break
				}
				gid = int(binary.BigEndian.Uint16(st[p:]))
				if gid != 0 {
					gid = (gid + delta) & 0xffff
				}
			}
			if !add(uint32(gid), rune(c)) {
				return
			}
		}
	}
}

func readCmap12(st []byte, add func(uint32, rune) bool) {
	if len(st) < 16 {
		return
	}
	n := int(binary.BigEndian.Uint32(st[12:]))
	for g := 0; g < n; g++ {
		p := 16 + 12*g
		if p+12 > len(st) {
			return
		}
		lo := binary.BigEndian.Uint32(st[p:])
		hi := binary.BigEndian.Uint32(st[p+4:])
		gid := binary.BigEndian.Uint32(st[p+8:])
		if hi < lo || hi-lo > 0x10000 {
			continue
		}
		for c := lo; c <= hi; c++ {
			if !add(gid+c-lo, rune(c)) {
				return
			}
		}
	}
}

// cffGlyphText reads the glyph names of a (name-keyed) CFF font: its
// charset, glyph id → string id → name, and the text of each name. A
// CID-keyed CFF has no names and gives nothing.
func cffGlyphText(b []byte) map[uint16]rune {
	if len(b) < 4 {
		return nil
	}
	p := int(b[2])             // header size
	_, p, ok := cffIndex(b, p) // Name INDEX
	if !ok {
		return nil
	}
	top, p, ok := cffIndex(b, p)
	if !ok || len(top) == 0 {
		return nil
	}
	strs, _, ok := cffIndex(b, p)
	if !ok {
		return nil
	}
	dict := cffDict(top[0])
	if _, cid := dict[0x0c1e]; cid { // ROS: CID-keyed
		return nil
	}
	csOff, charStrings := int(dict.num(15)), int(dict.num(17))
	glyphs, _, ok := cffIndex(b, charStrings)
	if !ok || csOff <= 2 || csOff >= len(b) {
		return nil // predefined charsets (ISOAdobe, …): not used by CJK fonts
	}
	name := func(sid int) string {
		if sid < len(cffStandardStrings) {
			return cffStandardStrings[sid]
		}
		if i := sid - 391; i >= 0 && i < len(strs) {
			return string(strs[i])
		}
		return ""
	}
	out := map[uint16]rune{}
	add := func(gid, sid int) {
		t := glyphNameToUnicode(name(sid))
		if rs := []rune(t); len(rs) == 1 && gid > 0 && gid <= 0xffff {
			out[uint16(gid)] = rs[0]
		}
	}
	n := len(glyphs)
	q := csOff
	format := b[q]
	q++
	switch format {
	case 0:
		for gid := 1; gid < n && q+2 <= len(b); gid, q = gid+1, q+2 {
			add(gid, int(binary.BigEndian.Uint16(b[q:])))
		}
	case 1, 2:
		for gid := 1; gid < n; {
			w := 3
			if format == 2 {
				w = 4
			}
			if q+w > len(b) {
				break
			}
			first := int(binary.BigEndian.Uint16(b[q:]))
			left := int(b[q+2])
			if format == 2 {
				left = int(binary.BigEndian.Uint16(b[q+2:]))
			}
			q += w
			for k := 0; k <= left && gid < n; k, gid = k+1, gid+1 {
				add(gid, first+k)
			}
		}
	}
	return out
}

// cffIndex reads a CFF INDEX at p: its items and the offset after it.
func cffIndex(b []byte, p int) ([][]byte, int, bool) {
	if p < 0 || p+2 > len(b) {
		return nil, p, false
	}
	count := int(binary.BigEndian.Uint16(b[p:]))
	if count == 0 {
		return nil, p + 2, true
	}
	if p+3 > len(b) {
		return nil, p, false
	}
	size := int(b[p+2])
	if size < 1 || size > 4 {
		return nil, p, false
	}
	offs := p + 3
	data := offs + (count+1)*size - 1 // offsets count from the byte before the data
	if count > len(b) || data+1 > len(b) {
		return nil, p, false
	}
	off := func(i int) int {
		v := 0
		for k := 0; k < size; k++ {
			v = v<<8 | int(b[offs+i*size+k])
		}
		return v
	}
	items := make([][]byte, count)
	for i := range items {
		a, z := data+off(i), data+off(i+1)
		if a < data || z < a || z > len(b) {
			return nil, p, false
		}
		items[i] = b[a:z]
	}
	return items, data + off(count), true
}

// cffDictT is a CFF DICT: operator (12 x as 0x0c00|x) → operands.
type cffDictT map[int][]float64

func (d cffDictT) num(op int) float64 {
	if v := d[op]; len(v) > 0 {
		return v[0]
	}
	return 0
}

func cffDict(b []byte) cffDictT {
	d := cffDictT{}
	var ops []float64
	for i := 0; i < len(b); {
		c := int(b[i])
		switch {
		case c <= 21:
			op := c
			i++
			if c == 12 && i < len(b) {
				op = 0x0c00 | int(b[i])
				i++
			}
			d[op] = ops
			ops = nil
		case c == 28 && i+3 <= len(b):
			ops = append(ops, float64(int16(binary.BigEndian.Uint16(b[i+1:]))))
			i += 3
		case c == 29 && i+5 <= len(b):
			ops = append(ops, float64(int32(binary.BigEndian.Uint32(b[i+1:]))))
			i += 5
		case c == 30: // real: skip nibbles to 0xf
			i++
			for i < len(b) {
				x := b[i]
				i++
				if x&0x0f == 0x0f || x>>4 == 0x0f {
					break
				}
			}
			ops = append(ops, 0)
		case c >= 32 && c <= 246:
			ops = append(ops, float64(c-139))
			i++
		case c >= 247 && c <= 250 && i+2 <= len(b):
			ops = append(ops, float64((c-247)*256+int(b[i+1])+108))
			i += 2
		case c >= 251 && c <= 254 && i+2 <= len(b):
			ops = append(ops, float64(-(c-251)*256-int(b[i+1])-108))
			i += 2
		default:
			return d
		}
	}
	return d
}

// cffStandardStrings are the first CFF standard strings (SIDs 0–170); the
// rest name accented Latin letters.
var cffStandardStrings = strings.Fields(`.notdef space exclam quotedbl numbersign dollar percent ampersand quoteright
parenleft parenright asterisk plus comma hyphen period slash zero one two three four five six seven
eight nine colon semicolon less equal greater question at A B C D E F G H I J K L M N O P Q R S T U V
W X Y Z bracketleft backslash bracketright asciicircum underscore quoteleft a b c d e f g h i j k l m
n o p q r s t u v w x y z braceleft bar braceright asciitilde exclamdown cent sterling fraction yen
florin section currency quotesingle quotedblleft guillemotleft guilsinglleft guilsinglright fi fl
endash dagger daggerdbl periodcentered paragraph bullet quotesinglbase quotedblbase quotedblright
guillemotright ellipsis perthousand questiondown grave acute circumflex tilde macron breve dotaccent
dieresis ring cedilla hungarumlaut ogonek caron emdash AE ordfeminine Lslash Oslash OE ordmasculine
ae dotlessi lslash oslash oe germandbls onesuperior logicalnot mu trademark Eth onehalf plusminus
Thorn onequarter divide brokenbar degree thorn threequarters twosuperior registered minus eth
multiply threesuperior copyright`)
