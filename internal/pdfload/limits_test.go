package pdfload

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
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

// columnsRE is the definition columnsValues keeps.
var columnsRE = regexp.MustCompile(`/Columns[\x00\t\n\f\r ]*(\d+)`)

// checkColumnsValues fails t unless columnsValues(data) finds what
// columnsRE finds.
func checkColumnsValues(t *testing.T, data []byte) {
	t.Helper()
	var want [][2]int
	for _, loc := range columnsRE.FindAllSubmatchIndex(data, -1) {
		want = append(want, [2]int{loc[2], loc[3]})
	}
	if got := columnsValues(data); !slices.Equal(got, want) {
		t.Fatalf("columnsValues(%q) = %v, want %v", data, got, want)
	}
}

// TestColumnsValues: the /Columns values found by scanning are the
// regular expression's, keys without a number, white space of every kind,
// keys run together and a key at the very end included.
func TestColumnsValues(t *testing.T) {
	for _, s := range []string{
		"", "/Columns", "/Columns 12", "/Columns\x00\t\n\f\r 7 /Columns 8",
		"/Columns /Columns 5", "/Columns/Columns3", "/ColumnsX 4", "/Columns -3",
		"<</DecodeParms <</Predictor 12 /Columns 1099511627776>>>>", "/Columns 00012/Columns 9",
		"/Colum /Columns\v9", "//Columns 1",
	} {
		checkColumnsValues(t, []byte(s))
	}
	rng := rand.New(rand.NewPCG(5, 6))
	parts := []string{"/Columns", " ", "\x00", "\n", "1", "23", "/", "C", "x", "\v", ">>"}
	for range 2000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, parts[rng.IntN(len(parts))]...)
		}
		checkColumnsValues(t, b)
	}
}

// FuzzColumnsValues: for any bytes, scanning finds the regular
// expression's /Columns values.
func FuzzColumnsValues(f *testing.F) {
	f.Add([]byte("/Columns 12 /Columns\n/Columns 3"))
	f.Fuzz(func(t *testing.T, data []byte) { checkColumnsValues(t, data) })
}
