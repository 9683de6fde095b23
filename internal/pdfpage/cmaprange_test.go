package pdfpage

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// linearLookup is lookupUnicode's definition: the code's bfchar entry,
// else the first bfrange in the file that holds it.
func linearLookup(cm *cmap, code uint32, n int) (string, bool) {
	if s, ok := cm.uni[codeKey(code, n)]; ok {
		return s, true
	}
	for i := range cm.uniRange {
		if r := &cm.uniRange[i]; r.n == n && r.lo <= code && code <= r.hi {
			return r.text(code)
		}
	}
	return "", false
}

// TestSearchedRangesAreTheFirstInTheFile: lookupUnicode's search of the
// sorted ranges finds what trying every range in file order finds, on
// CMaps of one-code ranges (iText's), wide ranges, ranges of two code
// lengths, overlapping ranges (no search) and codes at the ends of the
// 32-bit range.
func TestSearchedRangesAreTheFirstInTheFile(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	hex := func(c uint32, n int) string { return fmt.Sprintf("<%0*x>", 2*n, c) }
	for trial := 0; trial < 300; trial++ {
		var b strings.Builder
		n := []int{1, 2, 4}[trial%3]
		limit := uint32(1)<<(8*n) - 1
		if n == 4 {
			limit = ^uint32(0)
		}
		count := 1 + rng.IntN(60)
		fmt.Fprintf(&b, "%d beginbfrange\n", count)
		los := make([]uint32, count)
		for i := range los {
			los[i] = rng.Uint32() % (limit/2 + 1) * 2
		}
		if trial%4 == 1 { // in file order, as producers write them
			slices.Sort(los)
		}
		for _, lo := range los {
			hi := lo
			if rng.IntN(3) == 0 {
				hi = min(limit, lo+uint32(rng.IntN(40)))
			}
			if trial%5 == 0 { // ranges that may overlap
				hi = min(limit, lo+uint32(rng.IntN(1000)))
			}
			if rng.IntN(4) == 0 {
				fmt.Fprintf(&b, "%s %s [", hex(lo, n), hex(hi, n))
				for k := lo; k <= hi && k-lo < 3; k++ {
					fmt.Fprintf(&b, "<%04x>", 0x4e00+k-lo)
				}
				b.WriteString("]\n")
			} else {
				fmt.Fprintf(&b, "%s %s <%04x>\n", hex(lo, n), hex(hi, n), 0x4e00+rng.IntN(1000))
			}
		}
		b.WriteString("endbfrange\n1 beginbfchar\n<0041> <0042>\nendbfchar\n")
		cm := parseCMap([]byte(b.String()))
		codes := []uint32{0, 1, limit, limit - 1, 0x41}
		for _, r := range cm.uniRange {
			codes = append(codes, r.lo, r.hi, r.lo-1, r.hi+1, r.lo+(r.hi-r.lo)/2)
		}
		for range 50 {
			codes = append(codes, rng.Uint32()%(limit/2+1)*2)
		}
		for _, c := range codes {
			for _, cn := range []int{n, 2} {
				gt, gok := cm.lookupUnicode(c, cn)
				wt, wok := linearLookup(cm, c, cn)
				if gt != wt || gok != wok {
					t.Fatalf("trial %d, code %x/%d: lookup %q %v, first range %q %v (searched: %v)\n%s", trial, c, cn, gt, gok, wt, wok, cm.byLo != nil, b.String())
				}
			}
		}
	}
}

// TestSortedRangesInFileOrderAreNotCopied: ranges a CMap lists in order
// are searched where they are; others are sorted in a copy, and the file
// order lookupUnicode falls back on is left as it was.
func TestSortedRangesInFileOrderAreNotCopied(t *testing.T) {
	var rs []bfRange
	for i := range 10 {
		rs = append(rs, bfRange{n: 2, lo: uint32(10 * i), hi: uint32(10*i + 5)})
	}
	if got := sortedRanges(rs); &got[0] != &rs[0] {
		t.Errorf("ranges in order were copied")
	}
	rs[0], rs[9] = rs[9], rs[0]
	got := sortedRanges(rs)
	if &got[0] == &rs[0] || got[0].lo != 0 || got[9].lo != 90 || rs[0].lo != 90 {
		t.Errorf("ranges out of order: sorted %v, file order now %v", got, rs)
	}
}

// testCMap is a ToUnicode CMap of blocks of 100 one-code bfranges, in
// order, as iText and WPS write them.
func testCMap(blocks int) []byte {
	var b strings.Builder
	b.WriteString("1 begincodespacerange <0000> <ffff> endcodespacerange\n")
	for k := range blocks {
		b.WriteString("100 beginbfrange\n")
		for i := range 100 {
			c := 100*k + i
			fmt.Fprintf(&b, "<%04x> <%04x> <%04x>\n", c, c, 0x4e00+c)
		}
		b.WriteString("endbfrange\n")
	}
	return []byte(b.String())
}

// TestParseCMapReusesItsOperandStack: parseCMap keeps what it reads
// (the ranges, in one array grown per block as declared) and allocates
// little else: the operand stack comes from a pool, not grown afresh
// for each CMap. Before, a CMap of three blocks allocated 5.3 times the
// bytes of its ranges; now 2.6.
func TestParseCMapReusesItsOperandStack(t *testing.T) {
	data := testCMap(3)
	cm := parseCMap(data)
	if len(cm.uniRange) != 300 || len(cm.byLo) != 300 {
		t.Fatalf("ranges %d, searched %d: want 300, 300", len(cm.uniRange), len(cm.byLo))
	}
	for _, c := range []uint32{0, 99, 100, 299} {
		if s, ok := cm.lookupUnicode(c, 2); !ok || s != string(rune(0x4e00+c)) {
			t.Errorf("code %d: %q %v", c, s, ok)
		}
	}
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop what is put back")
	}
	perRun := uint64(1 << 62) // the fewest bytes: a collection in between empties the pool
	for range 20 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		parseCMap(data)
		runtime.ReadMemStats(&after)
		perRun = min(perRun, after.TotalAlloc-before.TotalAlloc)
	}
	ranges := uint64(300 * unsafe.Sizeof(bfRange{}))
	if perRun > 3*ranges {
		t.Errorf("parseCMap allocated %d bytes for %d bytes of ranges; want at most 3 times", perRun, ranges)
	}
}

// TestEmptyCMapBlocksAllocateLittle: the counts a CMap declares size its
// tables once, so a CMap of empty blocks (hostile, or just odd) costs no
// more memory than its text.
func TestEmptyCMapBlocksAllocateLittle(t *testing.T) {
	data := []byte(strings.Repeat("100 beginbfchar endbfchar 100 beginbfrange endbfrange\n", 10000))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cm := parseCMap(data)
	runtime.ReadMemStats(&after)
	if len(cm.uni) != 0 || len(cm.uniRange) != 0 {
		t.Fatalf("entries from empty blocks: %d, %d", len(cm.uni), len(cm.uniRange))
	}
	// The lexer makes a string of each CMap keyword (1.2 times the text
	// here); a map made for each block's declared count was 67 times it.
	if got := after.TotalAlloc - before.TotalAlloc; got > 2*uint64(len(data)) {
		t.Errorf("parseCMap allocated %d bytes for %d bytes of empty blocks", got, len(data))
	}
}
