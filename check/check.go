// Package check looks for errors in a target table's own figures and text:
// sums that do not add up, indicators filed under the wrong level, numbering
// that skips. Each finding is a document.Warning with a stable code; the
// output never stops for a warning.
package check

import (
	"fmt"
	"sort"

	"github.com/petool/pet/document"
	"github.com/petool/pet/indicator"
)

// Warning codes. They are stable: scripts filter on them. Codes lists them
// with their meaning.
const (
	UnitSumMismatch        = "unit-sum-mismatch"         // a unit row ≠ the sum of its projects
	TotalSumMismatch       = "total-sum-mismatch"        // the 合计 row ≠ the sum of its units (or projects)
	RowSumMismatch         = "row-sum-mismatch"          // 总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金
	IndicatorsMissing      = "indicators-missing"        // a project row without 绩效指标
	IndicatorLevelMismatch = indicator.CodeLevelMismatch // level-2 code not under its level-1 code
	IndicatorNumbering     = indicator.CodeNumbering     // items not numbered 1, 2, 3, …
	IndicatorUnreadable    = indicator.CodeUnreadable    // an item that does not fit the pattern
	MoneyNotANumber        = "money-not-a-number"        // raised by the parser: a money cell that is not an amount
	PageUnreadable         = "page-unreadable"           // raised by the parser: a page that could not be read
)

// Code describes one warning code, for the README and `pet codes`.
type Code struct {
	Code    string // the stable kebab-case code
	Meaning string // one line: what it means
	Example string // a message as pet prints it
}

// Codes lists every warning pet can raise.
var Codes = []Code{
	{UnitSumMismatch, "a unit row's amount differs from the sum of its projects (per money column)",
		"unit 广州市增城区政务服务数据管理局: 总计: projects sum to 5,640.84, unit row says 5,651.84"},
	{TotalSumMismatch, "the 合计 row differs from the sum of the unit rows (of the projects where there are no units)",
		"total: 总计: units sum to 5,651.84, 合计 row says 5,661.84"},
	{RowSumMismatch, "a row's 总计 differs from 财政拨款 + 财政专户拨款 + 其他资金 (where any of them is printed)",
		"区政务服务大厅水电网络费: 总计 is 464.35, its sources sum to 454.35"},
	{IndicatorsMissing, "a project row has no indicators (no 绩效指标 text, no indicator grid rows)", "project 区南部政务服务中心后勤保障费 has no indicators"},
	{IndicatorLevelMismatch, "an indicator's level-2 code does not start with its level-1 code",
		"indicator 1: level-2 code 31 does not belong to level-1 code 2"},
	{IndicatorNumbering, "an indicator item's number is neither the previous one plus one nor 1 (a restart); the first should be 1",
		"indicator 3: numbered 2, expected 3"},
	{IndicatorUnreadable, "an indicator item does not fit the pattern; it is kept, what was read filled in and the rest of its text as its name",
		`indicator 2: no 实施周期指标值 or 年度指标值; no level-1 code and name: "2、说明文字"`},
	{MoneyNotANumber, "a money cell holds something that is not an amount; the field is null",
		`total: "约5万" is not an amount`},
	{PageUnreadable, "a page of the PDF could not be read; the rest was", "page 3: unsupported filter /JBIG2Decode"},
}

