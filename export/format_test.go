package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/petool/pet/document"
)

func TestFormatFromPath(t *testing.T) {
	for path, want := range map[string]Format{
		"out.json": JSON, "a/b.JSON": JSON, "x.jsonl": JSONL, "x.ndjson": JSONL,
		"表.csv": CSV, "x.yaml": YAML, "x.YML": YAML, "book.xlsx": XLSX, "t.Parquet": Parquet,
	} {
		got, err := FormatFromPath(path)
		if err != nil || got != want {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
	for _, path := range []string{"out.txt", "out", "out.xls", "dir.json/out"} {
		_, err := FormatFromPath(path)
		if err == nil {
			t.Errorf("FormatFromPath(%q): no error", path)
			continue
		}
		for _, ext := range []string{".json", ".jsonl", ".csv", ".yaml", ".yml", ".xlsx"} {
			if !strings.Contains(err.Error(), ext) {
				t.Errorf("FormatFromPath(%q): error %q does not list %s", path, err, ext)
			}
		}
	}
}

func TestParseFormat(t *testing.T) {
	for s, want := range map[string]Format{
		"json": JSON, "JSONL": JSONL, "ndjson": JSONL, "csv": CSV, "yaml": YAML, "yml": YAML, " xlsx ": XLSX, "parquet": Parquet,
	} {
		if got, err := ParseFormat(s); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", s, got, err, want)
		}
	}
	if _, err := ParseFormat("xls"); err == nil || !strings.Contains(err.Error(), "json, jsonl, csv, yaml, xlsx") {
		t.Errorf("ParseFormat(xls): error %v does not list the formats", err)
	}
	for _, f := range Formats() {
		if got, err := ParseFormat(string(f)); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
}

func TestIsBinary(t *testing.T) {
	for _, f := range Formats() {
		if got := IsBinary(f); got != (f == XLSX || f == Parquet) {
			t.Errorf("IsBinary(%s) = %v", f, got)
		}
	}
}

func TestOptionsErrors(t *testing.T) {
	for _, o := range []Options{
		{},
		{Format: "xls"},
		{Format: JSON, Table: Indicators},
		{Format: XLSX, Table: Projects},
		{Format: CSV, Table: "rows"},
		{Format: JSON, Lang: LangZH},
		{Format: YAML, Lang: LangZH},
		{Format: CSV, Lang: "fr"},
		{Format: JSON, BOM: true},
		{Format: XLSX, BOM: true},
		{Format: Parquet, Lang: LangZH},
		{Format: Parquet, BOM: true},
		{Format: Parquet, Table: "rows"},
	} {
		if _, err := NewWriter(&bytes.Buffer{}, o); err == nil {
			t.Errorf("NewWriter(%+v): no error", o)
		}
		if err := o.Validate(); err == nil || strings.HasPrefix(err.Error(), "export:") {
			t.Errorf("Options%+v.Validate() = %v, want an error without the package prefix", o, err)
		}
	}
	for _, o := range []Options{
		{Format: CSV, Table: "Indicators", Lang: LangZH, BOM: true},
		{Format: CSV, Table: "documents"},
		{Format: XLSX, Lang: LangZH},
		{Format: JSON, Lang: LangEN},
		{Format: Parquet, Table: Indicators},
		{Format: Parquet, Table: TargetTables},
	} {
		if _, err := NewWriter(&bytes.Buffer{}, o); err != nil {
			t.Errorf("NewWriter(%+v): %v", o, err)
		}
		if err := o.Validate(); err != nil {
			t.Errorf("Options%+v.Validate() = %v", o, err)
		}
	}
}

func TestWriterMisuse(t *testing.T) {
	doc := loadGoldenInput(t)
	for _, f := range Formats() {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, Options{Format: f})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(nil); err == nil {
			t.Errorf("%s: Write(nil): no error", f)
		}
		if err := w.Write(doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := w.Write(doc); err == nil || !strings.Contains(err.Error(), "Multi") {
			t.Errorf("%s: second Write without Multi: error %v", f, err)
		}
		if err := w.Close(); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := w.Close(); err != nil {
			t.Errorf("%s: second Close: %v", f, err)
		}
		if err := w.Write(doc); err == nil {
			t.Errorf("%s: Write after Close: no error", f)
		}
	}
}

// failWriter fails every write after the first n bytes.
type failWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriterErrorsAreReported(t *testing.T) {
	doc := loadCorpus(t, corpusNames[0])
	for _, opts := range []Options{{Format: JSON}, {Format: JSONL}, {Format: CSV}, {Format: CSV, Table: Warnings}, {Format: YAML}, {Format: XLSX}, {Format: Parquet}} {
		f := opts.Format
		opts.Multi = true
		w, err := NewWriter(&failWriter{n: 100}, opts)
		if err != nil {
			t.Fatal(err)
		}
		err = w.Write(doc)
		// XLSX, Parquet and a batch of CSV projects write on Close.
		if f != XLSX && f != Parquet && (f != CSV || opts.Table == Warnings) {
			if !errors.Is(err, errDiskFull) {
				t.Errorf("%s: Write: error %v, want disk full", f, err)
			}
			if err2 := w.Write(doc); !errors.Is(err2, errDiskFull) {
				t.Errorf("%s: Write after an error: %v", f, err2)
			}
		}
		if err := w.Close(); !errors.Is(err, errDiskFull) {
			t.Errorf("%s: Close: error %v, want disk full", f, err)
		} else if !strings.Contains(err.Error(), string(f)) {
			t.Errorf("%s: error %q does not name the format", f, err)
		}
	}
}

func TestEmptyBatch(t *testing.T) {
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{Format: JSON, Multi: true}, "[]\n"},
		{Options{Format: YAML, Multi: true}, "[]\n"},
		{Options{Format: JSON}, ""},
		{Options{Format: YAML}, ""},
		{Options{Format: JSONL, Multi: true}, ""},
		{Options{Format: CSV, Multi: true}, "source,department,currency_unit,seq,level,name,unit,total,fiscal_appropriation,fiscal_special_account,other_funds,goal,indicators_text,indicators_count,page,table,code,long_term_goal\r\n"},
		{Options{Format: CSV, Table: Warnings, Lang: LangZH, BOM: true}, "\uFEFF来源文件,警告代码,行序号,页码,说明\r\n"},
	} {
		if got := string(render(t, tc.opts)); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.opts, got, tc.want)
		}
	}
}

