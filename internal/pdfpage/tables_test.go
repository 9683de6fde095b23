package pdfpage

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"maps"
	"slices"
	"testing"
)

// TestPredefinedCMaps checks code → CID against Adobe's CMap files
// (values read from /usr/share/poppler/cMap), through direct ranges,
// Unicode CMaps coded against their collection, and usecmap parents.
func TestPredefinedCMaps(t *testing.T) {
	for _, tc := range []struct {
		cmap string
		code uint32
		n    int
		cid  uint32
		ok   bool
	}{
		{"UniGB-UCS2-H", 0x4e00, 2, 4162, true}, // 一
		{"UniGB-UCS2-H", 0x0031, 2, 18, true},   // 1: <0020> <007e> 1
		{"UniGB-UCS2-H", 0x0041, 2, 34, true},   // A
		{"UniGB-UCS2-V", 0x4e00, 2, 4162, true}, // from its parent, UniGB-UCS2-H
		{"UniGB-UCS2-V", 0x3001, 2, 575, true},  // 、 vertical form
		{"UniGB-UTF16-H", 0xd840dc87, 4, 22048, true},
		{"UniGB-UTF16-H", 0x4e00, 2, 4162, true},
		{"GBK-EUC-H", 0xb0a1, 2, 940, true}, // 啊
		{"GBK-EUC-H", 0xb0a2, 2, 941, true},
		{"GBK-EUC-H", 0x8140, 2, 10072, true},
		{"GBK-EUC-H", 0x31, 1, 814 + 0x31 - 0x21, true},
		{"GB-EUC-H", 0xb0a1, 2, 940, true},
		{"B5pc-H", 0xa440, 2, 595, true},
		{"UniCNS-UCS2-H", 0x4e00, 2, 595, true},
		{"UniGB-UCS2-H", 0x0001, 2, 0, false}, // a control code: notdef
	} {
		cm := predefinedCMap(tc.cmap)
		if cm == nil {
			t.Errorf("%s: not found", tc.cmap)
			continue
		}
		cid, ok := cm.lookup(tc.code, tc.n)
		if cid != tc.cid || ok != tc.ok {
			t.Errorf("%s <%x>: CID %d, %v; want %d, %v", tc.cmap, tc.code, cid, ok, tc.cid, tc.ok)
		}
	}
	if predefinedCMap("No-Such-CMap") != nil {
		t.Error("an unknown CMap was found")
	}
}

func TestCollectionText(t *testing.T) {
	for _, tc := range []struct {
		coll string
		cid  uint32
		want string
	}{
		{"Adobe-GB1", 4162, "一"},
		{"Adobe-GB1", 940, "啊"},
		{"Adobe-GB1", 18, "1"},
		{"Adobe-GB1", 0x0fa0, "姓"}, // <0fa0> <59d3> in Adobe-GB1-UCS2
		{"Adobe-CNS1", 595, "一"},
		{"Adobe-Japan1", 1200, "一"},
		{"Adobe-Korea1", 7, "&"},
		{"Adobe-GB1", 0, ""},
		{"Adobe-GB1", 1 << 20, ""},
	} {
		c := collectionFor(tc.coll)
		if c == nil {
			t.Errorf("%s: not found", tc.coll)
			continue
		}
		if got := c.textOf(tc.cid); got != tc.want {
			t.Errorf("%s CID %d: %q, want %q", tc.coll, tc.cid, got, tc.want)
		}
	}
}

