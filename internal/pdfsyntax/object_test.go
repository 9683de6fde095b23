package pdfsyntax

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/ledongthuc/pdf"
)

func TestValue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want any
	}{
		{`12`, int64(12)},
		{`-3.5`, -3.5},
		{`/Type`, Name("Type")},
		{`/A#20B#2`, Name("A B#2")},
		{`(a\)b)`, `a\)b`}, // file-level strings stay as written
		{`<4E00>`, "4E00"},
		{`5 0 R`, Ref{5, 0}},
		{`5 0 obj`, int64(5)},
		{`[1 2 0 R /N]`, []any{int64(1), Ref{2, 0}, Name("N")}},
		{`<</Size 4 /Root 1 0 R /W [1 2 1]>>`, map[Name]any{"Size": int64(4), "Root": Ref{1, 0}, "W": []any{int64(1), int64(2), int64(1)}}},
		{`trailer`, Keyword("trailer")},
	} {
		lx := Lexer{B: []byte(tc.in)}
		got, err := lx.Value(0)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Value(%q) = %#v, %v; want %#v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{``, `<<`, `<</A 1`, `(open`, `)`, `<< 1 2 >>`, `<abc`} {
		lx := Lexer{B: []byte(in)}
		if v, err := lx.Value(0); err == nil {
			t.Errorf("Value(%q) = %#v, want an error", in, v)
		}
	}
	deep := bytes.Repeat([]byte("["), MaxDepth+2)
	if _, err := (&Lexer{B: deep}).Value(0); err != ErrSyntax {
		t.Errorf("nesting over MaxDepth: err %v, want ErrSyntax", err)
	}
}

func TestDecodeName(t *testing.T) {
	for in, want := range map[string]string{
		"F1": "F1", "F#31": "F1", "A#20B": "A B", "#": "#", "A#2": "A#2", "A#zz": "A#zz", "#41#42": "AB",
	} {
		if got := DecodeName([]byte(in)); got != want {
			t.Errorf("DecodeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestContentNamesDecoded(t *testing.T) {
	lx := Lexer{B: []byte(`/F#31 9 Tf`)}
	_, v, isOp, ok := lx.Next()
	if !ok || isOp || v.Kind != NameKind || v.Str != "F1" {
		t.Errorf("got %+v isOp %v ok %v, want the name F1", v, isOp, ok)
	}
}

func TestNestingAndArrayCaps(t *testing.T) {
	// Deeper than MaxNesting: the inner arrays are skipped, reading ends.
	lx := Lexer{B: append(bytes.Repeat([]byte("["), MaxNesting+10), " 1 Tf"...)}
	n := 0
	for {
		_, _, _, ok := lx.Next()
		if !ok {
			break
		}
		n++
	}
	if n == 0 || lx.Pos != len(lx.B) {
		t.Errorf("read %d tokens, stopped at %d of %d", n, lx.Pos, len(lx.B))
	}
	big := append([]byte("["), bytes.Repeat([]byte("1 "), MaxArrayLen+5)...)
	big = append(big, ']')
	lx = Lexer{B: big}
	_, v, _, _ := lx.Next()
	if v.Kind != Array || len(v.Arr) != MaxArrayLen {
		t.Errorf("array of %d elements kept %d, want %d", MaxArrayLen+5, len(v.Arr), MaxArrayLen)
	}
}

func TestInlineImage(t *testing.T) {
	lx := Lexer{B: []byte("ID \x00EI\x01 EIx EI Q")}
	lx.Pos = 2
	lx.SkipInlineImage()
	op, _, isOp, _ := lx.Next()
	if !isOp || op != "Q" {
		t.Errorf("after the image: %q (op %v), want Q", op, isOp)
	}
}

func TestObjectID(t *testing.T) {
	if ptrField < 0 {
		t.Fatal("pdf.Value has no ptr field of two unsigned integers: ObjectID would always be 0")
	}
	if id := ObjectID(pdf.Value{}); id != 0 {
		t.Errorf("ObjectID of the zero Value = %d, want 0", id)
	}
}

// tinyPDF returns a PDF of the given objects (numbered from 1, object 1
// the catalog) with a correct cross-reference table.
func tinyPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

func TestObjectIDOfIndirectObjects(t *testing.T) {
	data := tinyPDF(`<< /Type /Catalog /Pages 2 0 R >>`, `<< /Type /Pages /Kids [3 0 R] /Count 1 /Direct << /A 1 >> >>`,
		`<< /Type /Page /Parent 2 0 R >>`)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	pages := r.Trailer().Key("Root").Key("Pages")
	if got, want := ObjectID(pages), uint64(2)<<16; got != want {
		t.Errorf("ObjectID(2 0 R) = %#x, want %#x", got, want)
	}
	if got, want := ObjectID(pages.Key("Kids").Index(0)), uint64(3)<<16; got != want {
		t.Errorf("ObjectID(3 0 R) = %#x, want %#x", got, want)
	}
}

// TestEntryRef: the object a dictionary entry refers to, read without
// resolving it, is the ObjectID of the entry resolved; a direct, missing or
// dangling entry, and anything not a dictionary, gives 0 or what resolving
// gives.
func TestEntryRef(t *testing.T) {
	if ptrType == nil {
		t.Fatal("pdf.Value has no ptr field: EntryRef would always be 0")
	}
	data := tinyPDF(`<< /Type /Catalog /Pages 2 0 R >>`,
		`<< /Type /Pages /Kids [3 0 R] /Count 1 /Font << /F1 4 0 R /F2 4 0 R /Direct << /A 1 >> /Dangling 9 0 R >> /Res 5 0 R >>`,
		`<< /Type /Page /Parent 2 0 R >>`, `<< /Type /Font >>`, `<< /Font 4 0 R >>`)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	pages := r.Trailer().Key("Root").Key("Pages")
	fonts := pages.Key("Font")
	for _, tc := range []struct {
		dict pdf.Value
		key  string
		want uint64
	}{
		{fonts, "F1", 4 << 16},
		{fonts, "F2", 4 << 16},
		{pages, "Res", 5 << 16},
		{pages.Key("Res"), "Font", 4 << 16},
		{fonts, "Direct", 0},
		{fonts, "Missing", 0},
		{pages, "Kids", 0},
		{pages.Key("Kids"), "0", 0}, // an array
		{pdf.Value{}, "F1", 0},
	} {
		if got := EntryRef(tc.dict, tc.key); got != tc.want {
			t.Errorf("EntryRef(%v, %s) = %#x, want %#x", tc.dict, tc.key, got, tc.want)
		}
		if tc.want != 0 {
			if got := ObjectID(tc.dict.Key(tc.key)); got != tc.want {
				t.Errorf("ObjectID(%v.Key(%s)) = %#x, want EntryRef's %#x", tc.dict, tc.key, got, tc.want)
			}
		}
	}
	// A reference to an object the file lacks: EntryRef names it, resolving
	// gives the null Value (no identity), so a cache keyed by ObjectID never
	// holds it.
	if got := EntryRef(fonts, "Dangling"); got != 9<<16 {
		t.Errorf("EntryRef of 9 0 R = %#x", got)
	}
	if v := fonts.Key("Dangling"); !v.IsNull() || ObjectID(v) != 0 {
		t.Errorf("9 0 R resolved to %v (id %#x), want null", v, ObjectID(v))
	}
}
