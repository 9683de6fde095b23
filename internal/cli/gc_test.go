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
