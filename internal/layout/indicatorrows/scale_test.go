package indicatorrows_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/layout/indicatorrows"
	"github.com/petool/pet/internal/pdfpage"
)

// TestScaleInvariant: the tables of a real PDF read the same when every page
// is printed at another scale (20 % to 500 %; 141 % is A4 on A3):
// no tolerance of the reader or the grid is in absolute points.
func TestScaleInvariant(t *testing.T) {
	for _, name := range []string{"002-beijing-055", "015-changsha-008", "002-beijing-064"} {
		data, err := os.ReadFile(filepath.Join(realworld, name+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		pages := readPages(t, data)
		tables := indicatorrows.Read(pages)
		if len(tables) == 0 || len(tables[0].Rows) == 0 {
			t.Fatalf("%s: no rows read at 100 %%", name)
		}
		want := string(mustJSON(t, tables))
		for _, k := range []float64{0.2, 0.4, 0.6, 1.4, 2.5, 5} {
			t.Run(fmt.Sprintf("%s/%.0f%%", name, k*100), func(t *testing.T) {
				scaled := make([]*pdfpage.Page, len(pages))
				for i, p := range pages {
					scaled[i] = geom.Scale(p, k)
				}
				if got := string(mustJSON(t, indicatorrows.Read(scaled))); got != want {
					t.Errorf("read at %.0f %% differs from 100 %%:\n got %.600s\nwant %.600s", k*100, got, want)
				}
			})
		}
	}
}
