package pdfpage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/ledongthuc/pdf"
	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/internal/pdfsyntax"
)

// budget is what one page may still spend: decoded bytes, operators, form
// invocations and glyphs, against the limits of its document's session. A
// page over its budget stops with a pageAbort panic, which Page turns into
// the page's error.
type budget struct {
	ctx      context.Context
	lim      pdfload.Limits
	bytes    int64
	ops      int
	invoked  int
	forms    map[uint64][]byte // decoded form content by object
	xobjects map[fontKey]pdf.Value
	raw      []byte // the file's bytes, when streams may be read from them (Document.raw)
}

// pageAbort is the panic value that ends a page over a limit or cancelled.
type pageAbort struct{ err error }

func newBudget(s pdfload.Session) *budget {
	ctx := s.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	return &budget{ctx: ctx, lim: s.Limits.WithDefaults()}
}

func (b *budget) exceed(what string, limit int64) {
	panic(pageAbort{&pdfload.LimitError{What: what, Limit: limit}})
}

// checkCtx ends the page when its file's time is over.
func (b *budget) checkCtx() {
	if err := b.ctx.Err(); err != nil {
		panic(pageAbort{fmt.Errorf("gave up: %w", err)})
	}
}

// op counts one operator; every 4096 it also looks at the context.
func (b *budget) op() {
	b.ops++
	if b.ops > b.lim.MaxOperators {
		b.exceed("content-stream operators of the page", int64(b.lim.MaxOperators))
	}
	if b.ops&4095 == 0 {
		b.checkCtx()
	}
}

// xobject counts one Form XObject invocation.
func (b *budget) xobject() {
	b.invoked++
	if b.invoked > b.lim.MaxXObjects {
		b.exceed("form XObjects drawn on the page", int64(b.lim.MaxXObjects))
	}
}

// glyphs checks the number of glyphs on the page.
func (b *budget) glyphs(n int) {
	if n > b.lim.MaxGlyphs {
		b.exceed("glyphs on the page", int64(b.lim.MaxGlyphs))
	}
}

// shapes checks the page's ruling lines and the path being built after
// each operator (a rectangle is 4 rules; a million of them would be 128 MB
// and hours of table finding).
func (b *budget) shapes(in *interp) {
	if len(in.page.Rules) > b.lim.MaxRules {
		b.exceed("ruling lines on the page", int64(b.lim.MaxRules))
	}
	if n := len(in.path); n > b.lim.MaxRules || (n > 0 && in.path[n-1].end-in.path[n-1].start > b.lim.MaxRules) {
		b.exceed("parts of one path", int64(b.lim.MaxRules))
	}
}

// maxColumns bounds a predictor's /Columns (see pdfload): the library
// allocates rows of that size before decoding anything.
const maxColumns = 1 << 20

// errStreamParms is a stream the library would crash or panic on.
var errStreamParms = errors.New("unsupported stream parameters")

