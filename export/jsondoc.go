package export

import (
	"strconv"
	"unicode/utf8"

	"github.com/petool/pet/document"
)

// appendDocumentJSON appends doc as JSON indented by two spaces after
// prefix on every line but the first, byte for byte what encoding/json's
// Encoder with SetEscapeHTML(false) writes for it laid out by appendIndent
// (json.Indent's layout), without reflection and in one pass: a one-file run
// of pet spent more time building encoding/json's encoders for the
// contract's types, and laying out their output again, than reading the
// table. ok is false, and dst unusable, when a value is one only
// encoding/json can judge (a Money or Decimal that is not a plain JSON
// number); the caller then encodes doc with encoding/json.
//
// TestDocumentJSONIsEncodingJSON holds it to encoding/json on every field
// of every contract type, filled at random, so a field added to one of them
// fails the test until it is added here.
func appendDocumentJSON(dst []byte, d *document.Document, prefix string) (_ []byte, ok bool) {
	if hint := jsonSizeHint(d); cap(dst)-len(dst) < hint {
		// Not slices.Grow: it clears the room it makes, and so touches
		// every page of it; make takes fresh memory as it comes.
		grown := make([]byte, len(dst), len(dst)+hint)
		copy(grown, dst)
		dst = grown
	}
	e := docEncoder{b: dst, ok: true, nl: append([]byte{'\n'}, prefix...)}
	e.document(d)
	return e.b, e.ok
}

// jsonSizeHint is about the size of d's JSON, more rather than less (1.6
// to 1.8 times on real tables), so that the buffer is allocated once
// instead of doubling while the JSON is appended: a page of it left unused
// is never touched, so costs nothing.
func jsonSizeHint(d *document.Document) int {
	n := 1024 + len(d.Source) + len(d.Title) + len(d.Department) + len(d.Tables)*200
	for i := range d.Rows {
		r := &d.Rows[i]
		n += 1000 + len(r.Name) + len(r.Goal) + len(r.LongTermGoal) + len(r.IndicatorsText) + len(r.OtherMoney)*100
		if r.Unit != nil {
			n += len(*r.Unit)
		}
		for j := range r.Indicators {
			in := &r.Indicators[j]
			n += 800 + len(in.Level1) + len(in.Level2) + len(in.Name) + len(in.PeriodValue) + len(in.AnnualValue) + len(in.Extra)*100
		}
	}
	for _, w := range d.Warnings {
		n += 150 + len(w.Message)
	}
	return n
}

// docEncoder appends the contract's types as indented JSON.
type docEncoder struct {
	b  []byte
	ok bool
	nl []byte // a newline, the prefix and two spaces per level
}

// newline starts a line.
func (e *docEncoder) newline() { e.b = append(e.b, e.nl...) }

// open starts a non-empty object or array.
func (e *docEncoder) open(c byte) {
	e.b = append(e.b, c)
	e.nl = append(e.nl, ' ', ' ')
	e.newline()
}

// next separates two members or elements.
func (e *docEncoder) next() {
	e.b = append(e.b, ',')
	e.newline()
}

// close ends what open started.
func (e *docEncoder) close(c byte) {
	e.nl = e.nl[:len(e.nl)-2]
	e.newline()
	e.b = append(e.b, c)
}

func (e *docEncoder) key(k string) { // k is a field name: nothing to escape
	e.b = append(e.b, '"')
	e.b = append(e.b, k...)
	e.b = append(e.b, '"', ':', ' ')
}

func (e *docEncoder) str(k, v string) {
	e.key(k)
	e.b = appendJSONString(e.b, v, false)
}

func (e *docEncoder) int(k string, v int) {
	e.key(k)
	e.b = strconv.AppendInt(e.b, int64(v), 10)
}

func (e *docEncoder) optStr(k string, v *string) {
	e.key(k)
	if v == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.b = appendJSONString(e.b, *v, false)
}

func (e *docEncoder) optInt(k string, v *int) {
	e.key(k)
	if v == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.b = strconv.AppendInt(e.b, int64(*v), 10)
}

// number appends s, which a MarshalJSON method returned, as encoding/json
// would: as it is when it is a JSON number; anything else is left to
// encoding/json.
func (e *docEncoder) number(s string) {
	if !isJSONNumber(s) {
		e.ok = false
		return
	}
	e.b = append(e.b, s...)
}

func (e *docEncoder) money(m *document.Money) {
	if m == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.number(m.String())
}

func (e *docEncoder) decimal(d document.Decimal) {
	if d == "" {
		e.b = append(e.b, "null"...)
		return
	}
	e.number(string(d))
}

func (e *docEncoder) document(d *document.Document) {
	e.open('{')
	e.str("source", d.Source)
	e.next()
	e.int("pages", d.Pages)
	e.next()
	e.str("layout", d.Layout)
	e.next()
	e.str("title", d.Title)
	e.next()
	e.str("department", d.Department)
	e.next()
	e.str("currency_unit", d.CurrencyUnit)
	e.next()
	e.optInt("year", d.Year)
	e.next()
	e.key("tables")
	appendList(e, d.Tables, (*docEncoder).table)
	e.next()
	e.key("rows")
	appendList(e, d.Rows, (*docEncoder).row)
	e.next()
	e.key("warnings")
	appendList(e, d.Warnings, (*docEncoder).warning)
	e.close('}')
}

