package pdfpage

import (
	"cmp"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"
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

// finishAll is finish without the check for glyphs near: every glyph's
// nine look-ups, as finish did them.
func finishAll(glyphs []pglyph) []pglyph {
	var seen glyphIndex
	seen.reset(len(glyphs))
	var out []pglyph
	for _, g := range glyphs {
		r, _ := utf8.DecodeRuneInString(g.Text)
		if r == ' ' {
			out = append(out, g)
			continue
		}
		tol := max(0.2, 0.12*g.Size)
		qx, qy := int64(math.Floor(g.X0)), int64(math.Floor(g.Y))
		dup := false
		for dx := int64(-1); dx <= 1 && !dup; dx++ {
			for dy := int64(-1); dy <= 1 && !dup; dy++ {
				if i, ok := seen.get(glyphKey(r, qx+dx, qy+dy)); ok {
					o := out[i]
					dup = o.Text == g.Text && math.Abs(o.X0-g.X0) < tol && math.Abs(o.Y-g.Y) < tol
				}
			}
		}
		if !dup {
			seen.put(glyphKey(r, qx, qy), int32(len(out)))
			out = append(out, g)
		}
	}
	return out
}

// TestFinishSkipsOnlyLonelyGlyphs: finish, which skips the look-ups of a
// glyph no other is near, drops the same fake-bold duplicates as doing
// every look-up, on pages of text at every size, overprinted, on block
// edges, off the page and far beyond the blocks covered; page after page
// with the same Document.
func TestFinishSkipsOnlyLonelyGlyphs(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	d := &Document{}
	for round := 0; round < 300; round++ {
		var gs []pglyph
		for i, n := 0, rng.IntN(400); i < n; i++ {
			size := []float64{1, 5, 9, 10.5, 12, 20, 40}[rng.IntN(7)]
			x := float64(rng.IntN(60))*size/2 + float64(rng.IntN(8))*0.25
			y := float64(rng.IntN(40)) * size * 1.2
			switch rng.IntN(10) {
			case 0:
				x, y = -70+x/10, -70+y/10 // off the page, outside the blocks
			case 1:
				x += 1 << 22 // beyond the keys' 21 bits
			}
			text := string(rune('甲' + rng.IntN(4)))
			if rng.IntN(8) == 0 {
				text = " "
			}
			g := pglyph{Glyph: Glyph{Text: text, X0: x, X1: x + size, Y: y, Size: size}}
			gs = append(gs, g)
			if rng.IntN(3) == 0 { // fake bold: drawn again a little off
				g.X0 += float64(rng.IntN(5)) * 0.1
				g.Y += float64(rng.IntN(3)) * 0.1
				gs = append(gs, g)
			}
		}
		want := finishAll(slices.Clone(gs))
		in := &interp{doc: d, glyphs: slices.Clone(gs)}
		in.finish()
		if !reflect.DeepEqual(in.glyphs, want) && !(len(in.glyphs) == 0 && len(want) == 0) {
			t.Fatalf("round %d: finish kept %d glyphs, every look-up %d", round, len(in.glyphs), len(want))
		}
	}
}
