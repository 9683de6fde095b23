package pdfpage

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/ledongthuc/pdf"
	"github.com/petool/pet/internal/pdfload"
)

// Glyph is one shown character (or the text of an /ActualText span) with its
// box: X0..X1 horizontally, Y the baseline, Size the font size, all in points
// in a frame whose origin is the page's top-left corner and whose Y grows
// downwards.
//
// The font that drew it is its run's (Page.Font): a glyph is copied by
// every reader and stays 56 bytes.
type Glyph struct {
	Text   string
	X0, X1 float64
	Y      float64
	Size   float64

	// Run numbers the text-showing operator (Tj, ', " or a whole TJ
	// array) that drew the glyph, counting from 1 on each page: glyphs with
	// the same Run were set as one string, so a cell's trailing punctuation
	// hung past its rule still belongs with the run's other glyphs.
	Run int
}

// pglyph is a glyph being read, with its origin and advance vector on the
// page, which uprightText needs and the page's reader does not: Glyph stays
// 56 bytes, not 88, for every page kept.
type pglyph struct {
	Glyph
	ox, oy, ax, ay float64
}

// Top is the y of the top of the glyph's em box.
func (g Glyph) Top() float64 { return g.Y - 0.86*g.Size }

// Bottom is the y of the bottom of the glyph's em box.
func (g Glyph) Bottom() float64 { return g.Y + 0.14*g.Size }

// CenterX is the horizontal centre of the glyph box.
func (g Glyph) CenterX() float64 { return (g.X0 + g.X1) / 2 }

// CenterY is the vertical centre of the glyph's em box.
func (g Glyph) CenterY() float64 { return g.Y - 0.36*g.Size }

// Rule is a horizontal (Y0 == Y1) or vertical (X0 == X1) ruling line, with
// X0 <= X1 and Y0 <= Y1.
type Rule struct {
	X0, Y0, X1, Y1 float64
}

// Horizontal reports whether the rule runs left to right.
func (r Rule) Horizontal() bool { return r.Y1-r.Y0 < r.X1-r.X0 }

// Page is what pdfpage reads of one page.
type Page struct {
	Number        int // 1-based
	Width, Height float64
	Glyphs        []Glyph
	Rules         []Rule
	Images        int // images drawn (XObject or inline)

	// RunFonts are the fonts (BaseFont) of the page's runs: RunFonts[Run-1]
	// drew the glyphs of Run (Font). Nil when the Document omits them
	// (OmitRunFonts).
	RunFonts []string
}

// Font returns the name (BaseFont) of the font that drew g, a glyph of
// the page: its run's; "" when unknown.
func (p *Page) Font(g Glyph) string {
	if g.Run < 1 || g.Run > len(p.RunFonts) {
		return ""
	}
	return p.RunFonts[g.Run-1]
}

// Document gives access to the pages of an opened PDF. It walks the page
// tree once and caches fonts across pages.
type Document struct {
	r          *pdf.Reader
	pages      []pdfload.PageRef
	fonts      map[fontKey]*font    // by font object (name unset)
	fontsByRes map[fontKey]*font    // by resource dictionary and name
	fontDicts  map[uint64]pdf.Value // resources' /Font dictionaries, by object
	shared     *sharedFonts         // the fonts of every fork of the file
	raw        []byte               // what the reader reads, when unencrypted (FromLoad)
	sess       pdfload.Session      // limits and context of the file

	// Scratch space reused from page to page (a Document reads one page
	// at a time): the glyphs being read and finish's index of them.
	glyphBuf []pglyph
	// runFontBuf is the interpreter's list of run fonts, reused from page
	// to page like glyphBuf: the page keeps a copy of its exact size.
	runFontBuf []string
	ruleBuf    []Rule // the page's rules being found, likewise
	seen       glyphIndex

	noRunFonts bool       // OmitRunFonts
	recycled   *glyphPool // of every fork
}

