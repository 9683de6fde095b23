package pdfsyntax

import (
	"bytes"
	"errors"
	"strconv"
)

// Name is a PDF name object without its slash, #xx escapes decoded.
type Name string

// Ref is an indirect reference "Num Gen R".
type Ref struct{ Num, Gen int64 }

// Keyword is a bare keyword such as obj, stream, trailer, true, or one of
// the delimiters "<<", ">>", "[", "]", "{", "}".
type Keyword string

// MaxDepth bounds the nesting of arrays and dictionaries read by Value.
const MaxDepth = 100

// ErrSyntax is the error of Token and Value on input that is not PDF
// syntax (or ends too soon).
var ErrSyntax = errors.New("syntax error")

// Token returns the next file-level token: int64, float64, Name, Keyword,
// string (literal or hex, its bytes as written between the delimiters,
// undecoded), or one of the keywords "<<", ">>", "[", "]", "{", "}".
func (l *Lexer) Token() (any, error) {
	l.SkipSpace()
	if l.Pos >= len(l.B) {
		return nil, ErrSyntax
	}
	c := l.B[l.Pos]
	switch {
	case c == '/':
		l.Pos++
		return Name(l.name()), nil
	case c == '<' && l.Pos+1 < len(l.B) && l.B[l.Pos+1] == '<':
		l.Pos += 2
		return Keyword("<<"), nil
	case c == '>' && l.Pos+1 < len(l.B) && l.B[l.Pos+1] == '>':
		l.Pos += 2
		return Keyword(">>"), nil
	case c == '[' || c == ']' || c == '{' || c == '}':
		l.Pos++
		return Keyword(string(c)), nil
	case c == '<':
		end := bytes.IndexByte(l.B[l.Pos:], '>')
		if end < 0 {
			return nil, ErrSyntax
		}
		s := string(l.B[l.Pos+1 : l.Pos+end])
		l.Pos += end + 1
		return s, nil
	case c == '(':
		depth := 0
		start := l.Pos
		for l.Pos < len(l.B) {
			switch l.B[l.Pos] {
			case '\\':
				l.Pos++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					l.Pos++
					return string(l.B[start+1 : l.Pos-1]), nil
				}
			}
			l.Pos++
		}
		return nil, ErrSyntax
	case c == ')' || c == '>':
		return nil, ErrSyntax
	}
	word := l.regularBytes()
	if i, err := strconv.ParseInt(string(word), 10, 64); err == nil {
		return i, nil
	}
	if f, err := strconv.ParseFloat(string(word), 64); err == nil {
		return f, nil
	}
	return Keyword(word), nil
}

// Value reads one object at nesting depth: a dictionary becomes
// map[Name]any, an array []any, "n g R" a Ref; anything else is as Token
// returns it.
func (l *Lexer) Value(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, ErrSyntax
	}
	tok, err := l.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case Keyword("<<"):
		d := map[Name]any{}
		for {
			k, err := l.Token()
			if err != nil {
				return nil, err
			}
			if k == Keyword(">>") {
				return d, nil
			}
			key, ok := k.(Name)
			if !ok {
				return nil, ErrSyntax
			}
			v, err := l.Value(depth + 1)
			if err != nil {
				return nil, err
			}
			d[key] = v
		}
	case Keyword("["):
		var a []any
		for {
			save := l.Pos
			t, err := l.Token()
			if err != nil {
				return nil, err
			}
			if t == Keyword("]") {
				return a, nil
			}
			l.Pos = save
			v, err := l.Value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	}
	if n, ok := tok.(int64); ok {
		save := l.Pos
		if g, err := l.Token(); err == nil {
			if g, ok := g.(int64); ok {
				if r, err := l.Token(); err == nil && r == Keyword("R") {
					return Ref{n, g}, nil
				}
			}
		}
		l.Pos = save
	}
	return tok, nil
}
