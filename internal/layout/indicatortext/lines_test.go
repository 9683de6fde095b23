package indicatortext

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/pdfpage"
)

// groupLinesCopy is what groupLines was when it sorted a copy of all the
// page's glyphs in place: the definition groupLines must keep.
func groupLinesCopy(glyphs []pdfpage.Glyph) []Line {
	glyphs = slices.Clone(glyphs)
	if len(glyphs) == 0 {
		return nil
	}
	if !slices.IsSortedFunc(glyphs, func(a, b pdfpage.Glyph) int { return cmp.Compare(a.Y, b.Y) }) {
		pdfpage.SortStable(glyphs, func(g *pdfpage.Glyph) float64 { return g.Y })
	}
	var lines []Line
	start := 0
	for i := 1; i <= len(glyphs); i++ {
		if i < len(glyphs) {
			ref := glyphs[start]
			tol := geom.CellBaselineEm * max(ref.Size, glyphs[i].Size)
			if glyphs[i].Y-glyphs[i-1].Y <= tol && glyphs[i].Y-ref.Y <= 2*tol {
				continue
			}
		}
		lines = append(lines, makeLine(glyphs[start:i]))
		start = i
	}
	return lines
}

// checkGroupLines fails t unless groupLines(gs) is groupLinesCopy(gs) and
// leaves gs as it was.
func checkGroupLines(t *testing.T, gs []pdfpage.Glyph) {
	t.Helper()
	before := slices.Clone(gs)
	got, want := groupLines(gs), groupLinesCopy(gs)
	if !sameBits(gs, before) {
		t.Fatalf("groupLines changed its input")
	}
	if len(got) != len(want) {
		t.Fatalf("%d lines, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.text != w.text || !sameBits(g.Glyphs, w.Glyphs) || !sameBits([]float64{g.X0, g.X1, g.Y, g.Size}, []float64{w.X0, w.X1, w.Y, w.Size}) {
			t.Fatalf("line %d: %+v, want %+v", i, g, w)
		}
	}
}

// sameBits reports whether a and b are equal, NaN equal to NaN (as
// reflect.DeepEqual has it not).
func sameBits[T any](a, b []T) bool {
	return len(a) == len(b) && fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b)
}

// TestGroupLinesLeavesGlyphs: groupLines groups a page's glyphs as sorting
// a copy did, glyphs in baseline order or not, ties and jittered baselines
// included, without changing them; lines already in x order share the
// page's glyphs.
func TestGroupLinesLeavesGlyphs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for round := 0; round < 500; round++ {
		var gs []pdfpage.Glyph
		for i, n := 0, rng.IntN(60); i < n; i++ {
			y := float64(100+12*rng.IntN(8)) + float64(rng.IntN(5))*0.7 // lines, jittered
			x := float64(50 + 10*rng.IntN(20))
			gs = append(gs, pdfpage.Glyph{Text: string(rune('a' + i%26)), X0: x, X1: x + 9, Y: y, Size: 10 + float64(rng.IntN(3)), Run: i})
		}
		checkGroupLines(t, gs)
		pdfpage.SortStable(gs, func(g *pdfpage.Glyph) float64 { return g.Y }) // as layout.SortByBaseline leaves them
		checkGroupLines(t, gs)
	}
	// In baseline order, a line in x order is a piece of the glyphs.
	gs := []pdfpage.Glyph{{Text: "甲", X0: 10, X1: 20, Y: 100, Size: 10}, {Text: "乙", X0: 20, X1: 30, Y: 100, Size: 10},
		{Text: "丁", X0: 30, X1: 40, Y: 120, Size: 10}, {Text: "丙", X0: 10, X1: 20, Y: 120.5, Size: 10}}
	lines := groupLines(gs)
	if len(lines) != 2 || lines[0].Text() != "甲乙" || lines[1].Text() != "丙丁" {
		t.Fatalf("lines %+v", lines)
	}
	if &lines[0].Glyphs[0] != &gs[0] {
		t.Errorf("a line in x order was copied")
	}
	if &lines[1].Glyphs[0] == &gs[2] || &lines[1].Glyphs[0] == &gs[3] {
		t.Errorf("a line out of x order was sorted in the page's glyphs")
	}
}

// FuzzGroupLines: any glyphs (positions and sizes from the input, NaN and
// infinities included) group as groupLinesCopy groups them, the input
// unchanged.
func FuzzGroupLines(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Fuzz(func(t *testing.T, data []byte) {
		var gs []pdfpage.Glyph
		for len(data) >= 6 && len(gs) < 200 {
			x := float64(binary.LittleEndian.Uint16(data))/8 - 100
			y := float64(binary.LittleEndian.Uint16(data[2:])) / 64
			size := float64(data[4]%40) / 2
			if data[5] == 255 {
				y = float64(size) / 0 // +Inf or NaN (size 0)
			}
			gs = append(gs, pdfpage.Glyph{Text: string(rune('a' + data[5]%26)), X0: x, X1: x + size, Y: y, Size: size})
			data = data[6:]
		}
		checkGroupLines(t, gs)
		pdfpage.SortStable(gs, func(g *pdfpage.Glyph) float64 { return g.Y })
		checkGroupLines(t, gs)
	})
}
