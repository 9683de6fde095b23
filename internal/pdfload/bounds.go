package pdfload

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
)

// maxColumns bounds the /Columns of a predictor: the library allocates two
// rows of that many bytes before decoding a byte (/Columns 1099511627776 is
// a fatal out-of-memory error, which no recover() catches). An image a
// million pixels wide stays below it.
const maxColumns = 1 << 20

// neutralizeColumns returns data with every /Columns value above maxColumns
// written as zeros of the same width (offsets stay right), and how many it
// changed. The stream then fails to decode with an error, reported for the
// page or the object that needs it, instead of crashing the process.
// Values inside compressed object streams are not seen here; the page
// reader checks the parameters of the streams it reads itself.
func neutralizeColumns(data []byte) ([]byte, int) {
	var out []byte
	n := 0
	for _, loc := range columnsValues(data) {
		digits := data[loc[0]:loc[1]]
		if v, err := strconv.ParseInt(string(digits), 10, 64); err == nil && v <= maxColumns {
			continue
		}
		if out == nil {
			out = append([]byte(nil), data...)
		}
		for i := loc[0]; i < loc[1]; i++ {
			out[i] = '0'
		}
		n++
	}
	if out == nil {
		return data, 0
	}
	return out, n
}

// columnsValues returns where the digits of every /Columns value are in
// data: "/Columns", white space (NUL, tab, line feed, form feed, carriage
// return, space) and at least one digit, as the regular expression
// /Columns[\x00\t\n\f\r ]*(\d+) finds them, each search going on after
// the last match. bytes.Index finds the key at memory speed; a regular
// expression over a whole file took a tenth of the time to open it.
func columnsValues(data []byte) [][2]int {
	const key = "/Columns"
	var locs [][2]int
	for i := 0; ; {
		k := bytes.Index(data[i:], []byte(key))
		if k < 0 {
			return locs
		}
		j := i + k + len(key)
		for j < len(data) && (data[j] == 0 || data[j] == '\t' || data[j] == '\n' || data[j] == '\f' || data[j] == '\r' || data[j] == ' ') {
			j++
		}
		d := j
		for d < len(data) && data[d] >= '0' && data[d] <= '9' {
			d++
		}
		if d > j {
			locs = append(locs, [2]int{j, d})
			i = d
		} else {
			i += k + len(key)
		}
	}
}

// ctxReaderAt fails every read once ctx is done, so that the library gives
// up (it panics on a read error, which the callers recover) when the file's
// time is over, instead of going on in a goroutine nobody waits for.
type ctxReaderAt struct {
	ctx context.Context
	r   io.ReaderAt
}

func (c ctxReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, fmt.Errorf("reading the file: %w", err)
	}
	return c.r.ReadAt(p, off)
}

// HeaderWindow is how many bytes from the start of a file the %PDF- header
// may be found in: a reader can look at this much of a file before deciding
// to read the rest.
const HeaderWindow = headerWindow

// HasHeader reports whether prefix, the first HeaderWindow bytes of a file
// (or all of it, if shorter), holds a %PDF- header.
func HasHeader(prefix []byte) bool { return findHeader(prefix) >= 0 }
