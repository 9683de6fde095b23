package inputs

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// maxListedPath bounds one path of a --files-from list, so that a binary
// file given by mistake fails with a message instead of filling memory.
const maxListedPath = 64 << 10

// ReadList reads the paths of a --files-from list: one per line (LF or
// CRLF line ends, empty lines skipped), or with nul NUL-terminated as
// find -print0 writes them (empty entries skipped). Paths are taken as they
// are: spaces are part of a name.
func ReadList(r io.Reader, nul bool) ([]string, error) {
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
		if errors.Is(err, bufio.ErrTooLong) {
			return paths, fmt.Errorf("a path longer than %d bytes (is it a list of paths?)", maxListedPath)
		}
		return paths, err
	}
	return paths, nil
}

// ReadListFile reads the --files-from list name (Stdin: from stdin); its
// errors name the flag and the list.
func ReadListFile(name string, stdin io.Reader, nul bool) ([]string, error) {
	r := stdin
	if name != Stdin {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("--files-from: %w", err)
		}
		defer f.Close()
		r = f
	}
	paths, err := ReadList(r, nul)
	if err != nil {
		shown := name
		if name == Stdin {
			shown = "standard input"
		}
		return nil, fmt.Errorf("--files-from %s: %w", shown, err)
	}
	return paths, nil
}
