package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/petool/pet/document"
)

// Table names a flat table: a CSV file holds one, an XLSX workbook all of
// them as sheets of the same names.
type Table string

// The flat tables.
const (
	Projects   Table = "projects"   // one line per row, indicators left out
	Indicators Table = "indicators" // one line per indicator, the row's seq, level, name, unit in front
	Warnings   Table = "warnings"   // one line per warning
	Documents  Table = "document"   // one line per document: source, pages, title, department, …
)

// Tables returns the flat tables in the order of the XLSX sheets.
func Tables() []Table { return []Table{Projects, Indicators, Warnings, Documents} }

// ParseTable reads a table name: projects, indicators, warnings or document
// (documents is accepted too).
func ParseTable(s string) (Table, error) {
	switch t := Table(strings.ToLower(strings.TrimSpace(s))); t {
	case Projects, Indicators, Warnings, Documents:
		return t, nil
	case "documents":
		return Documents, nil
	}
	return "", fmt.Errorf("unknown table %q (valid: projects, indicators, warnings, document)", s)
}

// Header languages.
const (
	LangEN = "en" // contract field names: seq, name, total, …
	LangZH = "zh" // the table's own wording: 序号, 项目名称, 总计, …
)

// kind tells how a column's cells are typed in XLSX and formatted in CSV.
type kind int

const (
	kText     kind = iota // string, wrapped in XLSX
	kLabel                // string repeated on every line (source, department): not wrapped
	kLongText             // string, wide wrapped column
	kInt                  // int; 0 is written as an empty cell when the column is optional
	kMoney                // *document.Money, nil for an empty cell
	kDecimal              // document.Decimal, "" for an empty cell
)

// column is one column of a flat table.
type column struct {
	en, zh string
	kind   kind
}

// cell values are string, int, *document.Money, document.Decimal, or nil for
// an empty cell.

var tableColumns = map[Table][]column{
	Projects: {
		{"source", "来源文件", kLabel},
		{"department", "部门名称", kLabel},
		{"currency_unit", "金额单位", kLabel},
		{"seq", "序号", kInt},
		{"level", "层级", kText},
		{"name", "项目名称", kText},
		{"unit", "资金使用单位", kText},
		{"total", "总计", kMoney},
		{"fiscal_appropriation", "财政拨款", kMoney},
		{"fiscal_special_account", "财政专户拨款", kMoney},
		{"other_funds", "其他资金", kMoney},
		{"goal", "绩效目标", kLongText},
		{"indicators_text", "绩效指标", kLongText},
		{"indicators_count", "绩效指标个数", kInt},
		{"page", "页码", kInt},
	},
	Indicators: {
		{"source", "来源文件", kLabel},
		{"department", "部门名称", kLabel},
		{"seq", "序号", kInt},
		{"level", "层级", kText},
		{"name", "项目名称", kText},
		{"unit", "资金使用单位", kText},
		{"indicator_seq", "指标序号", kInt},
		{"level1_code", "一级指标代码", kText},
		{"level1", "一级指标", kText},
		{"level2_code", "二级指标代码", kText},
		{"level2", "二级指标", kText},
		{"indicator_name", "三级指标", kText},
		{"period_value", "实施周期指标值", kText},
		{"annual_value", "年度指标值", kText},
		{"target_op", "目标比较符", kText},
		{"target_value", "目标值", kDecimal},
		{"target_unit", "目标值单位", kText},
	},
	Warnings: {
		{"source", "来源文件", kLabel},
		{"code", "警告代码", kText},
		{"row", "行序号", kInt},
		{"page", "页码", kInt},
		{"message", "说明", kLongText},
	},
	Documents: {
		{"source", "来源文件", kLabel},
		{"pages", "页数", kInt},
		{"title", "标题", kText},
		{"department", "部门名称", kLabel},
		{"currency_unit", "金额单位", kLabel},
		{"rows_count", "行数", kInt},
		{"warnings_count", "警告数", kInt},
	},
}

// header returns the header line of table t in lang.
func header(t Table, lang string) []string {
	cols := tableColumns[t]
	h := make([]string, len(cols))
	for i, c := range cols {
		if lang == LangZH {
			h[i] = c.zh
		} else {
			h[i] = c.en
		}
	}
	return h
}

// optInt is an int cell left empty when zero (a warning's row and page).
func optInt(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

// tableRows calls emit with the cells of every line of table t for doc, in
// table order. The slice passed to emit is reused between calls.
func tableRows(t Table, doc *document.Document, emit func([]any) error) error {
	cells := make([]any, len(tableColumns[t]))
	switch t {
	case Projects:
		for i := range doc.Rows {
			r := &doc.Rows[i]
			cells = append(cells[:0], doc.Source, doc.Department, doc.CurrencyUnit,
				r.Seq, r.Level, r.Name, r.UnitName(),
				r.Total, r.FiscalAppropriation, r.FiscalSpecialAccount, r.OtherFunds,
				r.Goal, r.IndicatorsText, len(r.Indicators), r.Page)
			if err := emit(cells); err != nil {
				return err
			}
		}
	case Indicators:
		for i := range doc.Rows {
			r := &doc.Rows[i]
			for j := range r.Indicators {
				ind := &r.Indicators[j]
				var op, unit any
				var value document.Decimal
				if ind.Target != nil {
					op, value, unit = ind.Target.Op, ind.Target.Value, ind.Target.Unit
				}
				cells = append(cells[:0], doc.Source, doc.Department,
					r.Seq, r.Level, r.Name, r.UnitName(),
					ind.Seq, ind.Level1Code, ind.Level1, ind.Level2Code, ind.Level2, ind.Name,
					ind.PeriodValue, ind.AnnualValue, op, value, unit)
				if err := emit(cells); err != nil {
					return err
				}
			}
		}
	case Warnings:
		for i := range doc.Warnings {
			w := &doc.Warnings[i]
			cells = append(cells[:0], doc.Source, w.Code, optInt(w.Row), optInt(w.Page), w.Message)
			if err := emit(cells); err != nil {
				return err
			}
		}
	case Documents:
		cells = append(cells[:0], doc.Source, doc.Pages, doc.Title, doc.Department, doc.CurrencyUnit,
			len(doc.Rows), len(doc.Warnings))
		return emit(cells)
	default:
		return fmt.Errorf("unknown table %q", t)
	}
	return nil
}

// cellText formats a cell value the way CSV carries it: money as printed in
// JSON (225.00), empty cells as "".
func cellText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case *document.Money:
		if v == nil {
			return ""
		}
		return v.String()
	case document.Decimal:
		return string(v)
	}
	return fmt.Sprint(v)
}
