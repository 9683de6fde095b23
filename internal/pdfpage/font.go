package pdfpage

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// font is what the interpreter needs of a PDF font: how to split a string
// into codes, each code's text and its advance width (in text space units
// per unit of font size, i.e. glyph width / 1000 for most fonts).
type font struct {
	name      string
	twoByte   bool        // default code length 2 (Type0) instead of 1
	space     []codeRange // codespace used to split codes; may be empty
	toUnicode *cmap
	simple    [256]string // simple fonts: text from the /Encoding
	multi     encoding.Encoding
	multiUCS2 bool // predefined UCS2/UTF16 CMaps: the code is the Unicode value
	encCMap   *cmap
	predef    *predefCMap // a predefined CMap named by /Encoding: code → CID
	identity  bool        // Identity-H/V: CID = code

	// Text for CIDs when ToUnicode does not give it: the registered
	// collection's table, then the embedded font's own tables.
	coll     *collection
	desc     pdf.Value     // the descendant CIDFont, to read its font program on demand
	embedded *embeddedText // nil until loaded
	embLoad  sync.Once
	trueType bool // CIDFontType2: CIDs are glyph ids through CIDToGIDMap

	widths     map[uint32]float64 // by code (simple) or CID (Type0)
	defWidth   float64
	sizeFactor float64    // glyph scale relative to Tfs (Type3 FontMatrix), normally 1
	raw        []byte     // the file's bytes, for its streams (loadFont)
	mu         sync.Mutex // guards cache
	cache      map[uint64]decodedCode
}

type decodedCode struct {
	text  string
	width float64
}

// glyphCode is one code of a shown string.
type glyphCode struct {
	text   string
	width  float64
	single bool // a single-byte code 32, to which Tw applies
}

func numberOf(v pdf.Value) float64 {
	switch v.Kind() {
	case pdf.Integer:
		return float64(v.Int64())
	case pdf.Real:
		return v.Float64()
	}
	return 0
}

// loadFont reads a font dictionary. It never fails: a font it cannot read
// yields empty text and a default width, and the page goes on.
//
// raw is the file's bytes when its streams may be inflated from them
// (Document.raw), else nil; shared, when not nil, the fonts of the file,
// whose CMaps the font may share (CMaps are not changed once read).
func loadFont(v pdf.Value, raw []byte, shared *sharedFonts) *font {
	f := &font{name: v.Key("BaseFont").Name(), defWidth: 0.5, sizeFactor: 1, cache: map[uint64]decodedCode{}, raw: raw}
	subtype := v.Key("Subtype").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUnicode = shared.parsedCMap(f.raw, tu)
	}
	if subtype == "Type0" {
		f.loadType0(v)
	} else {
		f.loadSimple(v, subtype)
	}
	return f
}

func (f *font) loadType0(v pdf.Value) {
	f.twoByte = true
	f.defWidth = 1
	enc := v.Key("Encoding")
	desc := v.Key("DescendantFonts").Index(0)
	switch enc.Kind() {
	case pdf.Name:
		name := enc.Name()
		switch {
		case name == "Identity-H" || name == "Identity-V":
			f.identity = true
		case predefinedCMap(name) != nil:
			f.predef = predefinedCMap(name)
			f.space = f.predef.space
			f.multiUCS2 = strings.HasPrefix(name, "Uni") && (strings.Contains(name, "UCS2") || strings.Contains(name, "UTF16"))
			f.coll = collectionFor(f.predef.collection)
		case strings.HasPrefix(name, "Uni") && (strings.Contains(name, "UCS2") || strings.Contains(name, "UTF16")):
			f.multiUCS2 = true
		case strings.HasPrefix(name, "GB"):
			f.multi = simplifiedchinese.GBK
			f.space = []codeRange{{[]byte{0x00}, []byte{0x80}}, {[]byte{0x81, 0x40}, []byte{0xfe, 0xfe}}}
		case strings.HasPrefix(name, "B5") || strings.HasPrefix(name, "ETen") || strings.HasPrefix(name, "HKscs"):
			f.multi = traditionalchinese.Big5
			f.space = []codeRange{{[]byte{0x00}, []byte{0x80}}, {[]byte{0x81, 0x40}, []byte{0xfe, 0xfe}}}
		default:
			f.identity = true
		}
	case pdf.Stream:
		f.encCMap = parseCMap(readStream(f.raw, enc))
		f.space = f.encCMap.space
	default:
		f.identity = true
	}
	if f.toUnicode != nil && len(f.space) == 0 {
		f.space = f.toUnicode.space
	}
	f.trueType = desc.Key("Subtype").Name() == "CIDFontType2"
	if f.coll == nil {
		si := desc.Key("CIDSystemInfo")
		if reg, ord := si.Key("Registry").Text(), si.Key("Ordering").Text(); reg == "Adobe" && ord != "Identity" && ord != "" {
			f.coll = collectionFor(reg + "-" + ord)
		}
	}
	f.desc = desc
	if dw := desc.Key("DW"); !dw.IsNull() {
		f.defWidth = numberOf(dw) / 1000
	}
	f.widths = map[uint32]float64{}
	w := desc.Key("W")
	for i := 0; i < w.Len(); {
		first := uint32(numberOf(w.Index(i)))
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for k := 0; k < next.Len() && k < 1<<16; k++ {
				f.widths[first+uint32(k)] = numberOf(next.Index(k)) / 1000
			}
			i += 2
			continue
		}
		last := uint32(numberOf(next))
		width := numberOf(w.Index(i+2)) / 1000
		for c := first; c <= last && c-first < 1<<16; c++ {
			f.widths[c] = width
		}
		i += 3
	}
}

