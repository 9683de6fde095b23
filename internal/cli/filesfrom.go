package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// maxListedPath bounds one path of a --files-from list, so that a binary
// file given by mistake fails with a message instead of filling memory.
const maxListedPath = 64 << 10

// readFileList reads the paths of a --files-from list: one per line (LF or
// CRLF line ends, empty lines skipped), or with nul NUL-terminated as
// find -print0 writes them (empty entries skipped). Paths are taken as they
// are: spaces are part of a name.
func readFileList(r io.Reader, nul bool) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxListedPath)
	if nul {
		sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
			if i := bytes.IndexByte(data, 0); i >= 0 {
				return i + 1, data[:i], nil
			}
			if atEOF && len(data) > 0 {
				return len(data), data, nil
			}
			return 0, nil, nil
		})
	}
	var paths []string
	for sc.Scan() {
		p := sc.Text()
		if !nul {
			p = strings.TrimSuffix(p, "\r")
		}
		if p != "" {
			paths = append(paths, p)
		}
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return paths, fmt.Errorf("a path longer than %d bytes (is it a list of paths?)", maxListedPath)
		}
		return paths, err
	}
	return paths, nil
}

// listedInputs reads the --files-from list name ("-" for standard input).
func listedInputs(name string, stdin io.Reader, nul bool) ([]string, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("--files-from: %w", err)
		}
		defer f.Close()
		r = f
	}
	paths, err := readFileList(r, nul)
	if err != nil {
		shown := name
		if name == "-" {
			shown = "standard input"
		}
		return nil, fmt.Errorf("--files-from %s: %w", shown, err)
	}
	return paths, nil
}

// withListedInputs appends the paths of the --files-from list to args.
func withListedInputs(cmd *cobra.Command, args []string, f *parseFlags) ([]string, error) {
	if f.filesFrom == "" {
		if f.nul {
			return nil, usageErrorf("-0 applies to the --files-from list; give --files-from FILE")
		}
		return args, nil
	}
	if f.filesFrom == "-" {
		for _, a := range args {
			if a == "-" {
				return nil, usageErrorf("standard input cannot be both the --files-from list and a PDF (-)")
			}
		}
	}
	paths, err := listedInputs(f.filesFrom, cmd.InOrStdin(), f.nul)
	if err != nil {
		return nil, &exitError{code: ExitFailed, err: err}
	}
	for _, p := range paths {
		if p == "-" {
			return nil, usageErrorf("--files-from %s lists -: standard input is given on the command line only", f.filesFrom)
		}
	}
	return append(append([]string(nil), args...), paths...), nil
}
