package pdfpage

//go:generate go run ./internal/gentables -cmap /usr/share/poppler/cMap -ucd /usr/share/unicode -o cmapdata.bin

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"io"
	"sort"
	"sync"
	"unicode/utf16"

	"github.com/klauspost/compress/flate"
)

// cmapdata.bin holds the tables for text without a ToUnicode CMap, written
// by internal/gentables from Adobe's CMap resources and the Unicode
// Character Database (see README.md in this directory for sources and
// licences). It is a sequence of sections, each payload compressed on its
// own (DEFLATE) so that a document unpacks only the tables its fonts name:
//
//	kind byte, name (uvarint length + bytes), payload length (uvarint),
//	compressed length (uvarint), compressed payload
//
// kind 1, a collection's CID → Unicode (name "Adobe-GB1", …):
//
//	runs: count, then per run CID gap, length-1, code point delta (varint)
//	multi: count, then per CID: CID, rune count, runes
//
// kind 2, a predefined CMap (name "UniGB-UCS2-H", …):
//
//	collection, parent (usecmap) name, WMode, codespace ranges (count,
//	then length, lo bytes, hi bytes), predicted flag, ranges (count, then
//	code length, code gap, length-1, CID delta (varint)); gaps and deltas
//	restart when the code length changes. A predicted CMap (Unicode CMaps)
//	maps every code point to the smallest CID whose text it is, except for
//	its ranges and for the holes that follow: count, then gap, length-1.
//
// kind 3, radicals and compatibility ideographs → unified ideograph:
//
//	count, then per pair code point gap, delta to the target (varint)
//
//go:embed cmapdata.bin
var cmapData []byte

const (
	kindCIDToUnicode = 1
	kindCMap         = 2
	kindRadicals     = 3
)

var (
	tablesOnce sync.Once
	sections   map[string]*packedSection // kind byte + name → its payload
)

// packedSection is one section of cmapdata.bin, unpacked on first use.
type packedSection struct {
	size   uint64 // payload bytes
	packed []byte // DEFLATE of the payload
	once   sync.Once
	data   []byte // the payload; nil until unpacked (or when damaged)
}

// loadSections indexes the sections of cmapdata.bin without unpacking any.
func loadSections() {
	sections = map[string]*packedSection{}
	d := decoder{b: cmapData}
	for !d.done() {
		kind := d.byte()
		name := d.str()
		size, n := d.u(), d.u()
		if d.bad || n > uint64(len(d.b)) {
			return
		}
		sections[string(rune(kind))+name] = &packedSection{size: size, packed: d.b[:n]}
		d.b = d.b[n:]
	}
}

// section returns the payload of a section, nil when there is none.
func section(kind byte, name string) []byte {
	tablesOnce.Do(loadSections)
	s := sections[string(rune(kind))+name]
	if s == nil {
		return nil
	}
	s.once.Do(func() { s.data = unpack(s.packed, s.size) })
	return s.data
}

// unpack inflates a section's payload of size bytes from packed (raw
// DEFLATE), nil when packed is damaged or holds any other size. It runs
// under the section's sync.Once, so every page worker that needs the table
// waits for it: klauspost's inflater unpacks Adobe-GB1 (49 KB) in 0.36 ms
// where compress/flate took 0.58, into a buffer of the known size instead
// of one grown by io.ReadAll.
func unpack(packed []byte, size uint64) []byte {
	if size > uint64(len(cmapData))*1024 { // far beyond any ratio DEFLATE reaches on these tables
		return nil
	}
	buf := make([]byte, size+1) // one more: a payload longer than size fails
	r := flate.NewReader(bytes.NewReader(packed))
	n, err := io.ReadFull(r, buf)
	if err != io.ErrUnexpectedEOF || uint64(n) != size {
		return nil
	}
	return buf[:n:n]
}

