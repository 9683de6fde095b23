// Command cjkcheck measures, page by page, whether pet reads the same CJK
// characters as poppler's pdftotext: for every PDF in the directories
// given, it compares the multiset of CJK characters (Han ideographs, CJK
// symbols and punctuation, full-width forms) of each page's text lines as
// `pet text` prints them with pdftotext's, both with radicals and
// compatibility ideographs unified, and prints per-file and overall
// figures. Agreement is matched / (matched + missing + extra).
//
// Usage: go run ./internal/pdfpage/cmd/cjkcheck [-v] DIR...
// (scripts/cjkcheck.sh runs it on the real-world samples.)
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/petool/pet/internal/inspect"
	"github.com/petool/pet/internal/pdfpage"
)

// isCJK: the ideographic space U+3000 is a space, which pdftotext and pet
// may write differently, not a character.
func isCJK(r rune) bool {
	if unicode.IsSpace(r) {
		return false
	}
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

func count(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range pdfpage.UnifyIdeographs(s) {
		if isCJK(r) {
			m[r]++
		}
	}
	return m
}

type tally struct{ matched, missing, extra int }

func (t *tally) add(o tally) {
	t.matched += o.matched
	t.missing += o.missing
	t.extra += o.extra
}

func (t tally) rate() float64 {
	n := t.matched + t.missing + t.extra
	if n == 0 {
		return 1
	}
	return float64(t.matched) / float64(n)
}

// compare counts what pet and pdftotext agree on; diff lists the
// characters they do not.
func compare(pet, ref map[rune]int) (tally, string) {
	var t tally
	var diff []string
	for r, n := range ref {
		m := min(n, pet[r])
		t.matched += m
		if n > m {
			t.missing += n - m
			diff = append(diff, fmt.Sprintf("-%c×%d", r, n-m))
		}
	}
	for r, n := range pet {
		if n > ref[r] {
			t.extra += n - ref[r]
			diff = append(diff, fmt.Sprintf("+%c×%d", r, n-ref[r]))
		}
	}
	sort.Strings(diff)
	return t, strings.Join(diff, " ")
}

func main() {
	verbose := flag.Bool("v", false, "list the characters that differ on each page")
	flag.Parse()
	var files []string
	for _, dir := range flag.Args() {
		fs, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "cjkcheck:", err)
			os.Exit(2)
		}
		files = append(files, fs...)
	}
	if len(files) == 0 {
		fmt.Fprintln(os.Stderr, "usage: cjkcheck [-v] DIR...")
		os.Exit(2)
	}
	var total tally
	pages, exact := 0, 0
	for _, f := range files {
		t, np, ne, err := checkFile(f, *verbose)
		if err != nil {
			fmt.Printf("%-40s error: %v\n", filepath.Base(f), err)
			continue
		}
		total.add(t)
		pages += np
		exact += ne
		fmt.Printf("%-40s %4d pages %4d exact  %7d chars  %5d missing %5d extra  %8.4f%%\n",
			filepath.Base(f), np, ne, t.matched+t.missing, t.missing, t.extra, 100*t.rate())
	}
	fmt.Printf("overall: %d files, %d pages (%d exact), %d CJK characters in pdftotext, %d missing, %d extra: %.4f%%\n",
		len(files), pages, exact, total.matched+total.missing, total.missing, total.extra, 100*total.rate())
}

func checkFile(path string, verbose bool) (tally, int, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return tally{}, 0, 0, err
	}
	out, err := exec.Command("pdftotext", "-q", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		return tally{}, 0, 0, fmt.Errorf("pdftotext: %w", err)
	}
	refPages := bytes.Split(out, []byte{'\f'})
	a, err := inspect.Analyze(data, "", nil, 1)
	if a == nil {
		return tally{}, 0, 0, err
	}
	var t tally
	exact := 0
	for i := range a.Pages {
		var b strings.Builder
		if i < len(a.Lines) {
			for _, l := range a.Lines[i] {
				for _, g := range l.Glyphs {
					b.WriteString(g.Text)
				}
			}
		}
		ref := ""
		if i < len(refPages) {
			ref = string(refPages[i])
		}
		pt, diff := compare(count(b.String()), count(ref))
		t.add(pt)
		if diff == "" {
			exact++
		} else if verbose {
			fmt.Printf("  %s page %d: %s\n", filepath.Base(path), i+1, diff)
		}
	}
	return t, len(a.Pages), exact, nil
}
