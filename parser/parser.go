// Package parser reads a budget PDF and reconstructs its project expenditure
// performance target table (项目支出绩效目标表) as a document.Document.
package parser

import (
	"errors"

	"github.com/petool/pet/document"
)

// ErrNoTable is returned when no page of the PDF holds the target table.
var ErrNoTable = errors.New("no project performance target table (项目支出绩效目标表) found")

// Options control how a PDF is read.
type Options struct {
	// Password opens an encrypted PDF; empty tries the empty user password.
	Password string
}

// Parse reads the PDF in data and returns its target table. name is used as
// the document's Source and in error messages.
func Parse(data []byte, name string, opts Options) (*document.Document, error) {
	return nil, errors.New("not implemented")
}
