package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/inputs"
	"github.com/petool/pet/internal/pdfload"
	"github.com/spf13/cobra"
)

// DefaultTimeout is the time budget of one file in pet parse: a 2,000-page
// table takes 15 to 45 s on a busy 2-core machine.
const DefaultTimeout = 2 * time.Minute

// LimitOptions are the bounds a user can raise: the input size, the pages
// of a document and, for pet parse, the time spent on one file.
type LimitOptions struct {
	MaxInputSize byteSize
	MaxPages     int
	Timeout      time.Duration
}

// defaultLimits are the limits pet uses when no flag raises them.
func defaultLimits() LimitOptions {
	return LimitOptions{
		MaxInputSize: byteSize(pdfload.Default.MaxInputSize),
		MaxPages:     pdfload.Default.MaxPages,
		Timeout:      DefaultTimeout,
	}
}

// addLimitFlags registers the limit flags of cmd, with the current values
// of l as their defaults; --timeout only withTimeout.
func addLimitFlags(cmd *cobra.Command, l *LimitOptions, withTimeout bool) {
	fl := cmd.Flags()
	fl.Var(&l.MaxInputSize, "max-input-size", "refuse PDFs larger than `SIZE` (bytes, or with K, M, G)")
	fl.IntVar(&l.MaxPages, "max-pages", l.MaxPages, "refuse PDFs with more than `N` pages")
	if withTimeout {
		fl.DurationVar(&l.Timeout, "timeout", l.Timeout, "give up a file after `DURATION` (e.g. 90s, 5m; 0: no limit)")
	}
}

func (l *LimitOptions) limits() pdfload.Limits {
	return pdfload.Limits{MaxInputSize: int64(l.MaxInputSize), MaxPages: l.MaxPages}.WithDefaults()
}

// Validate refuses limits that would refuse every file.
func (l *LimitOptions) Validate() error {
	if l.MaxPages < 1 {
		return usageErrorf("--max-pages must be at least 1, not %d", l.MaxPages)
	}
	if l.Timeout < 0 {
		return usageErrorf("--timeout must not be negative")
	}
	return nil
}

// byteSize is a flag value in bytes: 1048576, 512K, 256M, 2G.
type byteSize int64

func (b *byteSize) String() string {
	n := int64(*b)
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dG", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dM", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dK", n>>10)
	}
	return strconv.FormatInt(n, 10)
}

func (b *byteSize) Set(s string) error {
	mult := int64(1)
	t := strings.TrimSuffix(strings.ToUpper(strings.TrimSpace(s)), "B")
	switch {
	case strings.HasSuffix(t, "K"), strings.HasSuffix(t, "KI"):
		mult = 1 << 10
	case strings.HasSuffix(t, "M"), strings.HasSuffix(t, "MI"):
		mult = 1 << 20
	case strings.HasSuffix(t, "G"), strings.HasSuffix(t, "GI"):
		mult = 1 << 30
	}
	t = strings.TrimRight(t, "KMGI")
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 1 || n > (1<<46)/mult {
		return fmt.Errorf("not a size: %q (bytes, or a number with K, M or G)", s)
	}
	*b = byteSize(n * mult)
	return nil
}

func (b *byteSize) Type() string { return "size" }

// readInput reads the PDF at path (inputs.Stdin: from stdin) within the
// input-size limit. It looks at the first kilobyte before reading on, so
// that a large file that is no PDF (a sparse 4 GB file, /dev/zero) costs
// nothing; a regular file over the limit is refused from its size alone.
func readInput(path string, stdin io.Reader, limit int64) ([]byte, error) {
	var r io.Reader = stdin
	size := int64(-1) // a regular file's size, when known
	if path != inputs.Stdin {
		f, err := os.Open(path)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		if st.Mode().IsRegular() {
			if st.Size() > limit {
				return nil, inputTooLarge(limit)
			}
			size = st.Size()
		}
		r = f
	}
	head := make([]byte, pdfload.HeaderWindow)
	n, err := io.ReadFull(r, head)
	head = head[:n]
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, readError(path, err)
	}
	if n == 0 {
		return nil, pdfload.ErrEmpty
	}
	if !pdfload.HasHeader(head) {
		return nil, pdfload.ErrNotPDF
	}
	if n < len(head) {
		return head, nil
	}
	// The rest goes into one buffer of the file's size (plus a byte, to
	// see a file that grew): io.ReadAll's doubling would allocate and copy
	// twice the file and fault in fresh memory for each copy.
	capacity := int64(n) + 512
	if size >= int64(n) {
		capacity = size + 1
	}
	if capacity > limit {
		capacity = max(limit+1, int64(n))
	}
	data := inputBuffer(n, capacity)
	copy(data, head)
	if f, ok := r.(*os.File); ok && size >= parallelReadMin && capacity == size+1 {
		data = readHalves(f, data, size)
	}
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grow as append does
		}
		m, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+m]
		if int64(len(data)) > limit {
			return nil, inputTooLarge(limit)
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, readError(path, err)
		}
	}
}

