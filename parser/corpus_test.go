package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/petool/pet/document"
)

// TestCorpus compares the whole document parsed from each sample PDF with
// its expected JSON, field by field: any wrong cell fails. The expected files
// carry neither source, pages nor indicator targets, so only the fields they
// have are compared; the rest is checked by its own tests.
func TestCorpus(t *testing.T) {
	for _, name := range []string{"zengcheng-2023.calc", "zengcheng-2023.chromium"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parseBytes(data, name+".pdf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := toGeneric(t, doc)
			want := toGeneric(t, mustRead(t, filepath.Join("..", "testdata", "corpus", name+".expected.json")))
			for _, d := range diffSubset("", want, got, 2000) {
				t.Error(d)
			}
		})
	}
}

func mustRead(t *testing.T, path string) json.RawMessage {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func toGeneric(t *testing.T, v any) any {
	t.Helper()
	b, ok := v.(json.RawMessage)
	if !ok {
		var err error
		if b, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// diffSubset lists where got differs from want, for every key want has
// (warnings excepted: the expected files do not carry them).
func diffSubset(path string, want, got any, limit int) []string {
	var out []string
	add := func(s string) {
		if len(out) < limit {
			out = append(out, s)
		}
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			add(fmt.Sprintf("%s: got %v, want an object", path, got))
			return out
		}
		for k, wv := range w {
			if path == "" && k == "warnings" {
				continue
			}
			for _, d := range diffSubset(path+"."+k, wv, g[k], limit-len(out)) {
				add(d)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			add(fmt.Sprintf("%s: got %d items, want %d", path, len(g), len(w)))
			if !ok {
				return out
			}
		}
		for i := range w {
			if i >= len(g) {
				break
			}
			for _, d := range diffSubset(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], limit-len(out)) {
				add(d)
			}
		}
	default:
		if !reflect.DeepEqual(want, got) {
			add(fmt.Sprintf("%s: got %q, want %q", path, fmt.Sprint(got), fmt.Sprint(want)))
		}
	}
	return out
}

// TestTableInsideBudgetDocument finds the table on page 34 of a 55-page
// budget document (a real 33-page Jiangsu budget, the Chromium sample, and
// another real budget after it) and reads the same rows, pages shifted.
func TestTableInsideBudgetDocument(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "combined", "budget-with-table.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseBytes(data, "budget-with-table.pdf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 55 {
		t.Errorf("pages = %d, want 55", doc.Pages)
	}
	want := toGeneric(t, mustRead(t, filepath.Join("..", "testdata", "corpus", "zengcheng-2023.chromium.expected.json"))).(map[string]any)
	for _, r := range want["rows"].([]any) {
		row := r.(map[string]any)
		row["page"] = row["page"].(float64) + 33
		delete(row, "indicators")
	}
	for _, d := range diffSubset("", want, toGeneric(t, doc), 20) {
		t.Error(d)
	}
}

// TestCorpusInOtherContainers reads the samples re-encrypted with AES-256
// (qpdf, user password "user"), rewritten with object and xref streams, and
// turned by /Rotate 90 and 270 (qpdf --rotate): the same table must come out.
func TestCorpusInOtherContainers(t *testing.T) {
	for _, tc := range []struct{ file, expected, password string }{
		{"corpus-calc-aes256.pdf", "zengcheng-2023.calc", "user"},
		{"corpus-chromium-objstreams.pdf", "zengcheng-2023.chromium", ""},
		{"corpus-calc-rotate90.pdf", "zengcheng-2023.calc", ""},
		{"corpus-chromium-rotate270.pdf", "zengcheng-2023.chromium", ""},
	} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "containers", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if tc.password != "" {
			if _, err := parseBytes(data, tc.file, Options{}); err == nil || !strings.Contains(err.Error(), "password") {
				t.Errorf("%s without password: err %v, want a password error", tc.file, err)
			}
		}
		doc, err := parseBytes(data, tc.file, Options{Password: tc.password})
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		want := toGeneric(t, mustRead(t, filepath.Join("..", "testdata", "corpus", tc.expected+".expected.json")))
		for _, d := range diffSubset("", want, toGeneric(t, doc), 10) {
			t.Errorf("%s: %s", tc.file, d)
		}
	}
}

// TestRealWorldBudgetsHaveNoTable: 22 real Jiangsu budget documents of many
// producers hold no target table; each must say so (quickly, see
// BenchmarkRealWorld) without a page error.
func TestRealWorldBudgetsHaveNoTable(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "realworld", "*.pdf"))
	if err != nil || len(files) != 22 {
		t.Fatalf("%d real-world files, want 22 (%v)", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := run(data, Options{}, true)
		if !errors.Is(err, ErrNoTable) {
			t.Errorf("%s: err %v, want ErrNoTable", filepath.Base(f), err)
			continue
		}
		glyphs := 0
		for _, p := range res.text.Analysis().Pages {
			glyphs += len(p.Glyphs)
		}
		if len(res.pageErrors) > 0 || glyphs < 1000 {
			t.Errorf("%s: %d page errors, %d glyphs: the text was not read", filepath.Base(f), len(res.pageErrors), glyphs)
		}
	}
}

// parseBytes parses data as the CLI does, naming the document source.
func parseBytes(data []byte, source string, opts Options) (*document.Document, error) {
	doc, err := Parse(bytes.NewReader(data), int64(len(data)), opts)
	if doc != nil {
		doc.Source = source
	}
	return doc, err
}
