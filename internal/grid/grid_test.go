package grid

import (
	"github.com/petool/pet/internal/fuzzguard"
	"math"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/petool/pet/internal/pdfpage"
	"runtime"
	"unsafe"
)

const sz = 10 // font size of the hand-built pages

// text draws s from x on baseline y, one em per rune.
func text(s string, x, y float64) []pdfpage.Glyph {
	var gs []pdfpage.Glyph
	for _, r := range s {
		w := float64(sz)
		if r < 0x80 {
			w = sz / 2
		}
		gs = append(gs, pdfpage.Glyph{Text: string(r), X0: x, X1: x + w, Y: y, Size: sz})
		x += w
	}
	return gs
}

func hrule(y, x0, x1 float64) pdfpage.Rule { return pdfpage.Rule{X0: x0, Y0: y, X1: x1, Y1: y} }
func vrule(x, y0, y1 float64) pdfpage.Rule { return pdfpage.Rule{X0: x, Y0: y0, X1: x, Y1: y1} }

// cellBorders draws every lattice cell's four borders as separate pieces, the
// way WPS and Excel print them, with a small gap and overshoot, skipping the
// inner borders for which skip returns true.
func cellBorders(xs, ys []float64, skip func(r, c int, vertical bool) bool) []pdfpage.Rule {
	var rules []pdfpage.Rule
	for r := 0; r+1 < len(ys); r++ {
		for c := 0; c+1 < len(xs); c++ {
			if !skip(r, c, false) {
				rules = append(rules, hrule(ys[r]+0.3, xs[c]+0.4, xs[c+1]-0.4)) // top, gapped
			}
			if !skip(r, c, true) {
				rules = append(rules, vrule(xs[c]-0.2, ys[r]-0.5, ys[r+1]+0.5)) // left, overshooting
			}
		}
	}
	last := len(xs) - 1
	for r := 0; r+1 < len(ys); r++ {
		rules = append(rules, vrule(xs[last], ys[r], ys[r+1]))
	}
	rules = append(rules, hrule(ys[len(ys)-1], xs[0], xs[last]))
	return rules
}

