package pdfpage

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/petool/pet/internal/pdfload"
)

// TestSharedFontsLoadOnce: forks reading pages at once load a font once
// and all get the same one; a font whose loading panics panics for every
// caller (each page fails as it did before the cache was shared).
func TestSharedFontsLoadOnce(t *testing.T) {
	s := &sharedFonts{byObj: map[fontKey]*fontSlot{}}
	var loads atomic.Int32
	want := &font{}
	var wg sync.WaitGroup
	got := make([]*font, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = s.load(fontKey{obj: 7, name: "F1"}, func() *font { loads.Add(1); return want })
		}()
	}
	wg.Wait()
	if n := loads.Load(); n != 1 {
		t.Errorf("font loaded %d times, want 1", n)
	}
	for i, f := range got {
		if f != want {
			t.Errorf("caller %d got another font", i)
		}
	}
	for i := 0; i < 2; i++ {
		func() {
			defer func() {
				if p := recover(); p != "bad font" {
					t.Errorf("call %d: recovered %v, want the loader's panic", i, p)
				}
			}()
			s.load(fontKey{obj: 8, name: "F2"}, func() *font { panic("bad font") })
		}()
	}
}

// TestForkSharesFonts: a fork shares its parent's loaded fonts.
func TestForkSharesFonts(t *testing.T) {
	d := newDocument(nil, nil, pdfload.Session{})
	if f := d.Fork(); f.shared != d.shared || f.shared == nil {
		t.Fatal("fork does not share the font cache")
	}
}

// TestSameToUnicodeReadOnce: fonts of their own whose ToUnicode streams
// are the same bytes (a merged file's copies of one font) share one CMap,
// read once; a font with other bytes gets its own; the text is what each
// CMap says.
func TestSameToUnicodeReadOnce(t *testing.T) {
	cmapOf := func(dst string) string {
		return deflate([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0001> <" + dst + "> endbfchar"))
	}
	fontObj := func(tu int) string {
		return fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Copy /Encoding /Identity-H /DescendantFonts [8 0 R] /ToUnicode %d 0 R >>", tu)
	}
	data := onePage("/Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >>",
		"BT /F1 10 Tf 100 700 Td <0001> Tj /F2 10 Tf 20 0 Td <0001> Tj /F3 10 Tf 20 0 Td <0001> Tj ET",
		fontObj(9), fontObj(10), fontObj(11), cidDescendant,
		stream("/Filter /FlateDecode", cmapOf("7532")), // 甲
		stream("/Filter /FlateDecode", cmapOf("7532")), // the same bytes
		stream("/Filter /FlateDecode", cmapOf("4E59")), // 乙
	)
	ld, err := pdfload.Load(data, pdfload.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := FromLoad(ld)
	if err != nil {
		t.Fatal(err)
	}
	p, err := d.Page(1)
	if err != nil {
		t.Fatal(err)
	}
	if got := pageText(p); got != "甲甲乙" {
		t.Errorf("text %q, want 甲甲乙", got)
	}
	fonts := map[string]*font{} // by resource name: F1, F2, F3 are objects 5, 6, 7
	for k, slot := range d.shared.byObj {
		fonts[fmt.Sprintf("F%d", k.obj>>16-4)] = slot.f
	}
	if len(fonts) != 3 || fonts["F1"] == fonts["F2"] {
		t.Fatalf("fonts %v: want three of their own", fonts)
	}
	if fonts["F1"].toUnicode != fonts["F2"].toUnicode || fonts["F1"].toUnicode == fonts["F3"].toUnicode {
		t.Errorf("CMaps: F1 %p F2 %p F3 %p; want F1 and F2 to share theirs", fonts["F1"].toUnicode, fonts["F2"].toUnicode, fonts["F3"].toUnicode)
	}
	if n := len(d.shared.toUnicode); n != 2 {
		t.Errorf("%d CMaps read, want 2", n)
	}
}
