package indicator

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/petool/pet/document"
)

// TestParseAllIsParse: every text of the expected files (real tables,
// generated fixtures), with texts that raise problems added, comes out of
// ParseAll as out of Parse one after another, on any number of workers.
func TestParseAllIsParse(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*", "*.expected.json"))
	if err != nil || len(files) < 3 {
		t.Fatalf("expected files: %v %v", files, err)
	}
	texts := []string{"", "1、不成文的指标", "1、1-产出指标,11-数量指标,会议次数；年度指标值:3次。1、2-效益指标,21-社会效益指标,满意度；年度指标值:≥90%"}
	for _, f := range files {
		for _, row := range loadExpectedFile(t, f).Rows {
			texts = append(texts, row.IndicatorsText)
		}
	}
	want := make([]Parsed, len(texts))
	problems := 0
	for i, s := range texts {
		want[i].Indicators, want[i].Problems = Parse(s)
		problems += len(want[i].Problems)
	}
	if problems == 0 {
		t.Fatal("no text raises a problem: the problems are not compared")
	}
	for _, workers := range []int{0, 1, 2, 3, 16} {
		got := ParseAll(texts, workers)
		if !reflect.DeepEqual(got, want) {
			for i := range want {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("workers %d, text %d %q:\n got %+v\nwant %+v", workers, i, texts[i], got[i], want[i])
				}
			}
			t.Fatalf("workers %d: %d results, want %d", workers, len(got), len(want))
		}
	}
	t.Logf("%d texts", len(texts))
}

// TestParseAllRaisesPanicsOnTheCaller: a panic on a worker goroutine is
// raised again where ParseAll was called, so that the caller's recover
// turns it into an error instead of the process dying.
func TestParseAllRaisesPanicsOnTheCaller(t *testing.T) {
	texts := make([]string, 64)
	for i := range texts {
		texts[i] = "1、1-产出指标,11-数量指标,会议次数；年度指标值:3次"
	}
	texts[37] = "boom"
	defer func(p func(string) ([]document.Indicator, []Problem)) { parseOne = p }(parseOne)
	parseOne = func(s string) ([]document.Indicator, []Problem) {
		if s == "boom" {
			panic("boom")
		}
		return Parse(s)
	}
	for _, workers := range []int{1, 2, 4} {
		func() {
			defer func() {
				if p := recover(); p != "boom" {
					t.Errorf("workers %d: recovered %v, want the panic of Parse", workers, p)
				}
			}()
			ParseAll(texts, workers)
		}()
	}
}
