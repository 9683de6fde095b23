package pdfsyntax

import (
	"reflect"
	"strings"
	"testing"
)

// token is one Next result, deep-copied: what a caller saw before Recycle.
type token struct {
	op   string
	v    Operand
	isOp bool
}

func deepCopy(v Operand) Operand {
	if v.Arr != nil {
		arr := make([]Operand, len(v.Arr))
		for i, e := range v.Arr {
			arr[i] = deepCopy(e)
		}
		v.Arr = arr
	}
	if v.Dict != nil {
		d := make(map[string]Operand, len(v.Dict))
		for k, e := range v.Dict {
			d[k] = deepCopy(e)
		}
		v.Dict = d
	}
	return v
}

// tokens lexes data to the end; with recycle, as an interpreter does:
// Recycle after every operator, each operand used (copied) before it.
func tokens(data string, recycle bool) []token {
	lx := Lexer{B: []byte(data)}
	if recycle {
		lx.Recycle()
	}
	var out []token
	var pending []Operand // operands since the last operator, as read
	for {
		op, v, isOp, ok := lx.Next()
		if !ok {
			break
		}
		if !isOp {
			pending = append(pending, v)
			continue
		}
		// The operator's operands are read only now, as an interpreter
		// reads them: any later array overwriting them shows here.
		for _, p := range pending {
			out = append(out, token{v: deepCopy(p)})
		}
		pending = pending[:0]
		out = append(out, token{op: op, isOp: true})
		if recycle {
			lx.Recycle()
		}
	}
	for _, p := range pending {
		out = append(out, token{v: deepCopy(p)})
	}
	return out
}

// normalize makes empty arrays alike (nil or not), which no caller tells
// apart.
func normalize(ts []token) []token {
	for i := range ts {
		ts[i].v = normalizeOperand(ts[i].v)
	}
	return ts
}

func normalizeOperand(v Operand) Operand {
	if v.Kind == Array && len(v.Arr) == 0 {
		v.Arr = nil
	}
	for i, e := range v.Arr {
		v.Arr[i] = normalizeOperand(e)
	}
	for k, e := range v.Dict {
		v.Dict[k] = normalizeOperand(e)
	}
	return v
}

// TestRecycleReadsTheSame: a lexer that recycles its arrays after each
// operator returns what one that never does returns, with arrays nested,
// empty, in dictionaries, several to an operator and larger than an arena
// chunk.
func TestRecycleReadsTheSame(t *testing.T) {
	big := "[" + strings.Repeat("(x) 1 ", 300) + "] TJ"
	for _, data := range []string{
		"[(a) -20 (b)] TJ [(c)] TJ",
		"[[1 2] [3 [4 5]] 6] [7] d0",
		"[] TJ [ ] TJ [[]] x",
		"/P <</A [1 2 (t)] /B [[/N]]>> BDC [(x)] TJ EMC",
		"[1 2] [3 4] [5 6] [7 8] re",
		big + " " + big,
		strings.Repeat("[1 2 3 4 (five)] ", 40) + "op",    // chunks fill up while arrays are live
		"<</A 1>> <</B <</C 2 /D [3]>>>> op <</E 4>> op2", // dictionaries live together, and reused
		"[(unterminated) 1 2",
		"[(a) 1 BT (b)] TJ",
	} {
		want, got := normalize(tokens(data, false)), normalize(tokens(data, true))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\nrecycled %v\nwant     %v", data, got, want)
		}
	}
}

// TestRecycleReusesMemory: after Recycle a TJ array and a marked-content
// property list cost no allocation.
func TestRecycleReusesMemory(t *testing.T) {
	data := []byte(strings.Repeat("/P <</MCID 3>> BDC [(a) -20 (b) 3 (c)] TJ EMC\n", 100))
	lx := Lexer{B: data}
	lx.Recycle()
	read := func() {
		lx.Pos = 0
		for {
			_, _, isOp, ok := lx.Next()
			if !ok {
				return
			}
			if isOp {
				lx.Recycle()
			}
		}
	}
	read() // warm the arena and the names
	if n := testing.AllocsPerRun(10, read); n > 0 {
		t.Errorf("%v allocations to read 100 TJ arrays and property lists again", n)
	}
}

// FuzzRecycle: on any content, recycling arrays changes nothing a caller
// that uses each operator's operands before the next one can see.
func FuzzRecycle(f *testing.F) {
	f.Add("[(a) -20 (b)] TJ [[1] 2] x")
	f.Add("<</A [1 [2]]>> BDC")
	f.Fuzz(func(t *testing.T, data string) {
		want, got := normalize(tokens(data, false)), normalize(tokens(data, true))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\nrecycled %v\nwant     %v", data, got, want)
		}
	})
}
