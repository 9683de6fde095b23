// Package pdfload opens the PDF files a user gives pet, for the page
// interpreter that works on github.com/ledongthuc/pdf's low-level API.
//
// The fast path is the plain library open (plus a look at the file's tail
// and cross-reference chain, a few microseconds). Files the library refuses,
// misreads or would hang on are fixed in place when a byte-level fix is
// enough (leading junk, a PDF 2.0 header, data after %%EOF), or else
// rewritten into a plain, unencrypted form by pdfcpu and opened again:
// hybrid-reference files (/XRefStm, typical of MS Office), damaged or
// shifted cross-reference tables, AES and 40-bit RC4 encryption, owner
// passwords. Failures come back as *Error values that match one of the
// Err* kinds with errors.Is.
package pdfload

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
)

// DefaultTimeout bounds the whole of Load when Options.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Options tune Load.
type Options struct {
	// Password is tried as user password, then (by the repair step) as
	// owner password. The empty password is always tried first.
	Password string
	// Timeout bounds the work on one file; zero means DefaultTimeout.
	// A file that takes longer is reported as ErrDamaged.
	Timeout time.Duration
	// Session, when not nil, is the context and limits of this file,
	// passed down explicitly (Document.Session carries it on to the page
	// reader); nil takes the session bound with Bind, else the process's.
	Session *Session
	// Workers is how many goroutines read the objects of the page tree
	// (0 or 1: one).
	Workers int
}

// Document is an opened PDF.
type Document struct {
	// Reader is the library's reader. It reads Data, which must not change.
	Reader *pdf.Reader
	// Data is what Reader reads: the input itself, a sub-slice of it, or a
	// repaired copy (see Repairs). Where the cross-reference data was
	// rebuilt, Reader reads the new cross-reference stream after Data:
	// every object and stream is in Data, at the offset Reader reads it at.
	Data []byte
	// NumPages is the number of pages found in the page tree (at least 1).
	NumPages int
	// Pages are the pages found in the page tree, with their inherited
	// attributes (len(Pages) == NumPages). pdfpage reads them; PagesOf
	// hands them over for a caller that has only the Reader.
	Pages []PageRef
	// Repairs says, in a few words each, what had to be done to open the
	// file; empty when the library read it as it is.
	Repairs []string
	// Encrypted reports that the file was encrypted (Data then holds a
	// decrypted rewrite, unless the library could decrypt it itself).
	Encrypted bool
	// Session is the context and limits the file was opened with, for the
	// page reader (pdfpage.NewSession).
	Session Session
}

// Open opens data with the given password and returns the library's reader.
// See Load.
func Open(data []byte, password string) (*pdf.Reader, error) {
	d, err := Load(data, Options{Password: password})
	if err != nil {
		return nil, err
	}
	return d.Reader, nil
}

