package cli

import (
	"testing"
)

func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 400},
		{4 << 20, 400},   // a small table: the heap may grow to 5x
		{12 << 20, 300},  // up to the budget of 48 MiB
		{16 << 20, 200},  //
		{24 << 20, 100},  // the default from half the budget on
		{500 << 20, 100}, // never below it
	} {
		if got := gcPercent(c.live); got != c.want {
			t.Errorf("gcPercent(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}