func (f *font) loadSimple(v pdf.Value, subtype string) {
	// Text from the encoding: base encoding, then /Differences.
	base := ""
	var diffs pdf.Value
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case pdf.Name:
		base = enc.Name()
	case pdf.Dict:
		base = enc.Key("BaseEncoding").Name()
		diffs = enc.Key("Differences")
	}
	var cm *charmap.Charmap = charmap.Windows1252
	if base == "MacRomanEncoding" {
		cm = charmap.Macintosh
	}
	for c := 32; c < 256; c++ {
		if c < 127 {
			f.simple[c] = string(rune(c))
		} else {
			f.simple[c] = string(cm.DecodeByte(byte(c)))
		}
	}
	code := 0
	for i := 0; i < diffs.Len(); i++ {
		d := diffs.Index(i)
		switch d.Kind() {
		case pdf.Integer:
			code = int(d.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				f.simple[code] = glyphNameToUnicode(d.Name())
			}
			code++
		}
	}
	// Widths.
	scale := 1.0 / 1000
	if subtype == "Type3" {
		m := v.Key("FontMatrix")
		scale = numberOf(m.Index(0))
		if d := numberOf(m.Index(3)); d != 0 {
			f.sizeFactor = math.Abs(d) * 1000
		}
	}
	f.widths = map[uint32]float64{}
	first := uint32(numberOf(v.Key("FirstChar")))
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.widths[first+uint32(i)] = numberOf(ws.Index(i)) * scale
	}
	if mw := v.Key("FontDescriptor").Key("MissingWidth"); !mw.IsNull() {
		f.defWidth = numberOf(mw) * scale
	} else if ws.Len() > 0 {
		f.defWidth = 0
	}
}

// decode splits a shown string into codes. Safe for concurrent use (the
// forks of a Document share their fonts).
func (f *font) decode(s string, out []glyphCode) []glyphCode {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(s) > 0 {
		n := 0
		if len(f.space) > 0 {
			n = splitCode(f.space, s)
		}
		if n == 0 {
			n = 1
			if f.twoByte {
				n = 2
			}
		}
		if n > len(s) {
			n = len(s)
		}
		code, _ := bytesToCode(s[:n])
		key := codeKey(code, n)
		d, ok := f.cache[key]
		if !ok {
			d = decodedCode{text: normalizeRadicals(f.text(s[:n], code, n)), width: f.width(code, n)}
			f.cache[key] = d
		}
		out = append(out, glyphCode{text: d.text, width: d.width, single: n == 1 && code == 32})
		s = s[n:]
	}
	return out
}

func (f *font) text(raw string, code uint32, n int) string {
	if f.toUnicode != nil {
		if t, ok := f.toUnicode.lookupUnicode(code, n); ok && t != "\uffff" {
			if f.twoByte {
				if u := f.unifiedForRadical(t, code, n); u != "" {
					return u
				}
			}
			return t
		}
	}
	if !f.twoByte {
		return f.simple[code&0xff]
	}
	if f.multiUCS2 {
		if r := unicodeOfCode(code, n); r != 0 {
			return string(r)
		}
	}
	cid, known := f.cid(code, n)
	if known {
		// A TrueType CIDFont's CIDs select glyphs through CIDToGIDMap and
		// its CIDSystemInfo is often nominal: its own cmap speaks first.
		if f.trueType {
			if t := f.embeddedText().textOf(cid); t != "" {
				return t
			}
		}
		if f.coll != nil {
			if t := f.coll.textOf(cid); t != "" {
				return t
			}
		}
		if t := f.embeddedText().textOf(cid); t != "" {
			return t
		}
	}
	if f.multi != nil {
		if t, err := f.multi.NewDecoder().String(raw); err == nil {
			return t
		}
	}
	return ""
}

