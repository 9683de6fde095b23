package document

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// MaxDecimals is the most decimals an amount may print (Beijing's tables
// print 万元 amounts with six: 9.700000).
const MaxDecimals = 6

// Money is an exact amount as printed in the table: Micros is the value in
// millionths of the currency unit, Decimals the number of decimals printed
// (0 to MaxDecimals). Money never passes through floating point.
type Money struct {
	Micros   int64
	Decimals int
}

// Hundredths returns an amount of v hundredths printed with decimals
// decimals (0, 1 or 2).
func Hundredths(v int64, decimals int) Money {
	return Money{Micros: v * 10000, Decimals: decimals}
}

// ErrNotMoney is returned by ParseMoney for text that is not an amount.
var ErrNotMoney = errors.New("not an amount")

// maxIntegerDigits bounds the digits before the point so that the value in
// millionths fits an int64.
const maxIntegerDigits = 12

// ParseMoney reads an amount as printed: optional sign, digits with optional
// thousands separators (ASCII or full-width comma), and up to MaxDecimals
// decimals. Surrounding spaces are ignored. It does not accept empty text:
// callers treat an empty cell as no amount.
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	t = strings.ReplaceAll(t, "，", ",")
	neg := false
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "－") {
		neg = true
		t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "－")
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if intPart == "" || len(frac) > MaxDecimals || (hasDot && frac == "") {
		return Money{}, fmt.Errorf("%q: %w", clip(s), ErrNotMoney)
	}
	// Thousands separators must group by three when present.
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) == 0 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return Money{}, fmt.Errorf("%q: %w", clip(s), ErrNotMoney)
			}
		}
		intPart = strings.Join(groups, "")
	}
	if !allDigits(intPart) || !allDigits(frac) || len(intPart) > maxIntegerDigits {
		return Money{}, fmt.Errorf("%q: %w", clip(s), ErrNotMoney)
	}
	whole, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return Money{}, fmt.Errorf("%q: %w", clip(s), ErrNotMoney)
	}
	micros := int64(0)
	for i := 0; i < MaxDecimals; i++ {
		micros *= 10
		if i < len(frac) {
			micros += int64(frac[i] - '0')
		}
	}
	v := whole*1000000 + micros
	if neg {
		v = -v
	}
	return Money{Micros: v, Decimals: len(frac)}, nil
}

// clip shortens text quoted in an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
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
// thousands separators: 1521.62, 225.00, 3, 9.700000.
func (m Money) String() string {
	return FormatMicros(m.Micros, m.Decimals)
}

// Grouped formats the amount with thousands separators and at least two
// decimals, the way budget tables print it (5,640.84); for messages.
func (m Money) Grouped() string {
	return GroupMicros(m.Micros, max(m.Decimals, 2))
}

// FormatMicros formats v millionths with the given number of decimals
// (0 to MaxDecimals). Digits dropped by fewer decimals must be zero to be
// exact; where they are not, as many decimals as needed are printed.
func FormatMicros(v int64, decimals int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	frac := fmt.Sprintf("%06d", v%1000000)
	need := len(strings.TrimRight(frac, "0"))
	decimals = min(max(decimals, need), MaxDecimals)
	s := strconv.FormatInt(v/1000000, 10)
	if decimals > 0 {
		s += "." + frac[:decimals]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// GroupMicros formats v millionths as 1,234.56 with the given decimals (more
// where the value needs them).
func GroupMicros(v int64, decimals int) string {
	plain := FormatMicros(v, decimals)
	neg := strings.HasPrefix(plain, "-")
	plain = strings.TrimPrefix(plain, "-")
	digits, frac, hasFrac := strings.Cut(plain, ".")
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
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
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

// Ref returns a pointer to a copy of m, for the optional money fields.
func (m Money) Ref() *Money { return &m }
