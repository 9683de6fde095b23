package pdfpage

import (
	"math"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"github.com/petool/pet/internal/pdfsyntax"
)

type gstate struct {
	ctm       matrix
	fillWhite bool
	font      *font
	fontSize  float64
	charSp    float64
	wordSp    float64
	hScale    float64
	leading   float64
	rise      float64
}

type marker struct {
	actual    bool
	text      string
	firstSeen int // index in glyphs when the span started
}

type pathPoint struct{ x, y float64 }

// subpath is a piece of the path being built: its points are
// interp.pts[start:end] (one buffer for the whole path, reused from path
// to path, rather than a slice per subpath grown point by point).
type subpath struct {
	start, end int
	closed     bool
	curved     bool
	rect       bool
}

type interp struct {
	doc   *Document
	page  *Page
	base  matrix
	gs    gstate
	stack []gstate
	tm    matrix
	tlm   matrix
	marks []marker
	path  []subpath
	pts   []pathPoint // the points of path
	ops   []operand
	codes []glyphCode
	// glyphs are the page's glyphs with their direction, until Page keeps
	// only what Glyph holds.
	glyphs []pglyph
	// budget is what the page may still spend (limits.go).
	budget *budget
	shows  int // text-showing operators so far on the page: Glyph.Run

	runFonts []string // the font name of each run (Page.Font)
}

const maxFormDepth = 8

// maxMarkDepth bounds the nesting of marked content kept (BMC/BDC).
const maxMarkDepth = 1024

func newInterp(d *Document, p *Page, base matrix) *interp {
	return &interp{doc: d, page: p, base: base, gs: gstate{ctm: identity, hScale: 1}, tm: identity, tlm: identity}
}

func (in *interp) num(i int) float64 {
	if i < 0 || i >= len(in.ops) {
		return 0
	}
	f := in.ops[i].Num
	if !isFinite(f) {
		return 0
	}
	return f
}

// last returns the operand k places from the top (0 = top).
func (in *interp) last(k int) operand {
	if k >= len(in.ops) {
		return operand{}
	}
	return in.ops[len(in.ops)-1-k]
}

func (in *interp) lastNum(k int) float64 { return in.num(len(in.ops) - 1 - k) }

func (in *interp) run(data []byte, res pdf.Value, depth int) {
	lx := lexer{B: data}
	lx.Recycle() // an operator's operands are dropped once it is done
	for {
		op, v, isOp, ok := lx.Next()
		if !ok {
			return
		}
		if !isOp {
			if len(in.ops) < 4096 {
				in.ops = append(in.ops, v)
			}
			continue
		}
		in.budget.op()
		in.do(op, res, depth, &lx)
		in.budget.shapes(in)
		in.ops = in.ops[:0]
		lx.Recycle()
	}
}

