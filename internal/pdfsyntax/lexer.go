package pdfsyntax

import (
	"bytes"
	"strconv"
)

// Lexer reads PDF syntax from B, starting at Pos. The same Lexer serves the
// file-level reader (Token, Value: objects, references, cross-reference
// sections) and the content-stream reader (Next: operands and operators of
// page contents, forms and CMaps).
type Lexer struct {
	B     []byte
	Pos   int
	depth int // nesting of content-stream arrays and dictionaries being read

	names   map[string]string // names read so far, to allocate each once
	scratch []byte            // a hex string's bytes being decoded

	// After Recycle, arrays are read into arena (their elements gathered
	// in pending first, since nested arrays interleave): the memory of
	// the arrays read before the last Recycle is used again.
	recycling bool
	arena     []Operand
	pending   []Operand
	// and dictionaries into maps used again once cleared.
	usedDicts, freeDicts []map[string]Operand
}

// Recycle tells the lexer that the arrays and dictionaries it has
// returned (an Operand's Arr and Dict, at any depth) will not be read
// again, so that those it reads next may reuse their memory: a content
// stream's interpreter calls it after each operator, and stops allocating
// a slice for every TJ array and a map for every marked-content property
// list (<</MCID 3>> BDC, which Word writes around every run of text).
// Until the first Recycle every array and dictionary has memory of its
// own.
func (l *Lexer) Recycle() {
	l.recycling = true
	l.arena = l.arena[:0]
	if len(l.usedDicts) > 0 { // few operators: Recycle stays inlined
		l.recycleDicts()
	}
}

func (l *Lexer) recycleDicts() {
	for _, d := range l.usedDicts {
		clear(d)
	}
	l.freeDicts = append(l.freeDicts, l.usedDicts...)
	clear(l.usedDicts)
	l.usedDicts = l.usedDicts[:0]
}

// newDict returns an empty map for a dictionary being read: a recycled one
// when recycling.
func (l *Lexer) newDict() map[string]Operand {
	if !l.recycling {
		return map[string]Operand{}
	}
	var d map[string]Operand
	if n := len(l.freeDicts); n > 0 {
		d = l.freeDicts[n-1]
		l.freeDicts[n-1] = nil
		l.freeDicts = l.freeDicts[:n-1]
	} else {
		d = map[string]Operand{}
	}
	l.usedDicts = append(l.usedDicts, d)
	return d
}

// noOperands is the elements of an empty array read after Recycle.
var noOperands = []Operand{}

// keepArray returns elems as an array's elements: a copy in the arena
// when recycling, else elems itself.
func (l *Lexer) keepArray(elems []Operand) []Operand {
	if len(elems) == 0 {
		return noOperands
	}
	if cap(l.arena)-len(l.arena) < len(elems) {
		// A new chunk: the arrays in the old one stay valid until the
		// next Recycle, which keeps only this one.
		l.arena = make([]Operand, 0, max(2*cap(l.arena), len(elems), 64))
	}
	start := len(l.arena)
	l.arena = append(l.arena, elems...)
	return l.arena[start:len(l.arena):len(l.arena)]
}

// Byte classes of PDF syntax (ISO 32000-1, 7.2.2), looked up in
// byteClass: the lexer's loops test one table entry per byte.
const (
	classWhite = 1 << iota
	classDelim
)

var byteClass = func() (t [256]uint8) {
	for _, c := range []byte{' ', '\n', '\r', '\t', '\f', 0} {
		t[c] = classWhite
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = classDelim
	}
	return t
}()

// IsWhite reports whether c is PDF white space (ISO 32000-1, 7.2.2).
func IsWhite(c byte) bool { return byteClass[c]&classWhite != 0 }

// IsDelimiter reports whether c is a PDF delimiter character.
func IsDelimiter(c byte) bool { return byteClass[c]&classDelim != 0 }

// SkipSpace skips white space and comments.
func (l *Lexer) SkipSpace() {
	b, i := l.B, l.Pos
	for i < len(b) {
		c := b[i]
		if byteClass[c]&classWhite != 0 {
			i++
		} else if c == '%' {
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		} else {
			break
		}
	}
	l.Pos = i
}

