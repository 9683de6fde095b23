package pdfload

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestHugePredictorColumns: /Columns 1099511627776 made the library allocate
// a terabyte (a fatal error, not a panic) when it read the cross-reference
// stream. The value is zeroed before the library sees it; the file opens
// through the rebuilt cross-reference table.
func TestHugePredictorColumns(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(badDir, "xref-stream.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(data, []byte("/Columns 4 /Predictor 12"), []byte("/Columns 1099511627776 /Predictor 12"), 1)
	if bytes.Equal(bad, data) {
		t.Fatal("no /Columns to change")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d, err := Load(bad, Options{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("Load: %v", detail(err))
	}
	if d.NumPages != 2 || !strings.Contains(strings.Join(d.Repairs, "; "), "zeroed 1 predictor /Columns") {
		t.Errorf("pages %d, repairs %q", d.NumPages, d.Repairs)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
		t.Errorf("allocated %d MiB", n>>20)
	}
}

func TestNeutralizeColumns(t *testing.T) {
	in := []byte("<< /Columns 1048576 >> << /Columns\n1048577 >> << /Columns 99999999999999999999999 >>")
	out, n := neutralizeColumns(in)
	want := "<< /Columns 1048576 >> << /Columns\n0000000 >> << /Columns 00000000000000000000000 >>"
	if n != 2 || string(out) != want || len(out) != len(in) {
		t.Errorf("got %q (%d), want %q", out, n, want)
	}
}

// TestLoadLimits: input size and page count over the session's limits are
// ErrLimit errors whose message names the flag that raises them.
func TestLoadLimits(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(badDir, "missing-eof.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lim  Limits
		want string
	}{
		{Limits{MaxInputSize: 100}, "input size over the limit of 100 (raise it with --max-input-size)"},
		{Limits{MaxPages: 1}, "pages over the limit of 1 (raise it with --max-pages)"},
	} {
		release := Bind(context.Background(), data, c.lim)
		_, err := Load(data, Options{})
		release()
		if !errors.Is(err, ErrLimit) || err.Error() != c.want {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
	if _, err := Load(data, Options{}); err != nil {
		t.Errorf("unbound: %v", err)
	}
}

// TestBoundSession: the reader of a bound file carries its session, and
// loses it when released.
func TestBoundSession(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(badDir, "missing-eof.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	release := Bind(ctx, data, Limits{MaxGlyphs: 7})
	d, err := Load(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := SessionOf(d.Reader); s.Limits.MaxGlyphs != 7 || s.Ctx != ctx {
		t.Errorf("session %+v", s)
	}
	cancel()
	// Once the file's time is over, reading an object fails (the library
	// panics on a read error; the page reader recovers it).
	panicked := func() (p bool) {
		defer func() { p = recover() != nil }()
		d.Reader.Trailer().Key("Root").Key("Pages").Key("Kids").Index(0).Key("Type")
		return false
	}()
	if !panicked {
		t.Error("objects still read after cancellation")
	}
	release()
	if s := SessionOf(d.Reader); s.Limits.MaxGlyphs != Default.MaxGlyphs {
		t.Errorf("after release: %+v", s.Limits)
	}
}
