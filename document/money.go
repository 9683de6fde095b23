package document

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Money is an exact amount as printed in the table: Hundredths is the value in
// hundredths of the currency unit, Decimals the number of decimals printed
// (0, 1 or 2). Money never passes through floating point.
type Money struct {
	Hundredths int64
	Decimals   int
}

// ErrNotMoney is returned by ParseMoney for text that is not an amount.
var ErrNotMoney = errors.New("not an amount")

// ParseMoney reads an amount as printed: optional sign, digits with optional
// thousands separators (ASCII or full-width comma), and up to two decimals.
// Surrounding spaces are ignored. It does not accept empty text: callers treat
// an empty cell as no amount.
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	t = strings.ReplaceAll(t, "，", ",")
	neg := false
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "－") {
		neg = true
		t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "－")
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if intPart == "" || len(frac) > 2 || (hasDot && frac == "") {
		return Money{}, fmt.Errorf("%q: %w", s, ErrNotMoney)
	}
	// Thousands separators must group by three when present.
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) == 0 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return Money{}, fmt.Errorf("%q: %w", s, ErrNotMoney)
			}
		}
		intPart = strings.Join(groups, "")
	}
	if !allDigits(intPart) || !allDigits(frac) || len(intPart) > 16 {
		return Money{}, fmt.Errorf("%q: %w", s, ErrNotMoney)
	}
	whole, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return Money{}, fmt.Errorf("%q: %w", s, ErrNotMoney)
	}
	cents := int64(0)
	switch len(frac) {
	case 1:
		cents = int64(frac[0]-'0') * 10
	case 2:
		cents = int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	}
	v := whole*100 + cents
	if neg {
		v = -v
	}
	return Money{Hundredths: v, Decimals: len(frac)}, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String formats the amount with its printed number of decimals and no
// thousands separators: 1521.62, 225.00, 3.
func (m Money) String() string {
	return FormatHundredths(m.Hundredths, m.Decimals)
}

// Grouped formats the amount with thousands separators and two decimals, the
// way budget tables print it (5,640.84); for messages.
func (m Money) Grouped() string {
	return GroupHundredths(m.Hundredths)
}

// FormatHundredths formats v hundredths with the given number of decimals
// (0, 1 or 2; digits dropped by fewer decimals must be zero to be exact).
func FormatHundredths(v int64, decimals int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := fmt.Sprintf("%d.%02d", v/100, v%100)
	switch decimals {
	case 0:
		if v%100 == 0 {
			s = s[:len(s)-3]
		}
	case 1:
		if v%10 == 0 {
			s = s[:len(s)-1]
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

// GroupHundredths formats v hundredths as 1,234.56.
func GroupHundredths(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	digits := strconv.FormatInt(v/100, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	fmt.Fprintf(&b, ".%02d", v%100)
	return b.String()
}

// MarshalJSON writes the amount as a JSON number with its printed decimals.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalJSON reads a JSON number exactly, without floating point.
func (m *Money) UnmarshalJSON(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalYAML writes the amount as a YAML number with its printed decimals.
func (m Money) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: m.String()}, nil
}

// UnmarshalYAML reads a YAML number exactly.
func (m *Money) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseMoney(n.Value)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Decimal is an exact decimal number kept as its canonical text (95, 0.5,
// 10000000); it is written to JSON and YAML as a number.
type Decimal string

// MarshalJSON writes the number as a JSON number.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	return []byte(d), nil
}

// UnmarshalJSON reads a JSON number as its text.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	*d = Decimal(b)
	return nil
}

// MarshalYAML writes the number as a YAML number.
func (d Decimal) MarshalYAML() (any, error) {
	tag := "!!int"
	if strings.ContainsAny(string(d), ".eE") {
		tag = "!!float"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(d)}, nil
}

// UnmarshalYAML reads a YAML number as its text.
func (d *Decimal) UnmarshalYAML(n *yaml.Node) error {
	*d = Decimal(n.Value)
	return nil
}
