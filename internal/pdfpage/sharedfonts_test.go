package pdfpage

import (
	"github.com/petool/pet/internal/pdfload"

	"sync"
	"sync/atomic"
	"testing"
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