// Document returns the warnings of the table's own figures and
// text, in row order (within a row: indicator problems, a missing indicators
// text, the row's own sum, then the unit or total sums). It does not touch
// doc.Warnings. The checks:
//
//   - RowSumMismatch: a row's 总计 differs from 财政拨款 + 财政专户拨款 +
//     其他资金, where at least one of those three is printed (an empty 总计 then
//     counts as 0).
//   - UnitSumMismatch: per money column, a unit row differs from the sum of
//     the project rows under it (those that follow it in its table up to the
//     next unit or total row). Empty cells count as absent: a column is
//     compared when the unit's cell or any project's is printed. A unit with
//     no project rows is not compared.
//   - TotalSumMismatch: per money column, each 合计 row differs from the sum of
//     the unit rows of its table, or of its project rows when the table has
//     no unit rows; empty cells as above. A 合计 row with neither is not
//     compared.
//   - IndicatorsMissing: a project row with no indicators, in any layout
//     (indicators read from a 绩效指标 text or from an indicator grid).
//
// Rows belong to their table (Row.Table): a unit's projects and a 合计 row's
// units are looked for in its own table only, so a document holding several
// target tables (Beijing: rows, then forms) is checked table by table.
//
// A sum that differs from the printed figure by no more than the printed
// rounding is not a mismatch: half a unit of the last printed digit per
// figure summed (two 2-decimal figures: 0.01; see agrees for the exact
// rule). Sums are exact, in int64 millionths; messages print amounts grouped
// with the decimals printed, at least two (5,640.84, 9.700000).
//
// It reads the document and writes nothing into it. The indicator problems
// (IndicatorLevelMismatch, IndicatorNumbering, IndicatorUnreadable) are
// raised where the indicators are read, by the parser through indicator.Parse.
func Document(doc *document.Document) []document.Warning {
	var ws []document.Warning
	for i := range doc.Rows {
		row := &doc.Rows[i]
		if row.Level == document.LevelProject && len(row.Indicators) == 0 {
			ws = append(ws, document.Warning{Code: IndicatorsMissing, Row: row.Seq, Page: row.Page,
				Message: fmt.Sprintf("project %s has no indicators", row.Name)})
		}
		ws = append(ws, rowSum(row)...)
	}
	ws = append(ws, unitSums(doc.Rows)...)
	ws = append(ws, totalSums(doc.Rows)...)
	sortWarnings(ws)
	return ws
}

// sum adds printed amounts; printed reports whether any was printed. units
// adds the unit of the last printed digit of each (see rounding), in
// millionths, and finest is the smallest of them.
type sum struct {
	v        int64
	printed  bool
	units    int64
	finest   int64
	decimals int // the most decimals printed, for messages
}

func (s *sum) add(m *document.Money) {
	if m != nil {
		s.v += m.Micros
		s.printed = true
		s.decimals = max(s.decimals, m.Decimals)
		u := lastDigit(m)
		s.units += u
		if s.finest == 0 || u < s.finest {
			s.finest = u
		}
	}
}

// grouped formats the sum as budget tables print it, with at least two
// decimals and as many as the figures summed print (9.700000).
func (s sum) grouped() string { return document.GroupMicros(s.v, max(s.decimals, 2)) }

func value(m *document.Money) int64 {
	if m == nil {
		return 0
	}
	return m.Micros
}

// lastDigit returns the unit of m's last printed digit in millionths: 10000
// for 2 decimals, 1 for 6.
func lastDigit(m *document.Money) int64 {
	u := int64(1)
	for d := min(max(m.Decimals, 0), document.MaxDecimals); d < document.MaxDecimals; d++ {
		u *= 10
	}
	return u
}

// agrees reports whether the printed amount m matches the sum s of printed
// amounts, allowing for rounding. Published tables round every amount to
// its printed decimals, so each figure may be up to half a unit of its last
// digit off the true amount: the sum may be off m by half a unit per figure
// summed (two figures at 2 decimals: 0.01), and by half of what m itself
// prints coarser than the finest figure (a 2-decimal total of 6-decimal
// parts: 0.005). Exactly: |s - m| < ½·(Σ unitᵢ + unit(m)), which on whole
// millionths is 2·|s - m| ≤ Σ unitᵢ + unit(m) - finest. An empty cell
// matches only a sum of nothing or of zeros, and a printed cell no sum only
// when it is zero.
func agrees(m *document.Money, s sum) bool {
	diff := s.v - value(m)
	if m == nil || !s.printed {
		return diff == 0
	}
	if diff < 0 {
		diff = -diff
	}
	u := lastDigit(m)
	finest := min(s.finest, u)
	return 2*diff <= s.units+u-finest
}