func TestNormalizeRadicals(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"编制部⻔：", "编制部门："}, // CJK RADICAL C-SIMPLIFIED GATE
		{"⻓效", "长效"},
		{"⽬标", "目标"},               // KANGXI RADICAL EYE
		{"⼾", "户"},                 // KANGXI RADICAL DOOR, as Simplified fonts draw it
		{"\uf900\U0002f800", "豈丽"}, // compatibility ideographs
		{"（１）：，。", "（１）：，。"},       // full-width punctuation and digits stay
		{"合计", "合计"},
	} {
		if got := normalizeRadicals(tc.in); got != tc.want {
			t.Errorf("normalizeRadicals(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Every radical of the two blocks that Unicode gives an equivalent for
	// maps to a unified ideograph.
	n := 0
	for r := rune(0x2E80); r <= 0x2FDF; r++ {
		if u, ok := unifiedIdeograph(r); ok {
			n++
			if u < 0x3400 {
				t.Errorf("U+%04X → U+%04X: not a unified ideograph", r, u)
			}
		}
	}
	if n < 214+100 {
		t.Errorf("%d radicals mapped, want all 214 Kangxi radicals and the supplement", n)
	}
}

// TestTablesConcurrently: pages are read on several goroutines, each with
// its own fonts but sharing the decoded tables (run with -race).
func TestTablesConcurrently(t *testing.T) {
	done := make(chan string)
	for i := 0; i < 4; i++ {
		go func() {
			cid, _ := predefinedCMap("UniCNS-UTF16-H").lookup(0x4e00, 2)
			done <- collectionFor("Adobe-CNS1").textOf(cid) + normalizeRadicals("⻔")
		}()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; got != "一门" {
			t.Errorf("got %q, want 一门", got)
		}
	}
}

// TestSectionsUnpackedOnDemand: looking up one table unpacks that section
// only (a document using one collection does not inflate the others), and
// its payload has the length the index records.
func TestSectionsUnpackedOnDemand(t *testing.T) {
	p := section(kindCIDToUnicode, "Adobe-Japan1")
	if len(p) == 0 {
		t.Fatal("Adobe-Japan1 missing")
	}
	s := sections[string(rune(kindCIDToUnicode))+"Adobe-Japan1"]
	if uint64(len(p)) != s.size {
		t.Errorf("payload %d bytes, index says %d", len(p), s.size)
	}
	unpacked := 0
	for _, s := range sections {
		if s.data != nil {
			unpacked++
		}
	}
	if unpacked == len(sections) || len(sections) < 100 {
		t.Errorf("%d of %d sections unpacked", unpacked, len(sections))
	}
	if section(kindCMap, "No-Such-CMap") != nil {
		t.Error("a missing section has a payload")
	}
}

// TestUnpackIsTheStandardLibrarys: every section of cmapdata.bin unpacks
// to the bytes compress/flate gives, at its indexed size; a damaged,
// truncated, longer or shorter payload gives what compress/flate gave
// before (DEFLATE has no checksum: a flipped byte may decode to other
// bytes of the right size): those bytes or nil.
func TestUnpackIsTheStandardLibrarys(t *testing.T) {
	std := func(packed []byte, size uint64) []byte { // the code unpack replaced
		raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(packed)), int64(size)+1))
		if err == nil && uint64(len(raw)) == size {
			return raw
		}
		return nil
	}
	tablesOnce.Do(loadSections)
	if len(sections) < 100 {
		t.Fatalf("%d sections", len(sections))
	}
	for name, s := range sections {
		want := std(s.packed, s.size)
		if want == nil {
			t.Fatalf("%q: compress/flate does not unpack it", name)
		}
		if got := unpack(s.packed, s.size); !bytes.Equal(got, want) {
			t.Errorf("%q: unpack gave %d bytes, compress/flate %d", name, len(got), len(want))
		}
	}
	s := sections[string(rune(kindCIDToUnicode))+"Adobe-GB1"]
	cases := []struct {
		what   string
		packed []byte
		size   uint64
	}{
		{"truncated", s.packed[:len(s.packed)/2], s.size},
		{"longer than indexed", s.packed, s.size - 1},
		{"shorter than indexed", s.packed, s.size + 1},
		{"empty", nil, s.size},
	}
	for i := 0; i < 200; i++ {
		damaged := bytes.Clone(s.packed)
		damaged[(i*7919)%len(damaged)] ^= byte(1 + i%255)
		cases = append(cases, struct {
			what   string
			packed []byte
			size   uint64
		}{"damaged", damaged, s.size})
	}
	nils := 0
	for _, c := range cases {
		want, got := std(c.packed, c.size), unpack(c.packed, c.size)
		if !bytes.Equal(got, want) || (got == nil) != (want == nil) {
			t.Errorf("%s payload: unpack %d bytes (nil %v), compress/flate %d (nil %v)", c.what, len(got), got == nil, len(want), want == nil)
		}
		if got == nil {
			nils++
		}
	}
	if nils < 4 {
		t.Errorf("only %d of %d bad payloads refused", nils, len(cases))
	}
}