// Load opens data. It never panics and gives up after opts.Timeout. Errors
// are *Error values matching one of ErrEmpty, ErrNotPDF, ErrTruncated,
// ErrDamaged, ErrNeedPassword, ErrWrongPassword, ErrUnsupportedEncryption,
// ErrNoPages.
func Load(data []byte, opts Options) (doc *Document, err error) {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	deadline := time.Now().Add(timeout)
	sess, bound := sessionOfData(data)
	if opts.Session != nil {
		s := *opts.Session
		if s.Ctx == nil {
			s.Ctx = context.Background()
		}
		s.Limits = s.Limits.WithDefaults()
		sess, bound = &s, false
	}
	if d, ok := sess.Ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	lim := sess.Limits.WithDefaults()
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fail(ErrDamaged, fmt.Errorf("internal error: %v", p))
		}
		if err == nil {
			doc.Session = *sess
			keepPages(doc.Reader, doc.Pages)
			if bound {
				bindReader(doc.Reader, sess)
			}
		}
	}()
	open := func(b []byte, password string) (*Document, error) {
		return openLibrary(sess.Ctx, bytes.NewReader(b), int64(len(b)), b, password, lim.MaxPages, opts.Workers)
	}

	if len(data) == 0 {
		return nil, fail(ErrEmpty, nil)
	}
	if int64(len(data)) > lim.MaxInputSize {
		return nil, fail(ErrLimit, &LimitError{What: "input size", Limit: lim.MaxInputSize, Flag: "--max-input-size"})
	}
	start := findHeader(data)
	if start < 0 {
		return nil, fail(ErrNotPDF, nil)
	}
	var repairs []string
	body := data[start:]
	if start > 0 {
		repairs = append(repairs, fmt.Sprintf("skipped %d bytes before %%PDF", start))
	}
	body, note, err := fixTail(body)
	if err != nil {
		return nil, err
	}
	if note != "" {
		repairs = append(repairs, note)
	}
	if b, changed := fixHeader(body); changed {
		repairs = append(repairs, fmt.Sprintf("header %q read as %%PDF-1.7", headerLine(body)))
		body = b
	}

	if b, n := neutralizeColumns(body); n > 0 {
		repairs = append(repairs, fmt.Sprintf("zeroed %d predictor /Columns values too large to allocate", n))
		body = b
	}

	lay := inspect(body)
	if lay.loop[1] > 0 {
		// A /Prev back into the chain: every section has been seen by
		// then, so dropping the entry loses nothing.
		b := make([]byte, len(body))
		copy(b, body)
		for i := lay.loop[0]; i < lay.loop[1]; i++ {
			b[i] = ' '
		}
		body = b
		repairs = append(repairs, "cut a /Prev loop in the cross-reference chain")
		lay = inspect(body)
	}
	var why error // why the library's result was not taken
	switch {
	case lay.unsafe != nil:
		why = lay.unsafe
	case lay.hybrid:
		why = errors.New("hybrid cross-reference (/XRefStm), which the library ignores")
	default:
		// The library gets a third of the time: if it loops, the repair
		// step may still read the file.
		libDeadline := time.Now().Add(time.Until(deadline) / 3)
		d, err := guard(sess.Ctx, libDeadline, func() (*Document, error) { return open(body, opts.Password) })
		if err == nil {
			d.Repairs = repairs
			return d, nil
		}
		if errors.Is(err, ErrNeedPassword) || errors.Is(err, ErrLimit) {
			return nil, err
		}
		why = err
	}

	// Structural trouble: rebuild the cross-reference data from the
	// objects themselves and let the library read the file through it.
	// When bytes before %PDF were skipped, pdfcpu gets the original: its
	// offsets may count from the start of the file.
	src := body
	if start > 0 {
		src = data
	}
	if structural(why) {
		// A hybrid file's own table and /XRefStm streams, when they hold
		// (checked against the objects), are merged instead of scanning
		// the file; a scan is the fallback, also when the library cannot
		// read the file through the merged data.
		builders := []func([]byte) ([]byte, error){rebuild}
		if lay.hybrid {
			builders = []func([]byte) ([]byte, error){mergeHybrid, rebuild}
		}
		for _, build := range builders {
			tail, err := build(body)
			if err != nil {
				continue
			}
			// The library reads the input and the new cross-reference
			// stream after it, without a copy of the input; Data is the
			// input, where every object and stream is.
			rebuilt := joined{body, tail}
			libDeadline := time.Now().Add(time.Until(deadline) / 2)
			d, err := guard(sess.Ctx, libDeadline, func() (*Document, error) {
				return openLibrary(sess.Ctx, rebuilt, int64(len(body)+len(tail)), body, opts.Password, lim.MaxPages, opts.Workers)
			})
			if err == nil {
				d.Repairs = append(repairs, fmt.Sprintf("rebuilt the cross-reference table: %v", why))
				return d, nil
			}
			if errors.Is(err, ErrNeedPassword) || errors.Is(err, ErrLimit) {
				return nil, err
			}
			if !structural(err) {
				// Sound now, but encrypted in a way only pdfcpu handles.
				src = rebuilt.bytes()
				repairs = append(repairs, fmt.Sprintf("rebuilt the cross-reference table: %v", why))
				why = err
				break
			}
		}
	}

	// Last resort: pdfcpu reads (decrypts, repairs) and rewrites the file.
	out, encrypted, perr := guardBytes(deadline, func(ctx context.Context) ([]byte, bool, error) {
		return rewrite(ctx, src, opts.Password)
	})
	if opts.Password != "" && errors.Is(perr, pdfcpu.ErrWrongPassword) {
		// A password given for a file that needs none (owner password
		// only, which the library would have accepted as it is).
		out, encrypted, perr = guardBytes(deadline, func(ctx context.Context) ([]byte, bool, error) {
			return rewrite(ctx, src, "")
		})
		if perr != nil {
			perr = pdfcpu.ErrWrongPassword
		}
	}
	if perr != nil {
		return nil, classifyRewrite(perr, why, lay.encrypted || encrypted, opts.Password)
	}
	out, _ = fixHeader(out)
	d, err := guard(sess.Ctx, deadline, func() (*Document, error) { return open(out, "") })
	if err != nil {
		var e *Error
		if errors.As(err, &e) && (e.Kind == ErrNoPages || e.Kind == ErrLimit) {
			return nil, err
		}
		return nil, fail(ErrDamaged, fmt.Errorf("after rewriting (%v): %w", why, err))
	}
	d.Repairs = append(repairs, fmt.Sprintf("rewritten by pdfcpu: %v", why))
	d.Encrypted = d.Encrypted || encrypted || lay.encrypted
	return d, nil
}

