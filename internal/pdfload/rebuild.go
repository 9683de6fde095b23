package pdfload

// Rebuilding the cross-reference data from the objects themselves, as
// viewers do when the xref table is damaged: scan the file for "n g obj",
// read the headers of object streams, and append one new cross-reference
// stream that lists everything found. The file's own bytes are kept, so
// nothing is re-encoded; the library then reads it through the new section.

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/petool/pet/internal/pdfsyntax"
)

// maxObjStmBytes bounds the decompressed size of one object stream.
const maxObjStmBytes = 64 << 20

// entry is where object num lives: at off, or as object idx of object
// stream stm. pos orders versions: the one found later in the file wins.
type entry struct {
	pos        int
	compressed bool
	off        int
	gen        int
	stm, idx   int
}

type rebuilder struct {
	data     []byte
	objs     map[int]entry
	streams  []objStm                   // object streams found
	trailers []rawTrailer               // trailer and xref-stream dictionaries
	catalogs []int                      // objects of /Type /Catalog, in file order
	dicts    map[int]map[pdfName][]byte // raw dictionaries of object streams and catalogs
}

type rawTrailer struct {
	pos  int
	dict map[pdfName][]byte
}

type objStm struct {
	num, pos   int
	dict       map[pdfName]any
	start, end int // stream data
}

// rebuild returns a new cross-reference stream, built from the objects
// found in data, for the file data followed by it (joined).
func rebuild(data []byte) (tail []byte, err error) {
	rb := &rebuilder{data: data, objs: map[int]entry{}, dicts: map[int]map[pdfName][]byte{}}
	rb.scan()
	headers := rb.objStmHeaders()
	for i, s := range rb.streams {
		if e := rb.objs[s.num]; e.compressed || e.off != s.pos {
			continue // a stale version
		}
		rb.readObjStm(s, headers[i])
	}
	// An object stream must itself be stored directly: the library
	// recurses without end on a stream compressed in a stream.
	for num, e := range rb.objs {
		if e.compressed {
			if s, ok := rb.objs[e.stm]; !ok || s.compressed {
				delete(rb.objs, num)
			}
		}
	}
	if len(rb.objs) == 0 {
		return nil, errors.New("no objects found")
	}
	trailer, err := rb.trailer()
	if err != nil {
		return nil, err
	}
	return rb.write(trailer)
}

// joined reads head followed by tail as one file of len(head)+len(tail)
// bytes: a rebuilt file is the input with a cross-reference stream
// appended, read without copying the input.
type joined struct{ head, tail []byte }

