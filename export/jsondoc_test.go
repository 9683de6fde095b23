package export

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/petool/pet/document"
)

// encodingJSON is what appendDocumentJSON must write: encoding/json's
// Encoder without HTML escaping, final newline dropped, laid out by
// json.Indent with prefix.
func encodingJSON(t testing.TB, d *document.Document, prefix string) ([]byte, error) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err := json.Indent(&out, bytes.TrimSuffix(b.Bytes(), []byte("\n")), prefix, "  ")
	return out.Bytes(), err
}

// trickyStrings are texts whose quoting differs between encoders.
var trickyStrings = []string{
	"", "项目支出绩效目标表", `a"b\c`, "<b>&amp;</b>", "tab\tnl\ncr\rbs\bff\f", "\x00\x01\x1f\x7f",
	"\u2028\u2029", "bad \xff utf-8 \xe4\xb8", "\xed\xa0\x80", "emoji 😀", " 合计：",
}

// trickyNumbers are Decimal texts: JSON numbers and texts that are not.
var trickyNumbers = []string{"", "0", "95", "-1", "0.5", "1e5", "2E-3", "100.00", "01", "abc", "1.", ".5", "-", "1e", " 1"}

// fillRandom sets every field reachable from v at random: nil and empty
// as well as filled pointers and slices, so that any field of the
// contract's types, one added later included, is written.
func fillRandom(v reflect.Value, r *rand.Rand, depth int) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			fillRandom(v.Field(i), r, depth)
		}
	case reflect.Pointer:
		if r.IntN(4) == 0 || depth > 4 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fillRandom(v.Elem(), r, depth+1)
	case reflect.Slice:
		if r.IntN(5) == 0 || depth > 4 {
			return
		}
		n := r.IntN(4)
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fillRandom(v.Index(i), r, depth+1)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[document.Decimal]() {
			v.SetString(trickyNumbers[r.IntN(len(trickyNumbers))])
			return
		}
		if r.IntN(3) == 0 {
			b := make([]byte, r.IntN(12))
			for i := range b {
				b[i] = byte(r.IntN(256))
			}
			v.SetString(string(b))
			return
		}
		v.SetString(trickyStrings[r.IntN(len(trickyStrings))])
	case reflect.Int, reflect.Int64:
		switch r.IntN(4) {
		case 0:
			v.SetInt(0)
		case 1:
			v.SetInt(-r.Int64N(1000))
		case 2:
			v.SetInt(math.MaxInt64 - r.Int64N(3))
		default:
			v.SetInt(r.Int64N(1 << 40))
		}
		if v.Kind() == reflect.Int && r.IntN(2) == 0 {
			v.SetInt(int64(r.IntN(7))) // Money.Decimals, seq, page: small too
		}
	default:
		panic("fillRandom: no case for " + v.Type().String())
	}
}

// TestDocumentJSONIsEncodingJSON: documents with every field set at random
// come out of appendDocumentJSON byte for byte as encoding/json and
// json.Indent write them, at the top level and in an array (prefix); where a Money or Decimal is no plain JSON number, it gives up and
// the writer falls back on encoding/json (which fails, or compacts " 1").
func TestDocumentJSONIsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	fallbacks := 0
	for i := range 3000 {
		var d document.Document
		fillRandom(reflect.ValueOf(&d).Elem(), r, 0)
		prefix := []string{"", "  "}[i%2]
		got, ok := appendDocumentJSON(nil, &d, prefix)
		want, err := encodingJSON(t, &d, prefix)
		if !ok {
			fallbacks++ // safe: the writer encodes d with encoding/json
			continue
		}
		if err != nil {
			t.Fatalf("document %d: encoding/json fails (%v), appendDocumentJSON wrote:\n%s", i, err, got)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("document %d:\n got %s\nwant %s", i, got, want)
		}
	}
	if fallbacks == 0 || fallbacks > 2900 {
		t.Fatalf("%d of 3000 documents fell back: the test does not cover both paths", fallbacks)
	}
}

