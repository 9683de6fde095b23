package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// runOnTerminal runs pet with standard error on a pseudo-terminal and
// returns the exit code and what the terminal received.
func runOnTerminal(t *testing.T, args ...string) (int, string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	got := make(chan string)
	go func() {
		var b bytes.Buffer
		io.Copy(&b, ptmx) // ends with EIO once the terminal side is closed
		got <- b.String()
	}()
	var out bytes.Buffer
	code := Main(args, bytes.NewReader(nil), &out, tty)
	tty.Close()
	return code, <-got
}

var ansiEscape = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// TestBatchOnTerminal checks what a batch shows on a terminal: the progress
// bar, one line per failed file, the summary with warnings by code, and
// per-file warning lines only with -v.
func TestBatchOnTerminal(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pdf")
	if err := os.WriteFile(bad, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	outFile := filepath.Join(dir, "all.jsonl")
	inputs := []string{calcPDF, bad, chromiumPDF}

	for _, verbose := range []bool{false, true} {
		args := append([]string{"parse", "-j", "1", "-o", outFile}, inputs...)
		if verbose {
			args = append(args, "-v")
		}
		code, screen := runOnTerminal(t, args...)
		if code != ExitFailed {
			t.Errorf("verbose=%v: exit %d, want %d", verbose, code, ExitFailed)
		}
		text := ansiEscape.ReplaceAllString(screen, "")
		if !strings.Contains(text, "converting") {
			t.Errorf("verbose=%v: no progress bar in %q", verbose, text)
		}
		if n := strings.Count(text, "bad.pdf: not a PDF file"); n != 1 {
			t.Errorf("verbose=%v: failure line %d times in %q", verbose, n, text)
		}
		summary := "3 files: 2 converted (2 with warnings), 1 failed; warnings: indicator-level-mismatch 10"
		if !strings.Contains(text, summary) {
			t.Errorf("verbose=%v: no summary %q in %q", verbose, summary, text)
		}
		perFile := strings.Contains(text, "5 warnings: indicator-level-mismatch 5")
		if perFile != verbose {
			t.Errorf("verbose=%v: per-file warning lines shown %v in %q", verbose, perFile, text)
		}
	}

	// Not a terminal: per-file lines as before, so scripts keep them.
	code, _, errs := run(t, nil, append([]string{"parse", "-o", outFile}, inputs...)...)
	if code != ExitFailed || strings.Count(errs, "5 warnings: indicator-level-mismatch 5") != 2 ||
		strings.Contains(errs, "converting") || !strings.Contains(errs, "; warnings: indicator-level-mismatch 10") {
		t.Errorf("not a terminal: exit %d, stderr %q", code, errs)
	}
}
