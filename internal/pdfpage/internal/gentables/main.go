// Command gentables writes cmapdata.bin, the compact tables pdfpage reads
// text without a ToUnicode CMap with:
//
//   - for each registered character collection (Adobe-GB1, CNS1, Japan1,
//     Korea1, KR), CID → Unicode, from Adobe's Adobe-<ordering>-UCS2 CMaps;
//   - Adobe's predefined CMaps (UniGB-UCS2-H, GBK-EUC-H, B5pc-H, …),
//     code → CID, with their codespace ranges and usecmap parents;
//   - the Kangxi Radicals, CJK Radicals Supplement and CJK Compatibility
//     Ideographs → unified ideograph, from Unicode's
//     EquivalentUnifiedIdeograph.txt and the canonical decompositions.
//
// Adobe's CMaps are read from Debian's poppler-data (/usr/share/poppler/cMap,
// BSD-3-Clause, Copyright Adobe), the Unicode file from Debian's
// unicode-data (/usr/share/unicode, Unicode License). The output is a
// DEFLATE stream of sections; see tables.go for the format.
//
// Usage: go run ./internal/gentables -cmap /usr/share/poppler/cMap -ucd /usr/share/unicode -o cmapdata.bin
package main

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

func main() {
	cmapDir := flag.String("cmap", "/usr/share/poppler/cMap", "directory of Adobe's CMap resources (poppler-data)")
	ucd := flag.String("ucd", "/usr/share/unicode", "directory of the Unicode Character Database (unicode-data)")
	out := flag.String("o", "cmapdata.bin", "output file")
	flag.Parse()

	var w writer
	// CID → Unicode per collection.
	inverse := map[string]map[rune]uint32{}
	for _, ord := range []string{"Adobe-GB1", "Adobe-CNS1", "Adobe-Japan1", "Adobe-Korea1", "Adobe-KR"} {
		cm, err := readCMap(filepath.Join(*cmapDir, ord, ord+"-UCS2"))
		if err != nil {
			log.Fatal(err)
		}
		t := toUnicodeTable(cm)
		w.section(kindCIDToUnicode, ord, encodeToUnicode(t))
		inverse[ord] = invert(t)
	}
	// Predefined CMaps.
	dirs, err := filepath.Glob(filepath.Join(*cmapDir, "Adobe-*"))
	if err != nil {
		log.Fatal(err)
	}
	count := 0
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		sort.Strings(files)
		for _, f := range files {
			name := filepath.Base(f)
			if !wanted(name) {
				continue
			}
			cm, err := readCMap(f)
			if err != nil {
				log.Fatal(err)
			}
			if cm.cmapType != 1 || (len(cm.cids) == 0 && cm.use == "") {
				continue
			}
			ord := filepath.Base(dir)
			var inv map[rune]uint32
			if strings.HasPrefix(name, "Uni") && (strings.Contains(name, "UCS2") || strings.Contains(name, "UTF16")) {
				inv = inverse[ord]
			}
			payload := encodeCMap(cm, ord, nil)
			if inv != nil {
				// Coding against the collection's inverse is smaller for
				// most Unicode CMaps, not for those of another collection.
				if p := encodeCMap(cm, ord, inv); len(p) < len(payload) {
					payload = p
				}
			}
			w.section(kindCMap, name, payload)
			count++
		}
	}
	// Radicals and compatibility ideographs.
	rad, err := radicals(filepath.Join(*ucd, "EquivalentUnifiedIdeograph.txt"))
	if err != nil {
		log.Fatal(err)
	}
	w.section(kindRadicals, "radicals", encodePairs(rad))

	if err := os.WriteFile(*out, w.buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "gentables: %d CMaps, %d radicals, %d bytes raw, %d written\n", count, len(rad), w.raw, w.buf.Len())
}

// wanted selects the predefined CMaps a PDF may name: not the CID-keyed
// conversion CMaps (Adobe-*), nor UTF-8/UTF-32 ones, which PDF does not list.
func wanted(name string) bool {
	if strings.HasPrefix(name, "Adobe-") || strings.Contains(name, "UTF8") || strings.Contains(name, "UTF32") {
		return false
	}
	return true
}

const (
	kindCIDToUnicode = 1
	kindCMap         = 2
	kindRadicals     = 3
)

type mapping struct {
	n      int // code length in bytes
	lo, hi uint32
	dst    uint32 // first CID (cid mappings)
}

type bfMapping struct {
	code uint32
	text []rune
}

type parsed struct {
	cmapType int
	use      string
	wmode    int
	space    [][2][]byte
	cids     []mapping
	bf       []bfMapping
}