func (in *interp) do(op string, res pdf.Value, depth int, lx *lexer) {
	switch op {
	// Graphics state.
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, in.gs)
		}
	case "Q":
		// Tolerate unbalanced Q: an extra one leaves the state as is.
		if n := len(in.stack); n > 0 {
			in.gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if len(in.ops) >= 6 {
			m := matrix{in.lastNum(5), in.lastNum(4), in.lastNum(3), in.lastNum(2), in.lastNum(1), in.lastNum(0)}
			in.gs.ctm = m.mul(in.gs.ctm)
		}
	case "g":
		in.gs.fillWhite = in.lastNum(0) >= 0.95
	case "rg":
		in.gs.fillWhite = in.lastNum(0) >= 0.95 && in.lastNum(1) >= 0.95 && in.lastNum(2) >= 0.95
	case "k":
		in.gs.fillWhite = in.lastNum(0)+in.lastNum(1)+in.lastNum(2)+in.lastNum(3) <= 0.05
	case "sc", "scn":
		white := len(in.ops) > 0
		for _, o := range in.ops {
			if o.Kind == kNum && o.Num < 0.95 {
				white = false
			}
		}
		if len(in.ops) == 4 { // CMYK
			white = in.lastNum(0)+in.lastNum(1)+in.lastNum(2)+in.lastNum(3) <= 0.05
		}
		in.gs.fillWhite = white
	case "cs":
		in.gs.fillWhite = false

	// Paths.
	case "m":
		in.newSubpath()
		in.lineTo(in.point(in.lastNum(1), in.lastNum(0)))
	case "l":
		if len(in.path) == 0 {
			in.newSubpath()
		}
		in.lineTo(in.point(in.lastNum(1), in.lastNum(0)))
	case "c", "v", "y":
		if len(in.path) == 0 {
			in.newSubpath()
		}
		in.path[len(in.path)-1].curved = true
		in.lineTo(in.point(in.lastNum(1), in.lastNum(0)))
	case "h":
		if len(in.path) > 0 {
			in.path[len(in.path)-1].closed = true
		}
	case "re":
		x, y, w, h := in.lastNum(3), in.lastNum(2), in.lastNum(1), in.lastNum(0)
		in.newSubpath()
		in.lineTo(in.point(x, y))
		in.lineTo(in.point(x+w, y))
		in.lineTo(in.point(x+w, y+h))
		in.lineTo(in.point(x, y+h))
		sp := &in.path[len(in.path)-1]
		sp.closed, sp.rect = true, true
	case "S", "s":
		in.strokePath(op == "s")
		in.endPath()
	case "f", "F", "f*":
		in.fillPath()
		in.endPath()
	case "B", "B*", "b", "b*":
		in.fillPath()
		in.strokePath(op == "b" || op == "b*")
		in.endPath()
	case "n":
		in.endPath()

	// Text objects and state.
	case "BT":
		in.tm, in.tlm = identity, identity
	case "ET":
	case "Tf":
		in.gs.fontSize = in.lastNum(0)
		in.gs.font = in.loadFont(res, in.last(1).Str)
	case "Tc":
		in.gs.charSp = in.lastNum(0)
	case "Tw":
		in.gs.wordSp = in.lastNum(0)
	case "Tz":
		in.gs.hScale = in.lastNum(0) / 100
	case "TL":
		in.gs.leading = in.lastNum(0)
	case "Ts":
		in.gs.rise = in.lastNum(0)
	case "Td":
		in.tlm = matrix{1, 0, 0, 1, in.lastNum(1), in.lastNum(0)}.mul(in.tlm)
		in.tm = in.tlm
	case "TD":
		in.gs.leading = -in.lastNum(0)
		in.tlm = matrix{1, 0, 0, 1, in.lastNum(1), in.lastNum(0)}.mul(in.tlm)
		in.tm = in.tlm
	case "Tm":
		if len(in.ops) >= 6 {
			in.tlm = matrix{in.lastNum(5), in.lastNum(4), in.lastNum(3), in.lastNum(2), in.lastNum(1), in.lastNum(0)}
			in.tm = in.tlm
		}
	case "T*":
		in.nextLine()
	case "Tj":
		in.newRun()
		in.show(in.last(0).Str)
	case "'":
		in.newRun()
		in.nextLine()
		in.show(in.last(0).Str)
	case "\"":
		in.newRun()
		in.gs.wordSp = in.lastNum(2)
		in.gs.charSp = in.lastNum(1)
		in.nextLine()
		in.show(in.last(0).Str)
	case "TJ":
		in.newRun()
		arr := in.last(0)
		for _, e := range arr.Arr {
			switch e.Kind {
			case kStr:
				in.show(e.Str)
			case kNum:
				if isFinite(e.Num) {
					in.advance(-e.Num / 1000 * in.gs.fontSize * in.gs.hScale)
				}
			}
		}

	// Marked content.
	case "BMC":
		if len(in.marks) < maxMarkDepth {
			in.marks = append(in.marks, marker{})
		}
	case "BDC":
		m := marker{}
		props := in.last(0)
		if props.Kind == kName {
			// Named property list in the resources.
			pv := res.Key("Properties").Key(props.Str)
			if at := pv.Key("ActualText"); at.Kind() == pdf.String {
				m.actual, m.text = true, at.Text()
			}
		} else if at, ok := props.Dict["ActualText"]; ok && at.Kind == kStr {
			m.actual, m.text = true, textString(at.Str)
		}
		m.firstSeen = len(in.glyphs)
		if len(in.marks) < maxMarkDepth {
			in.marks = append(in.marks, m)
		}
	case "EMC":
		if n := len(in.marks); n > 0 {
			m := in.marks[n-1]
			in.marks = in.marks[:n-1]
			if m.actual {
				in.applyActualText(m)
			}
		}

	// XObjects and inline images.
	case "Do":
		in.doXObject(res, in.last(0).Str, depth)
	case "BI":
		// Operands until ID are key/value pairs; the lexer hands them to us
		// as operands and we skip the binary data after ID.
	case "ID":
		lx.SkipInlineImage()
		in.page.Images++
	}
}

