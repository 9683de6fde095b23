package pdfload

// A small reader of PDF syntax, just enough to look at the file's container
// (header, tail, cross-reference chain) before handing it to the library:
// the library loops forever on a /Prev cycle, allocates whatever /Size or a
// subsection start says, and silently ignores /XRefStm.

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"

	"github.com/petool/pet/internal/lazyre"
	"github.com/petool/pet/internal/pdfsyntax"
)

const (
	// headerWindow is how far into the file a %PDF- header is looked for
	// (Acrobat accepts one within the first 1024 bytes).
	headerWindow = 1024
	// maxSections bounds the /Prev chain of cross-reference sections.
	maxSections = 4096
	// maxObjects bounds object numbers (PDF 1.7 Annex C: 8,388,607).
	maxObjects = 8388607
)

// The file-level syntax is pdfsyntax's; these names keep the code below
// short.
type (
	pdfName = pdfsyntax.Name
	pdfRef  = pdfsyntax.Ref
	keyword = pdfsyntax.Keyword
	lexer   = pdfsyntax.Lexer
)

// findHeader returns the offset of "%PDF-" within the header window, or -1.
func findHeader(data []byte) int {
	return bytes.Index(data[:min(len(data), headerWindow)], []byte("%PDF-"))
}

// goodHeader reports whether the library accepts the header of data, which
// starts with %PDF-: version 1.0 to 1.7 followed by an end of line.
func goodHeader(data []byte) bool {
	return len(data) >= 9 && string(data[5:7]) == "1." && data[7] >= '0' && data[7] <= '7' &&
		(data[8] == '\r' || data[8] == '\n')
}

// fixHeader returns a copy of data whose first nine bytes read "%PDF-1.7\n"
// (PDF 2.0, 1.8+, or a header followed by a comment on the same line). The
// header line is a comment to every reader, so no offset moves.
func fixHeader(data []byte) ([]byte, bool) {
	if len(data) < 9 || goodHeader(data) {
		return data, false
	}
	out := make([]byte, len(data))
	copy(out, data)
	copy(out, "%PDF-1.7\n")
	return out, true
}

const tailSpace = " \t\r\n\f\x00"

// bodyRE matches what shows that PDF objects follow a %%EOF, i.e. an
// incremental update or the rest of a linearized file that was cut off.
var bodyRE = lazyre.New(`\d+\s+\d+\s+obj\b|\bendobj\b|\bendstream\b|\bstartxref\s|(^|\s)xref\s+\d+\s+\d+|\btrailer\s*<<`)

// endOfFile returns the offset just past the %%EOF that ends the PDF data:
// the last one preceded by "startxref N" (garbage after the end may contain
// the string too), else the last one; -1 if there is none.
func endOfFile(data []byte) int {
	last := bytes.LastIndex(data, []byte("%%EOF"))
	for i := last; i >= 0; i = bytes.LastIndex(data[:i], []byte("%%EOF")) {
		before := bytes.TrimRight(data[max(0, i-64):i], tailSpace)
		j := len(before)
		for j > 0 && before[j-1] >= '0' && before[j-1] <= '9' {
			j--
		}
		if j < len(before) && bytes.HasSuffix(bytes.TrimRight(before[:j], tailSpace), []byte("startxref")) {
			return i + 5
		}
		if last-i > 1<<20 {
			break
		}
	}
	if last < 0 {
		return -1
	}
	return last + 5
}

// fixTail makes the end of the file acceptable to the library, which wants
// %%EOF within the last 100 bytes. It returns the (possibly shortened or
// extended) data and a note of what it did, or ErrTruncated.
func fixTail(data []byte) ([]byte, string, error) {
	trimmed := bytes.TrimRight(data, tailSpace)
	if bytes.HasSuffix(trimmed, []byte("%%EOF")) {
		if len(data)-len(trimmed) > 64 || bytes.ContainsAny(data[len(trimmed):], "\x00\f") {
			return trimmed, "dropped padding after %%EOF", nil
		}
		return data, "", nil
	}
	end := endOfFile(data)
	if end < 0 {
		// Everything but the %%EOF line itself may be there.
		if l := bytes.LastIndex(trimmed, []byte("startxref")); l >= 0 && len(trimmed)-l < 64 {
			lx := lexer{B: trimmed, Pos: l + len("startxref")}
			if t, err := lx.Token(); err == nil {
				if _, ok := t.(int64); ok {
					if lx.SkipSpace(); lx.Pos == len(trimmed) {
						out := make([]byte, len(trimmed), len(trimmed)+7)
						copy(out, trimmed)
						return append(out, "\n%%EOF\n"...), "added the missing %%EOF", nil
					}
				}
			}
		}
		return nil, "", fail(ErrTruncated, errors.New("no %%EOF"))
	}
	rest := data[end:]
	if bodyRE.Match(rest) {
		return nil, "", fail(ErrTruncated, fmt.Errorf("PDF data after the last %%%%EOF (at %d) is cut off", end-5))
	}
	return data[:end], fmt.Sprintf("dropped %d bytes after %%%%EOF", len(rest)), nil
}