// Recycle says that no one reads p, a page of d or of a fork of d, any
// more: the memory of its glyphs may hold a page read later. p.Glyphs is
// nil after it. A reader that hands each page over and drops it can so
// read a document in the memory of a few pages: memory used for the first
// time costs a page fault for every 4 KB.
func (d *Document) Recycle(p *Page) {
	if p == nil || cap(p.Glyphs) == 0 {
		return
	}
	d.recycled.put(p.Glyphs)
	p.Glyphs = nil
}

// glyphPool holds the glyph memory of recycled pages (Recycle) for the
// pages read after them, by any fork of a Document.
type glyphPool struct {
	mu   sync.Mutex
	free [][]Glyph
}

// maxRecycled bounds the glyph buffers a glyphPool keeps.
const maxRecycled = 16

// put keeps gs's memory.
func (gp *glyphPool) put(gs []Glyph) {
	if gp == nil {
		return
	}
	clear(gs[:cap(gs)]) // no glyph text kept alive
	gp.mu.Lock()
	defer gp.mu.Unlock()
	if len(gp.free) < maxRecycled {
		gp.free = append(gp.free, gs[:0])
	}
}

// get returns memory for n glyphs, of length and capacity n: recycled when
// a buffer kept is large enough, else new.
func (gp *glyphPool) get(n int) []Glyph {
	if gp != nil && n > 0 {
		gp.mu.Lock()
		for i, b := range gp.free {
			if cap(b) >= n {
				last := len(gp.free) - 1
				gp.free[i], gp.free[last] = gp.free[last], nil
				gp.free = gp.free[:last]
				gp.mu.Unlock()
				return b[:n:n]
			}
		}
		gp.mu.Unlock()
	}
	return make([]Glyph, n)
}

// OmitRunFonts makes the pages d reads, and those of its forks made after,
// carry no RunFonts (Page.Font gives ""), for a caller that never asks
// which font drew a glyph: a page's run fonts are a string for every
// text-showing operator.
func (d *Document) OmitRunFonts() { d.noRunFonts = true }

type fontKey struct {
	obj  uint64
	name string
}

// sharedFonts holds the fonts loaded by any fork of a Document, so that
// pages read on several goroutines load each font once: a Document looks
// in its own maps first (no lock), then here.
type sharedFonts struct {
	mu    sync.Mutex
	byObj map[fontKey]*fontSlot
	// toUnicode holds the ToUnicode CMaps read so far by their compressed
	// bytes: a file merged from others (PDF24, Acrobat's combine) holds
	// the same font many times over as objects of their own.
	toUnicode map[string]*cmap
}

// parsedCMap returns the CMap of stream v, read once for all streams of
// the same compressed bytes (unencrypted Flate streams: rawFlate).
func (s *sharedFonts) parsedCMap(raw []byte, v pdf.Value) *cmap {
	packed, ok := rawFlate(raw, v)
	if !ok || s == nil {
		return parseCMap(readStream(raw, v))
	}
	s.mu.Lock()
	cm := s.toUnicode[string(packed)]
	s.mu.Unlock()
	if cm != nil {
		return cm
	}
	cm = parseCMap(readStream(raw, v))
	s.mu.Lock()
	if s.toUnicode == nil {
		s.toUnicode = map[string]*cmap{}
	}
	s.toUnicode[string(packed)] = cm
	s.mu.Unlock()
	return cm
}

// fontSlot is one font, loaded once by whichever fork needs it first.
type fontSlot struct {
	once     sync.Once
	f        *font
	panicked any // what loading panicked with: every caller panics alike
}

// load returns the font of key, loading it with load the first time.
func (s *sharedFonts) load(key fontKey, load func() *font) *font {
	s.mu.Lock()
	slot, ok := s.byObj[key]
	if !ok {
		slot = &fontSlot{}
		s.byObj[key] = slot
	}
	s.mu.Unlock()
	slot.once.Do(func() {
		defer func() { slot.panicked = recover() }()
		slot.f = load()
	})
	if slot.panicked != nil {
		panic(slot.panicked)
	}
	return slot.f
}