func (in *interp) point(x, y float64) pathPoint {
	m := in.gs.ctm.mul(in.base)
	px, py := m.apply(x, y)
	return pathPoint{px, py}
}

// newRun starts the glyphs of the next text-showing operator, drawn in the
// current font.
func (in *interp) newRun() {
	in.shows++
	name := ""
	if in.gs.font != nil {
		name = in.gs.font.name
	}
	in.runFonts = append(in.runFonts, name)
}

func (in *interp) nextLine() {
	in.tlm = matrix{1, 0, 0, 1, 0, -in.gs.leading}.mul(in.tlm)
	in.tm = in.tlm
}

func (in *interp) advance(tx float64) {
	in.tm = matrix{1, 0, 0, 1, tx, 0}.mul(in.tm)
}

func (in *interp) loadFont(res pdf.Value, name string) *font {
	// Resolving a font dictionary re-reads it from the file (with its
	// /Widths and /Differences arrays), and producers select fonts with Tf
	// for every run of text: cache by resource dictionary and name first.
	resKey := fontKey{obj: pdfsyntax.ObjectID(res), name: name}
	if resKey.obj != 0 {
		if f, ok := in.doc.fontsByRes[resKey]; ok {
			return f
		}
	}
	fonts := in.fontDict(res)
	// A font this Document has loaded is known by its reference, before
	// the font dictionary is read from the file again for a page of its
	// own resources (Word, WPS: every page).
	if obj := pdfsyntax.EntryRef(fonts, name); obj != 0 {
		if f, ok := in.doc.fonts[fontKey{obj: obj}]; ok {
			if resKey.obj != 0 {
				in.doc.fontsByRes[resKey] = f
			}
			return f
		}
	}
	fv := fonts.Key(name)
	// By object alone: what a font dictionary reads as does not depend on
	// the name a page gives it (files merged by PDF24 name one font
	// differently on each page).
	key := fontKey{obj: pdfsyntax.ObjectID(fv)}
	f, ok := in.doc.fonts[key]
	switch {
	case key.obj == 0:
		f = loadFont(fv, in.doc.raw, in.doc.shared) // a direct font dictionary: nothing to key it by
	case !ok:
		f = in.doc.shared.load(key, func() *font { return loadFont(fv, in.doc.raw, in.doc.shared) })
		in.doc.fonts[key] = f
	}
	if resKey.obj != 0 {
		in.doc.fontsByRes[resKey] = f
	}
	return f
}

// fontDict returns res's /Font dictionary, read once per Document when it
// is an object of its own (resources of many pages share it).
func (in *interp) fontDict(res pdf.Value) pdf.Value {
	obj := pdfsyntax.EntryRef(res, "Font")
	if obj == 0 {
		return res.Key("Font")
	}
	if v, ok := in.doc.fontDicts[obj]; ok {
		return v
	}
	v := res.Key("Font")
	in.doc.fontDicts[obj] = v
	return v
}