// layout is what a look at the cross-reference chain found.
type layout struct {
	hybrid    bool  // some trailer has /XRefStm (the library ignores it)
	encrypted bool  // the newest trailer has /Encrypt
	unsafe    error // why the library must not be given the file
	// loop, when not zero, is the byte span of a "/Prev N" entry that
	// points back into the chain: blanking it out repairs the chain.
	loop [2]int
}

// inspect follows the cross-reference chain from the last startxref and
// checks what the library would otherwise trip over. It never fails: a
// problem is reported in layout.unsafe, and the caller repairs the file.
func inspect(data []byte) (lay layout) {
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		lay.unsafe = errors.New("no startxref")
		return lay
	}
	lx := lexer{B: tail, Pos: i + len("startxref")}
	t, err := lx.Token()
	off, ok := t.(int64)
	if err != nil || !ok {
		lay.unsafe = errors.New("startxref not followed by an offset")
		return lay
	}
	seen := map[int64]bool{}
	limit := int64(min(len(data)+1024, maxObjects))
	var prevSpan [2]int
	// Compressed objects as the library will see them (first seen wins),
	// to catch object streams that are, in a cycle, compressed in each
	// other: the library recurses on that until the stack overflows, which
	// no recover() catches.
	compressed := map[int]int{} // object -> its object stream; -1: not compressed
	offsets := map[int]int{}    // offsets of the uncompressed objects of xref streams
	defer func() {
		if lay.unsafe == nil && !lay.hybrid {
			lay.unsafe = checkObjStmChains(data, compressed, offsets)
		}
	}()
	for n := 0; ; n++ {
		if n >= maxSections {
			lay.unsafe = errors.New("too many cross-reference sections")
			return lay
		}
		if off <= 0 || off >= int64(len(data)) {
			lay.unsafe = fmt.Errorf("cross-reference offset %d outside the file", off)
			return lay
		}
		if seen[off] {
			lay.unsafe = fmt.Errorf("cross-reference chain loops at offset %d", off)
			lay.loop = prevSpan
			return lay
		}
		seen[off] = true
		trailer, span, err := section(data, off, limit)
		if err != nil {
			lay.unsafe = fmt.Errorf("cross-reference section at %d: %w", off, err)
			return lay
		}
		if n == 0 && trailer["Encrypt"] != nil {
			lay.encrypted = true
		}
		if trailer["Type"] == pdfName("XRef") {
			if err := streamEntries(data, span[1], trailer, compressed, offsets); err != nil {
				lay.unsafe = fmt.Errorf("cross-reference stream at %d: %w", off, err)
				return lay
			}
		}
		if x, ok := trailer["XRefStm"].(int64); ok {
			lay.hybrid = true
			if x > 0 && x < int64(len(data)) && !seen[x] {
				seen[x] = true
				if _, _, err := section(data, x, limit); err != nil {
					lay.unsafe = fmt.Errorf("cross-reference stream at %d: %w", x, err)
					return lay
				}
			}
		}
		prev, ok := trailer["Prev"]
		if !ok {
			return lay
		}
		if off, ok = prev.(int64); !ok {
			lay.unsafe = errors.New("/Prev is not an offset")
			return lay
		}
		prevSpan = [2]int{}
		if loc := prevRE.FindIndex(data[span[0]:span[1]]); loc != nil {
			prevSpan = [2]int{span[0] + loc[0], span[0] + loc[1]}
		}
	}
}

var prevRE = lazyre.New(`/Prev\s+\d+`)

// maxXRefStreamBytes bounds the decoded size of a cross-reference stream
// (20 million entries of up to 8 bytes would be far beyond maxObjects).
const maxXRefStreamBytes = 1 << 28

