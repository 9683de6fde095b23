package projectforms

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/pdfpage"
)

// TestScaleInvariant: the forms of a real PDF read the same when every page
// is printed at another scale (20 % to 500 %; 141 % is A4 on A3):
// no tolerance of the reader or the grid is in absolute points.
func TestScaleInvariant(t *testing.T) {
	for _, name := range []string{"017-fuzhou-001", "021-quanzhou-001", "025-yantai-011", "004-chongqing-011"} {
		pages := pagesOf(t, name)
		want := mustMarshal(t, Read(pages))
		if len(Read(pages)) == 0 {
			t.Fatalf("%s: no forms read at 100 %%", name)
		}
		for _, k := range []float64{0.2, 0.4, 0.6, 1.4, 2.5, 5} {
			t.Run(fmt.Sprintf("%s/%.0f%%", name, k*100), func(t *testing.T) {
				scaled := make([]*pdfpage.Page, len(pages))
				for i, p := range pages {
					scaled[i] = geom.Scale(p, k)
				}
				if got := mustMarshal(t, Read(scaled)); got != want {
					t.Errorf("read at %.0f %% differs from 100 %%:\n got %.600s\nwant %.600s", k*100, got, want)
				}
			})
		}
	}
}

func mustMarshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