// show places the glyphs of one shown string.
func (in *interp) show(s string) {
	f := in.gs.font
	if f == nil || s == "" {
		return
	}
	gs := &in.gs
	in.budget.glyphs(len(in.glyphs) + len(s)/4) // codes are at most 4 bytes: bound decode's work
	in.codes = f.decode(s, in.codes[:0])
	// The text matrix only moves along its x axis within one string, so
	// text space to device space is computed once and shifted per glyph.
	m := in.tm.mul(gs.ctm).mul(in.base)
	sx, sy := gs.fontSize*gs.hScale, gs.fontSize
	size := math.Hypot(sy*m[2], sy*m[3]) * f.sizeFactor
	advanced := 0.0
	for _, c := range in.codes {
		// Origin: (0, rise) through m, moved by what is advanced so far.
		ox := gs.rise*m[2] + m[4] + advanced*m[0]
		oy := gs.rise*m[3] + m[5] + advanced*m[1]
		ax, ay := c.width*sx*m[0], c.width*sx*m[1]
		ex := ox + ax
		x0, x1 := ox, ex
		if x1 < x0 {
			x0, x1 = x1, x0
		}
		if c.text != "" && isFinite(ox) && isFinite(oy) && isFinite(size) && isFinite(ax) && isFinite(ay) {
			in.glyphs = append(in.glyphs, pglyph{
				Glyph: Glyph{Text: c.text, X0: x0, X1: x1, Y: oy, Size: size, Run: in.shows},
				ox:    ox, oy: oy, ax: ax, ay: ay,
			})
			in.budget.glyphs(len(in.glyphs))
		}
		tx := c.width*gs.fontSize + gs.charSp
		if c.single {
			tx += gs.wordSp
		}
		advanced += tx * gs.hScale
	}
	in.advance(advanced)
}

// applyActualText replaces the glyphs shown inside a span with its
// /ActualText, placed over their joint box.
func (in *interp) applyActualText(m marker) {
	gl := in.glyphs
	if m.firstSeen > len(gl) {
		return
	}
	span := gl[m.firstSeen:]
	if len(span) == 0 {
		return
	}
	g := span[0]
	for _, o := range span[1:] {
		g.X0 = min(g.X0, o.X0)
		g.X1 = max(g.X1, o.X1)
	}
	last := span[len(span)-1]
	g.ax, g.ay = last.ox+last.ax-g.ox, last.oy+last.ay-g.oy
	g.Text = normalizeRadicals(m.text)
	in.glyphs = append(gl[:m.firstSeen], g)
	if g.Text == "" {
		in.glyphs = gl[:m.firstSeen]
	}
}

