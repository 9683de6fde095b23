package parser

import (
	"errors"
	"sort"

	"github.com/petool/pet/check"
	"github.com/petool/pet/document"
)

// document builds the contract document: the tables of every layout in
// page order, their rows numbered across the document, then the checks of
// the figures.
func (res *result) document() *document.Document {
	doc := &document.Document{
		Pages:    res.pages,
		Tables:   []document.Table{},
		Rows:     []document.Row{},
		Warnings: []document.Warning{},
	}
	for _, err := range res.pageErrors {
		w := document.Warning{Code: check.PageUnreadable, Message: err.Error()}
		var pe *Error
		if errors.As(err, &pe) {
			w.Page = pe.Page
		}
		doc.Warnings = append(doc.Warnings, w)
	}
	tables := res.tables
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].Info.FirstPage < tables[j].Info.FirstPage })
	doc.Warnings = append(doc.Warnings, layoutNotReadWarnings(unreadHints(res.hints, tables))...)
	for k, t := range tables {
		if k == 0 {
			doc.Layout, doc.Title = t.Info.Layout, t.Info.Title
			doc.Department, doc.CurrencyUnit, doc.Year = t.Department, t.CurrencyUnit, t.Year
		}
		doc.Tables = append(doc.Tables, t.Info)
		offset := len(doc.Rows)
		for _, row := range t.Rows {
			row.Seq += offset
			row.Table = k
			doc.Rows = append(doc.Rows, row)
		}
		for _, w := range t.Warnings {
			if w.Row > 0 {
				w.Row += offset
			}
			doc.Warnings = append(doc.Warnings, w)
		}
	}
	// The figures are checked; warnings follow row order, document-level
	// ones (row 0) first.
	doc.Warnings = append(doc.Warnings, check.Document(doc)...)
	sort.SliceStable(doc.Warnings, func(i, j int) bool { return doc.Warnings[i].Row < doc.Warnings[j].Row })
	return doc
}
