package pdfpage

import (
	"strconv"
	"strings"
)

// objKind says what a content-stream operand is.
type objKind uint8

const (
	kNull objKind = iota
	kNum
	kStr
	kName
	kArray
	kDict
	kBool
)

// operand is one content-stream operand. Content streams hold only direct
// objects, so a small value type suffices and avoids the library's generic
// machinery on the hot path.
type operand struct {
	kind objKind
	num  float64
	str  string // string bytes, name without slash
	arr  []operand
	dict map[string]operand
}

// lexer tokenizes a PDF content stream (or a CMap, which shares the syntax).
type lexer struct {
	b     []byte
	pos   int
	depth int // nesting of arrays and dictionaries being read
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isWhite(c) {
			l.pos++
		} else if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		} else {
			return
		}
	}
}

// next returns the next token: either an operand (isOp false) or an operator
// keyword (isOp true). ok is false at the end of the stream.
func (l *lexer) next() (op string, v operand, isOp bool, ok bool) {
	for {
		if t, v, isOp, ok, done := l.step(); done {
			return t, v, isOp, ok
		}
	}
}

// step reads one token; done is false when it skipped something and the
// caller must read on.
func (l *lexer) step() (op string, v operand, isOp bool, ok bool, done bool) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return "", operand{}, false, false, true
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		return "", operand{kind: kName, str: l.regular()}, false, true, true
	case c == '(':
		l.pos++
		return "", operand{kind: kStr, str: l.literalString()}, false, true, true
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			if l.depth >= maxNesting {
				return "", operand{}, false, false, false
			}
			return "", l.dictBody(), false, true, true
		}
		l.pos++
		return "", operand{kind: kStr, str: l.hexString()}, false, true, true
	case c == '[':
		l.pos++
		if l.depth >= maxNesting {
			return "", operand{}, false, false, false
		}
		return "", l.arrayBody(), false, true, true
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		// Stray delimiter: skip it.
		l.pos++
		return "", operand{}, false, false, false
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		w := l.regularBytes()
		f, ok := parseSimpleNumber(w)
		if !ok {
			var err error
			if f, err = strconv.ParseFloat(string(w), 64); err != nil {
				f = parseLooseNumber(string(w))
			}
		}
		return "", operand{kind: kNum, num: f}, false, true, true
	default:
		w := l.regularBytes()
		if len(w) == 0 { // unreachable in practice; guarantee progress
			l.pos++
			return "", operand{}, false, false, false
		}
		if op, ok := operators[string(w)]; ok { // no allocation for known operators
			return op, operand{}, true, true, true
		}
		switch string(w) {
		case "true":
			return "", operand{kind: kBool, num: 1}, false, true, true
		case "false":
			return "", operand{kind: kBool}, false, true, true
		case "null":
			return "", operand{}, false, true, true
		}
		return string(w), operand{}, true, true, true
	}
}

// parseLooseNumber reads malformed numbers such as "--5" or "1.2.3" the way
// viewers do: as much of a number as can be read, else 0.
func parseLooseNumber(w string) float64 {
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

// regular reads a run of regular characters.
func (l *lexer) regular() string { return string(l.regularBytes()) }

// regularBytes reads a run of regular characters without copying them.
func (l *lexer) regularBytes() []byte {
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
		l.pos++
	}
	return l.b[start:l.pos]
}

// operators are the content-stream operators, interned so that reading one
// allocates nothing.
var operators = func() map[string]string {
	m := map[string]string{}
	for _, op := range strings.Fields(`b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX
		f F f* g G gs h i ID j J k K l m M MP n q Q re rg RG ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ
		TL Tm Tr Ts Tw Tz v w W W* y ' "`) {
		m[op] = op
	}
	return m
}()

// parseSimpleNumber reads the common forms of content-stream numbers
// (-12, 3.5, .25) without allocating; ok is false for anything else.
func parseSimpleNumber(b []byte) (float64, bool) {
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

func (l *lexer) literalString() string {
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.pos >= len(l.b) {
				return string(out)
			}
			e := l.b[l.pos]
			l.pos++
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
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; i++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
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

func (l *lexer) hexString() string {
	var out []byte
	hi := -1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
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
	return string(out)
}

const maxNesting = 64

// maxArrayLen bounds the elements kept of one array or dictionary operand
// (a TJ array has a few hundred); the rest is read and dropped.
const maxArrayLen = 1 << 16

func (l *lexer) arrayBody() operand {
	a := operand{kind: kArray, arr: make([]operand, 0, 8)}
	l.depth++
	defer func() { l.depth-- }()
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return a
		}
		if l.b[l.pos] == ']' {
			l.pos++
			return a
		}
		op, v, isOp, ok := l.next()
		if !ok {
			return a
		}
		if isOp {
			_ = op // operators inside arrays are malformed; ignore them
			continue
		}
		if len(a.arr) < maxArrayLen {
			a.arr = append(a.arr, v)
		}
	}
}

func (l *lexer) dictBody() operand {
	d := operand{kind: kDict, dict: map[string]operand{}}
	l.depth++
	defer func() { l.depth-- }()
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return d
		}
		if l.b[l.pos] == '>' {
			l.pos++
			if l.pos < len(l.b) && l.b[l.pos] == '>' {
				l.pos++
			}
			return d
		}
		_, k, isOp, ok := l.next()
		if !ok {
			return d
		}
		if isOp || k.kind != kName {
			continue
		}
		l.skipSpace()
		if l.pos < len(l.b) && l.b[l.pos] == '>' {
			continue
		}
		_, v, isOp, ok := l.next()
		if !ok {
			return d
		}
		if !isOp && len(d.dict) < maxArrayLen {
			d.dict[k.str] = v
		}
	}
}

// skipInlineImage moves past the data of an inline image: from just after the
// ID operator to just after the EI that ends it.
func (l *lexer) skipInlineImage() {
	if l.pos < len(l.b) && isWhite(l.b[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' &&
			(i == 0 || isWhite(l.b[i-1])) &&
			(i+2 >= len(l.b) || isWhite(l.b[i+2]) || isDelimiter(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}
