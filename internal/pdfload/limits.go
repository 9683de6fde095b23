package pdfload

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/ledongthuc/pdf"
)

// Limits bound what one PDF may make pet do. A file asks for memory and work
// through its declared sizes (stream lengths, predictor columns, CMap ranges,
// forms drawing forms); every such request is checked against these numbers
// before anything is allocated. Zero fields take the Default value.
type Limits struct {
	// MaxInputSize is the size in bytes of the largest PDF read (--max-input-size).
	MaxInputSize int64
	// MaxPages is the largest number of pages a document may have (--max-pages).
	MaxPages int
	// MaxStreamBytes bounds the decoded size of one stream (content, form,
	// font program, CMap).
	MaxStreamBytes int64
	// MaxPageBytes bounds the decoded bytes read for one page, its forms
	// (once per invocation) and the fonts it loads included.
	MaxPageBytes int64
	// MaxOperators bounds the content-stream operators run for one page,
	// those of its forms included.
	MaxOperators int
	// MaxXObjects bounds the Form XObject invocations (Do) of one page.
	MaxXObjects int
	// MaxGlyphs bounds the glyphs shown on one page.
	MaxGlyphs int
	// MaxRules bounds the ruling lines of one page, and the parts of the
	// path being built.
	MaxRules int
	// MaxGlyphText bounds the UTF-16 units of text one glyph maps to in a
	// ToUnicode CMap (a ligature is 2 or 3; a longer mapping is dropped).
	MaxGlyphText int
	// MaxCMapEntries bounds the mappings kept from one CMap.
	MaxCMapEntries int
}

// Default is the set of limits used when a field of Limits is zero. A real
// budget PDF stays far below each (the largest sample: 33 pages of 1.2 MB,
// 4,000 glyphs and 20,000 operators on its densest page).
var Default = Limits{
	MaxInputSize:   512 << 20,
	MaxPages:       20000,
	MaxStreamBytes: 32 << 20,
	MaxPageBytes:   256 << 20,
	MaxOperators:   4 << 20,
	MaxXObjects:    4096,
	MaxGlyphs:      200000,
	MaxRules:       50000,
	MaxGlyphText:   64,
	MaxCMapEntries: 1 << 18,
}

// WithDefaults returns l with every zero field set from Default.
func (l Limits) WithDefaults() Limits {
	d := Default
	if l.MaxInputSize > 0 {
		d.MaxInputSize = l.MaxInputSize
	}
	if l.MaxPages > 0 {
		d.MaxPages = l.MaxPages
	}
	if l.MaxStreamBytes > 0 {
		d.MaxStreamBytes = l.MaxStreamBytes
	}
	if l.MaxPageBytes > 0 {
		d.MaxPageBytes = l.MaxPageBytes
	}
	if l.MaxOperators > 0 {
		d.MaxOperators = l.MaxOperators
	}
	if l.MaxXObjects > 0 {
		d.MaxXObjects = l.MaxXObjects
	}
	if l.MaxGlyphs > 0 {
		d.MaxGlyphs = l.MaxGlyphs
	}
	if l.MaxRules > 0 {
		d.MaxRules = l.MaxRules
	}
	if l.MaxGlyphText > 0 {
		d.MaxGlyphText = l.MaxGlyphText
	}
	if l.MaxCMapEntries > 0 {
		d.MaxCMapEntries = l.MaxCMapEntries
	}
	return d
}

// ErrLimit is the kind of the errors of a file over one of the Limits.
var ErrLimit = errors.New("over a limit")

// LimitError says which limit a file went over. Its message is one short
// line naming the limit and, where there is one, the flag that raises it.
type LimitError struct {
	What  string // "pages", "input size", "decoded stream size"...
	Limit int64
	Flag  string // the pet flag that raises it, or ""
}

func (e *LimitError) Error() string {
	msg := fmt.Sprintf("%s over the limit of %s", e.What, HumanSize(e.What, e.Limit))
	if e.Flag != "" {
		msg += " (raise it with " + e.Flag + ")"
	}
	return msg
}

// Is makes errors.Is(err, ErrLimit) true.
func (e *LimitError) Is(target error) bool { return target == ErrLimit }

// HumanSize prints n, in MiB when what is a size in bytes.
func HumanSize(what string, n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 && isByteLimit(what) {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprint(n)
}

func isByteLimit(what string) bool {
	switch what {
	case "input size", "decoded stream size", "decoded bytes of the page":
		return true
	}
	return false
}

// Session is what one conversion carries down to the page reader: its
// limits and its context, whose cancellation (a per-file timeout) stops the
// work at the next stream read or every few thousand operators.
type Session struct {
	Ctx    context.Context
	Limits Limits
}

var (
	sessMu   sync.Mutex
	byData   = map[*byte]*Session{}
	byReader = map[*pdf.Reader]*Session{}
	process  = Session{Ctx: context.Background(), Limits: Default}
)

// SetLimits sets the limits of every conversion that has no Session of its
// own (pet sets them once from its flags).
func SetLimits(l Limits) {
	sessMu.Lock()
	process.Limits = l.WithDefaults()
	sessMu.Unlock()
}

// Bind attaches ctx and limits to data until release is called: Load of
// this very slice, and the page reader of the document it opens, use them.
// It lets a caller (the CLI) give a per-file context to code that passes
// only the bytes along (parser.Parse).
func Bind(ctx context.Context, data []byte, l Limits) (release func()) {
	if len(data) == 0 {
		return func() {}
	}
	s := &Session{Ctx: ctx, Limits: l.WithDefaults()}
	key := &data[0]
	sessMu.Lock()
	byData[key] = s
	sessMu.Unlock()
	return func() {
		sessMu.Lock()
		delete(byData, key)
		var done []*pdf.Reader
		for r, rs := range byReader {
			if rs == s {
				delete(byReader, r)
				done = append(done, r)
			}
		}
		sessMu.Unlock()
		for _, r := range done {
			forgetPages(r)
		}
	}
}

// sessionOfData returns the session bound to data, if any.
func sessionOfData(data []byte) (*Session, bool) {
	sessMu.Lock()
	defer sessMu.Unlock()
	if len(data) > 0 {
		if s, ok := byData[&data[0]]; ok {
			return s, true
		}
	}
	s := process
	return &s, false
}

// bindReader makes r's session s, until s is released.
func bindReader(r *pdf.Reader, s *Session) {
	sessMu.Lock()
	byReader[r] = s
	sessMu.Unlock()
}

// SessionOf returns the session of a reader opened by Load: the one bound to
// its data with Bind, else the process-wide limits and no deadline.
func SessionOf(r *pdf.Reader) Session {
	sessMu.Lock()
	defer sessMu.Unlock()
	if s, ok := byReader[r]; ok {
		return *s
	}
	return process
}
