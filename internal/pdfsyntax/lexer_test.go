package pdfsyntax

import (
	"math"
	"strconv"
	"testing"
)

func TestParseSimpleNumber(t *testing.T) {
	for _, s := range []string{"0", "-12", "+3", "3.5", ".25", "-.5", "5.", "841.889763779528", "123456789012.5"} {
		got, ok := ParseSimpleNumber([]byte(s))
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || math.Abs(got-want) > 1e-9*(1+math.Abs(want)) {
			t.Errorf("ParseSimpleNumber(%q) = %v %v, want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "-", ".", "1.2.3", "--5", "1e5", "12a"} {
		if _, ok := ParseSimpleNumber([]byte(s)); ok {
			t.Errorf("ParseSimpleNumber(%q) accepted", s)
		}
	}
}

func TestLexerOperatorsAndOperands(t *testing.T) {
	lx := Lexer{B: []byte(`/F1 9 Tf [(a\)b) -250 <4E00>] TJ 1 0 0 1 2.5 -.5 cm foo true null`)}
	var got []string
	for {
		op, v, isOp, ok := lx.Next()
		if !ok {
			break
		}
		switch {
		case isOp:
			got = append(got, "op:"+op)
		case v.Kind == Num:
			got = append(got, strconv.FormatFloat(v.Num, 'g', -1, 64))
		case v.Kind == Array:
			got = append(got, "arr:"+strconv.Itoa(len(v.Arr))+":"+v.Arr[0].Str)
		default:
			got = append(got, v.Str)
		}
	}
	want := "F1 9 op:Tf arr:3:a)b op:TJ 1 0 0 1 2.5 -0.5 op:cm op:foo  "
	if s := joinSpace(got); s != want {
		t.Errorf("tokens %q, want %q", s, want)
	}
}

func joinSpace(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
