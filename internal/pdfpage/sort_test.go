package pdfpage

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// randomGlyphs returns n glyphs whose Y repeat a lot (lines of a table),
// with a few NaN and negative zeros, each told apart by its Text.
func randomGlyphs(n int, seed uint64) []Glyph {
	r := rand.New(rand.NewPCG(seed, 1))
	gs := make([]Glyph, n)
	for i := range gs {
		y := float64(r.IntN(40)) * 12.5
		switch r.IntN(50) {
		case 0:
			y = math.NaN()
		case 1:
			y = math.Copysign(0, -1)
		case 2:
			y = 0
		}
		if seed%2 == 1 && r.IntN(3) == 0 {
			// Coordinates as a matrix leaves them: every mantissa bit
			// set, either sign, infinities (each byte of the radix key
			// varies).
			y = (r.Float64() - 0.3) * 900
			switch r.IntN(40) {
			case 0:
				y = math.Inf(1)
			case 1:
				y = math.Inf(-1)
			case 2:
				y = -math.SmallestNonzeroFloat64
			}
		}
		gs[i] = Glyph{Text: strconv.Itoa(i), Y: y, X0: float64(r.IntN(500)), Run: i}
	}
	return gs
}

func TestSortStableMatchesSortStableFunc(t *testing.T) {
	byY := func(g *Glyph) float64 { return g.Y }
	byX := func(g *Glyph) float64 { return g.X0 }
	for _, n := range []int{0, 1, 2, 3, 19, 20, 21, smallSort - 1, smallSort, smallSort + 1, 100, 4000} { // insertion and radix sorts
		for seed := uint64(0); seed < 5; seed++ {
			for name, key := range map[string]func(*Glyph) float64{"Y": byY, "X0": byX} {
				got := randomGlyphs(n, seed)
				want := slices.Clone(got)
				slices.SortStableFunc(want, func(a, b Glyph) int { return cmp.Compare(key(&a), key(&b)) })
				SortStable(got, key)
				for i := range want {
					if got[i].Text != want[i].Text {
						t.Fatalf("n=%d seed=%d by %s: at %d got glyph %s, want %s", n, seed, name, i, got[i].Text, want[i].Text)
					}
				}
			}
		}
	}
	// Sorted input is left as it is, without allocating.
	gs := randomGlyphs(1000, 9)
	SortStable(gs, byY)
	if a := testing.AllocsPerRun(10, func() { SortStable(gs, byY) }); a != 0 {
		t.Errorf("sorted input: %.0f allocations, want 0", a)
	}
}

func BenchmarkSortGlyphs(b *testing.B) {
	src := randomGlyphs(4000, 3)
	gs := make([]Glyph, len(src))
	b.Run("SortStableFunc", func(b *testing.B) {
		for b.Loop() {
			copy(gs, src)
			slices.SortStableFunc(gs, func(a, b Glyph) int { return cmp.Compare(a.Y, b.Y) })
		}
	})
	b.Run("SortStable", func(b *testing.B) {
		for b.Loop() {
			copy(gs, src)
			SortStable(gs, func(g *Glyph) float64 { return g.Y })
		}
	})
}
