package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// clock is a time that moves only when told.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newTestBar(total int) (*Bar, *bytes.Buffer, *clock) {
	var out bytes.Buffer
	c := &clock{time.Unix(1e9, 0)}
	b := New(&out, "converting", total)
	b.now = c.now
	return b, &out, c
}

func TestBarDraws(t *testing.T) {
	for _, tc := range []struct {
		n, total int
		want     string
	}{
		{1, 4, "converting  25% |" + strings.Repeat("█", 7) + strings.Repeat(" ", 23) + "| (1/4)"},
		{4, 4, "converting 100% |" + strings.Repeat("█", 30) + "| (4/4)"},
		{9, 4, "converting 100% |" + strings.Repeat("█", 30) + "| (4/4)"}, // never past the total
		{0, 0, "converting 100% |" + strings.Repeat(" ", 30) + "| (0/0)"},
	} {
		b, out, _ := newTestBar(tc.total)
		b.Add(tc.n)
		if got := out.String(); got != eraseLine+tc.want {
			t.Errorf("Add(%d) of %d drew %q, want %q", tc.n, tc.total, got, eraseLine+tc.want)
		}
	}
}

// TestBarThrottles: within Throttle of the last draw only the last step is
// drawn; after it, or once cleared, the next step is.
func TestBarThrottles(t *testing.T) {
	b, out, c := newTestBar(10)
	b.Add(1)
	b.Add(1)
	c.t = c.t.Add(Throttle / 2)
	b.Add(1)
	if got := strings.Count(out.String(), eraseLine); got != 1 {
		t.Fatalf("drawn %d times within the throttle: %q", got, out.String())
	}
	c.t = c.t.Add(Throttle)
	b.Add(1)
	if !strings.HasSuffix(out.String(), "(4/10)") {
		t.Fatalf("not redrawn after the throttle: %q", out.String())
	}
	b.Clear()
	if !strings.HasSuffix(out.String(), eraseLine) {
		t.Fatalf("Clear did not erase: %q", out.String())
	}
	b.Add(1) // at once: the bar is not on screen
	if !strings.HasSuffix(out.String(), "(5/10)") {
		t.Fatalf("not redrawn after Clear: %q", out.String())
	}
	b.Add(5) // the last step, within the throttle
	if !strings.HasSuffix(out.String(), "(10/10)") {
		t.Fatalf("last step not drawn: %q", out.String())
	}
	before := out.Len()
	b.Finish()
	b.Clear() // nothing more on screen
	if got := out.String()[before:]; got != eraseLine {
		t.Fatalf("Finish then Clear wrote %q", got)
	}
}

// TestBarFitsTheTerminal: on a narrow terminal the bar narrows so that
// the line does not wrap; on a wide one it keeps its width.
func TestBarFitsTheTerminal(t *testing.T) {
	for _, cols := range []int{0, 20, 40, 60, 200} {
		b, _, _ := newTestBar(100)
		b.Columns = cols
		b.Add(50)
		line := b.String()
		n := len([]rune(line))
		full := len("converting  50% |") + maxBarWidth + len("| (50/100)")
		switch {
		case cols == 0 || cols-1 >= full:
			if n != full {
				t.Errorf("%d columns: %q is %d wide, want %d", cols, line, n, full)
			}
		case cols-1 >= len("converting  50% || (50/100)"):
			if n != cols-1 {
				t.Errorf("%d columns: %q is %d wide, want %d", cols, line, n, cols-1)
			}
		default:
			if line != "converting  50% || (50/100)" {
				t.Errorf("%d columns: %q has a bar", cols, line)
			}
		}
	}
}
