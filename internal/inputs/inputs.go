// Package inputs turns pet's command-line arguments into the list of PDFs to
// convert: files as given, directories walked recursively for *.pdf, "-" for
// standard input and the paths of a --files-from list; and it names the
// output file of each input when they are written one per input.
package inputs

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Stdin is the input name that reads a PDF from standard input.
const Stdin = "-"

// Input is one PDF to convert: a path, or Stdin. Err is set when the input
// could not even be listed (a directory that cannot be read); it is then
// reported as a failed file like any other.
type Input struct {
	Path string
	Err  error
}

// Expand turns command-line arguments into inputs: files as given (whatever
// their extension), directories walked recursively for *.pdf files (any case)
// in lexical order, and "-" for standard input. A path that does not exist
// stays in the list, so that it fails in order with a clear message. Only
// regular files (or links to them) are taken from directories.
func Expand(args []string) []Input {
	var out []Input
	for _, arg := range args {
		if arg == Stdin {
			out = append(out, Input{Path: Stdin})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			out = append(out, Input{Path: arg})
			continue
		}
		var found []string
		walkErr := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, Input{Path: p, Err: fmt.Errorf("cannot read directory: %w", err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".pdf") && isRegular(p, d) {
				found = append(found, p)
			}
			return nil
		})
		if walkErr != nil {
			out = append(out, Input{Path: arg, Err: walkErr})
		}
		sort.Strings(found)
		for _, p := range found {
			out = append(out, Input{Path: p})
		}
	}
	return out
}

// isRegular reports whether the directory entry at p is a regular file, or
// a symbolic link to one: a FIFO or a device named x.pdf in a directory
// would hang pet or read forever.
func isRegular(p string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// CountStdin returns how many of ins read standard input.
func CountStdin(ins []Input) int {
	n := 0
	for _, in := range ins {
		if in.Path == Stdin {
			n++
		}
	}
	return n
}

// UniqueNames gives each input an output file name in one directory: its
// base name with ext, made unique (whatever the case) with -2, -3, …
// against every name given so far, the generated ones included: d1/a.pdf,
// d1/a-2.pdf and d2/a.pdf give a, a-2 and a-3. Standard input is "stdin".
func UniqueNames(ins []Input, ext string) []string {
	names := make([]string, len(ins))
	used := map[string]bool{}
	for i, in := range ins {
		base := filepath.Base(in.Path)
		if in.Path == Stdin {
			base = "stdin"
		}
		base = strings.TrimSuffix(base, filepath.Ext(base))
		if base == "" || base == "." || base == ".." {
			base = "output"
		}
		name := base
		for n := 2; used[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		used[strings.ToLower(name)] = true
		names[i] = name + "." + ext
	}
	return names
}
