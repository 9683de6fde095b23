package document

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParseMoney(t *testing.T) {
	for _, tc := range []struct {
		in         string
		hundredths int64
		decimals   int
		out        string
	}{
		{"1,521.62", 152162, 2, "1521.62"},
		{"225.00", 22500, 2, "225.00"},
		{"0.01", 1, 2, "0.01"},
		{" 5,651.84 ", 565184, 2, "5651.84"},
		{"1,000,000.00", 100000000, 2, "1000000.00"},
		{"12345678901.23", 1234567890123, 2, "12345678901.23"},
		{"3", 300, 0, "3"},
		{"3.5", 350, 1, "3.5"},
		{"-12.30", -1230, 2, "-12.30"},
		{"－0.50", -50, 2, "-0.50"},
		{"1，234.00", 123400, 2, "1234.00"},
	} {
		m, err := ParseMoney(tc.in)
		if err != nil {
			t.Errorf("ParseMoney(%q): %v", tc.in, err)
			continue
		}
		if m.Hundredths != tc.hundredths || m.Decimals != tc.decimals || m.String() != tc.out {
			t.Errorf("ParseMoney(%q) = %+v %q, want %d/%d %q", tc.in, m, m.String(), tc.hundredths, tc.decimals, tc.out)
		}
		b, _ := json.Marshal(m)
		if string(b) != tc.out {
			t.Errorf("JSON of %q = %s, want %s", tc.in, b, tc.out)
		}
	}
	for _, bad := range []string{"", "-", "1.234", "12,34.00", "1,2345.00", "abc", "1.", ".5", "1e3", "5万", "1,,000"} {
		if _, err := ParseMoney(bad); !errors.Is(err, ErrNotMoney) {
			t.Errorf("ParseMoney(%q) err = %v, want ErrNotMoney", bad, err)
		}
	}
}

func TestGrouped(t *testing.T) {
	for v, want := range map[int64]string{564084: "5,640.84", 1: "0.01", 100000000: "1,000,000.00", -123456: "-1,234.56"} {
		if got := GroupHundredths(v); got != want {
			t.Errorf("GroupHundredths(%d) = %q, want %q", v, got, want)
		}
	}
}

// FuzzParseMoney: whatever parses prints back to text that parses to the
// same amount, and never through floating point.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1,521.62", "225.00", "0", "-3.5", "1,000,000.00", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			return
		}
		back, err := ParseMoney(m.String())
		if err != nil || back != m {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, m, m.String(), back, err)
		}
		g, err := ParseMoney(m.Grouped())
		if err != nil || g.Hundredths != m.Hundredths {
			t.Fatalf("grouped %q does not read back: %v", m.Grouped(), err)
		}
	})
}
