package export

import (
	"encoding/json"
	"io"
	"testing"
)

// BenchmarkWrite writes b.N copies of a sample document (41 rows, 172
// indicators) as one batch, Close included, so an op is one document and the
// XLSX workbook build is spread over the batch.
func BenchmarkWrite(b *testing.B) {
	doc := loadCorpus(b, corpusNames[0])
	js, err := json.Marshal(doc)
	if err != nil {
		b.Fatal(err)
	}
	for _, opts := range []Options{
		{Format: JSON},
		{Format: JSONL},
		{Format: CSV},
		{Format: CSV, Table: Indicators},
		{Format: YAML},
		{Format: XLSX},
	} {
		name := string(opts.Format)
		if opts.Table != "" {
			name += "-" + string(opts.Table)
		}
		opts.Multi = true
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(js)))
			b.ReportAllocs()
			w, err := NewWriter(io.Discard, opts)
			if err != nil {
				b.Fatal(err)
			}
			// Not b.Loop: it stops the timer before Close, where XLSX
			// does most of its work.
			b.ResetTimer()
			for range b.N {
				if err := w.Write(doc); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
		})
	}
}
