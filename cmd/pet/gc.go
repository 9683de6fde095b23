package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// pet is a short-lived process whose heap is mostly garbage from one page
// to the next (decoded streams, operands, glyph copies): with Go's default
// GOGC=100 the collector ran a third of pet's instructions on a 12-page
// table. tuneGC lets the heap grow to gcBudget before collecting, but never
// to less than twice the live heap: while the live heap is small the
// collector runs rarely (GOGC up to 400); once it is large, as the default
// does. So a small file goes faster and a large file or a long batch keeps
// the memory it had. GOGC or GOMEMLIMIT in the environment switch this off.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(maxGCPercent)
	armGC()
}

const (
	gcBudget     = 96 << 20 // heap size worth collecting at, bytes
	minGCPercent = 100      // Go's default
	maxGCPercent = 400
)

// gcPercent is the GOGC that lets a heap of live bytes grow to gcBudget,
// within [minGCPercent, maxGCPercent].
func gcPercent(live uint64) int {
	if live == 0 {
		return maxGCPercent
	}
	p := int(100 * (gcBudget - int64(live)) / int64(live))
	return max(minGCPercent, min(maxGCPercent, p))
}

// armGC sets GOGC again after the next collection, from the live heap it
// left, and re-arms itself: a cleanup runs once the sentinel is found
// unreachable, that is, after a collection.
func armGC() {
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(struct{}) {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetGCPercent(gcPercent(sample[0].Value.Uint64()))
		}
		armGC()
	}, struct{}{})
}