// textString decodes a PDF text string: UTF-16BE with a byte order mark, or
// PDFDocEncoding (Latin-1 for the characters that matter here).
func textString(s string) string {
	if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff {
		u := utf16Units(s[2:])
		return string(utf16.Decode(u))
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// normalizeRadicals maps characters of the Kangxi Radicals, CJK Radicals
// Supplement and CJK Compatibility Ideographs blocks, which some producers
// emit for ordinary ideographs, to the unified ideographs (see
// unifiedIdeograph). Only these blocks: full NFKC would also rewrite the
// full-width punctuation that must stay as printed.
func normalizeRadicals(s string) string {
	for _, r := range s {
		if _, ok := unifiedIdeograph(r); ok {
			var b strings.Builder
			for _, r := range s {
				if u, ok := unifiedIdeograph(r); ok {
					r = u
				}
				b.WriteRune(r)
			}
			return b.String()
		}
	}
	return s
}

func (in *interp) doXObject(res pdf.Value, name string, depth int) {
	x := in.budget.xobjectValue(res, name)
	switch x.Key("Subtype").Name() {
	case "Image":
		in.page.Images++
	case "Form":
		if depth >= maxFormDepth {
			return
		}
		in.budget.xobject()
		saved, savedStack := in.gs, len(in.stack)
		m := identity
		if mv := x.Key("Matrix"); mv.Len() == 6 {
			for i := range m {
				m[i] = numberOf(mv.Index(i))
			}
		}
		in.gs.ctm = m.mul(in.gs.ctm)
		fres := x.Key("Resources")
		if fres.Kind() != pdf.Dict {
			fres = res
		}
		ops := in.ops
		in.ops = nil
		in.run(in.budget.formContent(x, name), fres, depth+1)
		in.ops = ops
		in.gs = saved
		if len(in.stack) > savedStack {
			in.stack = in.stack[:savedStack]
		}
	}
}

const ruleThickness = 2.5 // a filled rectangle at most this thick is a rule

// newSubpath starts a subpath at the end of the path's points.
func (in *interp) newSubpath() {
	in.path = append(in.path, subpath{start: len(in.pts), end: len(in.pts)})
}

// lineTo adds a point to the last subpath (there is one).
func (in *interp) lineTo(p pathPoint) {
	in.pts = append(in.pts, p)
	in.path[len(in.path)-1].end = len(in.pts)
}

// endPath drops the path once it is painted (or not: n).
func (in *interp) endPath() {
	in.path, in.pts = in.path[:0], in.pts[:0]
}

// points returns the points of sp, a subpath of the path.
func (in *interp) points(sp subpath) []pathPoint { return in.pts[sp.start:sp.end] }

func (in *interp) strokePath(close bool) {
	for _, sp := range in.path {
		if sp.curved {
			continue
		}
		pts := in.points(sp)
		for i := 1; i < len(pts); i++ {
			in.addSegment(pts[i-1], pts[i])
		}
		if (sp.closed || close) && len(pts) > 2 {
			in.addSegment(pts[len(pts)-1], pts[0])
		}
	}
}

func (in *interp) addSegment(a, b pathPoint) {
	dx, dy := math.Abs(a.x-b.x), math.Abs(a.y-b.y)
	switch {
	case dy <= 0.5 && dx > 1:
		y := (a.y + b.y) / 2
		in.page.Rules = append(in.page.Rules, Rule{min(a.x, b.x), y, max(a.x, b.x), y})
	case dx <= 0.5 && dy > 1:
		x := (a.x + b.x) / 2
		in.page.Rules = append(in.page.Rules, Rule{x, min(a.y, b.y), x, max(a.y, b.y)})
	}
}

func (in *interp) fillPath() {
	if in.gs.fillWhite {
		return
	}
	for _, sp := range in.path {
		pts := in.points(sp)
		if sp.curved || len(pts) < 4 || len(pts) > 5 {
			continue
		}
		x0, y0, x1, y1 := pts[0].x, pts[0].y, pts[0].x, pts[0].y
		for _, p := range pts {
			x0, x1 = min(x0, p.x), max(x1, p.x)
			y0, y1 = min(y0, p.y), max(y1, p.y)
		}
		if !isAxisRect(pts, x0, y0, x1, y1) {
			continue
		}
		w, h := x1-x0, y1-y0
		switch {
		case h <= ruleThickness && w > 1:
			y := (y0 + y1) / 2
			in.page.Rules = append(in.page.Rules, Rule{x0, y, x1, y})
		case w <= ruleThickness && h > 1:
			x := (x0 + x1) / 2
			in.page.Rules = append(in.page.Rules, Rule{x, y0, x, y1})
		}
	}
}

// isAxisRect reports whether every point lies on a corner of the box.
func isAxisRect(pts []pathPoint, x0, y0, x1, y1 float64) bool {
	const eps = 0.5
	for _, p := range pts {
		onX := math.Abs(p.x-x0) < eps || math.Abs(p.x-x1) < eps
		onY := math.Abs(p.y-y0) < eps || math.Abs(p.y-y1) < eps
		if !onX || !onY {
			return false
		}
	}
	return true
}

// finish drops the duplicate glyphs of fake bold (the same character drawn
// again at almost the same place). Glyphs are bucketed by their first rune
// and position on a 1-point grid; a glyph is a duplicate when an earlier one
// in a neighbouring bucket has the same text within a fraction of an em.
func (in *interp) finish() {
	glyphs := in.glyphs
	seen := &in.doc.seen
	seen.reset(len(glyphs))
	out := glyphs[:0]
	for _, g := range glyphs {
		r, _ := utf8.DecodeRuneInString(g.Text)
		if r == ' ' {
			out = append(out, g)
			continue
		}
		tol := max(0.2, 0.12*g.Size)
		qx, qy := int64(math.Floor(g.X0)), int64(math.Floor(g.Y))
		// dup is false without a look-up where no glyph at all is near.
		dup := false
		near := !seen.noneNear(qx, qy)
		for dx := int64(-1); dx <= 1 && !dup && near; dx++ {
			for dy := int64(-1); dy <= 1 && !dup; dy++ {
				i, ok := seen.get(glyphKey(r, qx+dx, qy+dy))
				if !ok {
					continue
				}
				o := out[i]
				dup = o.Text == g.Text && math.Abs(o.X0-g.X0) < tol && math.Abs(o.Y-g.Y) < tol
			}
		}
		if dup {
			continue
		}
		seen.put(glyphKey(r, qx, qy), int32(len(out)))
		seen.mark(qx, qy)
		out = append(out, g)
	}
	in.glyphs = out
}

func glyphKey(r rune, x, y int64) uint64 {
	return uint64(r)<<42 | uint64(x&0x1fffff)<<21 | uint64(y&0x1fffff)
}

// glyphIndex maps glyphKeys to glyph indexes: an open-addressing hash
// table (linear probing), reused from page to page, for finish's nine
// look-ups per glyph, which a Go map made a tenth of a page's time.
type glyphIndex struct {
	keys  []uint64
	vals  []int32 // index + 1; 0: empty slot
	shift uint

	// occupied marks the blocks of occBlock × occBlock 1-point cells that
	// hold a glyph, of any text, over the page and a margin around it: a
	// glyph whose nine neighbouring cells all lie in unmarked blocks has no
	// earlier glyph to be a duplicate of, and most glyphs are an em away
	// from any other, so their nine look-ups are skipped.
	occupied []uint64
}

// The blocks glyphIndex.occupied covers: from -occMargin to
// occSize-occMargin points on both axes (an A3 page and more), in blocks
// of occBlock points.
const (
	occMargin = 64
	occSize   = 2048 + 2*occMargin
	occBlock  = 4
	occSide   = occSize / occBlock
)

// reset empties the table and makes room for n entries.
func (t *glyphIndex) reset(n int) {
	if t.occupied == nil {
		t.occupied = make([]uint64, (occSide*occSide+63)/64)
	} else {
		clear(t.occupied)
	}
	size, shift := 64, uint(64-6)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	if len(t.keys) >= size {
		clear(t.vals)
		return
	}
	t.keys, t.vals, t.shift = make([]uint64, size), make([]int32, size), shift
}

// block returns the index of the block of cell (x, y), ok false outside
// the blocks covered.
func block(x, y int64) (int64, bool) {
	bx, by := (x+occMargin)/occBlock, (y+occMargin)/occBlock
	if x+occMargin < 0 || y+occMargin < 0 || bx >= occSide || by >= occSide {
		return 0, false
	}
	return by*occSide + bx, true
}

// mark records a glyph in cell (x, y).
func (t *glyphIndex) mark(x, y int64) {
	if b, ok := block(x, y); ok {
		t.occupied[b/64] |= 1 << (b % 64)
	}
}

// noneNear reports whether no glyph has been put in the nine cells around
// (x, y): all lie in covered blocks, none marked.
func (t *glyphIndex) noneNear(x, y int64) bool {
	for _, c := range [4][2]int64{{x - 1, y - 1}, {x + 1, y - 1}, {x - 1, y + 1}, {x + 1, y + 1}} {
		// The corners' blocks are every block of the nine cells: a block
		// is wider than the three cells.
		b, ok := block(c[0], c[1])
		if !ok || t.occupied[b/64]&(1<<(b%64)) != 0 {
			return false
		}
	}
	return true
}

func (t *glyphIndex) slot(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> t.shift }

func (t *glyphIndex) get(k uint64) (int32, bool) {
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch v := t.vals[i]; {
		case v == 0:
			return 0, false
		case t.keys[i] == k:
			return v - 1, true
		}
	}
}

func (t *glyphIndex) put(k uint64, v int32) {
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		if t.vals[i] == 0 || t.keys[i] == k {
			t.keys[i], t.vals[i] = k, v+1
			return
		}
	}
}