// decodeCollectionBefore is decodeCollection as it was before
// collectionRuns, the runs read through the decoder's methods: the
// reference for TestDecodeCollectionAsBefore.
func decodeCollectionBefore(p []byte) *collection {
	size := func() int {
		d := decoder{b: p}
		n := d.u()
		var end uint32
		for i := uint64(0); i < n && !d.bad; i++ {
			lo := end + uint32(d.u())
			length := uint32(d.u()) + 1
			d.s()
			if lo+length > 1<<17 {
				return 0
			}
			end = lo + length
		}
		return int(end)
	}()
	d := decoder{b: p}
	c := &collection{multi: map[uint32]string{}, text: make([]rune, 0, size)}
	n := d.u()
	var end uint32
	var rend int64
	for i := uint64(0); i < n && !d.bad; i++ {
		lo := end + uint32(d.u())
		length := uint32(d.u()) + 1
		r := rend + d.s()
		if lo+length > 1<<17 {
			d.bad = true
			break
		}
		if int(lo+length) > len(c.text) {
			c.text = append(c.text, make([]rune, int(lo+length)-len(c.text))...)
		}
		for k := uint32(0); k < length; k++ {
			c.text[lo+k] = rune(r) + rune(k)
		}
		end, rend = lo+length, r+int64(length)
	}
	decodeMulti(&d, c.multi) // unchanged: the runs are what collectionRuns replaced
	return c
}

// TestDecodeCollectionAsBefore: every collection of cmapdata.bin decodes
// to the same CID → text as through the decoder's methods, and so does
// every prefix of Adobe-GB1's payload that ends after its runs or between
// them: cut inside the runs, the runs before the cut are decoded (the
// decoder decoded the cut run too, with zeros for what was missing), and
// nothing panics.
func TestDecodeCollectionAsBefore(t *testing.T) {
	tablesOnce.Do(loadSections)
	same := func(what string, got, want *collection) {
		t.Helper()
		if !slices.Equal(got.text, want.text) || !maps.Equal(got.multi, want.multi) {
			t.Errorf("%s: %d CIDs, %d multi; before %d, %d", what, len(got.text), len(got.multi), len(want.text), len(want.multi))
		}
	}
	n := 0
	for name := range sections {
		if name[0] != kindCIDToUnicode {
			continue
		}
		n++
		p := section(kindCIDToUnicode, name[1:])
		same(name[1:], decodeCollection(p), decodeCollectionBefore(p))
	}
	if n < 5 {
		t.Fatalf("%d collections", n)
	}
	p := section(kindCIDToUnicode, "Adobe-GB1")
	_, runsEnd, ok := collectionRuns(p, nil)
	if !ok || runsEnd >= len(p) {
		t.Fatalf("Adobe-GB1's runs end at %d of %d (ok %v)", runsEnd, len(p), ok)
	}
	for cut := runsEnd; cut <= len(p); cut++ {
		same(fmt.Sprintf("cut at %d (runs end at %d)", cut, runsEnd), decodeCollection(p[:cut]), decodeCollectionBefore(p[:cut]))
	}
	for cut := 0; cut < runsEnd; cut += 997 {
		c := decodeCollection(p[:cut])
		if len(c.multi) != 0 || len(c.text) > len(decodeCollectionBefore(p).text) {
			t.Errorf("cut inside the runs at %d: %d CIDs, %d multi", cut, len(c.text), len(c.multi))
		}
	}
}

// TestCollectionInverse: cidOf gives, for every code point of every
// registered collection, the smallest CID whose text it is, as the map of
// all of them did, and nothing for the code points no CID has; the CID
// table is allocated once, at its size.
func TestCollectionInverse(t *testing.T) {
	for _, name := range []string{"Adobe-GB1", "Adobe-CNS1", "Adobe-Japan1", "Adobe-Korea1", "Adobe-KR"} {
		p := section(kindCIDToUnicode, name)
		if p == nil {
			t.Errorf("%s: no table", name)
			continue
		}
		c := decodeCollection(p)
		if len(c.text) == 0 || cap(c.text) != len(c.text) {
			t.Errorf("%s: %d CIDs in a table of capacity %d", name, len(c.text), cap(c.text))
		}
		want := map[rune]uint32{}
		for cid, r := range c.text {
			if _, ok := want[r]; !ok && r != 0 {
				want[r] = uint32(cid)
			}
		}
		for r, cid := range want {
			if got, ok := c.cidOf(r); !ok || got != cid {
				t.Fatalf("%s: cidOf(%U) = %d, %v; want %d", name, r, got, ok, cid)
			}
		}
		for _, r := range []rune{0x7FFF_0000, 0x10FFFF, 0xFFFF, 1, -5} {
			if _, in := want[r]; in {
				continue
			}
			if got, ok := c.cidOf(r); ok {
				t.Errorf("%s: cidOf(%U) = %d, want none", name, r, got)
			}
		}
	}
}
