package pdfsyntax

import (
	"strconv"
	"strings"
)

// Kind says what a content-stream operand is.
type Kind uint8

// The kinds of operand.
const (
	Null Kind = iota
	Num
	Str
	NameKind
	Array
	Dict
	Bool
)

// Operand is one content-stream operand. Content streams hold only direct
// objects, so a small value type suffices and avoids the library's generic
// machinery on the hot path.
type Operand struct {
	Kind Kind
	Num  float64            // numbers; 1 or 0 for booleans
	Str  string             // string bytes, name without slash (decoded)
	Arr  []Operand          // array elements
	Dict map[string]Operand // dictionary entries by key name
}

// MaxNesting bounds the nesting of content-stream arrays and dictionaries;
// deeper ones are skipped.
const MaxNesting = 64

// MaxArrayLen bounds the elements kept of one array or dictionary operand
// (a TJ array has a few hundred); the rest is read and dropped.
const MaxArrayLen = 1 << 16

// Next returns the next content-stream token: either an operand (isOp
// false) or an operator keyword (isOp true). ok is false at the end of the
// stream. Stray delimiters are skipped.
func (l *Lexer) Next() (op string, v Operand, isOp bool, ok bool) {
	for {
		if t, v, isOp, ok, done := l.step(); done {
			return t, v, isOp, ok
		}
	}
}

// step reads one token; done is false when it skipped something and the
// caller must read on.
func (l *Lexer) step() (op string, v Operand, isOp bool, ok bool, done bool) {
	l.SkipSpace()
	if l.Pos >= len(l.B) {
		return "", Operand{}, false, false, true
	}
	c := l.B[l.Pos]
	switch {
	case c == '/':
		l.Pos++
		return "", Operand{Kind: NameKind, Str: l.name()}, false, true, true
	case c == '(':
		l.Pos++
		return "", Operand{Kind: Str, Str: l.literalString()}, false, true, true
	case c == '<':
		if l.Pos+1 < len(l.B) && l.B[l.Pos+1] == '<' {
			l.Pos += 2
			if l.depth >= MaxNesting {
				return "", Operand{}, false, false, false
			}
			return "", l.dictBody(), false, true, true
		}
		l.Pos++
		return "", Operand{Kind: Str, Str: l.hexString()}, false, true, true
	case c == '[':
		l.Pos++
		if l.depth >= MaxNesting {
			return "", Operand{}, false, false, false
		}
		return "", l.arrayBody(), false, true, true
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		// Stray delimiter: skip it.
		l.Pos++
		return "", Operand{}, false, false, false
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		w := l.regularBytes()
		f, ok := ParseSimpleNumber(w)
		if !ok {
			var err error
			if f, err = strconv.ParseFloat(string(w), 64); err != nil {
				f = ParseLooseNumber(string(w))
			}
		}
		return "", Operand{Kind: Num, Num: f}, false, true, true
	default:
		w := l.regularBytes()
		if len(w) == 0 { // unreachable in practice; guarantee progress
			l.Pos++
			return "", Operand{}, false, false, false
		}
		if op, ok := operators[string(w)]; ok { // no allocation for known operators
			return op, Operand{}, true, true, true
		}
		switch string(w) {
		case "true":
			return "", Operand{Kind: Bool, Num: 1}, false, true, true
		case "false":
			return "", Operand{Kind: Bool}, false, true, true
		case "null":
			return "", Operand{}, false, true, true
		}
		return string(w), Operand{}, true, true, true
	}
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

func (l *Lexer) arrayBody() Operand {
	a := Operand{Kind: Array, Arr: make([]Operand, 0, 8)}
	l.depth++
	defer func() { l.depth-- }()
	for {
		l.SkipSpace()
		if l.Pos >= len(l.B) {
			return a
		}
		if l.B[l.Pos] == ']' {
			l.Pos++
			return a
		}
		_, v, isOp, ok := l.Next()
		if !ok {
			return a
		}
		if isOp {
			continue // operators inside arrays are malformed; ignore them
		}
		if len(a.Arr) < MaxArrayLen {
			a.Arr = append(a.Arr, v)
		}
	}
}

func (l *Lexer) dictBody() Operand {
	d := Operand{Kind: Dict, Dict: map[string]Operand{}}
	l.depth++
	defer func() { l.depth-- }()
	for {
		l.SkipSpace()
		if l.Pos >= len(l.B) {
			return d
		}
		if l.B[l.Pos] == '>' {
			l.Pos++
			if l.Pos < len(l.B) && l.B[l.Pos] == '>' {
				l.Pos++
			}
			return d
		}
		_, k, isOp, ok := l.Next()
		if !ok {
			return d
		}
		if isOp || k.Kind != NameKind {
			continue
		}
		l.SkipSpace()
		if l.Pos < len(l.B) && l.B[l.Pos] == '>' {
			continue
		}
		_, v, isOp, ok := l.Next()
		if !ok {
			return d
		}
		if !isOp && len(d.Dict) < MaxArrayLen {
			d.Dict[k.Str] = v
		}
	}
}

// SkipInlineImage moves past the data of an inline image: from just after
// the ID operator to just after the EI that ends it.
func (l *Lexer) SkipInlineImage() {
	if l.Pos < len(l.B) && IsWhite(l.B[l.Pos]) {
		l.Pos++
	}
	for i := l.Pos; i+1 < len(l.B); i++ {
		if l.B[i] == 'E' && l.B[i+1] == 'I' &&
			(i == 0 || IsWhite(l.B[i-1])) &&
			(i+2 >= len(l.B) || IsWhite(l.B[i+2]) || IsDelimiter(l.B[i+2])) {
			l.Pos = i + 2
			return
		}
	}
	l.Pos = len(l.B)
}
