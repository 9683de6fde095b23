package parser

import (
	"errors"
	"fmt"
	"strings"

	"github.com/petool/pet/internal/pdfload"
)

// The kinds of failure, for errors.Is. Every error Parse returns is an
// *Error whose Kind is one of them.
var (
	// ErrNoTable: no page of the PDF holds a target table.
	ErrNoTable = errors.New("no project performance target table (项目支出绩效目标表) found")
	// ErrNoText: the pages carry images but no text (a scanned PDF).
	ErrNoText = errors.New("no text layer: scanned PDF")
	// ErrLayoutNotRead: the PDF prints project performance targets in a
	// layout that no reader could read (the Error names its page).
	ErrLayoutNotRead = errors.New("project performance targets are not read")
	// ErrPassword: the PDF is encrypted and needs a user password, or the
	// one given is wrong.
	ErrPassword = errors.New("encrypted: password needed or wrong")
	// ErrEncryption: the PDF is encrypted in a way pet cannot decrypt.
	ErrEncryption = errors.New("encrypted: unsupported encryption")
	// ErrNotPDF: the input is empty or not a PDF.
	ErrNotPDF = errors.New("not a PDF file")
	// ErrDamaged: the file (or one of its pages) is damaged or truncated
	// beyond repair, or its reading was stopped by Options.Context.
	ErrDamaged = errors.New("damaged beyond repair")
	// ErrLimit: the file is over one of the Limits.
	ErrLimit = errors.New("over a limit")
)

var errNoPages = errors.New("the PDF has no pages")

// Error is a failure to read a PDF, or (in a page-unreadable warning) one
// of its pages, in the manner of encoding/csv's ParseError.
type Error struct {
	Kind error // one of the Err* kinds
	Page int   // the 1-based page it is about; 0 for the whole file
	Err  error // what went wrong; nil when Kind says it all
}

// Error is "page N: what went wrong", or without the page for the file.
func (e *Error) Error() string {
	msg := e.Kind.Error()
	if e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Page > 0 {
		return fmt.Sprintf("page %d: %s", e.Page, msg)
	}
	return msg
}

// Unwrap gives errors.Is and errors.As both the kind and the cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// cause is a lower layer's error with a message of the parser's own (no
// page prefix, no command-line flag), still reachable with errors.As.
type cause struct {
	msg string
	err error
}

func (c *cause) Error() string { return c.msg }
func (c *cause) Unwrap() error { return c.err }

// newError maps an error of the PDF layer to an *Error of page (0: the file).
func newError(err error, page int) *Error {
	kind := ErrDamaged
	msg := err.Error()
	var le *pdfload.LimitError
	switch {
	case errors.As(err, &le):
		kind = ErrLimit
		plain := *le
		plain.Flag = ""
		msg = strings.Replace(msg, le.Error(), plain.Error(), 1)
	case errors.Is(err, pdfload.ErrLimit):
		kind = ErrLimit
	case errors.Is(err, pdfload.ErrNeedPassword):
		kind = ErrPassword
		msg = "encrypted: a user password is needed"
	case errors.Is(err, pdfload.ErrWrongPassword):
		kind = ErrPassword
	case errors.Is(err, pdfload.ErrUnsupportedEncryption):
		kind = ErrEncryption
	case errors.Is(err, pdfload.ErrNotPDF), errors.Is(err, pdfload.ErrEmpty):
		kind = ErrNotPDF
	case errors.Is(err, pdfload.ErrNoPages):
		kind = ErrNoTable
	}
	if page > 0 {
		msg = strings.TrimPrefix(msg, fmt.Sprintf("page %d: ", page))
	}
	return &Error{Kind: kind, Page: page, Err: &cause{msg: msg, err: err}}
}