// New returns the pages of r, read with the session SessionOf(r). For a
// reader opened by pdfload these are the pages pdfload walked
// (pdfload.PagesOf): the page tree is walked once per file. Any other
// reader's page tree is walked now.
func New(r *pdf.Reader) (d *Document, err error) { return NewSession(r, pdfload.SessionOf(r)) }

// NewSession is New with the pages read within the context and limits of
// sess.
func NewSession(r *pdf.Reader, sess pdfload.Session) (d *Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("reading the page tree: %w", pageError(0, p))
		}
	}()
	pages, err := pdfload.PagesOf(r)
	if err != nil {
		return nil, err
	}
	return newDocument(r, pages, sess), nil
}

// FromLoad returns the pages of a document opened by pdfload.Load: the
// pages Load walked (no second walk of the page tree), within its session,
// and the file's bytes, from which unencrypted Flate streams are inflated
// directly, with pooled decompressors, rather than through the library's
// stream readers (a new decompressor and buffer per stream).
func FromLoad(doc *pdfload.Document) (*Document, error) {
	d, err := NewSession(doc.Reader, doc.Session)
	if err != nil {
		return nil, err
	}
	if doc.Reader.Trailer().Key("Encrypt").IsNull() {
		d.raw = doc.Data
	}
	return d, nil
}

func newDocument(r *pdf.Reader, pages []pdfload.PageRef, sess pdfload.Session) *Document {
	d := &Document{r: r, pages: pages, shared: &sharedFonts{byObj: map[fontKey]*fontSlot{}}, sess: sess, recycled: &glyphPool{}}
	d.fonts, d.fontsByRes, d.fontDicts = map[fontKey]*font{}, map[fontKey]*font{}, map[uint64]pdf.Value{}
	return d
}

// Fork returns a Document over the same file and pages with caches of its
// own, for reading pages on another goroutine: the underlying pdf.Reader is
// not changed after opening, a Document's own font maps and scratch space
// are; the fonts themselves are loaded once for all forks.
func (d *Document) Fork() *Document {
	return &Document{r: d.r, pages: d.pages, fonts: map[fontKey]*font{}, fontsByRes: map[fontKey]*font{}, fontDicts: map[uint64]pdf.Value{}, shared: d.shared, raw: d.raw, sess: d.sess, noRunFonts: d.noRunFonts, recycled: d.recycled}
}

// NumPages is the number of pages found in the page tree.
func (d *Document) NumPages() int { return len(d.pages) }