func glyphs(parts ...[]pdfpage.Glyph) []pdfpage.Glyph {
	var out []pdfpage.Glyph
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

type cellWant struct {
	Row, Col, RowSpan, ColSpan int
	Text                       string
}

func cellsOf(t *Table) []cellWant {
	var out []cellWant
	for _, c := range t.Cells {
		out = append(out, cellWant{c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text})
	}
	return out
}

func TestFindMergedCells(t *testing.T) {
	xs := []float64{50, 150, 250, 350}
	ys := []float64{100, 120, 140, 160, 180}
	// Row 0: a header 其中： over columns 1-2 (no rule between them on row 0);
	// column 0 is merged over rows 1-3 (no horizontal rule inside it).
	skip := func(r, c int, vertical bool) bool {
		if vertical {
			return r == 0 && c == 2
		}
		return c == 0 && (r == 2 || r == 3)
	}
	p := &pdfpage.Page{Number: 3, Rules: cellBorders(xs, ys, skip), Glyphs: glyphs(
		text("名称", 60, 114), text("其中：", 160, 114),
		text("项目甲的", 60, 140), text("名字", 60, 152), // two lines in the merged cell
		text("a", 160, 134), text("b", 260, 134),
		text("c", 160, 154), text("d", 260, 154),
		text("e", 160, 174), text("f", 260, 174),
	)}
	tables := Find(p)
	if len(tables) != 1 {
		t.Fatalf("got %d tables, want 1", len(tables))
	}
	tb := tables[0]
	if tb.Page != 3 || tb.Rows() != 4 || tb.Cols() != 3 || tb.OpenBottom || tb.OpenTop {
		t.Fatalf("table page %d %dx%d open %v/%v", tb.Page, tb.Rows(), tb.Cols(), tb.OpenTop, tb.OpenBottom)
	}
	want := []cellWant{
		{0, 0, 1, 1, "名称"}, {0, 1, 1, 2, "其中："},
		{1, 0, 3, 1, "项目甲的名字"}, {1, 1, 1, 1, "a"}, {1, 2, 1, 1, "b"},
		{2, 1, 1, 1, "c"}, {2, 2, 1, 1, "d"},
		{3, 1, 1, 1, "e"}, {3, 2, 1, 1, "f"},
	}
	if got := cellsOf(tb); !reflect.DeepEqual(got, want) {
		t.Errorf("cells\n got %v\nwant %v", got, want)
	}
	if c := tb.CellAt(3, 0); c == nil || c.Text != "项目甲的名字" || !reflect.DeepEqual(c.Lines, []string{"项目甲的", "名字"}) {
		t.Errorf("CellAt(3,0) = %+v", c)
	}
	if c := tb.CellAt(0, 2); c == nil || c.Col != 1 || c.ColSpan != 2 {
		t.Errorf("CellAt(0,2) = %+v, want the 其中： cell", c)
	}
	if tb.CellAt(4, 0) != nil || tb.CellAt(0, -1) != nil {
		t.Error("CellAt outside the lattice is not nil")
	}
	for i, x := range tb.Xs {
		if d := x - xs[i]; d < -0.5 || d > 0.5 {
			t.Errorf("Xs[%d] = %.2f, want ≈ %.0f", i, x, xs[i])
		}
	}
}

func TestFindHangingPunctuationAndSpaces(t *testing.T) {
	xs := []float64{50, 110, 200}
	ys := []float64{100, 120}
	none := func(int, int, bool) bool { return false }
	// Cell 0 holds 六个字正好满 ending on its right rule; 。 and two spaces
	// (drawn by WPS past the rule) belong to it. Cell 1 keeps its own text.
	p := &pdfpage.Page{Number: 1, Rules: cellBorders(xs, ys, none), Glyphs: glyphs(
		text("六个字正好", 60, 114), text("。", 110, 114), text("  ", 120, 114),
		text("右边", 140, 114),
	)}
	tb := Find(p)
	if len(tb) != 1 {
		t.Fatalf("got %d tables", len(tb))
	}
	got := []string{tb[0].CellAt(0, 0).Text, tb[0].CellAt(0, 1).Text}
	if want := []string{"六个字正好。", "右边"}; !reflect.DeepEqual(got, want) {
		t.Errorf("texts %q, want %q", got, want)
	}
	if l := tb[0].CellAt(0, 0).Lines; len(l) != 1 || l[0] != "六个字正好。  " {
		t.Errorf("lines %q: the drawn spaces stay in the line", l)
	}
}

func TestFindOpenBottomAndTop(t *testing.T) {
	// A table continued on the next page: vertical rules run from the page
	// top (no top rule) down past the last horizontal rule to the page end.
	p := &pdfpage.Page{Number: 2, Rules: []pdfpage.Rule{
		vrule(50, 40, 300), vrule(150, 40, 300), vrule(250, 40, 300),
		hrule(100, 50, 250), hrule(200, 50, 250),
	}, Glyphs: glyphs(text("上页续", 60, 70), text("末行", 60, 250), text("值", 160, 250))}
	tb := Find(p)
	if len(tb) != 1 {
		t.Fatalf("got %d tables", len(tb))
	}
	if !tb[0].OpenBottom || !tb[0].OpenTop || tb[0].Rows() != 3 {
		t.Fatalf("open %v/%v rows %d, want open both, 3 rows", tb[0].OpenTop, tb[0].OpenBottom, tb[0].Rows())
	}
	if c := tb[0].CellAt(0, 0); c.Text != "上页续" {
		t.Errorf("first row %q", c.Text)
	}
	if c := tb[0].CellAt(2, 1); c.Text != "值" {
		t.Errorf("last row %q", c.Text)
	}
}

func TestFindTwoTablesAndOutsideText(t *testing.T) {
	none := func(int, int, bool) bool { return false }
	rules := cellBorders([]float64{50, 150, 250}, []float64{400, 420}, none)
	rules = append(rules, cellBorders([]float64{50, 100, 300}, []float64{100, 120, 140}, none)...)
	rules = append(rules, hrule(60, 50, 300)) // a lone underline: no table
	p := &pdfpage.Page{Number: 1, Rules: rules, Glyphs: glyphs(
		text("标题", 60, 55), text("上", 60, 114), text("下", 60, 414),
	)}
	tb := Find(p)
	if len(tb) != 2 {
		t.Fatalf("got %d tables, want 2", len(tb))
	}
	if tb[0].Ys[0] > tb[1].Ys[0] || tb[0].CellAt(0, 0).Text != "上" || tb[1].CellAt(0, 0).Text != "下" {
		t.Errorf("tables not top to bottom: %q %q", tb[0].CellAt(0, 0).Text, tb[1].CellAt(0, 0).Text)
	}
	if tb[0].Cols() != 2 || tb[0].Rows() != 2 {
		t.Errorf("first table %dx%d, want 2x2", tb[0].Rows(), tb[0].Cols())
	}
	for _, x := range tb {
		if x.Contains(65, 50) {
			t.Error("the title lies in a table")
		}
	}
}

func TestFindNoTable(t *testing.T) {
	for _, p := range []*pdfpage.Page{
		nil,
		{Number: 1},
		{Number: 1, Rules: []pdfpage.Rule{hrule(100, 0, 500), hrule(200, 0, 500)}}, // a three-line table has no verticals
		{Number: 1, Rules: []pdfpage.Rule{vrule(100, 0, 500)}},
	} {
		if got := Find(p); len(got) != 0 {
			t.Errorf("Find(%v) = %d tables", p, len(got))
		}
	}
}

func TestLines(t *testing.T) {
	// Vertically centred text: a smaller glyph sits 1pt lower but is on the
	// same line; a space glyph is kept; the next line starts a pitch below.
	gs := glyphs(text("乙丙", 70, 100), text("甲", 60, 100), text(" ", 90, 100), text("丁", 95, 101),
		text("第二行", 60, 115))
	gs[4].Size = 8
	var got []string
	for _, l := range Lines(gs) {
		got = append(got, l.Text)
	}
	if want := []string{"甲乙丙 丁", "第二行"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Lines = %q, want %q", got, want)
	}
	if Lines(nil) != nil {
		t.Error("Lines(nil) not nil")
	}
}

func TestFindOverflowOfCutCells(t *testing.T) {
	// A merged cell cut by the page break: the producer draws its whole
	// text on each page, clipped; on this page the cut lines lie above the
	// top rule (first row) and below the bottom rule (last row). A heading
	// line that runs across both columns and a page number in another
	// size are not overflow.
	none := func(int, int, bool) bool { return false }
	p := &pdfpage.Page{Number: 5, Rules: cellBorders([]float64{50, 150, 250}, []float64{100, 120, 140}, none),
		Glyphs: glyphs(
			text("标题横跨两列的一行文字哦", 60, 40),
			text("名称上半", 60, 80), text("截断", 60, 95), text("值", 160, 95),
			text("下一个项目", 60, 134),
			text("被截的下半", 60, 150), text("续", 60, 162),
		)}
	pn := text("—3—", 180, 190)
	for i := range pn {
		pn[i].Size = 16
	}
	p.Glyphs = append(p.Glyphs, pn...)
	tb := Find(p)
	if len(tb) != 1 {
		t.Fatalf("got %d tables", len(tb))
	}
	top, bottom := tb[0].CellAt(0, 0), tb[0].CellAt(1, 0)
	if want := []string{"名称上半", "截断"}; !reflect.DeepEqual(top.Above, want) {
		t.Errorf("Above = %q, want %q", top.Above, want)
	}
	if want := []string{"被截的下半", "续"}; !reflect.DeepEqual(bottom.Below, want) {
		t.Errorf("Below = %q, want %q", bottom.Below, want)
	}
	if a, b := tb[0].CellAt(0, 1).Above, tb[0].CellAt(1, 1).Below; !reflect.DeepEqual(a, []string{"值"}) || len(b) != 0 {
		t.Errorf("second column Above %q Below %q, want [值] and none (the page number is not a cell's)", a, b)
	}
	if bottom.Text != "下一个项目" || top.Text != "" {
		t.Errorf("cell texts %q %q", top.Text, bottom.Text)
	}
}

func TestFindLoneVerticalsOfAPageLongCell(t *testing.T) {
	// A project continued from the previous page and on to the next: its
	// columns have no top or bottom border on this page, only vertical
	// rules over the table's full height; the indicator part is ruled.
	rules := []pdfpage.Rule{vrule(50, 100, 160), vrule(100, 100, 160)}
	none := func(int, int, bool) bool { return false }
	rules = append(rules, cellBorders([]float64{150, 200, 250}, []float64{100, 120, 140, 160}, none)...)
	p := &pdfpage.Page{Number: 4, Rules: rules, Glyphs: glyphs(text("项目", 60, 134), text("甲", 160, 114))}
	tb := Find(p)
	if len(tb) != 1 {
		t.Fatalf("got %d tables, want 1", len(tb))
	}
	if tb[0].Cols() != 4 || tb[0].Rows() != 3 {
		t.Fatalf("%dx%d, want 3x4", tb[0].Rows(), tb[0].Cols())
	}
	c := tb[0].CellAt(1, 0)
	if c.Text != "项目" || c.RowSpan != 3 || c.ColSpan != 1 {
		t.Errorf("left cell %+v, want 项目 over 3 rows", *c)
	}
	if c := tb[0].CellAt(0, 1); c.RowSpan != 3 {
		t.Errorf("the cell between the lone rules and the ruled part spans %d rows, want 3", c.RowSpan)
	}
}

func TestFindSpacesSpilledOverTheNextCell(t *testing.T) {
	// WPS draws a cell's trailing spaces on across the next cell, over its
	// own text; a glyph of another size right after a cell's last glyph is
	// the next cell's text, not a hanging mark.
	none := func(int, int, bool) bool { return false }
	spaces := text("                  ", 70, 114) // 18 half-em spaces: 70 → 160
	p := &pdfpage.Page{Number: 1, Rules: cellBorders([]float64{50, 110, 200}, []float64{100, 120, 140}, none),
		Glyphs: glyphs(text("甲", 60, 114), spaces, text("乙", 120, 114),
			text("2.7 ", 90, 134), text("时", 111, 134))}
	p.Glyphs[len(p.Glyphs)-1].Size = 8
	tb := Find(p)
	if len(tb) != 1 {
		t.Fatalf("got %d tables", len(tb))
	}
	got := []string{tb[0].CellAt(0, 0).Text, tb[0].CellAt(0, 1).Text, tb[0].CellAt(1, 0).Text, tb[0].CellAt(1, 1).Text}
	if want := []string{"甲", "乙", "2.7", "时"}; !reflect.DeepEqual(got, want) {
		t.Errorf("texts %q, want %q", got, want)
	}
	if n := len(tb[0].CellAt(0, 0).Glyphs); n != 19 {
		t.Errorf("first cell has %d glyphs, want 19 (甲 and its 18 spaces)", n)
	}
}

// FuzzFind: any rules and glyphs give tables whose every lattice position
// has a cell that covers it, and no panic.
func FuzzFind(f *testing.F) {
	f.Add([]byte{10, 10, 200, 10, 10, 10, 10, 100, 200, 10, 200, 100, 10, 100, 200, 100}, "甲乙")
	f.Add([]byte{0, 0, 0, 0, 255, 255, 255, 255}, " ")
	f.Fuzz(func(t *testing.T, b []byte, s string) {
		defer fuzzguard.Budget(5 * time.Second)()
		p := &pdfpage.Page{Number: 1}
		for i := 0; i+3 < len(b) && i < 400; i += 4 {
			x0, y0, x1, y1 := float64(b[i]), float64(b[i+1]), float64(b[i+2]), float64(b[i+3])
			if i%8 == 0 {
				p.Rules = append(p.Rules, hrule(y0, min(x0, x1), max(x0, x1)))
			} else {
				p.Rules = append(p.Rules, vrule(x0, min(y0, y1), max(y0, y1)))
			}
		}
		for i, r := range []rune(s) {
			if i > 200 {
				break
			}
			x := float64(i * 7 % 256)
			p.Glyphs = append(p.Glyphs, pdfpage.Glyph{Text: string(r), X0: x, X1: x + 6, Y: float64(i * 13 % 256), Size: 6})
		}
		for _, tb := range Find(p) {
			for r := 0; r < tb.Rows(); r++ {
				for c := 0; c < tb.Cols(); c++ {
					cell := tb.CellAt(r, c)
					if cell == nil || r < cell.Row || c < cell.Col || r > cell.LastRow() || c > cell.LastCol() {
						t.Fatalf("CellAt(%d,%d) = %+v", r, c, cell)
					}
				}
			}
		}
	})
}

func TestFindNonRectangularCellGetsItsBoundingBox(t *testing.T) {
	// A missing rule piece joins (0,1) with (1,0) and (1,1) in an L: the
	// cell is the bounding box, found at each of its lattice positions.
	xs, ys := []float64{50, 100, 150}, []float64{100, 120, 140}
	skip := func(r, c int, vertical bool) bool {
		if vertical {
			return r == 1 && c == 1 // no rule between (1,0) and (1,1)
		}
		return r == 1 && c == 1 // no rule between (0,1) and (1,1)
	}
	tb := Find(&pdfpage.Page{Number: 1, Rules: cellBorders(xs, ys, skip)})
	if len(tb) != 1 {
		t.Fatalf("%d tables", len(tb))
	}
	c := tb[0].CellAt(1, 0)
	if c != tb[0].CellAt(0, 1) || c != tb[0].CellAt(1, 1) || c.Row != 0 || c.Col != 0 || c.RowSpan != 2 || c.ColSpan != 2 {
		t.Errorf("L cell %+v", c)
	}
}

// TestSharedIsFindOnce: Shared gives every caller Find's tables, the same
// ones, built once until Release, in a slice of the caller's own.
func TestSharedIsFindOnce(t *testing.T) {
	p := sharedTestPage()
	var c Cache
	a, b := c.Shared(p), c.Shared(p)
	want := Find(p)
	if len(a) != len(want) || len(a) == 0 {
		t.Fatalf("Shared: %d tables, Find %d", len(a), len(want))
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("Shared differs from Find")
	}
	if a[0] != b[0] {
		t.Errorf("the callers got tables of their own: the grid was built or copied twice")
	}
	a[0] = nil
	if b[0] == nil || c.Shared(p)[0] == nil {
		t.Errorf("one caller's slice is another's")
	}
	c.Release(p)
	checkReleased(t, &c)
}

// TestClone: a copy's cells may be changed and its slices replaced, or
// appended to, without the original seeing it; its lattice points into its
// own cells.
func TestClone(t *testing.T) {
	orig := Find(sharedTestPage())[0]
	want := Find(sharedTestPage())[0]
	a := orig.Clone()
	if !reflect.DeepEqual(a, orig) {
		t.Fatalf("the copy differs from the original")
	}
	a.Cells[0].Text = "changed"
	a.Cells[0].Glyphs = nil
	a.Cells[1].Lines = append(a.Cells[1].Lines, "appended") // clipped: copies
	a.Xs = append(a.Xs, 999)
	if !reflect.DeepEqual(orig, want) {
		t.Errorf("a change or an append to the copy shows in the original")
	}
	if a.CellAt(0, 0) != a.Cells[0] || a.CellAt(0, 0).Text != "changed" {
		t.Errorf("the copy's lattice points into the original")
	}
}

// TestCloneLatticeIsTheCopys: every lattice position of a copy, merged
// cells and an L-shaped one included, holds the copy's own cell, the one at
// the same place in its Cells as Find's cell there.
func TestCloneLatticeIsTheCopys(t *testing.T) {
	xs, ys := []float64{50, 100, 150, 200}, []float64{100, 120, 140, 160}
	skip := func(r, c int, vertical bool) bool {
		return r == 1 && c == 1 || vertical && r == 2 && c == 2 // an L, and (2,1)+(2,2)
	}
	p := &pdfpage.Page{Number: 1, Rules: cellBorders(xs, ys, skip)}
	found := Find(p)
	for _, tb := range []*Table{found[0].Clone()} {
		orig := found[0]
		index := func(cells []*Cell, c *Cell) int { return slices.Index(cells, c) }
		merged := false
		for r := 0; r < tb.Rows(); r++ {
			for c := 0; c < tb.Cols(); c++ {
				got, want := index(tb.Cells, tb.CellAt(r, c)), index(orig.Cells, orig.CellAt(r, c))
				if got < 0 || got != want {
					t.Errorf("CellAt(%d,%d) of the copy is its cell %d, Find's is its cell %d", r, c, got, want)
				}
				merged = merged || orig.CellAt(r, c).RowSpan > 1 || orig.CellAt(r, c).ColSpan > 1
			}
		}
		if !merged || len(tb.Cells) >= tb.Rows()*tb.Cols() {
			t.Errorf("%d cells on a %d×%d lattice: no merged cell to test", len(tb.Cells), tb.Rows(), tb.Cols())
		}
	}
}

// sharedTestPage is a 2×2 ruled table with text in every cell.
func sharedTestPage() *pdfpage.Page {
	xs, ys := []float64{50, 150, 300}, []float64{100, 130, 160}
	return &pdfpage.Page{Number: 1, Width: 600, Height: 800,
		Rules:  cellBorders(xs, ys, func(int, int, bool) bool { return false }),
		Glyphs: glyphs(text("项目名称", 55, 118), text("金额", 155, 118), text("甲项目", 55, 148), text("12.00", 155, 148))}
}

// TestPrepareConcurrent: pages prepared on many goroutines while others
// take their grids are each built once and come out as Find builds them
// (run under -race by .ci/run).
func TestPrepareConcurrent(t *testing.T) {
	pages := make([]*pdfpage.Page, 16)
	for i := range pages {
		pages[i] = sharedTestPage()
		pages[i].Number = i + 1
	}
	wants := make([][]*Table, len(pages))
	for i, p := range pages {
		wants[i] = Find(p)
	}
	want := wants[0]
	var c Cache
	var wg sync.WaitGroup
	for i, p := range pages {
		want := wants[i]
		wg.Add(2)
		go func() { defer wg.Done(); c.Prepare(p) }()
		go func() {
			defer wg.Done()
			if got := c.Shared(p); !reflect.DeepEqual(got, want) {
				t.Errorf("page %d: Shared differs from Find", p.Number)
			}
		}()
	}
	wg.Wait()
	c.mu.Lock()
	for _, p := range pages {
		if e := c.pages[p]; e == nil || len(e.tables) != len(want) {
			t.Errorf("page %d: grid not kept until Release", p.Number)
		}
	}
	c.mu.Unlock()
	for _, p := range pages {
		c.Release(p)
	}
	checkReleased(t, &c)
}

// checkReleased fails t when c still keeps any page's grid.
func checkReleased(t *testing.T, c *Cache) {
	t.Helper()
	if n := c.Len(); n != 0 {
		t.Errorf("%d grids kept after Release", n)
	}
}

// TestSharedPanicsAgain: when building a page's grid panics (in Prepare,
// on a worker), every later Shared of the page panics alike, on the
// reader's goroutine, instead of handing out an empty grid.
func TestSharedPanicsAgain(t *testing.T) {
	p := sharedTestPage()
	var c Cache
	e := c.entry(p)
	e.once.Do(func() { e.panicked = "grid failed" }) // as if Find had panicked
	defer c.Release(p)
	for i := 0; i < 2; i++ {
		func() {
			defer func() {
				if r := recover(); r != "grid failed" {
					t.Errorf("Shared %d: recovered %v, want the build's panic", i, r)
				}
			}()
			c.Shared(p)
		}()
	}
}

// TestAssignGlyphsReusesItsMemory: once warm, placing a page's glyphs in
// its cells allocates little more than the cells' own copies of them (the
// working copy of the table's glyphs and their placements are reused from
// page to page; allocating them anew doubled the bytes).
func TestAssignGlyphsReusesItsMemory(t *testing.T) {
	xs, ys := []float64{50, 300, 550}, []float64{100}
	var gs []pdfpage.Glyph
	for r := 0; r < 40; r++ {
		ys = append(ys, ys[len(ys)-1]+20)
		gs = append(gs, text("一二三四五六七八九十一二三四五六七八九十", 55, ys[r]+15)...)
		gs = append(gs, text("一二三四五六七八九十一二三四五六七八九十", 305, ys[r]+15)...)
	}
	p := &pdfpage.Page{Number: 1, Width: 600, Height: 1000,
		Rules: cellBorders(xs, ys, func(int, int, bool) bool { return false }), Glyphs: gs}
	tables := Find(p)
	if len(tables) != 1 || len(tables[0].Cells) != 80 || tables[0].Cells[79].Text != "一二三四五六七八九十一二三四五六七八九十" {
		t.Fatalf("the test table did not come out as drawn")
	}
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop what is put back")
	}
	// The fewest bytes of a run: a collection in between empties the pool.
	perRun := math.Inf(1)
	for i := 0; i < 20; i++ {
		for _, c := range tables[0].Cells {
			c.Glyphs, c.Lines, c.Text = nil, nil, ""
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		assignGlyphs(tables, gs)
		runtime.ReadMemStats(&after)
		perRun = min(perRun, float64(after.TotalAlloc-before.TotalAlloc))
	}
	copies := float64(len(gs)) * float64(unsafe.Sizeof(pdfpage.Glyph{}))
	if perRun > 1.5*copies {
		t.Errorf("assignGlyphs allocated %.0f bytes a run for %d glyphs, over 1.5 times the cells' copies (%.0f)", perRun, len(gs), copies)
	}
}

// TestLinesInPlaceIsLines: LinesInPlace groups the glyphs as Lines does
// (texts, measures, glyphs of each line), using the caller's slice for
// the lines' glyphs instead of a copy.
func TestLinesInPlaceIsLines(t *testing.T) {
	gs := glyphs(text("第二行", 60, 140), text("第一行右", 200, 120), text("第一行", 50, 120.4), text("第三", 50, 160), text("行", 74.5, 160.2))
	want := Lines(gs)
	own := slices.Clone(gs)
	got := LinesInPlace(own)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("LinesInPlace %+v,\nLines %+v", got, want)
	}
	if texts := []string{want[0].Text, want[1].Text, want[2].Text}; len(want) != 3 || texts[0] != "第一行第一行右" || texts[1] != "第二行" || texts[2] != "第三行" {
		t.Errorf("lines %q", texts)
	}
	if &got[0].Glyphs[0] != &own[0] {
		t.Errorf("LinesInPlace's lines are not pieces of the caller's slice")
	}
}
