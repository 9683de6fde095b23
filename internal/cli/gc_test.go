package cli

import (
	"testing"
)

func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 1600},
		{2 << 20, 1600},  // a small table: the heap may grow to 17x
		{4 << 20, 1500},  // up to the budget of 64 MiB
		{16 << 20, 300},  //
		{32 << 20, 100},  // the default from half the budget on
		{500 << 20, 100}, // never below it
	} {
		if got := gcPercent(c.live); got != c.want {
			t.Errorf("gcPercent(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

func TestLiveFromGoal(t *testing.T) {
	for _, c := range []struct {
		goal    uint64
		percent int
		want    uint64
	}{
		{200 << 20, 100, 100 << 20}, // GOGC=100: the goal is twice the live heap
		{17 << 20, 1600, 1 << 20},   // GOGC=1600: 17 times
		{64 << 20, 1600, 3947580},   // Go's minimum heap at GOGC=1600 (4 MiB × 16)
		{1<<63 + 5, 100, 1<<62 + 2}, // no overflow
		{0, 1600, 0},                //
	} {
		if got := liveFromGoal(c.goal, c.percent); got != c.want {
			t.Errorf("liveFromGoal(%d, %d) = %d, want %d", c.goal, c.percent, got, c.want)
		}
	}
}
