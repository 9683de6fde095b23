package pdfpage

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
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
		for range count {
			lo := rng.Uint32() % (limit/2 + 1) * 2
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
