package pdfpage

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/petool/pet/internal/pdfload"
)

// BenchmarkPages reads every page of the real tables of 10 pages and more
// in testdata (the page reader's share of a parse).
func BenchmarkPages(b *testing.B) {
	for _, name := range []string{"005-guangzhou-022.pdf", "002-beijing-042.pdf"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "realworld", "2026", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ld, err := pdfload.Load(data, pdfload.Options{})
				if err != nil {
					b.Fatal(err)
				}
				d, err := FromLoad(ld)
				if err != nil {
					b.Fatal(err)
				}
				for n := 1; n <= d.NumPages(); n++ {
					if _, err := d.Page(n); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
