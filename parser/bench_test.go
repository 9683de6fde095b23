package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func benchmarkFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := parseBytes(data, path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCalc parses the LibreOffice sample (9 pages, Type 1 fonts, stroked rules).
func BenchmarkParseCalc(b *testing.B) {
	benchmarkFile(b, filepath.Join("..", "testdata", "corpus", "zengcheng-2023.calc.pdf"))
}

// BenchmarkParseChromium parses the Chromium sample (9 pages, CID fonts, filled rules, split rows).
func BenchmarkParseChromium(b *testing.B) {
	benchmarkFile(b, filepath.Join("..", "testdata", "corpus", "zengcheng-2023.chromium.pdf"))
}

// BenchmarkParseBudgetDocument parses a 55-page budget document with the
// table on pages 34-42, one page at a time.
func BenchmarkParseBudgetDocument(b *testing.B) {
	benchmarkFile(b, filepath.Join("..", "testdata", "combined", "budget-with-table.pdf"))
}

// BenchmarkRealWorld parses the 22 real budget documents (12-33 pages each,
// no target table): the cost of looking through a whole budget.
func BenchmarkRealWorld(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "realworld", "*.pdf"))
	benchmarkFiles(b, files, Options{})
}

// benchmarkFiles parses every file once per iteration.
func benchmarkFiles(b *testing.B, files []string, opts Options) {
	var all [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, data)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range all {
			parseBytes(data, "x.pdf", opts)
		}
	}
}

// BenchmarkFiles parses the PDFs named in $PET_BENCH_FILES (space
// separated), one worker, so that a profile (-cpuprofile) shows where the
// time goes on real tables that are not shipped. Skipped when unset.
func BenchmarkFiles(b *testing.B) {
	names := strings.Fields(os.Getenv("PET_BENCH_FILES"))
	if len(names) == 0 {
		b.Skip("PET_BENCH_FILES not set")
	}
	benchmarkFiles(b, names, Options{Workers: 1})
}
