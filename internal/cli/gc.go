package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// pet is a short-lived process whose heap is mostly garbage from one page
// to the next (decoded streams, operands, glyph copies): with Go's default
// GOGC=100 the collector ran a third of pet's instructions on a 12-page
// table. tuneGC lets the heap grow to gcBudget before collecting, but never
// to less than twice the live heap: while the live heap is small the
// collector runs rarely (GOGC up to 1600: the first collection at 64 MiB,
// Go's 4 MiB minimum heap times 16); once it is large, as the default
// does. So a small file goes faster and a large file or a long batch keeps
// the memory it had. GOGC or GOMEMLIMIT in the environment switch this off.
//
// Measured on the 22 real target tables of 12–149 pages (pet and itself
// alternated, best of 5): a budget of 48 MiB with GOGC at most 400 (two or
// three collections a table) took 7–8 % more wall time than 64 MiB with
// 1600 (one or none); 96 and 128 MiB gained nothing more. The peak memory
// of a 84-page table rose from 53 to 75 MB.
//
// Only a run on one input is tuned (parseRun decides, from the expanded
// inputs): in a batch the live heap changes from file to file and a higher
// GOGC raised the peak memory of 600 files to XLSX from 83 to 127 MB for
// 12 % fewer collections (measured when excelize still built the workbook).
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	gcTuned.Do(func() {
		gcPercentSet = maxGCPercent
		debug.SetGCPercent(gcPercentSet)
		armGC()
	})
}

// gcTuned makes tuneGC arm the collector once per process.
var gcTuned sync.Once

const (
	gcBudget     = 64 << 20 // heap size worth collecting at, bytes
	minGCPercent = 100      // Go's default
	maxGCPercent = 1600     // a heap of 4 MiB (Go's minimum) grows to gcBudget
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
// unreachable, that is, after a collection. The live heap is estimated
// from the collection's heap goal (runtime.ReadMemStats' NextGC) and the
// GOGC it was set with: runtime/metrics, which reads it directly, costs
// 0.2 ms at every start of pet for its package init alone.
func armGC() {
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(struct{}) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if live := liveFromGoal(ms.NextGC, gcPercentSet); live > maxLive {
			maxLive = live
			gcPercentSet = gcPercent(live)
			debug.SetGCPercent(gcPercentSet)
		}
		armGC()
	}, struct{}{})
}

// liveFromGoal is the live heap a collection left when it set the next
// heap goal for GOGC=percent: Go aims at live + live*percent/100, where
// live counts goroutine stacks and globals too, so the estimate is a few
// hundred KB above the live heap alone.
func liveFromGoal(goal uint64, percent int) uint64 {
	d := uint64(100 + percent)
	return goal/d*100 + goal%d*100/d
}

// gcPercentSet is the GOGC tuneGC or the last cleanup set. Only tuneGC,
// before any collection, and the cleanup goroutine (one at a time) touch
// it.
var gcPercentSet = maxGCPercent

// maxLive is the largest live heap seen after a collection. Only the
// cleanup goroutine (one at a time) touches it.
var maxLive uint64