// parallelReadMin is the size from which readInput reads a file in two
// halves at once: the kernel's copy faults in the buffer page by page
// (2-5 us per 4 KB on a virtual machine), a millisecond for a 2 MB budget
// before any page can be read, on one core while the other waits.
const parallelReadMin = 1 << 20

// readHalves reads bytes len(data) to size of f into data (of capacity
// above size), the two halves concurrently, and returns data[:size] with
// f's offset at size. Should either half come short (the file changed) or
// fail, it returns data as it was, f's offset where it was, for the
// caller's loop to read on as it would have.
func readHalves(f *os.File, data []byte, size int64) []byte {
	start := int64(len(data))
	mid := start + (size-start)/2
	full := data[:size]
	var wg sync.WaitGroup
	var errLow, errHigh error
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, errHigh = f.ReadAt(full[mid:], mid)
	}()
	_, errLow = f.ReadAt(full[start:mid], start)
	wg.Wait()
	if errLow != nil || errHigh != nil {
		return data
	}
	if _, err := f.Seek(size, io.SeekStart); err != nil {
		return data // ReadAt left the offset at start
	}
	return full
}

func readError(path string, err error) error {
	if path == inputs.Stdin {
		return fmt.Errorf("reading standard input: %w", err)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err
}

func inputTooLarge(max int64) error {
	return &pdfload.LimitError{What: "input size", Limit: max, Flag: "--max-input-size"}
}

// convertWithin converts one input within the per-file time budget: the
// parser's page reading sees the context (passed to run) and stops at
// its next check once the time is over; the file is then a failure, never a
// document with its late pages missing.
func convertWithin(timeout time.Duration, data []byte, run func(context.Context, []byte) (*document.Document, error)) (*document.Document, error) {
	ctx, cancel := context.Background(), context.CancelFunc(func() {})
	if timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	type result struct {
		doc *document.Document
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- result{nil, errors.New("internal error: the file could not be read")}
			}
		}()
		d, err := run(ctx, data)
		ch <- result{d, err}
	}()
	gaveUp := fmt.Errorf("gave up after %v (raise it with --timeout)", timeout)
	select {
	case r := <-ch:
		if ctx.Err() != nil {
			return nil, gaveUp
		}
		return r.doc, r.err
	case <-ctx.Done():
	}
	// The page reader checks the context every few thousand operators and
	// at every stream; give it a moment to return before moving on.
	grace := time.NewTimer(2 * time.Second)
	defer grace.Stop()
	select {
	case <-ch:
	case <-grace.C:
	}
	return nil, gaveUp
}

// checkNotInput refuses to write an output over one of the inputs (the same
// file under another name, through a symbolic or a hard link, or a PDF
// named x.json given with -o x.json): the input would be destroyed.
func checkNotInput(outputs []string, ins []inputs.Input) error {
	var infos []os.FileInfo
	var names []string
	for _, in := range ins {
		if in.Path == inputs.Stdin || in.Err != nil {
			continue
		}
		if st, err := os.Stat(in.Path); err == nil {
			infos = append(infos, st)
			names = append(names, in.Path)
		}
	}
	for _, out := range outputs {
		st, err := os.Stat(out)
		if err != nil {
			continue // not there yet: cannot be an input
		}
		for i, in := range infos {
			if os.SameFile(st, in) {
				return usageErrorf("%s is also an input (%s): refusing to overwrite it", printable(out), printable(names[i]))
			}
		}
	}
	return nil
}

// printable makes s safe for one terminal line: control characters (a
// newline, ESC) and bytes that are not UTF-8 are escaped.
func printable(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !unicode.IsPrint(r) && r != ' ':
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// shortenNumbers cuts runs of more than 24 digits in a message (a hostile
// file can write a 400-digit number, which a library then quotes).
func shortenNumbers(s string) string {
	var b strings.Builder
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			run++
			if run == 21 {
				b.WriteString("…")
			}
			if run > 20 {
				continue
			}
		} else {
			run = 0
		}
		b.WriteByte(c)
	}
	return b.String()
}
