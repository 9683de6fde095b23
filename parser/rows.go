package parser

import (
	"fmt"
	"sort"
	"strings"

	"github.com/petool/pet/check"
	"github.com/petool/pet/document"
	"github.com/petool/pet/indicator"
	"github.com/petool/pet/internal/layout"
)

// rawRow is one table row with its cells joined across wrapped lines and
// page breaks, before it becomes a document.Row.
type rawRow struct {
	page          int
	cells         map[Field]string
	indent        float64
	leadingSpaces int
	size          float64
	hasName       bool // indent and size were measured
}

// joinRows collects the rows of every page, joining a row that a page break
// splits: the first row of a continued page belongs to the previous row when
// the previous page's grid is open at the bottom (no rule closes the cut
// row), or, where that cannot be seen, when its name cell is empty or it
// prints no amount while the previous row does.
func (a *Analysis) joinRows() []rawRow {
	var rows []rawRow
	for ti, t := range a.Tables {
		for ri, rb := range t.Rows {
			r := rawRow{page: t.Page, cells: map[Field]string{}}
			for ci, c := range t.Columns {
				if c.Field == FieldNone {
					continue
				}
				r.cells[c.Field] += rb.Cells[ci].Text
				if c.Field == FieldName && len(rb.Cells[ci].Lines) > 0 {
					r.indent = c.X0 + rb.Cells[ci].Indent // absolute: comparable across pages whose columns were found apart
					r.leadingSpaces = rb.Cells[ci].LeadingSpaces
					r.size = rb.Cells[ci].Lines[0].Size
					r.hasName = true
				}
			}
			if isEmptyRow(r) {
				continue
			}
			if ti > 0 && ri == 0 && len(rows) > 0 && a.Tables[ti-1].Page == t.Page-1 &&
				(a.Tables[ti-1].OpenBottom || continuesPrevious(rows[len(rows)-1], r)) {
				prev := &rows[len(rows)-1]
				for f, text := range r.cells {
					prev.cells[f] += text
				}
				continue
			}
			rows = append(rows, r)
		}
	}
	return rows
}

var moneyFields = [4]Field{FieldTotal, FieldFiscal, FieldSpecial, FieldOther}

func isEmptyRow(r rawRow) bool {
	for _, t := range r.cells {
		if strings.TrimSpace(t) != "" {
			return false
		}
	}
	return true
}

func hasMoney(r rawRow) bool {
	for _, f := range moneyFields {
		if strings.TrimSpace(r.cells[f]) != "" {
			return true
		}
	}
	return false
}

func continuesPrevious(prev, cur rawRow) bool {
	if strings.TrimSpace(cur.cells[FieldName]) == "" {
		return true
	}
	// An indicator list is closed by 。: a previous row whose list is closed
	// is complete, and a named row after it is a row of its own.
	if strings.HasSuffix(strings.TrimSpace(prev.cells[FieldIndicators]), "。") {
		return false
	}
	return !hasMoney(cur) && hasMoney(prev)
}

// Document turns the analysis into the contract document: the tables of
// every layout in page order, their rows numbered across the document, then
// the checks of the figures.
func (a *Analysis) Document(source string) *document.Document {
	doc := &document.Document{
		Source:   source,
		Pages:    len(a.Pages),
		Tables:   []document.Table{},
		Rows:     []document.Row{},
		Warnings: []document.Warning{},
	}
	for _, err := range a.PageErrors {
		doc.Warnings = append(doc.Warnings, document.Warning{Code: check.PageUnreadable, Message: err.Error()})
	}
	tables := a.Other
	if t := a.textTable(); t != nil {
		tables = append([]layout.Table{*t}, tables...)
	}
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].Info.FirstPage < tables[j].Info.FirstPage })
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

// textTable builds the indicator-text table found by Analyze, nil when
// there is none.
func (a *Analysis) textTable() *layout.Table {
	if len(a.Tables) == 0 {
		return nil
	}
	t := &layout.Table{
		Info: document.Table{Title: a.Title, Layout: document.LayoutIndicatorText,
			FirstPage: a.Tables[0].Page, LastPage: a.Tables[len(a.Tables)-1].Page},
		Department:   a.Department,
		CurrencyUnit: a.CurrencyUnit,
		Year:         a.Year,
	}
	raws := a.joinRows()
	levels := rowLevels(raws)
	var unit *string
	for i, r := range raws {
		row := document.Row{
			Seq:            i + 1,
			Level:          levels[i],
			Name:           strings.TrimSpace(r.cells[FieldName]),
			Goal:           strings.TrimSpace(r.cells[FieldGoal]),
			IndicatorsText: strings.TrimSpace(r.cells[FieldIndicators]),
			Indicators:     []document.Indicator{},
			Page:           r.page,
		}
		switch row.Level {
		case document.LevelUnit:
			name := row.Name
			unit = &name
			row.Unit = unit
		case document.LevelProject:
			row.Unit = unit
		}
		money := [4]**document.Money{&row.Total, &row.FiscalAppropriation, &row.FiscalSpecialAccount, &row.OtherFunds}
		for k, f := range moneyFields {
			text := compact(r.cells[f])
			if text == "" || text == "-" || text == "—" {
				continue
			}
			m, err := document.ParseMoney(text)
			if err != nil {
				t.Warnings = append(t.Warnings, document.Warning{
					Code: check.MoneyNotANumber, Row: row.Seq, Page: row.Page,
					Message: fmt.Sprintf("%s: %q is not an amount", document.MoneyColumnNames[k], text),
				})
				continue
			}
			*money[k] = &m
		}
		inds, problems := indicator.Parse(row.IndicatorsText)
		row.Indicators = inds
		for _, p := range problems {
			t.Warnings = append(t.Warnings, document.Warning{Code: p.Code, Row: row.Seq, Page: row.Page, Message: p.Message})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// rowLevels tells the 合计 row, unit rows and project rows apart. Projects
// are indented under their unit (leading spaces or a visible shift); where no
// row is indented, a row without goal and indicators is a unit.
func rowLevels(rows []rawRow) []string {
	levels := make([]string, len(rows))
	minIndent := -1.0
	for i, r := range rows {
		if isTotalName(r.cells[FieldName]) {
			levels[i] = document.LevelTotal
			continue
		}
		if r.hasName && r.leadingSpaces == 0 && (minIndent < 0 || r.indent < minIndent) {
			minIndent = r.indent
		}
	}
	indented := false
	for i, r := range rows {
		if levels[i] != "" {
			continue
		}
		if r.leadingSpaces > 0 || (r.hasName && minIndent >= 0 && r.indent > minIndent+0.8*r.size) {
			levels[i] = document.LevelProject
			indented = true
		}
	}
	for i, r := range rows {
		if levels[i] != "" {
			continue
		}
		levels[i] = document.LevelUnit
		if !indented && (strings.TrimSpace(r.cells[FieldGoal]) != "" || strings.TrimSpace(r.cells[FieldIndicators]) != "") {
			levels[i] = document.LevelProject
		}
	}
	return levels
}

func isTotalName(s string) bool {
	switch compact(s) {
	case "合计", "总计", "合计数":
		return true
	}
	return false
}
