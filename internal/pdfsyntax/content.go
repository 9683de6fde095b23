package pdfsyntax

import "strconv"

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
		l.SkipSpace()
		if l.Pos >= len(l.B) {
			return "", Operand{}, false, false
		}
		c := l.B[l.Pos]
		switch {
		case c == '/':
			l.Pos++
			return "", Operand{Kind: NameKind, Str: l.name()}, false, true
		case c == '(':
			l.Pos++
			return "", Operand{Kind: Str, Str: l.literalString()}, false, true
		case c == '<':
			if l.Pos+1 < len(l.B) && l.B[l.Pos+1] == '<' {
				l.Pos += 2
				if l.depth >= MaxNesting {
					continue
				}
				return "", l.dictBody(), false, true
			}
			l.Pos++
			return "", Operand{Kind: Str, Str: l.hexString()}, false, true
		case c == '[':
			l.Pos++
			if l.depth >= MaxNesting {
				continue
			}
			return "", l.arrayBody(), false, true
		case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
			// Stray delimiter: skip it.
			l.Pos++
			continue
		case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
			w := l.regularBytes()
			f, ok := ParseSimpleNumber(w)
			if !ok {
				var err error
				if f, err = strconv.ParseFloat(string(w), 64); err != nil {
					f = ParseLooseNumber(string(w))
				}
			}
			return "", Operand{Kind: Num, Num: f}, false, true
		default:
			w := l.regularBytes()
			if len(w) == 0 { // unreachable in practice; guarantee progress
				l.Pos++
				continue
			}
			if op, ok := operator(w); ok {
				return op, Operand{}, true, true
			}
			switch string(w) {
			case "true":
				return "", Operand{Kind: Bool, Num: 1}, false, true
			case "false":
				return "", Operand{Kind: Bool}, false, true
			case "null":
				return "", Operand{}, false, true
			}
			return string(w), Operand{}, true, true
		}
	}
}

// operator returns the content-stream operator w as a constant string, so
// that reading one allocates nothing (a switch on a converted []byte does
// not allocate, and beats a map look-up).
func operator(w []byte) (string, bool) {
	switch string(w) {
	case "b":
		return "b", true
	case "B":
		return "B", true
	case "b*":
		return "b*", true
	case "B*":
		return "B*", true
	case "BDC":
		return "BDC", true
	case "BI":
		return "BI", true
	case "BMC":
		return "BMC", true
	case "BT":
		return "BT", true
	case "BX":
		return "BX", true
	case "c":
		return "c", true
	case "cm":
		return "cm", true
	case "CS":
		return "CS", true
	case "cs":
		return "cs", true
	case "d":
		return "d", true
	case "d0":
		return "d0", true
	case "d1":
		return "d1", true
	case "Do":
		return "Do", true
	case "DP":
		return "DP", true
	case "EI":
		return "EI", true
	case "EMC":
		return "EMC", true
	case "ET":
		return "ET", true
	case "EX":
		return "EX", true
	case "f":
		return "f", true
	case "F":
		return "F", true
	case "f*":
		return "f*", true
	case "g":
		return "g", true
	case "G":
		return "G", true
	case "gs":
		return "gs", true
	case "h":
		return "h", true
	case "i":
		return "i", true
	case "ID":
		return "ID", true
	case "j":
		return "j", true
	case "J":
		return "J", true
	case "k":
		return "k", true
	case "K":
		return "K", true
	case "l":
		return "l", true
	case "m":
		return "m", true
	case "M":
		return "M", true
	case "MP":
		return "MP", true
	case "n":
		return "n", true
	case "q":
		return "q", true
	case "Q":
		return "Q", true
	case "re":
		return "re", true
	case "rg":
		return "rg", true
	case "RG":
		return "RG", true
	case "ri":
		return "ri", true
	case "s":
		return "s", true
	case "S":
		return "S", true
	case "SC":
		return "SC", true
	case "sc":
		return "sc", true
	case "SCN":
		return "SCN", true
	case "scn":
		return "scn", true
	case "sh":
		return "sh", true
	case "T*":
		return "T*", true
	case "Tc":
		return "Tc", true
	case "Td":
		return "Td", true
	case "TD":
		return "TD", true
	case "Tf":
		return "Tf", true
	case "Tj":
		return "Tj", true
	case "TJ":
		return "TJ", true
	case "TL":
		return "TL", true
	case "Tm":
		return "Tm", true
	case "Tr":
		return "Tr", true
	case "Ts":
		return "Ts", true
	case "Tw":
		return "Tw", true
	case "Tz":
		return "Tz", true
	case "v":
		return "v", true
	case "w":
		return "w", true
	case "W":
		return "W", true
	case "W*":
		return "W*", true
	case "y":
		return "y", true
	case "'":
		return "'", true
	case "\"":
		return "\"", true
	}
	return "", false
}

func (l *Lexer) arrayBody() Operand {
	if l.recycling {
		return l.recycledArray()
	}
	a := Operand{Kind: Array, Arr: make([]Operand, 0, 8)}
	l.depth++
	defer func() { l.depth-- }()
	for {
		v, ok := l.arrayElement()
		if !ok {
			return a
		}
		if len(a.Arr) < MaxArrayLen {
			a.Arr = append(a.Arr, v)
		}
	}
}

// recycledArray is arrayBody after Recycle: the elements are gathered in
// l.pending (an inner array's after its outer's, and taken off when it
// ends), then copied into the arena.
func (l *Lexer) recycledArray() Operand {
	start := len(l.pending)
	l.depth++
	defer func() { l.depth-- }()
	for {
		v, ok := l.arrayElement()
		if !ok {
			a := Operand{Kind: Array, Arr: l.keepArray(l.pending[start:])}
			clear(l.pending[start:]) // no strings kept alive from here
			l.pending = l.pending[:start]
			return a
		}
		if len(l.pending)-start < MaxArrayLen {
			l.pending = append(l.pending, v)
		}
	}
}

// arrayElement reads the next element of an array, ok false at its end
// (the closing bracket, read, or the end of the data).
func (l *Lexer) arrayElement() (Operand, bool) {
	for {
		l.SkipSpace()
		if l.Pos >= len(l.B) {
			return Operand{}, false
		}
		if l.B[l.Pos] == ']' {
			l.Pos++
			return Operand{}, false
		}
		_, v, isOp, ok := l.Next()
		if !ok {
			return Operand{}, false
		}
		if isOp {
			continue // operators inside arrays are malformed; ignore them
		}
		return v, true
	}
}

func (l *Lexer) dictBody() Operand {
	d := Operand{Kind: Dict, Dict: l.newDict()}
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
