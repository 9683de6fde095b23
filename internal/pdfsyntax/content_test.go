package pdfsyntax

import "testing"

func TestOperatorsAllocateNothing(t *testing.T) {
	src := []byte("q 1 0 0 1 0 0 cm BT /F1 9 Tf 0 0 Td ET Q W* n T* ' \" foo")
	var ops []string
	names := map[string]string{"F1": "F1"}
	allocs := testing.AllocsPerRun(20, func() {
		ops = ops[:0]
		lx := Lexer{B: src, names: names}
		for {
			op, _, isOp, ok := lx.Next()
			if !ok {
				break
			}
			if isOp {
				ops = append(ops, op)
			}
		}
	})
	want := []string{"q", "cm", "BT", "Tf", "Td", "ET", "Q", "W*", "n", "T*", "'", "\"", "foo"}
	if len(ops) != len(want) {
		t.Fatalf("operators %q, want %q", ops, want)
	}
	for i := range want {
		if ops[i] != want[i] {
			t.Fatalf("operators %q, want %q", ops, want)
		}
	}
	if allocs > 1 { // the unknown operator "foo" is the one allocation
		t.Errorf("%.0f allocations per stream, want at most 1", allocs)
	}
}
