package indicatortext

import (
	"fmt"
	"math"
	"strings"

	"github.com/petool/pet/check"
	"github.com/petool/pet/document"
	"github.com/petool/pet/indicator"
	"github.com/petool/pet/internal/geom"
	"github.com/petool/pet/internal/layout"
)

// rawRow is one table row with its cells joined across wrapped lines and
// page breaks, before it becomes a document.Row.
type rawRow struct {
	page          int
	cells         map[Field]string
	indent        float64
	colX0         float64 // the name column's left edge
	rightGap      float64 // from the name's first line to the column's right edge
	oneLine       bool    // the name fits on one line
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
				if c.Field == FieldName && rb.Cells[ci].NumLines > 0 {
					r.indent = c.X0 + rb.Cells[ci].Indent // absolute: comparable across pages whose columns were found apart
					r.rightGap = rb.Cells[ci].RightGap
					r.colX0 = c.X0
					r.oneLine = rb.Cells[ci].NumLines == 1
					r.leadingSpaces = rb.Cells[ci].LeadingSpaces
					r.size = rb.Cells[ci].Size
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

// textTable builds the indicator-text table found by Analyze, nil when
// there is none.
func (a *Analysis) textTable(workers int) *layout.Table {
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
	texts := make([]string, len(raws))
	for i, r := range raws {
		texts[i] = strings.TrimSpace(r.cells[FieldIndicators])
	}
	parsed := indicator.ParseAll(texts, workers)
	var unit *string
	for i, r := range raws {
		row := document.Row{
			Seq:            i + 1,
			Level:          levels[i],
			Name:           strings.TrimSpace(r.cells[FieldName]),
			Goal:           strings.TrimSpace(r.cells[FieldGoal]),
			IndicatorsText: texts[i],
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
		row.Indicators = parsed[i].Indicators
		for _, p := range parsed[i].Problems {
			t.Warnings = append(t.Warnings, document.Warning{Code: p.Code, Row: row.Seq, Page: row.Page, Message: p.Message})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// rowLevels tells the 合计 row, unit rows and project rows apart. Projects
// are indented under their unit (leading spaces or a visible shift); where no
// row is indented, or the names are centred so that their indentation says
// nothing, a row without goal and indicators is a unit.
func rowLevels(rows []rawRow) []string {
	levels := make([]string, len(rows))
	if namesCentred(rows) {
		return structuralLevels(rows)
	}
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
		if r.leadingSpaces > 0 || (r.hasName && minIndent >= 0 && r.indent > minIndent+geom.IndentStepEm*r.size) {
			levels[i] = document.LevelProject
			indented = true
		}
	}
	// Indentation is believed only where it agrees with the cells: a row
	// that it leaves as a unit must state no targets of its own. Where one
	// does, the names' positions vary for another reason (centred names
	// whose centring cannot be seen, ragged producers), and the cells decide.
	for i, r := range rows {
		if levels[i] == "" && structuralLevel(r) == document.LevelProject {
			return structuralLevels(rows)
		}
	}
	for i, r := range rows {
		if levels[i] != "" {
			continue
		}
		levels[i] = document.LevelUnit
		if !indented {
			levels[i] = structuralLevel(r)
		}
	}
	return levels
}

// structuralLevels gives every row its structuralLevel, then lets the sums
// decide the rows that state no targets: such a row is a project, not a
// unit, when the unit above it is not yet filled by the projects so far and
// its amount still fits in what remains (a unit's amount is the sum of its
// projects, up to the printed rounding: half a unit of the last printed
// digit per figure).
func structuralLevels(rows []rawRow) []string {
	levels := make([]string, len(rows))
	var unit struct {
		open          bool // its projects do not yet add up to its amount
		col           Field
		total, filled int64
		slack         int64 // the rounding the sum may carry so far
	}
	for i, r := range rows {
		levels[i] = structuralLevel(r)
		switch levels[i] {
		case document.LevelTotal:
			unit.open = false
		case document.LevelUnit:
			if unit.open {
				if v, ok := amountIn(r, unit.col); ok && unit.filled+v <= unit.total+unit.slack+halfDigit(r, unit.col) {
					levels[i] = document.LevelProject
					unit.filled += v
					unit.slack += halfDigit(r, unit.col)
					break
				}
			}
			unit.open = false
			for _, f := range moneyFields {
				if v, ok := amountIn(r, f); ok {
					unit.open, unit.col, unit.total, unit.filled, unit.slack = true, f, v, 0, halfDigit(r, f)
					break
				}
			}
		case document.LevelProject:
			if v, ok := amountIn(r, unit.col); ok {
				unit.filled += v
				unit.slack += halfDigit(r, unit.col)
			}
		}
		if unit.open && unit.filled+unit.slack >= unit.total {
			unit.open = false
		}
	}
	return levels
}

// amountIn is a row's amount in column f, in millionths.
func amountIn(r rawRow, f Field) (int64, bool) {
	m, err := document.ParseMoney(compact(r.cells[f]))
	return m.Micros, err == nil
}

// halfDigit is half a unit of the last digit printed in column f of r, in
// millionths: the rounding that figure may carry.
func halfDigit(r rawRow, f Field) int64 {
	m, err := document.ParseMoney(compact(r.cells[f]))
	if err != nil {
		return 0
	}
	h := int64(500000)
	for i := 0; i < m.Decimals; i++ {
		h /= 10
	}
	return h
}

// structuralLevel is a row's level from its cells alone: the 合计 row by
// its name, a unit by its empty goal and indicators (a 资金使用单位 row
// states no targets of its own), else a project.
func structuralLevel(r rawRow) string {
	switch {
	case isTotalName(r.cells[FieldName]):
		return document.LevelTotal
	case strings.TrimSpace(r.cells[FieldGoal]) == "" && strings.TrimSpace(r.cells[FieldIndicators]) == "":
		return document.LevelUnit
	}
	return document.LevelProject
}

// namesCentred reports whether the table centres its name cells: the
// one-line names that leave room in their cell (more than a character on
// one side) stand as far from the left edge as from the right. Indentation
// then tells nothing about levels.
func namesCentred(rows []rawRow) bool {
	n, centred := 0, 0
	for _, r := range rows {
		if !r.hasName || !r.oneLine || r.leadingSpaces > 0 || isTotalName(r.cells[FieldName]) {
			continue
		}
		left := r.indent - r.colX0
		if max(left, r.rightGap) <= r.size {
			continue // fills its cell: says nothing about alignment
		}
		n++
		if math.Abs(left-r.rightGap) <= geom.CentreSlackEm*r.size {
			centred++
		}
	}
	return n >= 2 && centred*10 >= n*8
}

// isTotalName reports the name of the 合计 row, printed with or without a
// colon (合计：) and spaces (合 计).
func isTotalName(s string) bool {
	switch strings.TrimRight(compact(s), ":：") {
	case "合计", "总计", "合计数", "总合计":
		return true
	}
	return false
}
