//go:build unix

package main

import (
	"reflect"
	"testing"
)

func TestParseArgs(t *testing.T) {
	runs, cmds, err := parseArgs([]string{"5", "pet", "parse", "-q", "a.pdf", "--", "pdftotext", "-layout", "a.pdf", "-"})
	if err != nil || runs != 5 || !reflect.DeepEqual(cmds, [][]string{{"pet", "parse", "-q", "a.pdf"}, {"pdftotext", "-layout", "a.pdf", "-"}}) {
		t.Errorf("got %d %q %v", runs, cmds, err)
	}
	for _, bad := range [][]string{nil, {"x", "a", "--", "b"}, {"0", "a", "--", "b"}, {"3", "a", "b"}, {"3", "--", "b"}, {"3", "a", "--"}} {
		if _, _, err := parseArgs(bad); err == nil {
			t.Errorf("parseArgs(%q): no error", bad)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		xs   []float64
		want float64
	}{{[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(c.xs); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.xs, got, c.want)
		}
	}
}

func TestTimeRun(t *testing.T) {
	wall, _, err := timeRun([]string{"sleep", "0.05"})
	if err != nil || wall < 50 || wall > 5000 {
		t.Errorf("sleep 0.05: %v ms, %v", wall, err)
	}
	if _, _, err := timeRun([]string{"/nonexistent/command"}); err == nil {
		t.Error("a command that cannot start: no error")
	}
}
