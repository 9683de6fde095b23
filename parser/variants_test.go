package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestVariants parses tables rendered by testdata/variants/gen.py with
// Chromium and LibreOffice in varied layouts (page sizes, fonts, widths,
// alignment, indentation, header repeated or not, rows split or whole,
// several units, other tables around) and compares every field the
// expected file has.
func TestVariants(t *testing.T) { compareDir(t, "variants") }

// TestNamedFixtures parses the hand-picked generated fixtures of
// testdata/fixtures (see its README) and compares every field the expected
// file has (indicator targets aside, which the generator does not compute).
func TestNamedFixtures(t *testing.T) { compareDir(t, "fixtures") }

// compareDir parses every PDF of testdata/DIR and compares it with the
// NAME.expected.json beside it, on the fields that file has (source aside:
// the test names the input by its base name).
func compareDir(t *testing.T, dir string) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*.pdf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no PDFs in testdata/%s: %v", dir, err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".pdf")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parseBytes(data, name+".pdf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := toGeneric(t, mustRead(t, strings.TrimSuffix(path, ".pdf")+".expected.json")).(map[string]any)
			delete(want, "source")
			for _, d := range diffSubset("", want, toGeneric(t, doc), 30) {
				t.Error(d)
			}
		})
	}
}

// TestParallelPagesSameResult reads pages on several goroutines (each with
// its own font cache) and must give exactly the sequential document.
func TestParallelPagesSameResult(t *testing.T) {
	for _, path := range []string{
		filepath.Join("..", "testdata", "corpus", "zengcheng-2023.calc.pdf"),
		filepath.Join("..", "testdata", "variants", "several-units.pdf"),
		// Real tables: each page prepared (gridded, its lines grouped) on
		// the worker that read it, then read in order.
		filepath.Join("..", "testdata", "realworld", "2026", "005-guangzhou-022.pdf"),
		filepath.Join("..", "testdata", "realworld", "2026", "004-chongqing-011.pdf"),
	} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		seq, err := parseBytes(data, "x.pdf", Options{})
		if err != nil {
			t.Fatal(err)
		}
		par, err := parseBytes(data, "x.pdf", Options{Workers: 3})
		if err != nil {
			t.Fatal(err)
		}
		a, b := toGeneric(t, seq), toGeneric(t, par)
		if d := diffSubset("", a, b, 5); len(d) > 0 || !reflect.DeepEqual(a, b) {
			t.Errorf("%s: parallel result differs: %v", path, d)
		}
	}
}