// regularBytes reads a run of regular characters without copying them.
func (l *Lexer) regularBytes() []byte {
	b, start := l.B, l.Pos
	i := start
	for i < len(b) && byteClass[b[i]] == 0 {
		i++
	}
	l.Pos = i
	return b[start:i]
}

// name reads the regular characters of a name after its slash and decodes
// its #xx escapes.
func (l *Lexer) name() string {
	raw := l.regularBytes()
	if n, ok := l.names[string(raw)]; ok { // no allocation
		return n
	}
	n := DecodeName(raw)
	if l.names == nil {
		l.names = map[string]string{}
	}
	if len(l.names) < maxInterned {
		l.names[string(raw)] = n
	}
	return n
}

// maxInterned bounds the distinct names a Lexer keeps.
const maxInterned = 1024

// DecodeName returns the name whose bytes, after the slash, are raw: each
// "#xx" (two hexadecimal digits) is the byte xx; a '#' not followed by two
// hexadecimal digits is kept as it is, as viewers do.
func DecodeName(raw []byte) string {
	i := 0
	for i < len(raw) && raw[i] != '#' {
		i++
	}
	if i == len(raw) {
		return string(raw)
	}
	out := make([]byte, 0, len(raw))
	out = append(out, raw[:i]...)
	for ; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) && hexVal(raw[i+1]) >= 0 && hexVal(raw[i+2]) >= 0 {
			out = append(out, byte(hexVal(raw[i+1])<<4|hexVal(raw[i+2])))
			i += 2
			continue
		}
		out = append(out, raw[i])
	}
	return string(out)
}

// ParseLooseNumber reads malformed numbers such as "--5" or "1.2.3" the way
// viewers do: as much of a number as can be read, else 0.
func ParseLooseNumber(w string) float64 {
	for len(w) > 1 && (w[0] == '-' || w[0] == '+') && (w[1] == '-' || w[1] == '+') {
		w = w[1:]
	}
	for end := len(w); end > 0; end-- {
		if f, err := strconv.ParseFloat(w[:end], 64); err == nil {
			return f
		}
	}
	return 0
}

// ParseSimpleNumber reads the common forms of content-stream numbers
// (-12, 3.5, .25) without allocating; ok is false for anything else.
func ParseSimpleNumber(b []byte) (float64, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	neg := false
	i := 0
	switch b[0] {
	case '-':
		neg, i = true, 1
	case '+':
		i = 1
	}
	var whole, frac, scale float64 = 0, 0, 1
	digits, dot := 0, false
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			if dot {
				scale *= 10
				frac = frac*10 + float64(c-'0')
			} else {
				whole = whole*10 + float64(c-'0')
			}
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	v := whole + frac/scale
	if neg {
		v = -v
	}
	return v, true
}

// literalString reads a literal string after its "(" and returns its bytes
// with the escapes decoded.
func (l *Lexer) literalString() string {
	var out []byte
	depth := 1
	for l.Pos < len(l.B) {
		c := l.B[l.Pos]
		l.Pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.Pos >= len(l.B) {
				return string(out)
			}
			e := l.B[l.Pos]
			l.Pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.Pos < len(l.B) && l.B[l.Pos] == '\n' {
					l.Pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && l.Pos < len(l.B) && l.B[l.Pos] >= '0' && l.B[l.Pos] <= '7'; i++ {
						v = v*8 + int(l.B[l.Pos]-'0')
						l.Pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// hexString reads a hexadecimal string after its "<" and returns its bytes
// (an odd final digit counts as followed by 0; other characters are
// skipped).
func (l *Lexer) hexString() string {
	end := bytes.IndexByte(l.B[l.Pos:], '>')
	if end < 0 {
		end = len(l.B) - l.Pos
	}
	out := l.scratch[:0] // string(out) copies: one allocation per string
	hi := -1
	for l.Pos < len(l.B) {
		c := l.B[l.Pos]
		l.Pos++
		if c == '>' {
			break
		}
		v := hexVal(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	if cap(out) <= 4096 {
		l.scratch = out
	}
	return string(out)
}