// Page interprets page n (1-based). A page that cannot be read is an error
// naming the page, never a panic.
func (d *Document) Page(n int) (p *Page, err error) {
	if n < 1 || n > len(d.pages) {
		return nil, fmt.Errorf("page %d: out of range (1-%d)", n, len(d.pages))
	}
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, pageError(n, r)
		}
	}()
	b := newBudget(d.sess)
	b.raw = d.raw
	b.checkCtx()
	ref := d.pages[n-1]
	llx, lly, urx, ury := 0.0, 0.0, 595.0, 842.0
	if ref.Box.Len() == 4 {
		llx, lly = numberOf(ref.Box.Index(0)), numberOf(ref.Box.Index(1))
		urx, ury = numberOf(ref.Box.Index(2)), numberOf(ref.Box.Index(3))
		if llx > urx {
			llx, urx = urx, llx
		}
		if lly > ury {
			lly, ury = ury, lly
		}
	}
	p = &Page{Number: n, Width: urx - llx, Height: ury - lly}
	var base matrix
	switch ((ref.Rotate % 360) + 360) % 360 {
	case 90:
		base = matrix{0, 1, 1, 0, -lly, -llx}
		p.Width, p.Height = p.Height, p.Width
	case 180:
		base = matrix{-1, 0, 0, 1, urx, -lly}
	case 270:
		base = matrix{0, -1, -1, 0, ury, urx}
		p.Width, p.Height = p.Height, p.Width
	default:
		base = matrix{1, 0, 0, -1, -llx, ury}
	}
	in := newInterp(d, p, base)
	in.budget = b
	in.glyphs = d.glyphBuf[:0]
	in.runFonts = d.runFontBuf[:0]
	p.Rules = d.ruleBuf[:0]
	content := ref.Contents // resolved by the page walk, with its parts
	var data []byte
	if buf, ok := contentBufs.Get().(*[]byte); ok {
		data = (*buf)[:0]
	}
	defer func() {
		if cap(data) <= maxPooledContent {
			contentBufs.Put(&data)
		}
	}()
	switch content.Kind() {
	case pdf.Stream:
		data = b.appendContent(data, content)
	case pdf.Array:
		for _, part := range ref.Parts {
			data = b.appendContent(data, part)
			data = append(data, '\n') // streams are concatenated with no whitespace between them
		}
	}
	in.run(data, ref.Resources, 0)
	in.finish()
	d.ruleBuf, p.Rules = p.Rules[:0], exactCopy(p.Rules)
	uprightText(p, in.glyphs)
	if !d.noRunFonts {
		p.RunFonts = exactCopy(in.runFonts)
	}
	d.runFontBuf = in.runFonts[:0]
	p.Glyphs = d.recycled.get(len(in.glyphs)) // exact size: pages are kept
	for i := range in.glyphs {
		p.Glyphs[i] = in.glyphs[i].Glyph
	}
	d.glyphBuf = in.glyphs[:0]
	dropOffPage(p)
	return p, nil
}

// exactCopy returns a copy of s of its length, nil when s is empty: what a
// page keeps of a buffer reused from page to page.
func exactCopy[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: apply m, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

func isFinite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// uprightText turns the page so that its text runs left to right when most
// of it runs down, up or right to left: a landscape table printed on a
// portrait page and turned by /Rotate, or drawn sideways. Glyph boxes and
// rules are moved with the page; the page's size is swapped for a quarter
// turn.
func uprightText(p *Page, glyphs []pglyph) {
	var counts [4]int // right, down, up, left
	for _, g := range glyphs {
		switch {
		case g.ax > 2*math.Abs(g.ay):
			counts[0]++
		case g.ay > 2*math.Abs(g.ax):
			counts[1]++
		case -g.ay > 2*math.Abs(g.ax):
			counts[2]++
		case -g.ax > 2*math.Abs(g.ay):
			counts[3]++
		}
	}
	best := 0
	for i := 1; i < 4; i++ {
		if counts[i] > counts[best] {
			best = i
		}
	}
	if best == 0 {
		return
	}
	w, h := p.Width, p.Height
	var m matrix // maps the page so that the dominant direction becomes +x
	switch best {
	case 1: // text runs down: (x, y) -> (y, w - x)
		m = matrix{0, -1, 1, 0, 0, w}
		p.Width, p.Height = h, w
	case 2: // text runs up: (x, y) -> (h - y, x)
		m = matrix{0, 1, -1, 0, h, 0}
		p.Width, p.Height = h, w
	case 3: // upside down: (x, y) -> (w - x, h - y)
		m = matrix{-1, 0, 0, -1, w, h}
	}
	for i := range glyphs {
		g := &glyphs[i]
		ox, oy := m.apply(g.ox, g.oy)
		ex, _ := m.apply(g.ox+g.ax, g.oy+g.ay)
		g.X0, g.X1, g.Y = min(ox, ex), max(ox, ex), oy
		g.ox, g.oy = ox, oy
		g.ax, g.ay = m[0]*g.ax+m[2]*g.ay, m[1]*g.ax+m[3]*g.ay
	}
	for i, r := range p.Rules {
		x0, y0 := m.apply(r.X0, r.Y0)
		x1, y1 := m.apply(r.X1, r.Y1)
		p.Rules[i] = Rule{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)}
	}
}