var columnNames = [4]string{"总计", "财政拨款", "财政专户拨款", "其他资金"}

// rowSum compares 总计 with the sum of the three source columns, where at
// least one of them is printed.
func rowSum(row *document.Row) []document.Warning {
	var s sum
	s.add(row.FiscalAppropriation)
	s.add(row.FiscalSpecialAccount)
	s.add(row.OtherFunds)
	if !s.printed || agrees(row.Total, s) {
		return nil
	}
	total := "empty"
	if row.Total != nil {
		total = row.Total.Grouped()
	}
	return []document.Warning{{Code: RowSumMismatch, Row: row.Seq, Page: row.Page,
		Message: fmt.Sprintf("%s: 总计 is %s, its sources sum to %s", label(row), total, s.grouped())}}
}

func label(row *document.Row) string {
	if row.Level == document.LevelTotal {
		return "合计"
	}
	return row.Name
}

// compareColumns compares a row's four money cells with sums of other rows.
func compareColumns(row *document.Row, sums [4]sum, code, what, subject string) []document.Warning {
	var ws []document.Warning
	for k, m := range row.MoneyColumns() {
		if !sums[k].printed && m == nil {
			continue
		}
		if agrees(m, sums[k]) {
			continue
		}
		says := "leaves it empty"
		if m != nil {
			says = "says " + m.Grouped()
		}
		parts := what + " sum to " + sums[k].grouped()
		if !sums[k].printed {
			parts = what + " leave it empty"
		}
		ws = append(ws, document.Warning{Code: code, Row: row.Seq, Page: row.Page,
			Message: fmt.Sprintf("%s: %s: %s, %s %s", subject, columnNames[k], parts, rowWord(row), says)})
	}
	return ws
}

func rowWord(row *document.Row) string {
	if row.Level == document.LevelTotal {
		return "合计 row"
	}
	return "unit row"
}

// unitSums compares each unit row with the projects under it.
func unitSums(rows []document.Row) []document.Warning {
	var ws []document.Warning
	for i := range rows {
		if rows[i].Level != document.LevelUnit {
			continue
		}
		var sums [4]sum
		n := 0
		for j := i + 1; j < len(rows) && rows[j].Level == document.LevelProject && rows[j].Table == rows[i].Table; j++ {
			for k, m := range rows[j].MoneyColumns() {
				sums[k].add(m)
			}
			n++
		}
		if n == 0 {
			continue // a unit listed without projects: nothing to compare
		}
		ws = append(ws, compareColumns(&rows[i], sums, UnitSumMismatch, "projects", "unit "+rows[i].Name)...)
	}
	return ws
}

// totalSums compares each 合计 row with the units of its table, or with
// its projects where the table has no unit rows.
func totalSums(rows []document.Row) []document.Warning {
	var ws []document.Warning
	hasUnits := map[int]bool{}
	for _, r := range rows {
		hasUnits[r.Table] = hasUnits[r.Table] || r.Level == document.LevelUnit
	}
	for i := range rows {
		if rows[i].Level != document.LevelTotal {
			continue
		}
		table := rows[i].Table
		part, what := document.LevelProject, "projects"
		if hasUnits[table] {
			part, what = document.LevelUnit, "units"
		}
		var sums [4]sum
		n := 0
		for _, r := range rows {
			if r.Level == part && r.Table == table {
				for k, m := range r.MoneyColumns() {
					sums[k].add(m)
				}
				n++
			}
		}
		if n == 0 {
			continue // a table of a 合计 row alone: nothing to compare
		}
		ws = append(ws, compareColumns(&rows[i], sums, TotalSumMismatch, what, "total")...)
	}
	return ws
}

// sortWarnings orders warnings by row, keeping the order found within a row.
func sortWarnings(ws []document.Warning) {
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Row < ws[j].Row })
}
