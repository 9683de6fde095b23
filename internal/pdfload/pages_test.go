package pdfload

import (
	"errors"
	"testing"

	"github.com/ledongthuc/pdf"
)

// inheritPDF has a page tree whose inner node gives Resources, MediaBox and
// Rotate to its first page; the second page overrides them with its own
// CropBox and Rotate; the third is a repeated reference to the first (a
// cycle the walk must cut).
func inheritPDF() []byte {
	b := newBuilder("%PDF-1.4\n")
	b.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	b.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 2 >>")
	b.obj(3, "<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R 4 0 R] /Count 2 /Resources << /Font << /F1 7 0 R >> >> /MediaBox [0 0 842 595] /Rotate 90 >>")
	b.obj(4, "<< /Type /Page /Parent 3 0 R /Contents 6 0 R >>")
	b.obj(5, "<< /Type /Page /Parent 3 0 R /Contents 6 0 R /CropBox [10 10 300 400] /Rotate 180.0 /Resources << >> >>")
	b.stream(6, "", []byte("BT /F1 12 Tf (x) Tj ET"))
	b.obj(7, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	return b.finish(b.xrefTable(8, "/Size 8 /Root 1 0 R"))
}

func TestPagesInherited(t *testing.T) {
	doc, err := Load(inheritPDF(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.NumPages != 2 || len(doc.Pages) != 2 {
		t.Fatalf("NumPages %d, %d PageRefs; want 2 and 2", doc.NumPages, len(doc.Pages))
	}
	box := func(v pdf.Value) [4]float64 {
		var out [4]float64
		for i := range out {
			out[i] = v.Index(i).Float64()
		}
		return out
	}
	p1, p2 := doc.Pages[0], doc.Pages[1]
	if got := p1.Resources.Key("Font").Key("F1").Key("BaseFont").Name(); got != "Helvetica" {
		t.Errorf("page 1 inherited font %q, want Helvetica", got)
	}
	if got, want := box(p1.Box), [4]float64{0, 0, 842, 595}; got != want || p1.Rotate != 90 {
		t.Errorf("page 1 box %v rotate %d, want the parent's %v and 90", got, p1.Rotate, want)
	}
	if p2.Resources.Key("Font").Kind() != pdf.Null {
		t.Errorf("page 2 has its own empty /Resources, got the parent's")
	}
	if got, want := box(p2.Box), [4]float64{10, 10, 300, 400}; got != want || p2.Rotate != 180 {
		t.Errorf("page 2 box %v rotate %d, want its own CropBox %v and 180", got, p2.Rotate, want)
	}

	// PagesOf hands the walked pages over once, then walks again: the
	// same pages either way.
	first, err := PagesOf(doc.Reader)
	if err != nil || len(first) != 2 || first[0].Page.Key("Contents").Kind() != pdf.Stream {
		t.Fatalf("PagesOf: %d pages, %v", len(first), err)
	}
	if _, kept := walked[doc.Reader]; kept {
		t.Error("PagesOf left the pages in the registry")
	}
	again, err := PagesOf(doc.Reader)
	if err != nil || len(again) != 2 || again[1].Rotate != 180 || again[0].Rotate != 90 {
		t.Errorf("PagesOf after the hand-over: %d pages, %v", len(again), err)
	}
}

func TestPagesKeptBounded(t *testing.T) {
	data := inheritPDF()
	for i := 0; i < maxWalked+10; i++ {
		if _, err := Load(data, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	walkedMu.Lock()
	n, m := len(walked), len(walkedOrder)
	walkedMu.Unlock()
	if n > maxWalked || m != n {
		t.Errorf("%d readers' pages kept (order %d), at most %d", n, m, maxWalked)
	}
}

func TestPageLimitCountsLeaves(t *testing.T) {
	data := inheritPDF()
	release := Bind(t.Context(), data, Limits{MaxPages: 1})
	defer release()
	if _, err := Load(data, Options{}); !errors.Is(err, ErrLimit) {
		t.Errorf("2 pages over a limit of 1: err %v, want ErrLimit", err)
	}
	release2 := Bind(t.Context(), data, Limits{MaxPages: 2})
	defer release2()
	doc, err := Load(data, Options{})
	if err != nil || doc.NumPages != 2 {
		t.Errorf("2 pages within a limit of 2 (the repeated kid not counted): %v", err)
	}
}
