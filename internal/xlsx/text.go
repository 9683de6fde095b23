package xlsx

import (
	"bufio"
	"unicode/utf16"
	"unicode/utf8"
)

// writeCellText writes the <t> element of a text cell, the way excelize
// (cell.go trimCellValue, lib.go bstrMarshal) writes it, so that a reader
// sees the cells it saw before pet wrote XLSX itself:
//
//   - text longer than MaxCellChars UTF-16 code units is cut there, before
//     the character that would cross the limit;
//   - xml:space="preserve" when the text starts or ends with a space, tab,
//     line feed or carriage return (looked at as bytes);
//   - & < > are escaped, a carriage return as &#xD; (a parser would read a
//     literal one as a line feed), tabs and line feeds stay literal;
//   - an invalid UTF-8 byte is U+FFFD, as encoding/xml writes it;
//   - a literal _xHHHH_ in the text has its underscore escaped as _x005F_,
//     since readers decode _xHHHH_ (SpreadsheetML's ST_Xstring escape).
//
// Two things excelize does not do, both so that the text reads back as
// written: a character XML 1.0 cannot hold (a control character other than
// tab, line feed and carriage return; U+FFFE; U+FFFF) is written as its
// _xHHHH_ escape, where excelize writes U+FFFD; and the underscore of every
// _xHHHH_ is escaped, also when sequences are chained (_x0041_x0042_) or
// the hex digits are a surrogate (_xD800_), which bstrMarshal gets wrong
// (it leaves the second of two chained sequences to be decoded, and drops
// a sequence that strconv.Unquote refuses).
func writeCellText(b *bufio.Writer, v string) {
	if len(v) > MaxCellChars { // a UTF-16 code unit takes a byte at least
		v = truncateUTF16(v, MaxCellChars)
	}
	b.WriteString(`<t`)
	if isSpace(v[0]) || isSpace(v[len(v)-1]) {
		b.WriteString(` xml:space="preserve"`)
	}
	b.WriteByte('>')
	start := 0
	for i := 0; i < len(v); {
		c := v[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(v[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b.WriteString(v[start:i])
				b.WriteString("\uFFFD")
			case r == 0xFFFE || r == 0xFFFF:
				b.WriteString(v[start:i])
				writeXEscape(b, r)
			default:
				i += size
				continue
			}
			i += size
			start = i
			continue
		}
		var esc string
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\r':
			esc = "&#xD;"
		case c == '_' && xEscapeAt(v, i):
			esc = "_x005F_"
		case c < 0x20 && c != '\t' && c != '\n':
			b.WriteString(v[start:i])
			writeXEscape(b, rune(c))
			i++
			start = i
			continue
		default:
			i++
			continue
		}
		b.WriteString(v[start:i])
		b.WriteString(esc)
		i++
		start = i
	}
	b.WriteString(v[start:])
	b.WriteString(`</t>`)
}

// xEscapeAt reports whether the underscore at v[i] would be read as the
// start of an _xHHHH_ escape: it is followed by x and four hex digits, and
// then by an underscore or by a character written as an escape (which
// starts with one).
func xEscapeAt(v string, i int) bool {
	if len(v) < i+7 || v[i+1] != 'x' {
		return false
	}
	for _, c := range []byte(v[i+2 : i+6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	switch c := v[i+6]; {
	case c == '_':
		return true
	case c < 0x20:
		return c != '\t' && c != '\n' && c != '\r'
	case c == 0xEF: // U+FFFE, U+FFFF: EF BF BE, EF BF BF
		r, _ := utf8.DecodeRuneInString(v[i+6:])
		return r == 0xFFFE || r == 0xFFFF
	}
	return false
}

// writeXEscape writes r as _xHHHH_.
func writeXEscape(b *bufio.Writer, r rune) {
	const hex = "0123456789ABCDEF"
	b.WriteString("_x")
	for shift := 12; shift >= 0; shift -= 4 {
		b.WriteByte(hex[r>>shift&15])
	}
	b.WriteByte('_')
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// truncateUTF16 cuts v before the character that takes it over n UTF-16
// code units (an invalid byte counts one, as its U+FFFD would).
func truncateUTF16(v string, n int) string {
	units := 0
	for i, r := range v {
		if units += utf16.RuneLen(r); units > n {
			return v[:i]
		}
	}
	return v
}

// isXMLChar reports whether XML 1.0 allows r in a document.
func isXMLChar(r rune) bool {
	switch {
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r <= 0xD7FF:
		return true
	case r < 0xE000:
		return false
	case r <= 0xFFFD:
		return true
	}
	return 0x10000 <= r && r <= utf8.MaxRune
}

// writeEscaped writes s escaped for an XML attribute value or element
// content; s holds only characters XML allows (sheet names are checked,
// the rest is ASCII of our own).
func writeEscaped(b *bufio.Writer, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\'':
			esc = "&apos;"
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(esc)
		start = i + 1
	}
	b.WriteString(s[start:])
}