// streamEntries decodes the cross-reference stream whose dictionary d ends
// at dictEnd and records its entries in compressed, where not yet present.
// It decodes what the library decodes (Flate, optionally with the PNG Up
// predictor); for anything else the library fails with an error of its
// own, so nothing needs checking.
func streamEntries(data []byte, dictEnd int, d map[pdfName]any, compressed map[int]int, offsets map[int]int) error {
	eachStreamEntry(data, dictEnd, d, func(num, typ, f2, _ int) {
		if _, ok := compressed[num]; ok {
			return
		}
		if typ == 2 {
			compressed[num] = f2
		} else {
			compressed[num] = -1
			if typ == 1 {
				offsets[num] = f2
			}
		}
	})
	return nil
}

// eachStreamEntry decodes the cross-reference stream whose dictionary d
// ends at dictEnd, as streamEntries does, and calls f with each entry's
// object number, type and two fields, in stream order. It reports whether
// the stream could be decoded to its end.
func eachStreamEntry(data []byte, dictEnd int, d map[pdfName]any, f func(num, typ, f2, f3 int)) bool {
	length, ok := d["Length"].(int64)
	if !ok {
		return false
	}
	lx := lexer{B: data, Pos: dictEnd}
	if t, err := lx.Token(); err != nil || t != keyword("stream") {
		return false
	}
	start := lx.Pos
	if start < len(data) && data[start] == '\r' {
		start++
	}
	if start < len(data) && data[start] == '\n' {
		start++
	}
	if length < 0 || int64(start)+length > int64(len(data)) {
		return false
	}
	raw := data[start : start+int(length)]
	var w []int
	wsum := 0
	ww, _ := d["W"].([]any)
	for _, x := range ww {
		i, ok := x.(int64)
		if !ok || i < 0 || i > 8 {
			return false
		}
		w = append(w, int(i))
		wsum += int(i)
	}
	if len(w) < 3 || wsum == 0 {
		return false
	}
	var body []byte
	switch d["Filter"] {
	case nil:
		body = raw
	case pdfName("FlateDecode"):
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return false
		}
		body, _ = io.ReadAll(io.LimitReader(zr, maxXRefStreamBytes))
	default:
		return false
	}
	if parms, ok := d["DecodeParms"].(map[pdfName]any); ok && parms["Predictor"] != nil {
		if parms["Predictor"] != int64(12) {
			return false
		}
		cols := wsum
		if c, ok := parms["Columns"].(int64); ok {
			cols = int(c)
		}
		if cols != wsum {
			return false
		}
		rows := len(body) / (cols + 1)
		out := make([]byte, 0, rows*cols)
		prev := make([]byte, cols)
		for r := 0; r < rows; r++ {
			row := body[r*(cols+1) : (r+1)*(cols+1)]
			if row[0] != 2 {
				return false
			}
			for i := range prev {
				prev[i] += row[1+i]
			}
			out = append(out, prev...)
		}
		body = out
	}
	size, _ := d["Size"].(int64)
	index, _ := d["Index"].([]any)
	if index == nil {
		index = []any{int64(0), size}
	}
	field := func(b []byte) int {
		x := 0
		for _, c := range b {
			x = x<<8 | int(c)
		}
		return x
	}
	for len(index) >= 2 {
		first, _ := index[0].(int64)
		n, _ := index[1].(int64)
		index = index[2:]
		for i := int64(0); i < n; i++ {
			if len(body) < wsum {
				return false
			}
			e := body[:wsum]
			body = body[wsum:]
			typ := 1
			if w[0] > 0 {
				typ = field(e[:w[0]])
			}
			f(int(first+i), typ, field(e[w[0]:w[0]+w[1]]), field(e[w[0]+w[1]:w[0]+w[1]+w[2]]))
		}
	}
	return true
}

