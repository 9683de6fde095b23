package pdfload

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/petool/pet/internal/pdfsyntax"
)

// mergeHybrid is rebuild for a file with a hybrid cross-reference (an xref
// table whose trailer names an /XRefStm stream for the objects stored in
// object streams, as Word writes it), which the library reads without the
// stream: instead of scanning the whole file for objects, it lists what the
// file's own tables and /XRefStm streams list, newest section first and,
// within a section, the table before its stream (PDF 32000-1 7.5.8.4). It
// fails, and the caller rebuilds by scanning, unless every in-use offset
// holds the object the entry names ("num gen obj") and every compressed
// object's stream is itself stored directly.
func mergeHybrid(data []byte) (tail []byte, err error) {
	tailData := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tailData, []byte("startxref"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	lx := lexer{B: tailData, Pos: i + len("startxref")}
	t, err := lx.Token()
	off, ok := t.(int64)
	if err != nil || !ok {
		return nil, errors.New("startxref not followed by an offset")
	}
	rb := &rebuilder{data: data, objs: map[int]entry{}}
	add := func(num int, e entry) {
		if _, ok := rb.objs[num]; !ok && num > 0 && num <= maxObjects {
			rb.objs[num] = e
		}
	}
	limit := int64(min(len(data)+1024, maxObjects))
	seen := map[int64]bool{}
	for n := 0; ; n++ {
		if n >= maxSections || off <= 0 || off >= int64(len(data)) || seen[off] {
			return nil, fmt.Errorf("cross-reference section at %d", off)
		}
		seen[off] = true
		lx := lexer{B: data, Pos: int(off)}
		if t, err := lx.Token(); err != nil || t != keyword("xref") {
			return nil, errors.New("a cross-reference section is not a table")
		}
		if err := tableEntries(&lx, limit, add); err != nil {
			return nil, err
		}
		at := lx.Pos
		trailer, err := rawDict(&lx)
		if err != nil {
			return nil, fmt.Errorf("trailer at %d: %w", at, err)
		}
		if n == 0 {
			rb.trailers = []rawTrailer{{at, trailer}}
		}
		if raw := trailer["XRefStm"]; raw != nil {
			x, ok := parseRaw(raw).(int64)
			if !ok || x <= 0 || x >= int64(len(data)) {
				return nil, errors.New("/XRefStm is not an offset in the file")
			}
			d, span, err := section(data, x, limit)
			if err != nil || d["Type"] != pdfName("XRef") {
				return nil, fmt.Errorf("/XRefStm at %d is not a cross-reference stream", x)
			}
			if !eachStreamEntry(data, span[1], d, func(num, typ, f2, f3 int) {
				switch typ {
				case 1:
					add(num, entry{off: f2, gen: f3})
				case 2:
					add(num, entry{compressed: true, stm: f2, idx: f3})
				}
			}) {
				return nil, fmt.Errorf("/XRefStm at %d cannot be decoded", x)
			}
		}
		raw := trailer["Prev"]
		if raw == nil {
			break
		}
		if off, ok = parseRaw(raw).(int64); !ok {
			return nil, errors.New("/Prev is not an offset")
		}
	}
	for num, e := range rb.objs {
		if e.compressed {
			if s, ok := rb.objs[e.stm]; !ok || s.compressed {
				return nil, fmt.Errorf("object %d: its object stream %d is not stored directly", num, e.stm)
			}
			continue
		}
		if !objectAt(data, e.off, num, e.gen) {
			return nil, fmt.Errorf("object %d: not at offset %d", num, e.off)
		}
	}
	if len(rb.objs) == 0 {
		return nil, errors.New("no objects listed")
	}
	trailer, err := rb.trailer()
	if err != nil {
		return nil, err
	}
	return rb.write(trailer)
}

// tableEntries reads the subsections of a classic xref table after the
// keyword "xref", up to the keyword "trailer", and passes each in-use entry
// to add. Free entries are left out: a hybrid table marks the objects of
// object streams free, and its /XRefStm stream says where they are.
func tableEntries(lx *lexer, limit int64, add func(num int, e entry)) error {
	for {
		save := lx.Pos
		t, err := lx.Token()
		if err != nil {
			return err
		}
		if t == keyword("trailer") {
			return nil
		}
		start, ok1 := t.(int64)
		c, err := lx.Token()
		if err != nil {
			return err
		}
		count, ok2 := c.(int64)
		if !ok1 || !ok2 || start < 0 || count < 0 || start+count > limit {
			return fmt.Errorf("bad subsection at %d", save)
		}
		for k := int64(0); k < count; k++ {
			// An entry is 20 bytes, "oooooooooo ggggg n" and its end of
			// line, in every writer's table; read token by token otherwise.
			lx.SkipSpace()
			if offset, gen, kind, ok := fixedEntry(lx.B[lx.Pos:]); ok {
				lx.Pos += 18
				if kind == 'n' {
					add(int(start+k), entry{off: offset, gen: gen})
				}
				continue
			}
			o, err1 := lx.Token()
			g, err2 := lx.Token()
			kind, err3 := lx.Token()
			offset, ok1 := o.(int64)
			gen, ok2 := g.(int64)
			if err := errors.Join(err1, err2, err3); err != nil || !ok1 || !ok2 || offset < 0 || gen < 0 {
				return fmt.Errorf("bad entry in the subsection at %d", save)
			}
			switch kind {
			case keyword("n"):
				add(int(start+k), entry{off: int(offset), gen: int(gen)})
			case keyword("f"):
			default:
				return fmt.Errorf("bad entry in the subsection at %d", save)
			}
		}
	}
}

// objectAt reports whether "num gen obj" starts at off.
func objectAt(data []byte, off, num, gen int) bool {
	if off <= 0 || off >= len(data) {
		return false
	}
	lx := lexer{B: data, Pos: off}
	n, err1 := lx.Token()
	g, err2 := lx.Token()
	kw, err3 := lx.Token()
	return err1 == nil && err2 == nil && err3 == nil && n == int64(num) && g == int64(gen) && kw == keyword("obj")
}

// fixedEntry reads an xref table entry in its fixed form: ten digits of
// offset, a space, five digits of generation, a space, n or f, then white
// space or the end.
func fixedEntry(b []byte) (offset, gen int, kind byte, ok bool) {
	if len(b) < 18 || b[10] != ' ' || b[16] != ' ' || (b[17] != 'n' && b[17] != 'f') {
		return 0, 0, 0, false
	}
	if len(b) > 18 && !pdfsyntax.IsWhite(b[18]) {
		return 0, 0, 0, false
	}
	for i, c := range b[:16] {
		switch {
		case i == 10:
		case c < '0' || c > '9':
			return 0, 0, 0, false
		case i < 10:
			offset = offset*10 + int(c-'0')
		default:
			gen = gen*10 + int(c-'0')
		}
	}
	return offset, gen, b[17], true
}
