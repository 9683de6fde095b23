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

// BenchmarkInflate decodes the content streams of two real tables, with
// pet's inflate (klauspost/compress) and with the standard library's
// zlib reader it replaced.
func BenchmarkInflate(b *testing.B) {
	streams := realFlateStreams(b, "005-guangzhou-022.pdf", "025-yantai-011.pdf")
	var buf []byte
	b.Run("pet", func(b *testing.B) {
		for b.Loop() {
			for _, p := range streams {
				buf, _ = inflate(buf[:0], p, 1<<30)
			}
		}
	})
	b.Run("stdlib", func(b *testing.B) {
		for b.Loop() {
			for _, p := range streams {
				if _, err := stdInflate(p); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
