package indicatortext

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestMergeSpansSortsAsSortSlice: mergeSpans orders spans exactly as
// sort.Slice by lo did (the same pdqsort, so equal and NaN starts end in
// the same order), and merges them alike.
func TestMergeSpansSortsAsSortSlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 500 {
		n := rng.IntN(200)
		in := make([]span, n)
		for i := range in {
			lo := float64(rng.IntN(30)) // many ties
			switch rng.IntN(25) {
			case 0:
				lo = math.NaN()
			case 1:
				lo = math.Inf(-1)
			}
			in[i] = span{lo, 1000 + float64(i)} // hi tells the spans apart
		}
		want := slices.Clone(in)
		sort.Slice(want, func(i, j int) bool { return want[i].lo < want[j].lo })
		got := slices.Clone(in)
		merged := mergeSpans(got, 0.5)
		for i := range want {
			if got[i].hi != want[i].hi {
				t.Fatalf("trial %d: at %d span %v, sort.Slice put %v", trial, i, got[i], want[i])
			}
		}
		if n > 0 && len(merged) == 0 {
			t.Fatalf("trial %d: nothing merged", trial)
		}
	}
}