// unifiedForRadical returns, when a ToUnicode CMap gives a Kangxi or
// supplement radical (or a compatibility ideograph) for a glyph that the
// embedded font itself maps from a unified ideograph, that ideograph: the
// producer picked the lowest of the code points that share the glyph, as
// wkhtmltopdf does with Noto Sans CJK (⼾ U+2F3E for 户, whose Unicode
// equivalent would be 戶). Otherwise "".
func (f *font) unifiedForRadical(t string, code uint32, n int) string {
	r, size := utf8.DecodeRuneInString(t)
	if size != len(t) {
		return ""
	}
	if _, rad := unifiedIdeograph(r); !rad {
		return ""
	}
	cid, known := f.cid(code, n)
	if !known {
		return ""
	}
	u := f.embeddedText().textOf(cid)
	if ur, size := utf8.DecodeRuneInString(u); size == len(u) && size > 0 {
		if _, rad := unifiedIdeograph(ur); !rad && ur >= 0x2E80 {
			return u
		}
	}
	return ""
}

// embeddedText reads the text tables of the embedded font program the
// first time they are needed.
// Fonts are shared by the Documents of one file (Fork), so this is safe
// for concurrent use.
func (f *font) embeddedText() *embeddedText {
	f.embLoad.Do(func() { f.embedded = loadEmbeddedText(f.desc, f.raw) })
	return f.embedded
}

// cid maps a code to its CID through the font's encoding CMap, and says
// whether the encoding is known.
func (f *font) cid(code uint32, n int) (uint32, bool) {
	switch {
	case f.encCMap != nil:
		if c, ok := f.encCMap.lookupCID(code, n); ok {
			return c, true
		}
		return code, true
	case f.predef != nil:
		c, _ := f.predef.lookup(code, n)
		return c, true
	case f.identity:
		return code, true
	}
	return 0, false
}

func (f *font) width(code uint32, n int) float64 {
	cid := code
	if f.twoByte {
		c, known := f.cid(code, n)
		if !known {
			// Predefined CMaps whose code→CID table we do not carry: half
			// width for one-byte codes, the default for the rest.
			if n == 1 {
				return f.defWidth / 2
			}
			return f.defWidth
		}
		cid = c
	}
	if w, ok := f.widths[cid]; ok {
		return w
	}
	return f.defWidth
}

// glyphNameToUnicode maps a glyph name to its text: uniXXXX, uXXXX[XX], and
// the common Adobe glyph list names.
func glyphNameToUnicode(name string) string {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if s, ok := aglNames[name]; ok {
		return s
	}
	if len(name) == 1 {
		return name
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var units []uint16
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			units = append(units, uint16(v))
		}
		return string(utf16.Decode(units))
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= 0x10ffff {
			return string(rune(v))
		}
	}
	return ""
}

var aglNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$",
	"percent": "%", "ampersand": "&", "quotesingle": "'", "quoteright": "’", "quoteleft": "‘",
	"parenleft": "(", "parenright": ")", "asterisk": "*", "plus": "+", "comma": ",",
	"hyphen": "-", "minus": "−", "period": ".", "slash": "/", "zero": "0", "one": "1", "two": "2",
	"three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "colon": ":", "semicolon": ";", "less": "<", "equal": "=",
	"greater": ">", "question": "?", "at": "@", "bracketleft": "[", "backslash": "\\",
	"bracketright": "]", "asciicircum": "^", "underscore": "_", "grave": "`",
	"braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~",
	"quotedblleft": "“", "quotedblright": "”", "endash": "–", "emdash": "—",
	"bullet": "•", "ellipsis": "…", "periodcentered": "·", "degree": "°",
	"multiply": "×", "divide": "÷", "plusminus": "±", "yen": "¥", "section": "§",
	"nbspace": "\u00a0", "uni00A0": "\u00a0",
}
