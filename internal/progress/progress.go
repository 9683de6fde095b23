// Package progress draws a batch's progress bar on one terminal line:
//
//	converting  40% |████████            | (4/10)
//
// It is redrawn in place (carriage return, erase to end of line) at most
// every Throttle, and always when the count reaches the total.
package progress

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Throttle is the least time between two redraws of a bar.
const Throttle = 100 * time.Millisecond

// maxBarWidth is the bar's width in cells, between the bars, on a
// terminal wide enough.
const maxBarWidth = 30

// eraseLine returns the cursor to the start of the line and erases it.
const eraseLine = "\r\x1b[K"

// Bar is a progress bar on a terminal. It is not safe for concurrent use.
type Bar struct {
	// Columns is the terminal's width, 0 when unknown; the bar narrows so
	// that its line fits without wrapping (a wrapped line cannot be
	// redrawn in place).
	Columns int

	w     io.Writer
	desc  string
	total int
	n     int
	drawn time.Time // when the bar was last drawn; zero when not on screen
	now   func() time.Time
}

// New returns a bar for total steps, described by desc, drawn on w (a
// terminal). Nothing is drawn before the first Add.
func New(w io.Writer, desc string, total int) *Bar {
	return &Bar{w: w, desc: desc, total: total, now: time.Now}
}

// Add counts n more steps done and redraws the bar when Throttle has
// passed since it was last drawn, when it is not on screen, or when the
// count reaches the total.
func (b *Bar) Add(n int) {
	b.n = min(b.n+n, b.total)
	now := b.now()
	if !b.drawn.IsZero() && now.Sub(b.drawn) < Throttle && b.n < b.total {
		return
	}
	io.WriteString(b.w, eraseLine+b.String())
	b.drawn = now
}

// String is the bar as drawn, without control characters.
func (b *Bar) String() string {
	filled, pct := 0, 100
	if b.total > 0 {
		pct = b.n * 100 / b.total
	}
	head := fmt.Sprintf("%s %3d%% |", b.desc, pct)
	tail := fmt.Sprintf("| (%d/%d)", b.n, b.total)
	width := maxBarWidth
	if b.Columns > 0 {
		// One column spare: a line that fills the last column wraps on
		// some terminals.
		width = min(width, max(b.Columns-1-utf8.RuneCountInString(head)-len(tail), 0))
	}
	if b.total > 0 {
		filled = b.n * width / b.total
	}
	return head + strings.Repeat("█", filled) + strings.Repeat(" ", width-filled) + tail
}

// Clear erases the bar, so that a line can be printed where it was; the
// next Add draws it again.
func (b *Bar) Clear() {
	if b.drawn.IsZero() {
		return
	}
	io.WriteString(b.w, eraseLine)
	b.drawn = time.Time{}
}

// Finish erases the bar for good: the batch summary takes its line.
func (b *Bar) Finish() { b.Clear() }