func hexBytes(tok string) ([]byte, bool) {
	if len(tok) < 2 || tok[0] != '<' || tok[len(tok)-1] != '>' {
		return nil, false
	}
	h := tok[1 : len(tok)-1]
	if len(h)%2 == 1 {
		h += "0"
	}
	b := make([]byte, len(h)/2)
	for i := range b {
		v, err := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
		if err != nil {
			return nil, false
		}
		b[i] = byte(v)
	}
	return b, true
}

func code(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

func utf16Text(b []byte) []rune {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	var out []rune
	for _, r := range utf16.Decode(u) {
		// Drop variation selectors: the text is the base ideograph.
		if (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// readCMap reads the mappings of a CMap resource; it knows the few
// operators Adobe's files use.
func readCMap(path string) (*parsed, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cm := &parsed{}
	var toks []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "%") {
			continue
		}
		// Split into tokens, keeping <..> and [ ] apart.
		line = strings.NewReplacer("[", " [ ", "]", " ] ", "<", " <", ">", "> ").Replace(line)
		for _, t := range strings.Fields(line) {
			switch t {
			case "usecmap":
				if len(toks) > 0 {
					cm.use = strings.TrimPrefix(toks[len(toks)-1], "/")
				}
			case "def":
				if len(toks) >= 2 {
					switch toks[len(toks)-2] {
					case "/CMapType":
						cm.cmapType, _ = strconv.Atoi(toks[len(toks)-1])
					case "/WMode":
						cm.wmode, _ = strconv.Atoi(toks[len(toks)-1])
					}
				}
			case "endcodespacerange":
				for i := 0; i+1 < len(toks); i += 2 {
					lo, ok1 := hexBytes(toks[i])
					hi, ok2 := hexBytes(toks[i+1])
					if ok1 && ok2 && len(lo) == len(hi) {
						cm.space = append(cm.space, [2][]byte{lo, hi})
					}
				}
			case "endcidrange":
				for i := 0; i+2 < len(toks); i += 3 {
					lo, _ := hexBytes(toks[i])
					hi, _ := hexBytes(toks[i+1])
					cid, err := strconv.Atoi(toks[i+2])
					if err != nil || len(lo) == 0 || len(lo) != len(hi) {
						return nil, fmt.Errorf("%s: bad cidrange %v", path, toks[i:i+3])
					}
					cm.cids = append(cm.cids, mapping{len(lo), code(lo), code(hi), uint32(cid)})
				}
			case "endcidchar":
				for i := 0; i+1 < len(toks); i += 2 {
					lo, _ := hexBytes(toks[i])
					cid, err := strconv.Atoi(toks[i+1])
					if err != nil || len(lo) == 0 {
						return nil, fmt.Errorf("%s: bad cidchar %v", path, toks[i:i+2])
					}
					cm.cids = append(cm.cids, mapping{len(lo), code(lo), code(lo), uint32(cid)})
				}
			case "endbfchar":
				for i := 0; i+1 < len(toks); i += 2 {
					src, _ := hexBytes(toks[i])
					dst, ok := hexBytes(toks[i+1])
					if !ok {
						return nil, fmt.Errorf("%s: bad bfchar %v", path, toks[i:i+2])
					}
					cm.bf = append(cm.bf, bfMapping{code(src), utf16Text(dst)})
				}
			case "endbfrange":
				for i := 0; i+2 < len(toks); {
					lo, _ := hexBytes(toks[i])
					hi, _ := hexBytes(toks[i+1])
					if toks[i+2] == "[" {
						j := i + 3
						for c := code(lo); j < len(toks) && toks[j] != "]"; j, c = j+1, c+1 {
							dst, _ := hexBytes(toks[j])
							cm.bf = append(cm.bf, bfMapping{c, utf16Text(dst)})
						}
						i = j + 1
						continue
					}
					dst, _ := hexBytes(toks[i+2])
					if len(dst) < 2 {
						i += 3
						continue
					}
					for c := code(lo); c <= code(hi); c++ {
						d := append([]byte(nil), dst...)
						last := uint16(d[len(d)-2])<<8 | uint16(d[len(d)-1])
						last += uint16(c - code(lo))
						d[len(d)-2], d[len(d)-1] = byte(last>>8), byte(last)
						cm.bf = append(cm.bf, bfMapping{c, utf16Text(d)})
					}
					i += 3
				}
			default:
				if strings.HasPrefix(t, "begin") || strings.HasPrefix(t, "end") {
					toks = toks[:0]
					continue
				}
				toks = append(toks, t)
				continue
			}
			toks = toks[:0]
		}
	}
	return cm, sc.Err()
}

type writer struct {
	buf bytes.Buffer
	raw int // payload bytes before compression
}

func (w *writer) uvarint(v uint64) {
	w.buf.Write(binary.AppendUvarint(nil, v))
}

// section writes one section, its payload DEFLATE-compressed on its own
// so that pdfpage unpacks only the tables a document needs.
func (w *writer) section(kind byte, name string, payload []byte) {
	var z bytes.Buffer
	fw, _ := flate.NewWriter(&z, flate.BestCompression)
	fw.Write(payload)
	fw.Close()
	w.raw += len(payload)
	w.buf.WriteByte(kind)
	w.uvarint(uint64(len(name)))
	w.buf.WriteString(name)
	w.uvarint(uint64(len(payload)))
	w.uvarint(uint64(z.Len()))
	w.buf.Write(z.Bytes())
}

type enc struct{ b []byte }

func (e *enc) u(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) s(v int64)  { e.b = binary.AppendVarint(e.b, v) }
func (e *enc) str(s string) {
	e.u(uint64(len(s)))
	e.b = append(e.b, s...)
}

// toUnicodeTable is the text of each CID of a collection: the first
// mapping of a CID wins; U+FFFD (no text) is left out.
func toUnicodeTable(cm *parsed) map[uint32][]rune {
	t := map[uint32][]rune{}
	for _, m := range cm.bf {
		if _, ok := t[m.code]; ok || len(m.text) == 0 || (len(m.text) == 1 && m.text[0] == 0xFFFD) {
			continue
		}
		t[m.code] = m.text
	}
	return t
}

// invert maps each code point that is the whole text of some CID to the
// smallest such CID: the prediction the Unicode CMaps are coded against
// (pdfpage builds the same from the decoded table).
func invert(t map[uint32][]rune) map[rune]uint32 {
	inv := map[rune]uint32{}
	for cid, text := range t {
		if len(text) != 1 {
			continue
		}
		if old, ok := inv[text[0]]; !ok || cid < old {
			inv[text[0]] = cid
		}
	}
	return inv
}

// encodeToUnicode writes CID → text: runs of consecutive CIDs mapped to
// consecutive single code points as (CID gap, length, code point delta),
// then the CIDs whose text is more than one code point.
func encodeToUnicode(t map[uint32][]rune) []byte {
	type pair struct {
		cid uint32
		r   rune
	}
	var singles []pair
	var multi []bfMapping
	for cid, text := range t {
		if len(text) == 1 {
			singles = append(singles, pair{cid, text[0]})
		} else {
			multi = append(multi, bfMapping{cid, text})
		}
	}
	sort.Slice(singles, func(i, j int) bool { return singles[i].cid < singles[j].cid })
	var runs []mapping // lo..hi CIDs from dst rune
	for _, p := range singles {
		if n := len(runs); n > 0 && runs[n-1].hi+1 == p.cid && runs[n-1].dst+(runs[n-1].hi-runs[n-1].lo)+1 == uint32(p.r) {
			runs[n-1].hi++
			continue
		}
		runs = append(runs, mapping{2, p.cid, p.cid, uint32(p.r)})
	}
	var e enc
	e.u(uint64(len(runs)))
	var end uint32
	var rend int64
	for _, r := range runs {
		e.u(uint64(r.lo - end))
		e.u(uint64(r.hi - r.lo))
		e.s(int64(r.dst) - rend)
		end = r.hi + 1
		rend = int64(r.dst) + int64(r.hi-r.lo) + 1
	}
	sort.Slice(multi, func(i, j int) bool { return multi[i].code < multi[j].code })
	e.u(uint64(len(multi)))
	for _, m := range multi {
		e.u(uint64(m.code))
		e.u(uint64(len(m.text)))
		for _, r := range m.text {
			e.u(uint64(r))
		}
	}
	return e.b
}

// unicodeOf is the code point a UCS-2/UTF-16 code stands for (0 if none).
func unicodeOf(code uint32, n int) rune {
	switch n {
	case 2:
		if code >= 0xD800 && code < 0xE000 {
			return 0
		}
		return rune(code)
	case 4:
		r := utf16.DecodeRune(rune(code>>16), rune(code&0xffff))
		if r != 0xFFFD {
			return r
		}
	}
	return 0
}

// encodeCMap writes a predefined CMap: collection, parent, codespace ranges
// and its code → CID ranges by code length, delta-coded. With inv (the
// Unicode CMaps), only the codes whose CID differs from inv's prediction are
// written as ranges, followed by the code points inv predicts that the CMap
// leaves unmapped.
func encodeCMap(cm *parsed, ordering string, inv map[rune]uint32) []byte {
	var e enc
	e.str(ordering)
	e.str(cm.use)
	e.u(uint64(cm.wmode))
	e.u(uint64(len(cm.space)))
	for _, s := range cm.space {
		e.u(uint64(len(s[0])))
		e.b = append(e.b, s[0]...)
		e.b = append(e.b, s[1]...)
	}
	if inv != nil {
		e.u(1)
	} else {
		e.u(0)
	}
	var ms []mapping
	mapped := map[rune]bool{}
	for _, m := range cm.cids {
		for c := m.lo; c <= m.hi; c++ {
			cid := m.dst + c - m.lo
			if inv != nil {
				if r := unicodeOf(c, m.n); r != 0 {
					mapped[r] = true
					if p, ok := inv[r]; ok && p == cid {
						continue
					}
				}
			}
			ms = append(ms, mapping{m.n, c, c, cid})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].n != ms[j].n {
			return ms[i].n < ms[j].n
		}
		return ms[i].lo < ms[j].lo
	})
	// Merge ranges that continue both code and CID.
	var merged []mapping
	for _, m := range ms {
		if n := len(merged); n > 0 {
			p := &merged[n-1]
			if p.n == m.n && p.hi+1 == m.lo && p.dst+(p.hi-p.lo)+1 == m.dst {
				p.hi = m.hi
				continue
			}
		}
		merged = append(merged, m)
	}
	e.u(uint64(len(merged)))
	var end uint32
	var cidEnd int64
	n := 0
	for _, m := range merged {
		if m.n != n {
			n = m.n
			end, cidEnd = 0, 0
		}
		e.u(uint64(m.n))
		if m.lo < end {
			log.Fatalf("overlapping ranges in CMap (%x < %x)", m.lo, end)
		}
		e.u(uint64(m.lo - end))
		e.u(uint64(m.hi - m.lo))
		e.s(int64(m.dst) - cidEnd)
		end = m.hi + 1
		cidEnd = int64(m.dst) + int64(m.hi-m.lo) + 1
	}
	if inv != nil {
		var holes []rune
		for r := range inv {
			if !mapped[r] {
				holes = append(holes, r)
			}
		}
		sort.Slice(holes, func(i, j int) bool { return holes[i] < holes[j] })
		var runs [][2]rune
		for _, r := range holes {
			if n := len(runs); n > 0 && runs[n-1][1]+1 == r {
				runs[n-1][1] = r
				continue
			}
			runs = append(runs, [2]rune{r, r})
		}
		e.u(uint64(len(runs)))
		var prev rune
		for _, r := range runs {
			e.u(uint64(r[0] - prev))
			e.u(uint64(r[1] - r[0]))
			prev = r[1] + 1
		}
	}
	return e.b
}

func encodePairs(m map[rune]rune) []byte {
	keys := make([]rune, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var e enc
	e.u(uint64(len(keys)))
	var prev rune
	for _, k := range keys {
		e.u(uint64(k - prev))
		e.s(int64(m[k]) - int64(k))
		prev = k
	}
	return e.b
}

// radicals maps the Kangxi Radicals and CJK Radicals Supplement (from
// EquivalentUnifiedIdeograph.txt, which also gives Kangxi) and the CJK
// Compatibility Ideographs (their canonical decomposition) to unified
// ideographs.
func radicals(path string) (map[rune]rune, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[rune]rune{}
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Split(line, ";")
		if len(f) != 2 {
			continue
		}
		src, dst := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		lo, hi := src, src
		if i := strings.Index(src, ".."); i >= 0 {
			lo, hi = src[:i], src[i+2:]
		}
		a, err1 := strconv.ParseUint(lo, 16, 32)
		b, err2 := strconv.ParseUint(hi, 16, 32)
		d, err3 := strconv.ParseUint(dst, 16, 32)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		for r := rune(a); r <= rune(b); r++ {
			if (r >= 0x2E80 && r <= 0x2EFF) || (r >= 0x2F00 && r <= 0x2FDF) {
				m[r] = rune(d)
			}
		}
	}
	// Kangxi radicals all have a compatibility decomposition too; check
	// that the two sources agree where both speak.
	for r := rune(0x2F00); r <= 0x2FD5; r++ {
		d := []rune(norm.NFKD.String(string(r)))
		if len(d) == 1 && d[0] != r {
			if old, ok := m[r]; ok && old != d[0] {
				return nil, fmt.Errorf("U+%04X: EquivalentUnifiedIdeograph gives U+%04X, NFKD U+%04X", r, old, d[0])
			}
			m[r] = d[0]
		}
	}
	// KANGXI RADICAL DOOR: Unicode's equivalent is the traditional 戶, but
	// Simplified Chinese fonts (Source Han / Noto CJK SC) draw the radical
	// as 户 and producers that pick the lowest code point of a glyph print
	// 户 as ⼾; the Radicals Supplement has no simplified door to say so.
	// pet reads mainland budgets: 户.
	m[0x2F3E] = 0x6237
	for _, block := range [][2]rune{{0xF900, 0xFAFF}, {0x2F800, 0x2FA1F}} {
		for r := block[0]; r <= block[1]; r++ {
			d := []rune(norm.NFD.String(string(r)))
			if len(d) == 1 && d[0] != r {
				m[r] = d[0]
			}
		}
	}
	return m, nil
}