func (j joined) ReadAt(p []byte, off int64) (int, error) {
	size := int64(len(j.head) + len(j.tail))
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= size {
		return 0, io.EOF
	}
	n := 0
	if off < int64(len(j.head)) {
		n = copy(p, j.head[off:])
	}
	if n < len(p) {
		n += copy(p[n:], j.tail[max(0, off+int64(n)-int64(len(j.head))):])
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// bytes returns the file j reads, copied into one slice.
func (j joined) bytes() []byte {
	return append(append(make([]byte, 0, len(j.head)+len(j.tail)), j.head...), j.tail...)
}

// scan finds the objects, trailers and object streams of the file.
func (rb *rebuilder) scan() {
	data := rb.data
	for i := 0; ; {
		t := bytes.Index(data[i:], []byte("trailer"))
		if t < 0 {
			break
		}
		lx := lexer{B: data, Pos: i + t + len("trailer")}
		if d, err := rawDict(&lx); err == nil {
			rb.trailers = append(rb.trailers, rawTrailer{i + t, d})
		}
		i += t + len("trailer")
	}
	for i := 0; i < len(data); {
		k := bytes.Index(data[i:], []byte("obj"))
		if k < 0 {
			return
		}
		at := i + k
		i = at + 3
		if at+3 < len(data) && !pdfsyntax.IsWhite(data[at+3]) && !pdfsyntax.IsDelimiter(data[at+3]) {
			continue
		}
		num, gen, start, ok := objHeader(data, at)
		if !ok {
			continue
		}
		lx := lexer{B: data, Pos: at + 3}
		save := lx.Pos
		d, err := rawDict(&lx)
		isDict := err == nil
		if !isDict {
			lx.Pos = save
		}
		rb.add(num, entry{pos: start, off: start, gen: gen})
		if !isDict {
			continue
		}
		i = lx.Pos
		typ := parseRaw(d["Type"])
		if typ == pdfName("Catalog") {
			rb.catalogs = append(rb.catalogs, num)
			rb.dicts[num] = d
		}
		if typ == pdfName("XRef") {
			rb.trailers = append(rb.trailers, rawTrailer{start, d})
		}
		// Skip stream data so that nothing inside is taken for an object.
		if tok, err := lx.Token(); err == nil && tok == keyword("stream") {
			s := lx.Pos
			if s < len(data) && data[s] == '\r' {
				s++
			}
			if s < len(data) && data[s] == '\n' {
				s++
			}
			e := bytes.Index(data[s:], []byte("endstream"))
			if e < 0 {
				return
			}
			if typ == pdfName("ObjStm") {
				dict := map[pdfName]any{}
				for key, raw := range d {
					dict[key] = parseRaw(raw)
				}
				rb.streams = append(rb.streams, objStm{num: num, pos: start, dict: dict, start: s, end: s + e})
			}
			i = s + e + len("endstream")
		}
	}
}

func (rb *rebuilder) add(num int, e entry) {
	if old, ok := rb.objs[num]; ok && old.pos > e.pos {
		return
	}
	rb.objs[num] = e
}

// objHeader checks that "obj" at i is preceded by "num gen " and returns
// them with the offset of num.
func objHeader(data []byte, i int) (num, gen, start int, ok bool) {
	j := i
	for j > 0 && pdfsyntax.IsWhite(data[j-1]) {
		j--
	}
	e := j
	for j > 0 && data[j-1] >= '0' && data[j-1] <= '9' {
		j--
	}
	if j == e || e-j > 5 || j == i {
		return
	}
	gen, _ = strconv.Atoi(string(data[j:e]))
	k := j
	for k > 0 && pdfsyntax.IsWhite(data[k-1]) {
		k--
	}
	if k == j {
		return
	}
	e = k
	for k > 0 && data[k-1] >= '0' && data[k-1] <= '9' {
		k--
	}
	if k == e || e-k > 10 || (k > 0 && !pdfsyntax.IsWhite(data[k-1]) && !pdfsyntax.IsDelimiter(data[k-1])) {
		return
	}
	num, err := strconv.Atoi(string(data[k:e]))
	if err != nil || num <= 0 || num > maxObjects {
		return
	}
	return num, gen, k, true
}

// objStmHeaders returns the header of each of rb.streams that is, when
// the scan ends, the current version of its object (objStmHeader), nil for
// the others. Inflating a header inflates a whole window (32 KB) of the
// stream: the streams are inflated on every core, which the file's
// reading waits for.
func (rb *rebuilder) objStmHeaders() [][]byte {
	headers := make([][]byte, len(rb.streams))
	var todo []int
	for i, s := range rb.streams {
		if e := rb.objs[s.num]; !e.compressed && e.off == s.pos {
			todo = append(todo, i)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	if workers <= 1 {
		for _, i := range todo {
			headers[i] = rb.objStmHeader(rb.streams[i], nil)
		}
		return headers
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var zr io.ReadCloser // reused from stream to stream
			for i := range next {
				headers[i] = rb.objStmHeader(rb.streams[i], &zr)
			}
		}()
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	return headers
}

// objStmHeader returns the header of object stream s (its first First
// bytes, inflated: object numbers and offsets), nil when it cannot be
// read; not the objects after it. zr, when not nil, holds a zlib reader to
// reuse. It only reads rb.
func (rb *rebuilder) objStmHeader(s objStm, zr *io.ReadCloser) []byte {
	raw := rb.data[s.start:s.end]
	if l, ok := s.dict["Length"].(int64); ok && l >= 0 && l <= int64(len(raw)) {
		raw = raw[:l]
	}
	n, _ := s.dict["N"].(int64)
	first, _ := s.dict["First"].(int64)
	if n <= 0 || first <= 0 || first > maxObjStmBytes {
		return nil
	}
	filter := s.dict["Filter"]
	if a, ok := filter.([]any); ok {
		if len(a) != 1 || a[0] != pdfName("FlateDecode") {
			return nil
		}
		filter = a[0] // [/FlateDecode]
	}
	var body []byte
	switch filter {
	case nil:
		body = raw
	case pdfName("FlateDecode"):
		if s.dict["DecodeParms"] != nil {
			return nil
		}
		var r io.ReadCloser
		if zr != nil && *zr != nil {
			if err := (*zr).(zlib.Resetter).Reset(bytes.NewReader(raw), nil); err != nil {
				return nil
			}
			r = *zr
		} else {
			var err error
			if r, err = zlib.NewReader(bytes.NewReader(raw)); err != nil {
				return nil
			}
			if zr != nil {
				*zr = r
			}
		}
		body = make([]byte, first)
		k, _ := io.ReadFull(r, body)
		body = body[:k]
	default:
		return nil
	}
	if first > int64(len(body)) {
		return nil
	}
	return body[:first]
}

// readObjStm adds the objects listed in header, object stream s's.
func (rb *rebuilder) readObjStm(s objStm, header []byte) {
	if header == nil {
		return
	}
	n, _ := s.dict["N"].(int64)
	lx := lexer{B: header}
	for i := 0; i < int(n); i++ {
		a, err1 := lx.Token()
		b, err2 := lx.Token()
		num, ok1 := a.(int64)
		_, ok2 := b.(int64)
		if err1 != nil || err2 != nil || !ok1 || !ok2 || num <= 0 || num > maxObjects {
			return
		}
		if int(num) == s.num {
			continue
		}
		rb.add(int(num), entry{pos: s.pos, compressed: true, stm: s.num, idx: i})
	}
}

// trailer picks the entries of the new trailer: the last trailer (or xref
// stream dictionary) whose /Root names an object found, else the last
// catalog object.
func (rb *rebuilder) trailer() (map[pdfName][]byte, error) {
	exists := func(raw []byte) bool {
		r, ok := parseRaw(raw).(pdfRef)
		if !ok {
			return false
		}
		_, ok = rb.objs[int(r.Num)]
		return ok
	}
	slices.SortStableFunc(rb.trailers, func(a, b rawTrailer) int { return a.pos - b.pos })
	for _, rt := range slices.Backward(rb.trailers) {
		t := rt.dict
		if exists(t["Root"]) {
			out := map[pdfName][]byte{"Root": t["Root"]}
			for _, k := range []pdfName{"Info", "ID", "Encrypt"} {
				if v := t[k]; v != nil && (k == "ID" || exists(v) || k == "Encrypt") {
					out[k] = v
				}
			}
			return out, nil
		}
	}
	for _, c := range slices.Backward(rb.catalogs) {
		if rb.dicts[c]["Pages"] != nil {
			return map[pdfName][]byte{"Root": fmt.Appendf(nil, "%d %d R", c, rb.objs[c].gen)}, nil
		}
	}
	return nil, errors.New("no document catalog found")
}

// write returns the new cross-reference stream, to be appended to the
// file (joined): its offsets count from the start of rb.data.
func (rb *rebuilder) write(trailer map[pdfName][]byte) ([]byte, error) {
	size := 0
	maxField2, maxField3 := 0, 65535
	for num, e := range rb.objs {
		size = max(size, num+1)
		if e.compressed {
			maxField2, maxField3 = max(maxField2, e.stm), max(maxField3, e.idx)
		} else {
			maxField2, maxField3 = max(maxField2, e.off), max(maxField3, e.gen)
		}
	}
	out := make([]byte, 0, size*8+512)
	out = append(out, '\n')
	xnum := size
	xoff := len(rb.data) + len(out)
	size++
	maxField2 = max(maxField2, xoff)
	w2, w3 := byteWidth(maxField2), byteWidth(maxField3)
	var xs []byte
	put := func(v, w int) {
		for i := w - 1; i >= 0; i-- {
			xs = append(xs, byte(v>>(8*i)))
		}
	}
	for num := 0; num < size; num++ {
		e, ok := rb.objs[num]
		switch {
		case num == xnum:
			put(1, 1)
			put(xoff, w2)
			put(0, w3)
		case !ok:
			put(0, 1)
			put(0, w2)
			put(65535*b2i(num == 0), w3)
		case e.compressed:
			put(2, 1)
			put(e.stm, w2)
			put(e.idx, w3)
		default:
			put(1, 1)
			put(e.off, w2)
			put(e.gen, w3)
		}
	}
	out = fmt.Appendf(out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 %d %d] /Length %d", xnum, size, w2, w3, len(xs))
	for _, k := range []pdfName{"Root", "Info", "ID", "Encrypt"} {
		if v := trailer[k]; v != nil {
			out = fmt.Appendf(out, " /%s %s", k, v)
		}
	}
	out = append(out, ">>\nstream\n"...)
	out = append(out, xs...)
	out = fmt.Appendf(out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xoff)
	return out, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func byteWidth(v int) int {
	w := 1
	for v > 0xff {
		v >>= 8
		w++
	}
	return w
}

// rawDict reads a dictionary and returns each value's source bytes.
func rawDict(lx *lexer) (map[pdfName][]byte, error) {
	t, err := lx.Token()
	if err != nil || t != keyword("<<") {
		return nil, pdfsyntax.ErrSyntax
	}
	d := map[pdfName][]byte{}
	for {
		k, err := lx.Token()
		if err != nil {
			return nil, err
		}
		if k == keyword(">>") {
			return d, nil
		}
		key, ok := k.(pdfName)
		if !ok {
			return nil, pdfsyntax.ErrSyntax
		}
		lx.SkipSpace()
		start := lx.Pos
		if _, err := lx.Value(1); err != nil {
			return nil, err
		}
		d[key] = lx.B[start:lx.Pos]
	}
}

// parseRaw parses a value's source bytes (nil for none or bad syntax).
func parseRaw(raw []byte) any {
	if raw == nil {
		return nil
	}
	lx := lexer{B: raw}
	v, err := lx.Value(0)
	if err != nil {
		return nil
	}
	return v
}
