package pdfpage

import (
	"cmp"
	"slices"
	"sync"
	"unicode/utf16"

	"github.com/petool/pet/internal/pdfload"
)

// codeRange is one codespace range of a CMap: codes of len(lo) bytes whose
// every byte lies between the matching bytes of lo and hi.
type codeRange struct {
	lo, hi []byte
}

// cmap is a parsed CMap: ToUnicode (bf mappings) or an embedded encoding CMap
// (cid mappings).
type cmap struct {
	space    []codeRange
	uni      map[uint64]string // key: nbytes<<32 | code
	uniRange []bfRange
	// byLo is uniRange sorted by code length and first code, when no two
	// of its ranges overlap (the first in the file then is the only
	// one): lookupUnicode searches it instead of trying every range.
	byLo     []bfRange
	cid      map[uint64]uint32
	cidRange []cidRange
}

type bfRange struct {
	n      int
	lo, hi uint32
	dst    []uint16   // UTF-16 of the first code's text, last unit incremented
	dstArr [][]uint16 // array form: one text per code
}

type cidRange struct {
	n      int
	lo, hi uint32
	cid    uint32
}

func codeKey(code uint32, n int) uint64 { return uint64(n)<<32 | uint64(code) }

func bytesToCode(s string) (uint32, int) {
	var c uint32
	n := len(s)
	if n > 4 {
		s = s[n-4:]
		n = 4
	}
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c, n
}

