package export

import (
	"encoding/json"
	"io"
	"runtime"
	"strconv"
	"testing"
	"time"
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

// BenchmarkXLSXMemory writes batches of 100 and 1,000 copies of the sample
// document (41 rows, 172 indicators each) as one workbook and reports the
// peak of the heap in use while writing (peak-MB), sampled every 5 ms: it
// must not grow with the batch. Run it with -benchtime 1x.
func BenchmarkXLSXMemory(b *testing.B) {
	doc := loadCorpus(b, corpusNames[0])
	for _, n := range []int{100, 1000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var peak uint64
			for range b.N {
				runtime.GC()
				stop := make(chan struct{})
				done := make(chan uint64)
				go func() {
					var ms runtime.MemStats
					var p uint64
					tick := time.NewTicker(5 * time.Millisecond)
					defer tick.Stop()
					for {
						runtime.ReadMemStats(&ms)
						p = max(p, ms.HeapInuse)
						select {
						case <-stop:
							done <- p
							return
						case <-tick.C:
						}
					}
				}()
				w, err := NewWriter(io.Discard, Options{Format: XLSX, Multi: true})
				if err != nil {
					b.Fatal(err)
				}
				for range n {
					if err := w.Write(doc); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
				close(stop)
				peak = max(peak, <-done)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}
