package cli

import (
	"errors"

	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/parser"
)

// parserLimits are the limits of the flags as the parser takes them.
func parserLimits(l pdfload.Limits) parser.Limits {
	return parser.Limits{
		MaxInputSize: l.MaxInputSize, MaxPages: l.MaxPages, MaxStreamBytes: l.MaxStreamBytes,
		MaxPageBytes: l.MaxPageBytes, MaxOperators: l.MaxOperators, MaxXObjects: l.MaxXObjects,
		MaxGlyphs: l.MaxGlyphs, MaxRules: l.MaxRules, MaxGlyphText: l.MaxGlyphText, MaxCMapEntries: l.MaxCMapEntries,
	}
}

// flagHint adds to a parser error the flag that helps: --password for a
// file that needs one, the flag that raises a limit.
func flagHint(err error) error {
	var le *pdfload.LimitError
	switch {
	case errors.Is(err, pdfload.ErrNeedPassword):
		return &hintedError{msg: err.Error() + " (--password)", err: err}
	case errors.As(err, &le) && le.Flag != "":
		return &hintedError{msg: err.Error() + " (raise it with " + le.Flag + ")", err: err}
	}
	return err
}

// hintedError is an error with a hint appended to its message.
type hintedError struct {
	msg string
	err error
}

func (e *hintedError) Error() string { return e.msg }
func (e *hintedError) Unwrap() error { return e.err }
