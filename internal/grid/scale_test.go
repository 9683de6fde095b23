package grid

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/pdfpage"
)

// TestFindAtAnyScale: the merged-cells page of TestFindMergedCells, its
// rules pieced, gapped and overshooting by fractions of a point, finds the
// same cells printed at 20 % to 500 %, with the lattice and the tolerances
// scaled alike.
func TestFindAtAnyScale(t *testing.T) {
	xs := []float64{50, 150, 250, 350}
	ys := []float64{100, 120, 140, 160, 180}
	skip := func(r, c int, vertical bool) bool {
		if vertical {
			return r == 0 && c == 2
		}
		return c == 0 && (r == 2 || r == 3)
	}
	p := &pdfpage.Page{Number: 3, Width: 400, Height: 300, Rules: cellBorders(xs, ys, skip), Glyphs: glyphs(
		text("名称", 60, 114), text("其中：", 160, 114),
		text("项目甲的", 60, 140), text("名字", 60, 152),
		text("a", 160, 134), text("b", 260, 134),
		text("c", 160, 154), text("d", 260, 154),
		text("e", 160, 174), text("f", 260, 174),
	)}
	base := Find(p)
	if len(base) != 1 || len(base[0].Cells) != 9 {
		t.Fatalf("at 100 %%: %d tables", len(base))
	}
	for _, k := range []float64{0.2, 0.6, 1.4, 5} {
		t.Run(fmt.Sprintf("%.0f%%", k*100), func(t *testing.T) {
			got := Find(geom.Scale(p, k))
			if len(got) != 1 {
				t.Fatalf("%d tables", len(got))
			}
			if a, b := cellsOf(got[0]), cellsOf(base[0]); !reflect.DeepEqual(a, b) {
				t.Errorf("cells\n got %v\nwant %v", a, b)
			}
			for i, x := range base[0].Xs {
				if math.Abs(got[0].Xs[i]-k*x) > 1e-9*x {
					t.Errorf("Xs[%d] = %v, want %v", i, got[0].Xs[i], k*x)
				}
			}
			if want := base[0].Tol.SameRule * k; math.Abs(got[0].Tol.SameRule-want) > 1e-9 {
				t.Errorf("SameRule = %v, want %v", got[0].Tol.SameRule, want)
			}
		})
	}
}