// decoder reads the varints of a section; a truncated section sets bad.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) done() bool { return d.bad || len(d.b) == 0 }

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.bad = true
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) u() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) s() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.b) {
		d.bad = true
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string { return string(d.bytes(int(d.u()))) }

// collection is a registered character collection's CID → Unicode.
type collection struct {
	text  []rune            // by CID; 0 = none
	multi map[uint32]string // CIDs whose text is several code points

	// The inverse, code point → smallest CID, built on demand: for the
	// Basic Multilingual Plane by code point (CID + 1; 0 = none), for the
	// rest in a map. An array of the plane is built many times faster than
	// a map of a collection's 30,000 code points, while the other page
	// reader waits for it.
	inverse     []uint32
	inverseRest map[rune]uint32
	invOnce     sync.Once
}

var (
	collectionsMu sync.Mutex
	collections   = map[string]*collection{}
)

// collectionFor returns the CID → Unicode table of a registered collection
// ("Adobe-GB1", "Adobe-CNS1", "Adobe-Japan1", "Adobe-Korea1", "Adobe-KR"),
// or nil.
func collectionFor(name string) *collection {
	collectionsMu.Lock()
	defer collectionsMu.Unlock()
	if c, ok := collections[name]; ok {
		return c
	}
	var c *collection
	if p := section(kindCIDToUnicode, name); p != nil {
		c = decodeCollection(p)
	}
	collections[name] = c
	return c
}

// decodeCollection decodes collection payload p. It runs while every page
// worker that needs the collection waits (Adobe-GB1: 13,710 runs), so the
// runs are read by collectionRuns' loop of inlined varints, twice: once to
// size the table, once to fill it.
func decodeCollection(p []byte) *collection {
	size, _, _ := collectionRuns(p, nil)
	c := &collection{multi: map[uint32]string{}, text: make([]rune, size)}
	_, at, ok := collectionRuns(p, c.text)
	if !ok {
		return c
	}
	decodeMulti(&decoder{b: p[at:]}, c.multi)
	return c
}

// decodeMulti reads the CIDs of a collection whose text is several code
// points into multi: a count, then per CID the CID, the rune count (at
// most 16) and the runes.
func decodeMulti(d *decoder, multi map[uint32]string) {
	m := d.u()
	for i := uint64(0); i < m && !d.bad; i++ {
		cid := uint32(d.u())
		k := d.u()
		if k > 16 {
			d.bad = true
			break
		}
		rs := make([]rune, k)
		for j := range rs {
			rs[j] = rune(d.u())
		}
		multi[cid] = string(rs)
	}
}

// maxCollectionCIDs bounds a collection's table (Adobe-GB1, the largest
// of cmapdata.bin, covers 30,284 CIDs).
const maxCollectionCIDs = 1 << 17

// collectionRuns reads the runs of collection payload p: a count, then per
// run the CID gap after the previous run, its length - 1 and the delta of
// its first code point from the previous run's end (zig-zag). With text
// nil it only counts; else it writes each run's code points into text,
// which must be as long as the count said. It returns how many CIDs the
// runs cover and the index in p after them; ok is false when p ends inside
// the runs or a run passes maxCollectionCIDs, where decoding stops (the
// runs before it written).
func collectionRuns(p []byte, text []rune) (end uint32, at int, ok bool) {
	n, i := uvarintAt(p, 0)
	var rend int64
	for range n {
		// uvarintAt by hand: with the call to uvarintAtSlow it is too
		// costly for the compiler to inline.
		var gap, l, zz uint64
		if i < len(p) && p[i] < 0x80 {
			gap, i = uint64(p[i]), i+1
		} else {
			gap, i = uvarintAtSlow(p, i)
		}
		if i < len(p) && p[i] < 0x80 {
			l, i = uint64(p[i]), i+1
		} else {
			l, i = uvarintAtSlow(p, i)
		}
		if i < len(p) && p[i] < 0x80 {
			zz, i = uint64(p[i]), i+1
		} else {
			zz, i = uvarintAtSlow(p, i)
		}
		if i > len(p) || gap >= maxCollectionCIDs || l >= maxCollectionCIDs {
			return end, i, false
		}
		lo, length := end+uint32(gap), uint32(l)+1
		if lo+length > maxCollectionCIDs {
			return end, i, false
		}
		r := rend + (int64(zz>>1) ^ -int64(zz&1))
		if text != nil {
			run := text[lo : lo+length]
			for k := range run {
				run[k] = rune(r) + rune(k)
			}
		}
		end, rend = lo+length, r+int64(length)
	}
	return end, i, i <= len(p)
}

// uvarintAt reads the unsigned varint at p[i:]: its value and the index
// after it, or an index past len(p) when p holds none there (and so at
// every later read).
func uvarintAt(p []byte, i int) (uint64, int) {
	if i < len(p) && p[i] < 0x80 {
		return uint64(p[i]), i + 1
	}
	return uvarintAtSlow(p, i)
}

func uvarintAtSlow(p []byte, i int) (uint64, int) {
	if i < 0 || i >= len(p) {
		return 0, len(p) + 1
	}
	v, n := binary.Uvarint(p[i:])
	if n <= 0 {
		return 0, len(p) + 1
	}
	return v, i + n
}

// textOf returns the text of a CID, or "".
func (c *collection) textOf(cid uint32) string {
	if int(cid) < len(c.text) && c.text[cid] != 0 {
		return string(c.text[cid])
	}
	return c.multi[cid]
}

// cidOf returns the smallest CID whose text is the code point r.
func (c *collection) cidOf(r rune) (uint32, bool) {
	c.invOnce.Do(func() {
		c.inverse = make([]uint32, 0x10000)
		c.inverseRest = map[rune]uint32{}
		for cid, t := range c.text {
			switch {
			case t == 0:
			case t > 0 && t < 0x10000:
				if c.inverse[t] == 0 { // CIDs ascend: the first is the smallest
					c.inverse[t] = uint32(cid) + 1
				}
			default:
				if _, ok := c.inverseRest[t]; !ok {
					c.inverseRest[t] = uint32(cid)
				}
			}
		}
	})
	if r > 0 && r < 0x10000 {
		v := c.inverse[r]
		return v - 1, v != 0
	}
	cid, ok := c.inverseRest[r]
	return cid, ok
}

// predefCMap is one of Adobe's predefined CMaps: code → CID.
type predefCMap struct {
	name       string
	collection string
	parent     *predefCMap
	space      []codeRange
	ranges     []cidRange // sorted by (n, lo)
	predicted  bool       // Unicode CMap coded against the collection
	holes      [][2]rune  // predicted code points it leaves unmapped
}

var (
	predefMu sync.Mutex
	predefs  = map[string]*predefCMap{}
)

// predefinedCMap returns the predefined CMap of that name, or nil.
func predefinedCMap(name string) *predefCMap {
	predefMu.Lock()
	defer predefMu.Unlock()
	return loadPredef(name, 0)
}

func loadPredef(name string, depth int) *predefCMap {
	if cm, ok := predefs[name]; ok {
		return cm
	}
	p := section(kindCMap, name)
	if p == nil || depth > 4 {
		return nil
	}
	d := decoder{b: p}
	cm := &predefCMap{name: name, collection: d.str()}
	parent := d.str()
	d.u() // WMode
	ns := d.u()
	for i := uint64(0); i < ns && !d.bad; i++ {
		n := int(d.u())
		lo := d.bytes(n)
		hi := d.bytes(n)
		cm.space = append(cm.space, codeRange{lo, hi})
	}
	cm.predicted = d.u() == 1
	nr := d.u()
	var end uint32
	var cidEnd int64
	n := 0
	for i := uint64(0); i < nr && !d.bad; i++ {
		cn := int(d.u())
		if cn != n {
			n, end, cidEnd = cn, 0, 0
		}
		lo := end + uint32(d.u())
		hi := lo + uint32(d.u())
		cid := cidEnd + d.s()
		cm.ranges = append(cm.ranges, cidRange{n: n, lo: lo, hi: hi, cid: uint32(cid)})
		end, cidEnd = hi+1, cid+int64(hi-lo)+1
	}
	if cm.predicted {
		nh := d.u()
		var prev rune
		for i := uint64(0); i < nh && !d.bad; i++ {
			lo := prev + rune(d.u())
			hi := lo + rune(d.u())
			cm.holes = append(cm.holes, [2]rune{lo, hi})
			prev = hi + 1
		}
	}
	predefs[name] = cm
	if parent != "" {
		cm.parent = loadPredef(parent, depth+1)
		if len(cm.space) == 0 && cm.parent != nil {
			cm.space = cm.parent.space
		}
	}
	return cm
}

// lookup maps an n-byte code to its CID.
func (cm *predefCMap) lookup(code uint32, n int) (uint32, bool) {
	for ; cm != nil; cm = cm.parent {
		rs := cm.ranges
		i := sort.Search(len(rs), func(i int) bool {
			return rs[i].n > n || (rs[i].n == n && rs[i].hi >= code)
		})
		if i < len(rs) && rs[i].n == n && rs[i].lo <= code {
			return rs[i].cid + code - rs[i].lo, true
		}
		if cm.predicted {
			r := unicodeOfCode(code, n)
			if r == 0 || cm.isHole(r) {
				continue
			}
			if c := collectionFor(cm.collection); c != nil {
				if cid, ok := c.cidOf(r); ok {
					return cid, true
				}
			}
		}
	}
	return 0, false
}

func (cm *predefCMap) isHole(r rune) bool {
	h := cm.holes
	i := sort.Search(len(h), func(i int) bool { return h[i][1] >= r })
	return i < len(h) && h[i][0] <= r
}

// unicodeOfCode is the code point a UCS-2 or UTF-16BE code stands for, or 0.
func unicodeOfCode(code uint32, n int) rune {
	switch n {
	case 2:
		if code >= 0xD800 && code < 0xE000 {
			return 0
		}
		return rune(code)
	case 4:
		if r := utf16.DecodeRune(rune(code>>16), rune(code&0xffff)); r != 0xFFFD {
			return r
		}
	}
	return 0
}

var (
	radicalsOnce sync.Once
	radicalMap   map[rune]rune
)

// unifiedIdeograph maps a Kangxi radical, CJK radical supplement character
// or CJK compatibility ideograph to the unified ideograph it stands for.
func unifiedIdeograph(r rune) (rune, bool) {
	if r < 0x2E80 || (r > 0x2FDF && r < 0xF900) || (r > 0xFAFF && r < 0x2F800) || r > 0x2FA1F {
		return 0, false
	}
	radicalsOnce.Do(func() {
		radicalMap = map[rune]rune{}
		d := decoder{b: section(kindRadicals, "radicals")}
		n := d.u()
		var prev rune
		for i := uint64(0); i < n && !d.bad; i++ {
			k := prev + rune(d.u())
			radicalMap[k] = k + rune(d.s())
			prev = k
		}
	})
	u, ok := radicalMap[r]
	return u, ok
}

// UnifyIdeographs maps the Kangxi radicals, CJK radical supplement
// characters and CJK compatibility ideographs of s to the unified
// ideographs they stand for, as pdfpage does with the text it reads; other
// characters (full-width punctuation among them) stay. For comparing
// another tool's text with pdfpage's.
func UnifyIdeographs(s string) string { return normalizeRadicals(s) }
