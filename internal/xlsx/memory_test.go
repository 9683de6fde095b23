package xlsx

import (
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestMemoryFlat writes 200,000 rows (about 90 MB of sheet XML) to
// io.Discard: the heap must stay small and the rows allocate next to
// nothing, which fails if a sheet is held in memory.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("200,000 rows")
	}
	const rows = 200_000
	w := NewWriter(io.Discard)
	st, err := w.AddStyle(Style{VAlign: Top, Wrap: true})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := w.NewSheet("s", SheetOptions{ColWidths: []float64{40, 10}, FrozenRows: 1})
	if err != nil {
		t.Fatal(err)
	}
	texts := make([]string, 64)
	for i := range texts {
		texts[i] = strings.Repeat("预算项目"+strconv.Itoa(i), 1+i%8) + " & <" + strconv.Itoa(i*7919) + ">"
	}
	row := make([]Cell, 8)
	var before, now runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	peak := uint64(0)
	for i := range rows {
		for j := range row {
			switch j % 4 {
			case 0, 1:
				row[j] = Text(texts[(i+j)%len(texts)], st)
			case 2:
				row[j] = Float(float64(i)*1.01+0.001, 0)
			case 3:
				row[j] = Int(int64(i*j), st)
			}
		}
		if err := sh.WriteRow(row, 0); err != nil {
			t.Fatal(err)
		}
		if i%20_000 == 0 {
			runtime.ReadMemStats(&now)
			peak = max(peak, now.HeapInuse)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&now)
	peak = max(peak, now.HeapInuse)
	alloc := now.TotalAlloc - before.TotalAlloc
	t.Logf("heap in use at most %.1f MB, %.1f bytes allocated a row", float64(peak)/(1<<20), float64(alloc)/rows)
	// The deflate compressor and the buffers, a few MB; a sheet buffered
	// would be some 90 MB.
	if peak > 16<<20 {
		t.Errorf("heap in use %.1f MB", float64(peak)/(1<<20))
	}
	if alloc > 8<<20 {
		t.Errorf("%d bytes allocated for %d rows", alloc, rows)
	}
}

// TestRowAllocs checks that writing a row allocates nothing.
func TestRowAllocs(t *testing.T) {
	w := NewWriter(io.Discard)
	sh, err := w.NewSheet("s", SheetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	row := make([]Cell, 40)
	for i := range row {
		switch i % 3 {
		case 0:
			row[i] = Text("预算 _x0041_ \x01 & "+strconv.Itoa(i), 0)
		case 1:
			row[i] = Float(float64(i)+0.25, 0)
		default:
			row[i] = Int(int64(i)<<40, 0)
		}
	}
	if n := testing.AllocsPerRun(1000, func() {
		if err := sh.WriteRow(row, 21.5); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("%v allocations a row", n)
	}
}