// checkObjStmChains reports objects whose object stream is itself
// compressed, in a chain that does not end, and object streams whose
// /Extends chain does not end: the library follows /Extends in a loop when
// an object is missing from its stream.
func checkObjStmChains(data []byte, compressed map[int]int, offsets map[int]int) error {
	streams := map[int]bool{}
	for num, stm := range compressed {
		if stm >= 0 {
			streams[stm] = true
		}
		for depth := 0; stm >= 0; depth++ {
			if depth > 32 {
				return fmt.Errorf("object %d: object streams compressed in each other", num)
			}
			next, ok := compressed[stm]
			if !ok {
				break
			}
			stm = next
		}
	}
	for stm := range streams {
		for depth, s := 0, stm; ; depth++ {
			if depth > 32 {
				return fmt.Errorf("object stream %d: /Extends chain does not end", stm)
			}
			off, ok := offsets[s]
			if !ok || off <= 0 || off >= len(data) {
				break
			}
			lx := lexer{B: data, Pos: off}
			if !objectStart(&lx) {
				break
			}
			d, err := lx.Value(0)
			if err != nil {
				break
			}
			dict, _ := d.(map[pdfName]any)
			ext, ok := dict["Extends"].(pdfRef)
			if !ok {
				break
			}
			s = int(ext.Num)
		}
	}
	return nil
}

// objectStart reads "n g obj" and reports whether it was there.
func objectStart(lx *lexer) bool {
	for i := 0; i < 2; i++ {
		t, err := lx.Token()
		if _, ok := t.(int64); err != nil || !ok {
			return false
		}
	}
	t, err := lx.Token()
	return err == nil && t == keyword("obj")
}

// section reads the cross-reference section (table or stream) at off and
// returns its trailer (or stream) dictionary and the byte span of that
// dictionary, checking object numbers against limit.
func section(data []byte, off, limit int64) (map[pdfName]any, [2]int, error) {
	lx := lexer{B: data, Pos: int(off)}
	d, err := sectionDict(&lx, limit)
	return d, [2]int{int(off), lx.Pos}, err
}

func sectionDict(lx *lexer, limit int64) (map[pdfName]any, error) {
	t, err := lx.Token()
	if err != nil {
		return nil, err
	}
	if t == keyword("xref") {
		return table(lx, limit)
	}
	// n g obj << ... >> stream
	if _, ok := t.(int64); !ok {
		return nil, errors.New("neither a table nor a stream")
	}
	if g, err := lx.Token(); err != nil {
		return nil, err
	} else if _, ok := g.(int64); !ok {
		return nil, errors.New("neither a table nor a stream")
	}
	if kw, err := lx.Token(); err != nil || kw != keyword("obj") {
		return nil, errors.New("neither a table nor a stream")
	}
	v, err := lx.Value(0)
	if err != nil {
		return nil, err
	}
	d, ok := v.(map[pdfName]any)
	if !ok || d["Type"] != pdfName("XRef") {
		return nil, errors.New("not a cross-reference stream")
	}
	size, ok := d["Size"].(int64)
	if !ok || size < 0 || size > limit {
		return nil, fmt.Errorf("/Size %v out of range", d["Size"])
	}
	if idx, ok := d["Index"].([]any); ok {
		for i := 0; i+1 < len(idx); i += 2 {
			s, ok1 := idx[i].(int64)
			c, ok2 := idx[i+1].(int64)
			if !ok1 || !ok2 || s < 0 || c < 0 || s+c > limit {
				return nil, errors.New("/Index out of range")
			}
		}
	}
	return d, nil
}

// table reads a classic xref table after the keyword "xref".
func table(lx *lexer, limit int64) (map[pdfName]any, error) {
	for {
		save := lx.Pos
		t, err := lx.Token()
		if err != nil {
			return nil, err
		}
		if t == keyword("trailer") {
			break
		}
		start, ok1 := t.(int64)
		c, err := lx.Token()
		if err != nil {
			return nil, err
		}
		count, ok2 := c.(int64)
		if !ok1 || !ok2 || start < 0 || count < 0 || start+count > limit {
			return nil, fmt.Errorf("bad subsection at %d", save)
		}
		// Entries are 20 bytes each; skip them at once when the layout
		// allows, else token by token.
		lx.SkipSpace()
		if end := lx.Pos + int(count)*20; end <= len(lx.B) && (count == 0 || lx.B[end-3] == 'n' || lx.B[end-3] == 'f') {
			lx.Pos = end
			continue
		}
		for i := int64(0); i < count*3; i++ {
			if _, err := lx.Token(); err != nil {
				return nil, err
			}
		}
	}
	v, err := lx.Value(0)
	if err != nil {
		return nil, err
	}
	d, ok := v.(map[pdfName]any)
	if !ok {
		return nil, errors.New("trailer is not a dictionary")
	}
	return d, nil
}
