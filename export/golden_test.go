package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/petool/pet/document"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/export")

// TestGolden compares the output for a small hand-made document (and a batch
// of two) with the files in testdata/export; go test -update rewrites them.
func TestGolden(t *testing.T) {
	small := loadGoldenInput(t)
	other := *small
	other.Source = "in/另一区.pdf"
	other.Department = "另一区测试局"
	other.Rows = other.Rows[:1]
	other.Warnings = nil
	batch := []*document.Document{small, &other}
	v2 := v2Batch(t)

	for _, tc := range []struct {
		file string
		opts Options
		docs []*document.Document
	}{
		{"small.json", Options{Format: JSON}, batch[:1]},
		{"small.multi.json", Options{Format: JSON, Multi: true}, batch},
		{"small.jsonl", Options{Format: JSONL, Multi: true}, batch},
		{"small.yaml", Options{Format: YAML}, batch[:1]},
		{"small.multi.yaml", Options{Format: YAML, Multi: true}, batch},
		{"small.projects.csv", Options{Format: CSV, Multi: true, BOM: true}, batch},
		{"small.projects.zh.csv", Options{Format: CSV, Multi: true, Lang: LangZH}, batch},
		{"small.indicators.csv", Options{Format: CSV, Table: Indicators, Multi: true}, batch},
		{"small.indicators.zh.csv", Options{Format: CSV, Table: Indicators, Multi: true, Lang: LangZH, BOM: true}, batch},
		{"small.warnings.csv", Options{Format: CSV, Table: Warnings, Multi: true}, batch},
		{"small.document.csv", Options{Format: CSV, Table: Documents, Multi: true}, batch},
		{"v2.json", Options{Format: JSON}, v2[:1]},
		{"v2.jsonl", Options{Format: JSONL, Multi: true}, v2},
		{"v2.yaml", Options{Format: YAML}, v2[:1]},
		{"v2.single.projects.csv", Options{Format: CSV}, v2[:1]},
		{"v2.projects.csv", Options{Format: CSV, Multi: true}, v2},
		{"v2.projects.zh.csv", Options{Format: CSV, Multi: true, Lang: LangZH}, v2},
		{"v2.indicators.csv", Options{Format: CSV, Table: Indicators, Multi: true}, v2},
		{"v2.indicators.zh.csv", Options{Format: CSV, Table: Indicators, Multi: true, Lang: LangZH}, v2},
		{"v2.document.csv", Options{Format: CSV, Table: Documents, Multi: true}, v2},
		{"v2.tables.csv", Options{Format: CSV, Table: TargetTables, Multi: true}, v2},
		{"v2.tables.zh.csv", Options{Format: CSV, Table: TargetTables, Multi: true, Lang: LangZH}, v2},
	} {
		got := render(t, tc.opts, tc.docs...)
		path := filepath.Join("..", "testdata", "export", tc.file)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", tc.file, got)
		}
	}
}

// TestGoldenJSONIsInput checks that JSON output of a document read from
// contract JSON is that JSON again, byte for byte.
func TestGoldenJSONIsInput(t *testing.T) {
	for _, name := range []string{"small", "v2"} {
		t.Run(name, func(t *testing.T) { testJSONIsInput(t, name) })
	}
}

func testJSONIsInput(t *testing.T, name string) {
	want, err := os.ReadFile(filepath.Join("..", "testdata", "export", name+".input.json"))
	if err != nil {
		t.Fatal(err)
	}
	got := render(t, Options{Format: JSON}, loadInput(t, name))
	// The input writes the targets on one line for brevity.
	var compact1, compact2 bytes.Buffer
	if err := json.Compact(&compact1, got); err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&compact2, want); err != nil {
		t.Fatal(err)
	}
	if compact1.String() != compact2.String() {
		t.Errorf("JSON output differs from its input:\n%s", got)
	}
}
