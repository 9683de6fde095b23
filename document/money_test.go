package document

import (
	"encoding/json"
	"errors"
	"github.com/petool/pet/internal/fuzzguard"
	"testing"
	"time"
)

func TestParseMoney(t *testing.T) {
	for _, tc := range []struct {
		in       string
		micros   int64
		decimals int
		out      string
	}{
		{"1,521.62", 1521620000, 2, "1521.62"},
		{"225.00", 225000000, 2, "225.00"},
		{"0.01", 10000, 2, "0.01"},
		{" 5,651.84 ", 5651840000, 2, "5651.84"},
		{"1,000,000.00", 1000000000000, 2, "1000000.00"},
		{"12345678901.23", 12345678901230000, 2, "12345678901.23"},
		{"3", 3000000, 0, "3"},
		{"3.5", 3500000, 1, "3.5"},
		{"-12.30", -12300000, 2, "-12.30"},
		{"－0.50", -500000, 2, "-0.50"},
		{"1，234.00", 1234000000, 2, "1234.00"},
	} {
		m, err := ParseMoney(tc.in)
		if err != nil {
			t.Errorf("ParseMoney(%q): %v", tc.in, err)
			continue
		}
		if m.Micros != tc.micros || m.Decimals != tc.decimals || m.String() != tc.out {
			t.Errorf("ParseMoney(%q) = %+v %q, want %d/%d %q", tc.in, m, m.String(), tc.micros, tc.decimals, tc.out)
		}
		b, _ := json.Marshal(m)
		if string(b) != tc.out {
			t.Errorf("JSON of %q = %s, want %s", tc.in, b, tc.out)
		}
	}
	for _, bad := range []string{"", "-", "1.2345678", "1234567890123", "12,34.00", "1,2345.00", "abc", "1.", ".5", "1e3", "5万", "1,,000"} {
		if _, err := ParseMoney(bad); !errors.Is(err, ErrNotMoney) {
			t.Errorf("ParseMoney(%q) err = %v, want ErrNotMoney", bad, err)
		}
	}
}

func TestGrouped(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{{"5640.84", "5,640.84"}, {"0.01", "0.01"}, {"1000000.00", "1,000,000.00"}, {"-1234.56", "-1,234.56"},
		{"3", "3.00"}, {"74332.064521", "74,332.064521"}, {"9.700000", "9.700000"}} {
		m, err := ParseMoney(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Grouped(); got != tc.want {
			t.Errorf("Grouped(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := GroupMicros(1234567, 2); got != "1.234567" {
		t.Errorf("GroupMicros keeps the digits a value needs: got %q", got)
	}
}

// FuzzParseMoney: whatever parses prints back to text that parses to the
// same amount, and never through floating point.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1,521.62", "225.00", "0", "-3.5", "1,000,000.00", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer fuzzguard.Budget(time.Second)()
		m, err := ParseMoney(s)
		if err != nil {
			return
		}
		back, err := ParseMoney(m.String())
		if err != nil || back != m {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, m, m.String(), back, err)
		}
		g, err := ParseMoney(m.Grouped())
		if err != nil || g.Micros != m.Micros {
			t.Fatalf("grouped %q does not read back: %v", m.Grouped(), err)
		}
	})
}
