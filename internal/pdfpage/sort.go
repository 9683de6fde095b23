package pdfpage

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// SortStable sorts glyphs by key, ascending, keeping the order of glyphs
// whose keys are equal: exactly what
//
//	slices.SortStableFunc(gs, func(a, b Glyph) int { return cmp.Compare(key(&a), key(&b)) })
//
// does, several times faster on a page: SortStableFunc moves the 56-byte
// glyphs (and their pointers, under the garbage collector's write barrier)
// O(n log² n) times; SortStable radix-sorts 16-byte keys (no comparison
// calls) and moves each glyph once. Already sorted input costs one pass and no allocation.
func SortStable(gs []Glyph, key func(*Glyph) float64) {
	if len(gs) < 2 {
		return
	}
	sorted := true
	prev := key(&gs[0])
	for i := 1; i < len(gs) && sorted; i++ {
		k := key(&gs[i])
		sorted = cmp.Compare(prev, k) <= 0
		prev = k
	}
	if sorted {
		return
	}
	if len(gs) <= smallSort {
		insertionSort(gs, key)
		return
	}
	kp := sortKeys.Get().(*[]sortKey)
	keys := (*kp)[:0]
	for i := range gs {
		keys = append(keys, sortKey{orderedBits(key(&gs[i])), int32(i)})
	}
	keys = radixSort(keys)
	// Glyph j of the result is gs[keys[j].i]: follow each cycle of that
	// permutation, moving every glyph once, and mark the keys done.
	for j := range keys {
		if keys[j].i < 0 {
			continue
		}
		tmp := gs[j]
		k := j
		for {
			src := int(keys[k].i)
			keys[k].i = -1
			if src == j {
				gs[k] = tmp
				break
			}
			gs[k] = gs[src]
			k = src
		}
	}
	*kp = keys
	sortKeys.Put(kp)
}

// smallSort is the most glyphs SortStable sorts by insertion: a line of a
// cell, mostly in order already, for which the radix sort's passes over
// 256 counters cost more than the glyphs.
const smallSort = 32

// insertionSort is SortStable for a few glyphs: a stable insertion sort on
// the same keys (orderedBits, so the same order as the radix sort).
func insertionSort(gs []Glyph, key func(*Glyph) float64) {
	var keys [smallSort]uint64
	for i := range gs {
		keys[i] = orderedBits(key(&gs[i]))
	}
	for i := 1; i < len(gs); i++ {
		k := keys[i]
		if keys[i-1] <= k {
			continue
		}
		g := gs[i]
		j := i
		for ; j > 0 && keys[j-1] > k; j-- {
			keys[j], gs[j] = keys[j-1], gs[j-1]
		}
		keys[j], gs[j] = k, g
	}
}

// sortKey is a glyph's key, as orderedBits, and its index: what
// SortStable sorts.
type sortKey struct {
	k uint64
	i int32
}

// orderedBits maps a float64 to a uint64 whose unsigned order is
// cmp.Compare's order of the floats: NaN first (every NaN alike), -0 equal
// to +0.
func orderedBits(f float64) uint64 {
	if f != f {
		return 0
	}
	if f == 0 {
		f = 0 // -0 sorts with +0
	}
	b := math.Float64bits(f)
	if b>>63 == 1 {
		return ^b // negative: larger magnitudes first
	}
	return b | 1<<63
}

// radixSort sorts keys by k, keeping the order of equal keys (an LSD radix
// sort, a byte at a time, skipping the bytes that all keys share), and
// returns the sorted slice: keys itself or the pooled scratch slice, the
// other going back to the pool.
func radixSort(keys []sortKey) []sortKey {
	sp := sortKeys.Get().(*[]sortKey)
	tmp := slices.Grow((*sp)[:0], len(keys))[:len(keys)]
	for shift := uint(0); shift < 64; shift += 8 {
		var count [256]int
		for _, k := range keys {
			count[byte(k.k>>shift)]++
		}
		if count[byte(keys[0].k>>shift)] == len(keys) {
			continue // every key has this byte
		}
		pos := 0
		for b, n := range count {
			count[b] = pos
			pos += n
		}
		for _, k := range keys {
			d := byte(k.k >> shift)
			tmp[count[d]] = k
			count[d]++
		}
		keys, tmp = tmp, keys
	}
	*sp = tmp[:0]
	sortKeys.Put(sp)
	return keys
}

// sortKeys recycles SortStable's key slices (pages sort on every worker).
var sortKeys = sync.Pool{New: func() any { return new([]sortKey) }}
