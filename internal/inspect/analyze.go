package inspect

import (
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/layout/indicatortext"
	"github.com/petool/pet/internal/pdfload"
	"github.com/petool/pet/internal/pdfpage"
)

// Analysis is what the indicator-text reader saw, every page kept.
type Analysis = indicatortext.Analysis

// Analyze reads every page of the PDF in data, as the parser does, through
// the indicator-text reader with its pages and lines kept: the views of
// `pet inspect` and `pet text`. sess may be nil (the session bound to data).
// It fails only when the PDF does not open.
func Analyze(data []byte, password string, sess *pdfload.Session, workers int) (*Analysis, error) {
	doc, err := layout.Open(data, password, sess, 0)
	if err != nil {
		return nil, err
	}
	r := indicatortext.New(true)
	var pageErrors []error
	layout.ReadPages(doc, workers, r.Prepare, func(p *pdfpage.Page, err error) {
		if err != nil {
			pageErrors = append(pageErrors, err)
		}
		r.Page(p)
	})
	a := r.Analysis()
	a.PageErrors = pageErrors
	return a, nil
}
