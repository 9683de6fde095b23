package pdfload

import "errors"

// The kinds of failure Load reports. Every error returned by Open and Load
// matches exactly one of them with errors.Is; its message is the kind's
// message alone, short enough for the CLI to print as "FILE: <message>".
// The underlying cause, if any, is reachable with errors.As(err, **Error).
var (
	// ErrEmpty: the file has no bytes.
	ErrEmpty = errors.New("empty file")
	// ErrNotPDF: no %PDF- header in the first kilobyte (an HTML error
	// page, a Word document, an image...).
	ErrNotPDF = errors.New("not a PDF file")
	// ErrTruncated: the file stops before its end (no final %%EOF, or an
	// update section cut off); usually an interrupted download.
	ErrTruncated = errors.New("truncated file")
	// ErrDamaged: neither the PDF library nor the repair step could read
	// the file's structure.
	ErrDamaged = errors.New("damaged beyond repair")
	// ErrNeedPassword: the file is encrypted with a user password and none
	// was given.
	ErrNeedPassword = errors.New("encrypted: a user password is needed (--password)")
	// ErrWrongPassword: the password given opens the file neither as user
	// nor as owner password.
	ErrWrongPassword = errors.New("encrypted: wrong password")
	// ErrUnsupportedEncryption: a security handler other than the standard
	// password one (certificates, DRM plug-ins) or unknown parameters.
	ErrUnsupportedEncryption = errors.New("encrypted: unsupported encryption")
	// ErrNoPages: the file is readable but its page tree holds no page.
	ErrNoPages = errors.New("the PDF has no pages")
)

// Error is the error type of Open and Load: one of the kinds above plus what
// the PDF library or the repair step said, for verbose output and tests.
type Error struct {
	Kind  error // one of the Err* values of this package
	Cause error // lower-level detail; may be nil
}

// Error returns the kind's short message only; for ErrLimit, which limit.
func (e *Error) Error() string {
	if e.Kind == ErrLimit && e.Cause != nil {
		return e.Cause.Error()
	}
	return e.Kind.Error()
}

// Unwrap lets errors.Is match both the kind and the cause.
func (e *Error) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Cause}
}

// Detail returns the kind's message followed by the cause, if any.
func (e *Error) Detail() string {
	if e.Cause == nil {
		return e.Kind.Error()
	}
	return e.Kind.Error() + ": " + e.Cause.Error()
}

func fail(kind, cause error) error { return &Error{Kind: kind, Cause: cause} }