// appendList appends s as a JSON array, null when s is nil.
func appendList[T any](e *docEncoder, s []T, elem func(*docEncoder, *T)) {
	switch {
	case s == nil:
		e.b = append(e.b, "null"...)
		return
	case len(s) == 0:
		e.b = append(e.b, '[', ']')
		return
	}
	e.open('[')
	for i := range s {
		if i > 0 {
			e.next()
		}
		elem(e, &s[i])
	}
	e.close(']')
}

// namedObject appends what a NamedMoney or NamedText MarshalJSON writes:
// an object of n members in order, {} when there are none (nil included),
// the members laid out as json.Indent lays them out.
func (e *docEncoder) namedObject(n int, member func(i int)) {
	if n == 0 {
		e.b = append(e.b, '{', '}')
		return
	}
	e.open('{')
	for i := range n {
		if i > 0 {
			e.next()
		}
		member(i)
	}
	e.close('}')
}

func (e *docEncoder) table(t *document.Table) {
	e.open('{')
	e.str("title", t.Title)
	e.next()
	e.str("layout", t.Layout)
	e.next()
	e.int("first_page", t.FirstPage)
	e.next()
	e.int("last_page", t.LastPage)
	e.close('}')
}

func (e *docEncoder) row(r *document.Row) {
	e.open('{')
	e.int("seq", r.Seq)
	e.next()
	e.str("level", r.Level)
	e.next()
	e.optStr("code", r.Code)
	e.next()
	e.str("name", r.Name)
	e.next()
	e.optStr("unit", r.Unit)
	for i, m := range r.MoneyColumns() {
		e.next()
		e.key(document.MoneyColumnNames[i])
		e.money(m)
	}
	e.next()
	e.key("other_money")
	// NamedMoney.MarshalJSON: keys escaped by json.Marshal.
	e.namedObject(len(r.OtherMoney), func(i int) {
		e.b = appendJSONString(e.b, r.OtherMoney[i].Name, true)
		e.b = append(e.b, ':', ' ')
		e.money(r.OtherMoney[i].Value)
	})
	e.next()
	e.str("goal", r.Goal)
	e.next()
	e.str("long_term_goal", r.LongTermGoal)
	e.next()
	e.str("indicators_text", r.IndicatorsText)
	e.next()
	e.key("indicators")
	appendList(e, r.Indicators, (*docEncoder).indicator)
	e.next()
	e.int("page", r.Page)
	e.next()
	e.int("table", r.Table)
	e.close('}')
}

func (e *docEncoder) indicator(in *document.Indicator) {
	e.open('{')
	e.int("seq", in.Seq)
	e.next()
	e.str("level1_code", in.Level1Code)
	e.next()
	e.str("level1", in.Level1)
	e.next()
	e.str("level2_code", in.Level2Code)
	e.next()
	e.str("level2", in.Level2)
	e.next()
	e.str("name", in.Name)
	e.next()
	e.str("period_value", in.PeriodValue)
	e.next()
	e.str("annual_value", in.AnnualValue)
	e.next()
	e.str("direction", in.Direction)
	e.next()
	e.str("measure_unit", in.MeasureUnit)
	e.next()
	e.key("weight")
	if in.Weight == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.decimal(*in.Weight)
	}
	e.next()
	e.key("extra")
	// NamedText.MarshalJSON: keys and values escaped by json.Marshal.
	e.namedObject(len(in.Extra), func(i int) {
		e.b = appendJSONString(e.b, in.Extra[i].Name, true)
		e.b = append(e.b, ':', ' ')
		e.b = appendJSONString(e.b, in.Extra[i].Value, true)
	})
	e.next()
	e.key("target")
	if t := in.Target; t == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.open('{')
		e.str("op", t.Op)
		e.next()
		e.key("value")
		e.decimal(t.Value)
		e.next()
		e.str("unit", t.Unit)
		e.close('}')
	}
	e.close('}')
}

func (e *docEncoder) warning(w *document.Warning) {
	e.open('{')
	e.str("code", w.Code)
	if w.Row != 0 { // omitempty
		e.next()
		e.int("row", w.Row)
	}
	if w.Page != 0 {
		e.next()
		e.int("page", w.Page)
	}
	e.next()
	e.str("message", w.Message)
	e.close('}')
}

// isJSONNumber reports whether s is a number in JSON's grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

const jsonHex = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes a string:
// ", \ and control characters escaped (\b \f \n \r \t by name), invalid
// UTF-8 as \ufffd, U+2028 and U+2029 as \u2028 and \u2029, and with
// escapeHTML also <, > and & as \u003c, \u003e and \u0026.
func appendJSONString(dst []byte, s string, escapeHTML bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !jsonSafe(c, escapeHTML) {
				dst = append(dst, s[start:i]...)
				dst = appendEscapedASCII(dst, c)
				start = i + 1
			}
			i++
			continue
		}
		// A three-byte sequence (CJK text is made of them) that is valid
		// and not U+2028 or U+2029 (E2 80 A8, E2 80 A9) is kept as it is.
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			!(c == 0xE2 && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[r&0xF])
			start = i + size
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// jsonSafe reports whether the ASCII byte c stands for itself in a JSON
// string as encoding/json writes it.
func jsonSafe(c byte, escapeHTML bool) bool {
	return c >= 0x20 && c != '"' && c != '\\' && (!escapeHTML || (c != '<' && c != '>' && c != '&'))
}

// appendEscapedASCII appends the escape of an ASCII byte that is not
// jsonSafe.
func appendEscapedASCII(dst []byte, c byte) []byte {
	switch c {
	case '\\', '"':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', jsonHex[c>>4], jsonHex[c&0xF])
}
