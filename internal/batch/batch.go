// Package batch expands pet's command-line inputs into a list of PDFs and
// converts them on several workers, handing the results back in input order
// with a bounded number in flight, so output is deterministic and memory
// stays flat however long the batch.
package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
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

// Result is the outcome of converting one input.
type Result[T any] struct {
	Index int
	Input Input
	Value T
	Err   error
}

// Run converts inputs with up to jobs workers and calls emit with each
// result in input order. At most 2×jobs results are held at once. If emit
// returns an error, Run stops starting new work and returns that error.
func Run[T any](inputs []Input, jobs int, convert func(Input) (T, error), emit func(Result[T]) error) error {
	if jobs < 1 {
		jobs = 1
	}
	window := 2 * jobs
	slots := make([]chan Result[T], len(inputs))
	for i := range slots {
		slots[i] = make(chan Result[T], 1)
	}
	tokens := make(chan struct{}, window)
	work := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				in := inputs[i]
				r := Result[T]{Index: i, Input: in}
				if in.Err != nil {
					r.Err = in.Err
				} else {
					r.Value, r.Err = safeConvert(convert, in)
				}
				slots[i] <- r
			}
		}()
	}
	go func() {
		defer close(work)
		for i := range inputs {
			select {
			case tokens <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case work <- i:
			case <-stop:
				return
			}
		}
	}()
	var emitErr error
	for i := range inputs {
		r := <-slots[i]
		<-tokens
		if emitErr = emit(r); emitErr != nil {
			close(stop)
			break
		}
	}
	// Workers never block: every slot has room for its one result.
	wg.Wait()
	return emitErr
}

// safeConvert turns a panic in convert into an error, so that one bad file
// cannot take the batch down.
func safeConvert[T any](convert func(Input) (T, error), in Input) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			// A Go runtime error's text (index out of range...) means
			// nothing to the user: say what happened instead.
			if _, ok := p.(runtime.Error); ok {
				err = errors.New("internal error while reading the file")
			} else {
				err = fmt.Errorf("internal error: %v", p)
			}
		}
	}()
	return convert(in)
}