// structural reports whether the library's failure is about the file's
// structure (cross-reference data, objects, page tree) rather than its
// encryption.
func structural(err error) bool {
	if errors.Is(err, errLibraryEncryption) || errors.Is(err, pdf.ErrInvalidPassword) ||
		errors.Is(err, ErrNeedPassword) || errors.Is(err, ErrTimeout) {
		return false
	}
	return !strings.Contains(err.Error(), "encrypt")
}

// ErrTimeout is the cause of an ErrDamaged error when a file took longer
// than Options.Timeout.
var ErrTimeout = errors.New("gave up: reading the file takes too long")

func headerLine(b []byte) string {
	end := bytes.IndexAny(b[:min(len(b), 16)], "\r\n")
	if end < 0 {
		end = min(len(b), 16)
	}
	return string(b[:end])
}

// errLibraryEncryption marks an encrypted file that the library opens but
// decrypts wrongly (AES strings keep their padding; 40-bit RC4 keys are
// extended to 16 bytes), or refuses (AES-256, crypt filters, revisions > 4).
var errLibraryEncryption = errors.New("encryption the library does not decrypt correctly")

// openLibrary has the library read the file of size bytes that ra reads,
// whose objects and streams are all in data (data is ra's first bytes).
func openLibrary(ctx context.Context, ra io.ReaderAt, size int64, data []byte, password string, maxPages, workers int) (*Document, error) {
	tries := 0
	if ctx.Done() != nil {
		ra = ctxReaderAt{ctx: ctx, r: ra}
	}
	r, err := pdf.NewReaderEncrypted(ra, size, func() string {
		if tries++; tries == 1 {
			return password
		}
		return ""
	})
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) && password == "" {
			return nil, fail(ErrNeedPassword, err)
		}
		return nil, err
	}
	encrypted := false
	if enc := r.Trailer().Key("Encrypt"); !enc.IsNull() {
		encrypted = true
		// Only RC4 with a 128-bit key (V 2, R 3) is decrypted right.
		if enc.Key("V").Int64() != 2 || enc.Key("R").Int64() != 3 || enc.Key("Length").Int64() != 128 {
			return nil, errLibraryEncryption
		}
	}
	pages, err := walkPages(r, maxPages, workers)
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, fail(ErrNoPages, nil)
	}
	return &Document{Reader: r, Data: data, NumPages: len(pages), Pages: pages, Encrypted: encrypted}, nil
}

// guard runs f with a deadline, turning a panic into an error. When the
// deadline passes first, guard returns and leaves f running: the library
// offers no way to stop it (it can loop on cyclic object streams).
func guard(ctx context.Context, deadline time.Time, f func() (*Document, error)) (*Document, error) {
	type result struct {
		d   *Document
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- result{nil, fmt.Errorf("malformed PDF: %v", p)}
			}
		}()
		d, err := f()
		ch <- result{d, err}
	}()
	t := time.NewTimer(time.Until(deadline))
	defer t.Stop()
	select {
	case r := <-ch:
		return r.d, r.err
	case <-t.C:
		return nil, fail(ErrDamaged, ErrTimeout)
	case <-ctx.Done():
		return nil, fail(ErrDamaged, ErrTimeout)
	}
}

// guardBytes is guard for the rewrite step, which can also be cancelled.
func guardBytes(deadline time.Time, f func(ctx context.Context) ([]byte, bool, error)) ([]byte, bool, error) {
	type result struct {
		b   []byte
		enc bool
		err error
	}
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- result{nil, false, fmt.Errorf("pdfcpu: %v", p)}
			}
		}()
		b, enc, err := f(ctx)
		ch <- result{b, enc, err}
	}()
	select {
	case r := <-ch:
		return r.b, r.enc, r.err
	case <-ctx.Done():
		return nil, false, fail(ErrDamaged, ErrTimeout)
	}
}
