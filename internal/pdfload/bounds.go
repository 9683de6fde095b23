package pdfload

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// maxColumns bounds the /Columns of a predictor: the library allocates two
// rows of that many bytes before decoding a byte (/Columns 1099511627776 is
// a fatal out-of-memory error, which no recover() catches). An image a
// million pixels wide stays below it.
const maxColumns = 1 << 20

var columnsRE = regexp.MustCompile(`/Columns[\x00\t\n\f\r ]*(\d+)`)

// neutralizeColumns returns data with every /Columns value above maxColumns
// written as zeros of the same width (offsets stay right), and how many it
// changed. The stream then fails to decode with an error, reported for the
// page or the object that needs it, instead of crashing the process.
// Values inside compressed object streams are not seen here; the page
// reader checks the parameters of the streams it reads itself.
func neutralizeColumns(data []byte) ([]byte, int) {
	locs := columnsRE.FindAllSubmatchIndex(data, -1)
	var out []byte
	n := 0
	for _, loc := range locs {
		digits := data[loc[2]:loc[3]]
		if v, err := strconv.ParseInt(string(digits), 10, 64); err == nil && v <= maxColumns {
			continue
		}
		if out == nil {
			out = append([]byte(nil), data...)
		}
		for i := loc[2]; i < loc[3]; i++ {
			out[i] = '0'
		}
		n++
	}
	if out == nil {
		return data, 0
	}
	return out, n
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