func TestNilListsPrintEmpty(t *testing.T) {
	doc := &document.Document{Source: "a.pdf", Rows: []document.Row{{Seq: 1, Level: document.LevelTotal, Name: "合计"}}}
	out := string(render(t, Options{Format: JSON}, doc))
	for _, want := range []string{`"rows": [`, `"indicators": []`, `"warnings": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s:\n%s", want, out)
		}
	}
	if doc.Rows[0].Indicators != nil || doc.Warnings != nil {
		t.Error("the document passed in was changed")
	}
	out = string(render(t, Options{Format: YAML}, &document.Document{}))
	for _, want := range []string{"rows: []", "warnings: []"} {
		if !strings.Contains(out, want) {
			t.Errorf("YAML lacks %s:\n%s", want, out)
		}
	}
}

// TestAppendIndentIsJSONIndent: the layout of compact encoder output is
// json.Indent's, byte for byte, for nesting, empty objects and arrays,
// and strings holding quotes, backslashes, brackets and commas.
func TestAppendIndentIsJSONIndent(t *testing.T) {
	values := []any{
		map[string]any{},
		[]any{},
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{map[string]any{}, []any{1, 2}}},
		map[string]any{"s": `he said "x, [y]: {z}" \\ \"`, "t": "项目名称：\u3000\t\n", "n": nil, "f": 1.5, "b": true},
		[]any{[]any{[]any{}}, "", `\`, `"`, map[string]any{"": ""}},
		"just a string, with: punctuation [and] {braces}",
		42,
	}
	for _, v := range values {
		compact, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, prefix := range []string{"", "  "} {
			var want bytes.Buffer
			if err := json.Indent(&want, compact, prefix, "  "); err != nil {
				t.Fatal(err)
			}
			if got := appendIndent(nil, compact, prefix, "  "); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("prefix %q:\n got %s\nwant %s", prefix, got, want.Bytes())
			}
		}
	}
}

// FuzzAppendIndent: for any strings as keys and values, the one-pass
// layout is json.Indent's.
func FuzzAppendIndent(f *testing.F) {
	f.Add(`a"b\c`, "项目{[,:]}")
	f.Add("", "\x00\u2028")
	f.Fuzz(func(t *testing.T, k, v string) {
		compact, err := json.Marshal(map[string]any{k: []any{v, map[string]any{}, []any{}, map[string]any{v: k}}})
		if err != nil {
			t.Skip()
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact, "  ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndent(nil, compact, "  ", "  "); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("got %s\nwant %s", got, want.Bytes())
		}
	})
}

// TestIndentToFlushesInChunks: the layout handed over chunk by chunk is
// appendIndent's, each chunk about indentChunk bytes (cut after an
// element), so a long document is never held whole twice.
func TestIndentToFlushesInChunks(t *testing.T) {
	var rows []map[string]any
	for i := 0; i < 20000; i++ {
		rows = append(rows, map[string]any{"name": fmt.Sprintf("项目%d", i), "amount": i, "tags": []string{"a,b", `c"d`}})
	}
	compact, err := json.Marshal(map[string]any{"rows": rows})
	if err != nil {
		t.Fatal(err)
	}
	want := appendIndent(nil, compact, "  ", "  ")
	var got []byte
	chunks := 0
	rest := indentTo(nil, compact, "  ", "  ", func(chunk []byte) []byte {
		if len(chunk) < indentChunk || len(chunk) > indentChunk+200 {
			t.Errorf("chunk of %d bytes", len(chunk))
		}
		chunks++
		got = append(got, chunk...)
		return chunk[:0]
	})
	got = append(got, rest...)
	if !bytes.Equal(got, want) {
		t.Errorf("chunked layout differs from appendIndent's")
	}
	if chunks < len(want)/indentChunk-1 {
		t.Errorf("%d chunks for %d bytes", chunks, len(want))
	}
}