// checkStream validates what the library allocates or panics on before it
// is asked for v's data: filters it does not know and predictor parameters.
func checkStream(v pdf.Value) error {
	filter, parms := v.Key("Filter"), v.Key("DecodeParms")
	check := func(name string, p pdf.Value) error {
		switch name {
		case "FlateDecode", "Fl":
		case "ASCII85Decode", "A85":
			if p.Kind() == pdf.Dict && len(p.Keys()) > 0 {
				return fmt.Errorf("%w: /DecodeParms on ASCII85Decode", errStreamParms)
			}
			return nil
		default:
			return fmt.Errorf("unknown filter /%s", shortName(name))
		}
		pred := p.Key("Predictor")
		if pred.Kind() == pdf.Null {
			return nil
		}
		cols := p.Key("Columns")
		if pred.Kind() != pdf.Integer || pred.Int64() != 12 {
			return fmt.Errorf("%w: /Predictor %s", errStreamParms, shortNumber(pred))
		}
		if cols.Kind() != pdf.Integer || cols.Int64() < 1 || cols.Int64() > maxColumns {
			return fmt.Errorf("%w: /Predictor 12 /Columns %s", errStreamParms, shortNumber(cols))
		}
		return nil
	}
	switch filter.Kind() {
	case pdf.Null:
		return nil
	case pdf.Name:
		return check(filter.Name(), parms)
	case pdf.Array:
		if filter.Len() > 8 {
			return fmt.Errorf("%w: %d filters", errStreamParms, filter.Len())
		}
		for i := 0; i < filter.Len(); i++ {
			if err := check(filter.Index(i).Name(), parms.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("%w: /Filter is not a name", errStreamParms)
}

// shortNumber prints a PDF number for a message, shortened when it is long
// (a hostile file can write 400 digits).
func shortNumber(v pdf.Value) string {
	s := v.String()
	if len(s) > 24 {
		s = s[:20] + "…"
	}
	return s
}

// readStreamErr reads the decoded data of stream v within the page's
// budget: at most MaxStreamBytes, and what is left of MaxPageBytes. A
// decode error (corrupt compressed data) is returned, never taken for the
// end of the stream.
func (b *budget) readStreamErr(v pdf.Value) ([]byte, error) {
	return b.appendStream(nil, v)
}

// appendStream is readStreamErr appending the decoded stream to dst (which
// it returns, possibly grown, even on error).
func (b *budget) appendStream(dst []byte, v pdf.Value) ([]byte, error) {
	if v.Kind() != pdf.Stream {
		return dst, nil
	}
	if err := checkStream(v); err != nil {
		return dst, err
	}
	b.checkCtx()
	max := b.lim.MaxStreamBytes
	what, limit := "decoded stream size", b.lim.MaxStreamBytes
	if left := b.lim.MaxPageBytes - b.bytes; left < max {
		max, what, limit = left, "decoded bytes of the page", b.lim.MaxPageBytes
	}
	start := len(dst)
	var err error
	if packed, ok := rawFlate(b.raw, v); ok {
		dst, err = inflate(dst, packed, max+1)
	} else {
		rc := v.Reader()
		defer rc.Close()
		dst, err = readAll(dst, io.LimitReader(rc, max+1))
	}
	n := int64(len(dst) - start)
	b.bytes += n
	if n > max {
		return dst[:start], &pdfload.LimitError{What: what, Limit: limit}
	}
	if err != nil {
		return dst, fmt.Errorf("corrupt stream data: %w", err)
	}
	return dst, nil
}

// readAll is io.ReadAll appending to dst.
func readAll(dst []byte, r io.Reader) ([]byte, error) {
	if cap(dst)-len(dst) < 512 {
		dst = slices.Grow(dst, 512)
	}
	for {
		n, err := r.Read(dst[len(dst):cap(dst)])
		dst = dst[:len(dst)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return dst, err
		}
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, len(dst)) // doubling: allocations stay below twice the size
		}
	}
}

// contentBufs holds the buffers of pages' content streams between pages:
// a page's content is decoded into one and nothing is kept of it once the
// page is read (glyph texts and names are copies).
var contentBufs sync.Pool

// maxPooledContent is the largest content buffer kept for the next page.
const maxPooledContent = 8 << 20

// appendContent is appendStream for the page's own content: any error ends
// the page.
func (b *budget) appendContent(dst []byte, v pdf.Value) []byte {
	dst, err := b.appendStream(dst, v)
	if err != nil {
		panic(pageAbort{fmt.Errorf("content stream: %w", err)})
	}
	return dst
}

// readStream is readStreamErr for the page's own content: any error ends
// the page.
func (b *budget) readStream(v pdf.Value, what string) []byte {
	data, err := b.readStreamErr(v)
	if err != nil {
		panic(pageAbort{fmt.Errorf("%s: %w", what, err)})
	}
	return data
}

// readStream reads a stream outside a page's content (a font program, a
// CMap) within the default per-stream limit; raw is the file's bytes when
// streams may be inflated from them (Document.raw), else nil. A decode
// error or a stream over the limit ends the page that needed it.
func readStream(raw []byte, v pdf.Value) []byte {
	b := budget{ctx: context.Background(), lim: pdfload.Default, raw: raw}
	b.lim.MaxPageBytes = b.lim.MaxStreamBytes
	return b.readStream(v, "font data")
}

// pageError turns what a page's reading panicked with into its error: the
// reason for a limit or a cancellation, a short line for the library's
// complaints about malformed objects, and never Go runtime internals.
func pageError(n int, r any) error {
	if n == 0 { // not a page: the page tree
		switch x := r.(type) {
		case runtime.Error:
			return errors.New("malformed PDF object")
		case error:
			return fmt.Errorf("malformed PDF object: %s", shortMessage(x.Error()))
		}
		return fmt.Errorf("malformed PDF object: %s", shortMessage(fmt.Sprint(r)))
	}
	switch x := r.(type) {
	case pageAbort:
		return fmt.Errorf("page %d: %w", n, x.err)
	case runtime.Error:
		return fmt.Errorf("page %d: malformed PDF object", n)
	case error:
		return fmt.Errorf("page %d: malformed PDF object: %s", n, shortMessage(x.Error()))
	}
	return fmt.Errorf("page %d: malformed PDF object: %s", n, shortMessage(fmt.Sprint(r)))
}

// shortMessage keeps a library message to one short line.
func shortMessage(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 100 {
		s = s[:100] + "…"
	}
	return s
}

// shortName keeps a resource name short enough for a message.
func shortName(s string) string {
	if len(s) > 32 {
		return s[:32] + "…"
	}
	return s
}

// formContent returns the decoded content of Form XObject x, read once per
// page; every invocation counts its bytes against the page's budget, as
// its operators are run again.
func (b *budget) formContent(x pdf.Value, name string) []byte {
	id := pdfsyntax.ObjectID(x)
	if data, ok := b.forms[id]; ok && id != 0 {
		if b.bytes += int64(len(data)); b.bytes > b.lim.MaxPageBytes {
			b.exceed("decoded bytes of the page", b.lim.MaxPageBytes)
		}
		return data
	}
	data := b.readStream(x, "form XObject /"+shortName(name))
	if id != 0 {
		if b.forms == nil {
			b.forms = map[uint64][]byte{}
		}
		b.forms[id] = data
	}
	return data
}

// xobjectValue resolves the XObject name of resource dictionary res, once
// per page and dictionary: the library parses an object again at every
// lookup, which made a form drawn thousands of times cost seconds.
func (b *budget) xobjectValue(res pdf.Value, name string) pdf.Value {
	key := fontKey{obj: pdfsyntax.ObjectID(res), name: name}
	if key.obj == 0 {
		return res.Key("XObject").Key(name)
	}
	if x, ok := b.xobjects[key]; ok {
		return x
	}
	x := res.Key("XObject").Key(name)
	if b.xobjects == nil {
		b.xobjects = map[fontKey]pdf.Value{}
	}
	b.xobjects[key] = x
	return x
}