// utf16Units reads a bfchar/bfrange destination (UTF-16BE bytes).
func utf16Units(s string) []uint16 {
	if len(s)%2 == 1 {
		// Odd length: some producers write single bytes; treat each as a code unit.
		u := make([]uint16, len(s))
		for i := 0; i < len(s); i++ {
			u[i] = uint16(s[i])
		}
		return u
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return u
}

func unitsString(u []uint16) string { return string(utf16.Decode(u)) }

// parseCMap reads a CMap program. It never fails: what cannot be read is skipped.
func parseCMap(data []byte) *cmap {
	cm := &cmap{uni: map[uint64]string{}, cid: map[uint64]uint32{}}
	lx := lexer{B: data}
	lx.Recycle() // the operands are read into cm at each operator, then dropped
	stkp := cmapOperands.Get().(*[]operand)
	stk := (*stkp)[:0]
	defer func() {
		if cap(stk) > 4*(3*maxBlockSize+1) {
			return // a freak CMap's stack is left to the collector
		}
		clear(stk[:cap(stk)]) // drop the strings of this CMap's last block
		*stkp = stk[:0]
		cmapOperands.Put(stkp)
	}()
	uniSized := false                           // cm.uni made for the first bfchar block's count
	maxText := 2 * pdfload.Default.MaxGlyphText // bytes of UTF-16 per glyph
	entries := 0
	for entries < pdfload.Default.MaxCMapEntries {
		op, v, isOp, ok := lx.Next()
		if !ok {
			break
		}
		if !isOp {
			if len(stk) < 1<<16 {
				stk = append(stk, v)
			}
			continue
		}
		switch op {
		case "beginbfrange":
			cm.uniRange = slices.Grow(cm.uniRange, blockSize(stk))
		case "beginbfchar":
			if !uniSized { // once: empty blocks must not each make a map
				uniSized = true
				if n := blockSize(stk); n > 0 {
					cm.uni = make(map[uint64]string, n)
				}
			}
		case "endcodespacerange":
			for i := 0; i+1 < len(stk); i += 2 {
				lo, hi := stk[i].Str, stk[i+1].Str
				if len(lo) == 0 || len(lo) != len(hi) || len(lo) > 4 {
					continue
				}
				cm.space = append(cm.space, codeRange{[]byte(lo), []byte(hi)})
			}
		case "endbfchar":
			for i := 0; i+1 < len(stk); i += 2 {
				if stk[i].Kind != kStr {
					continue
				}
				c, n := bytesToCode(stk[i].Str)
				entries++
				switch stk[i+1].Kind {
				case kStr:
					if len(stk[i+1].Str) > maxText {
						continue // a bound on the text of one glyph
					}
					cm.uni[codeKey(c, n)] = unitsString(utf16Units(stk[i+1].Str))
				case kName:
					cm.uni[codeKey(c, n)] = glyphNameToUnicode(stk[i+1].Str)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(stk); i += 3 {
				if stk[i].Kind != kStr || stk[i+1].Kind != kStr {
					continue
				}
				lo, n := bytesToCode(stk[i].Str)
				hi, _ := bytesToCode(stk[i+1].Str)
				if hi < lo {
					continue
				}
				r := bfRange{n: n, lo: lo, hi: hi}
				entries++
				switch d := stk[i+2]; d.Kind {
				case kStr:
					if len(d.Str) > maxText {
						continue // a bound on the text of one glyph
					}
					r.dst = utf16Units(d.Str)
					if len(r.dst) == 0 {
						continue
					}
				case kArray:
					for _, e := range d.Arr {
						var u []uint16
						if len(e.Str) <= maxText {
							u = utf16Units(e.Str)
						}
						r.dstArr = append(r.dstArr, u)
					}
					entries += len(d.Arr)
				default:
					continue
				}
				cm.uniRange = append(cm.uniRange, r)
			}
		case "endcidchar":
			for i := 0; i+1 < len(stk); i += 2 {
				c, n := bytesToCode(stk[i].Str)
				entries++
				cm.cid[codeKey(c, n)] = uint32(stk[i+1].Num)
			}
		case "endcidrange":
			for i := 0; i+2 < len(stk); i += 3 {
				lo, n := bytesToCode(stk[i].Str)
				hi, _ := bytesToCode(stk[i+1].Str)
				if hi < lo {
					continue
				}
				entries++
				cm.cidRange = append(cm.cidRange, cidRange{n: n, lo: lo, hi: hi, cid: uint32(stk[i+2].Num)})
			}
		}
		stk = stk[:0]
		lx.Recycle()
	}
	cm.byLo = sortedRanges(cm.uniRange)
	return cm
}

// cmapOperands holds the operand stacks of parseCMap between CMaps: a
// document with many subset fonts parses a ToUnicode CMap for each, and
// growing a fresh stack to a block of 100 ranges each time was a tenth of
// what the fonts of a 70-page form allocated.
var cmapOperands = sync.Pool{New: func() any {
	s := make([]operand, 0, 3*maxBlockSize+1)
	return &s
}}

// maxBlockSize is the most entries a begin…/end… block of a CMap may hold
// by the specification; blockSize trusts a declared count up to it.
const maxBlockSize = 100

// blockSize is the entry count a CMap declares before begin…: the last
// operand, if it is a number in [0, maxBlockSize].
func blockSize(stk []operand) int {
	if len(stk) == 0 || stk[len(stk)-1].Kind != kNum {
		return 0
	}
	n := stk[len(stk)-1].Num
	if n < 0 || n > maxBlockSize {
		return 0
	}
	return int(n)
}

// sortedRanges returns rs sorted by code length and first code, or nil
// when two ranges of one code length overlap or rs is too short to gain
// from a search. Ranges already in that order (as producers write them)
// are returned as they are, not copied.
func sortedRanges(rs []bfRange) []bfRange {
	if len(rs) < 8 {
		return nil
	}
	byLength := func(a, b bfRange) int {
		if a.n != b.n {
			return cmp.Compare(a.n, b.n)
		}
		return cmp.Compare(a.lo, b.lo)
	}
	out := rs
	if !slices.IsSortedFunc(rs, byLength) {
		out = slices.Clone(rs)
		slices.SortFunc(out, byLength)
	}
	for i := 1; i < len(out); i++ {
		if out[i].n == out[i-1].n && out[i].lo <= out[i-1].hi {
			return nil
		}
	}
	return out
}

// lookupUnicode returns the text of a code, and whether the CMap maps it.
func (cm *cmap) lookupUnicode(code uint32, n int) (string, bool) {
	if s, ok := cm.uni[codeKey(code, n)]; ok {
		return s, true
	}
	if cm.byLo != nil {
		// The last range starting at or before code, if it holds it.
		i, _ := slices.BinarySearchFunc(cm.byLo, bfRange{n: n, lo: code}, func(r, t bfRange) int {
			if r.n != t.n {
				return cmp.Compare(r.n, t.n)
			}
			if r.lo <= t.lo {
				return -1 // a range starting at or before code sorts before it
			}
			return 1
		})
		if i > 0 {
			if r := &cm.byLo[i-1]; r.n == n && r.lo <= code && code <= r.hi {
				return r.text(code)
			}
		}
		return "", false
	}
	for i := range cm.uniRange {
		if r := &cm.uniRange[i]; r.n == n && r.lo <= code && code <= r.hi {
			return r.text(code)
		}
	}
	return "", false
}

// text is the text of code, which r holds, and whether r gives one.
func (r *bfRange) text(code uint32) (string, bool) {
	off := code - r.lo
	if r.dstArr != nil {
		if int(off) < len(r.dstArr) {
			return unitsString(r.dstArr[off]), true
		}
		return "", false
	}
	u := append([]uint16(nil), r.dst...)
	u[len(u)-1] += uint16(off)
	return unitsString(u), true
}

// lookupCID maps a code through an embedded encoding CMap.
func (cm *cmap) lookupCID(code uint32, n int) (uint32, bool) {
	if c, ok := cm.cid[codeKey(code, n)]; ok {
		return c, true
	}
	for _, r := range cm.cidRange {
		if r.n == n && code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

// splitCode returns the length of the code at the start of s according to
// the codespace ranges, or 0 when none matches.
func splitCode(space []codeRange, s string) int {
	for _, r := range space {
		n := len(r.lo)
		if n > len(s) {
			continue
		}
		match := true
		for k := 0; k < n; k++ {
			if s[k] < r.lo[k] || s[k] > r.hi[k] {
				match = false
				break
			}
		}
		if match {
			return n
		}
	}
	return 0
}