// TestDocumentJSONOfShippedFiles: every expected document shipped in
// testdata, as encoding/json writes it (in an array, the longer lines),
// into a buffer of jsonSizeHint that never had to grow.
func TestDocumentJSONOfShippedFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*", "*.expected.json"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*", "*.expected.json"))
	files = append(files, more...)
	if err != nil || len(files) < 5 {
		t.Fatalf("expected files: %v %v", files, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var d document.Document
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got, ok := appendDocumentJSON(nil, &d, "  ")
		want, err := encodingJSON(t, &d, "  ")
		if !ok || err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: ok %v, encoding/json error %v, same %v", f, ok, err, bytes.Equal(got, want))
		}
		// The buffer is allocated once: the hint is not short.
		if hint := jsonSizeHint(&d); len(got) > hint || cap(got) != hint {
			t.Errorf("%s: %d bytes of JSON, hint %d, buffer %d", f, len(got), hint, cap(got))
		}
	}
	t.Logf("%d files", len(files))
}

// FuzzAppendJSONString: a string is quoted as encoding/json quotes it,
// with HTML escaping on and off.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, html := range []bool{false, true} {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			want := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
			if got := appendJSONString(nil, s, html); !bytes.Equal(got, want) {
				t.Fatalf("html %v: %q:\n got %s\nwant %s", html, s, got, want)
			}
		}
	})
}

// FuzzIsJSONNumber: isJSONNumber agrees with encoding/json on what a
// number is.
func FuzzIsJSONNumber(f *testing.F) {
	for _, s := range trickyNumbers {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isJSONNumber(s), validNumber(s); got != want {
			t.Fatalf("isJSONNumber(%q) = %v, want %v", s, got, want)
		}
	})
}

// validNumber reports whether encoding/json decodes s as one number and
// nothing else.
func validNumber(s string) bool {
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return false
	}
	n, ok := v.(json.Number)
	return ok && string(n) == s && !dec.More()
}

// TestJSONWriterFallsBack: a Decimal that is no plain JSON number goes
// through encoding/json: compacted where it can be, an error where not.
func TestJSONWriterFallsBack(t *testing.T) {
	weight := document.Decimal(" 5")
	d := &document.Document{Source: "a.pdf", Rows: []document.Row{{Seq: 1, Indicators: []document.Indicator{{Seq: 1, Weight: &weight}}}}}
	var b bytes.Buffer
	w, err := NewWriter(&b, Options{Format: JSON})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want, err := json.MarshalIndent(normalized(d), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if got := bytes.TrimSuffix(b.Bytes(), []byte("\n")); !bytes.Equal(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if !bytes.Contains(want, []byte(`"weight": 5,`)) {
		t.Fatalf("encoding/json did not compact the weight:\n%s", want)
	}
	weight = "five"
	w, _ = NewWriter(&bytes.Buffer{}, Options{Format: JSON})
	if err := w.Write(d); err == nil {
		t.Fatal("a weight of \"five\" was written")
	}
}

// TestJSONWriterFallsBackInAnArray: in a batch, a document left to
// encoding/json sits in the array between the others as json.MarshalIndent
// lays the array out.
func TestJSONWriterFallsBackInAnArray(t *testing.T) {
	weight := document.Decimal(" 5")
	odd := document.Document{Source: "b.pdf", Rows: []document.Row{{Seq: 1, Indicators: []document.Indicator{{Seq: 1, Weight: &weight}}}}}
	docs := []document.Document{*loadCorpus(t, corpusNames[0]), odd, {Source: "c.pdf"}}
	var b bytes.Buffer
	w, err := NewWriter(&b, Options{Format: JSON, Multi: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []*document.Document{}
	for i := range docs {
		if err := w.Write(&docs[i]); err != nil {
			t.Fatal(err)
		}
		want = append(want, normalized(&docs[i]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	js = bytes.ReplaceAll(js, []byte(`\u003c`), []byte("<")) // MarshalIndent escapes HTML; the writer does not
	js = bytes.ReplaceAll(js, []byte(`\u003e`), []byte(">"))
	js = bytes.ReplaceAll(js, []byte(`\u0026`), []byte("&"))
	if got := bytes.TrimSuffix(b.Bytes(), []byte("\n")); !bytes.Equal(got, js) {
		t.Fatalf("got\n%.2000s\nwant\n%.2000s", got, js)
	}
}
