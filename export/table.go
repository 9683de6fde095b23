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
	Projects     Table = "projects"   // one line per row, indicators left out
	Indicators   Table = "indicators" // one line per indicator, the row's seq, level, name, unit in front
	Warnings     Table = "warnings"   // one line per warning
	Documents    Table = "document"   // one line per document: source, pages, title, department, …
	TargetTables Table = "tables"     // one line per target table of a document (contract v2 tables)
)

// Tables returns the flat tables in the order of the XLSX sheets.
func Tables() []Table { return []Table{Projects, Indicators, Warnings, Documents, TargetTables} }

// ParseTable reads a table name: projects, indicators, warnings, document
// (documents is accepted too) or tables.
func ParseTable(s string) (Table, error) {
	switch t := Table(strings.ToLower(strings.TrimSpace(s))); t {
	case Projects, Indicators, Warnings, Documents, TargetTables:
		return t, nil
	case "documents":
		return Documents, nil
	}
	return "", fmt.Errorf("unknown table %q (valid: projects, indicators, warnings, document, tables)", s)
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

// line is what one line of a flat table is made from: the document and, as
// the table goes, one of its rows, an indicator of the row, a warning or a
// target table (with its index and its number of rows).
type line struct {
	doc    *document.Document
	row    *document.Row
	ind    *document.Indicator
	warn   *document.Warning
	tb     *document.Table
	tbIdx  int
	tbRows int
}

// column is one column of a flat table: its English and Chinese headers,
// how its cells are typed, and its cell on a line. optional marks an int
// column whose cell may be empty (nullable in Parquet).
type column struct {
	en, zh   string
	kind     kind
	optional bool
	cell     func(*line) any
}

// cell values are string, int, *document.Money, document.Decimal, or nil for
// an empty cell.

// tableColumns are the fixed columns of each table, in order, with their
// cells: the one list every flat writer (CSV, XLSX, Parquet, both header
// languages) and the export README follow. The version-1 columns keep their
// positions; the contract v2 fields follow them, and the columns of
// map-valued fields (other_money.*, extra.*) come last, one per key (see
// schema).
var tableColumns = map[Table][]column{
	Projects: {
		{"source", "来源文件", kLabel, false, func(l *line) any { return l.doc.Source }},
		{"department", "部门名称", kLabel, false, func(l *line) any { return l.doc.Department }},
		{"currency_unit", "金额单位", kLabel, false, func(l *line) any { return l.doc.CurrencyUnit }},
		{"seq", "序号", kInt, false, func(l *line) any { return l.row.Seq }},
		{"level", "层级", kText, false, func(l *line) any { return l.row.Level }},
		{"name", "项目名称", kText, false, func(l *line) any { return l.row.Name }},
		{"unit", "资金使用单位", kText, false, func(l *line) any { return l.row.UnitName() }},
		{"total", "总计", kMoney, false, func(l *line) any { return l.row.Total }},
		{"fiscal_appropriation", "财政拨款", kMoney, false, func(l *line) any { return l.row.FiscalAppropriation }},
		{"fiscal_special_account", "财政专户拨款", kMoney, false, func(l *line) any { return l.row.FiscalSpecialAccount }},
		{"other_funds", "其他资金", kMoney, false, func(l *line) any { return l.row.OtherFunds }},
		{"goal", "绩效目标", kLongText, false, func(l *line) any { return l.row.Goal }},
		{"indicators_text", "绩效指标", kLongText, false, func(l *line) any { return l.row.IndicatorsText }},
		{"indicators_count", "绩效指标个数", kInt, false, func(l *line) any { return len(l.row.Indicators) }},
		{"page", "页码", kInt, false, func(l *line) any { return l.row.Page }},
		{"table", "目标表序号", kInt, false, func(l *line) any { return l.row.Table }},
		{"code", "项目代码", kText, false, func(l *line) any { return optString(l.row.Code) }},
		{"long_term_goal", "总体目标", kLongText, false, func(l *line) any { return l.row.LongTermGoal }},
	},
	Indicators: {
		{"source", "来源文件", kLabel, false, func(l *line) any { return l.doc.Source }},
		{"department", "部门名称", kLabel, false, func(l *line) any { return l.doc.Department }},
		{"seq", "序号", kInt, false, func(l *line) any { return l.row.Seq }},
		{"level", "层级", kText, false, func(l *line) any { return l.row.Level }},
		{"name", "项目名称", kText, false, func(l *line) any { return l.row.Name }},
		{"unit", "资金使用单位", kText, false, func(l *line) any { return l.row.UnitName() }},
		{"indicator_seq", "指标序号", kInt, false, func(l *line) any { return l.ind.Seq }},
		{"level1_code", "一级指标代码", kText, false, func(l *line) any { return l.ind.Level1Code }},
		{"level1", "一级指标", kText, false, func(l *line) any { return l.ind.Level1 }},
		{"level2_code", "二级指标代码", kText, false, func(l *line) any { return l.ind.Level2Code }},
		{"level2", "二级指标", kText, false, func(l *line) any { return l.ind.Level2 }},
		{"indicator_name", "三级指标", kText, false, func(l *line) any { return l.ind.Name }},
		{"period_value", "实施周期指标值", kText, false, func(l *line) any { return l.ind.PeriodValue }},
		{"annual_value", "年度指标值", kText, false, func(l *line) any { return l.ind.AnnualValue }},
		{"target_op", "目标比较符", kText, false, func(l *line) any {
			if l.ind.Target == nil {
				return nil
			}
			return l.ind.Target.Op
		}},
		{"target_value", "目标值", kDecimal, false, func(l *line) any {
			if l.ind.Target == nil {
				return document.Decimal("")
			}
			return l.ind.Target.Value
		}},
		{"target_unit", "目标值单位", kText, false, func(l *line) any {
			if l.ind.Target == nil {
				return nil
			}
			return l.ind.Target.Unit
		}},
		{"table", "目标表序号", kInt, false, func(l *line) any { return l.row.Table }},
		{"code", "项目代码", kText, false, func(l *line) any { return optString(l.row.Code) }},
		{"direction", "指标性质", kText, false, func(l *line) any { return l.ind.Direction }},
		{"measure_unit", "度量单位", kText, false, func(l *line) any { return l.ind.MeasureUnit }},
		{"weight", "权重", kDecimal, false, func(l *line) any { return optDecimal(l.ind.Weight) }},
	},
	Warnings: {
		{"source", "来源文件", kLabel, false, func(l *line) any { return l.doc.Source }},
		{"code", "警告代码", kText, false, func(l *line) any { return l.warn.Code }},
		{"row", "行序号", kInt, true, func(l *line) any { return optInt(l.warn.Row) }},
		{"page", "页码", kInt, true, func(l *line) any { return optInt(l.warn.Page) }},
		{"message", "说明", kLongText, false, func(l *line) any { return l.warn.Message }},
	},
	Documents: {
		{"source", "来源文件", kLabel, false, func(l *line) any { return l.doc.Source }},
		{"pages", "页数", kInt, false, func(l *line) any { return l.doc.Pages }},
		{"title", "标题", kText, false, func(l *line) any { return l.doc.Title }},
		{"department", "部门名称", kLabel, false, func(l *line) any { return l.doc.Department }},
		{"currency_unit", "金额单位", kLabel, false, func(l *line) any { return l.doc.CurrencyUnit }},
		{"rows_count", "行数", kInt, false, func(l *line) any { return len(l.doc.Rows) }},
		{"warnings_count", "警告数", kInt, false, func(l *line) any { return len(l.doc.Warnings) }},
		{"layout", "表格样式", kText, false, func(l *line) any { return l.doc.Layout }},
		{"year", "预算年度", kInt, true, func(l *line) any { return optYear(l.doc.Year) }},
		{"tables_count", "目标表个数", kInt, false, func(l *line) any { return len(l.doc.Tables) }},
	},
	TargetTables: {
		{"source", "来源文件", kLabel, false, func(l *line) any { return l.doc.Source }},
		{"table", "目标表序号", kInt, false, func(l *line) any { return l.tbIdx }},
		{"title", "标题", kText, false, func(l *line) any { return l.tb.Title }},
		{"layout", "表格样式", kText, false, func(l *line) any { return l.tb.Layout }},
		{"first_page", "起始页码", kInt, false, func(l *line) any { return l.tb.FirstPage }},
		{"last_page", "结束页码", kInt, false, func(l *line) any { return l.tb.LastPage }},
		{"rows_count", "行数", kInt, false, func(l *line) any { return l.tbRows }},
	},
}

// Prefixes of the columns of map-valued fields in English headers.
const (
	otherMoneyPrefix = "other_money."
	extraPrefix      = "extra."
)

// schema is the column set of one table for a whole output: the fixed
// columns, then one column per key of the table's map-valued field
// (other_money for projects, extra for indicators) in the order the keys are
// first seen across the documents observed. Every document must be observed
// before its lines are made.
type schema struct {
	table Table
	lang  string
	keys  []string
	seen  map[string]bool
}

func newSchema(t Table, lang string) *schema {
	return &schema{table: t, lang: lang, seen: map[string]bool{}}
}

// dynamic reports whether table t has columns that depend on the documents.
func dynamic(t Table) bool { return t == Projects || t == Indicators }

// observe adds the keys of doc that are new to the schema, and reports
// whether there were any.
func (s *schema) observe(doc *document.Document) bool {
	n := len(s.keys)
	add := func(k string) {
		if !s.seen[k] {
			s.seen[k] = true
			s.keys = append(s.keys, k)
		}
	}
	for i := range doc.Rows {
		r := &doc.Rows[i]
		switch s.table {
		case Projects:
			for _, a := range r.OtherMoney {
				add(a.Name)
			}
		case Indicators:
			for j := range r.Indicators {
				for _, v := range r.Indicators[j].Extra {
					add(v.Name)
				}
			}
		}
	}
	return len(s.keys) > n
}

// columns returns every column: the fixed ones, then one per key.
func (s *schema) columns() []column {
	fixed := tableColumns[s.table]
	if len(s.keys) == 0 {
		return fixed
	}
	cols := append([]column(nil), fixed...)
	taken := map[string]bool{}
	for _, c := range fixed {
		taken[c.zh] = true
	}
	for _, k := range s.keys {
		c := column{kind: kMoney}
		if s.table == Projects {
			c.en = otherMoneyPrefix + k
		} else {
			c.en, c.kind = extraPrefix+k, kLongText
		}
		// In Chinese the header as printed, unless a fixed column has it.
		c.zh = k
		if taken[k] {
			c.zh = c.en
		}
		taken[c.zh] = true
		cols = append(cols, c)
	}
	return cols
}

// header returns the header line of the schema in its language.
func (s *schema) header() []string {
	cols := s.columns()
	h := make([]string, len(cols))
	for i, c := range cols {
		if s.lang == LangZH {
			h[i] = c.zh
		} else {
			h[i] = c.en
		}
	}
	return h
}

// header returns the header line of the fixed columns of table t in lang.
func header(t Table, lang string) []string { return newSchema(t, lang).header() }

// optInt is an int cell left empty when zero (a warning's row and page).
func optInt(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

// optString is an optional text cell: "" for none.
func optString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// optDecimal is an optional number cell: "" (empty) for none.
func optDecimal(p *document.Decimal) document.Decimal {
	if p == nil {
		return ""
	}
	return *p
}

// optYear is the year cell: nil (empty) for none.
func optYear(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// rows calls emit with the cells of every line of the schema's table for
// doc, in table order; doc must have been observed. The slice passed to emit
// is reused between calls.
func (s *schema) rows(doc *document.Document, emit func([]any) error) error {
	fixed, ok := tableColumns[s.table]
	if !ok {
		return fmt.Errorf("unknown table %q", s.table)
	}
	cells := make([]any, 0, len(fixed)+len(s.keys))
	l := &line{doc: doc}
	emitLine := func() error {
		cells = cells[:0]
		for i := range fixed {
			cells = append(cells, fixed[i].cell(l))
		}
		for _, k := range s.keys {
			switch s.table {
			case Projects:
				m, _ := l.row.OtherMoney.Get(k)
				cells = append(cells, m)
			case Indicators:
				v, _ := l.ind.Extra.Get(k)
				cells = append(cells, v)
			}
		}
		return emit(cells)
	}
	switch s.table {
	case Projects:
		for i := range doc.Rows {
			l.row = &doc.Rows[i]
			if err := emitLine(); err != nil {
				return err
			}
		}
	case Indicators:
		for i := range doc.Rows {
			l.row = &doc.Rows[i]
			for j := range l.row.Indicators {
				l.ind = &l.row.Indicators[j]
				if err := emitLine(); err != nil {
					return err
				}
			}
		}
	case Warnings:
		for i := range doc.Warnings {
			l.warn = &doc.Warnings[i]
			if err := emitLine(); err != nil {
				return err
			}
		}
	case Documents:
		return emitLine()
	case TargetTables:
		counts := make([]int, len(doc.Tables))
		for i := range doc.Rows {
			if k := doc.Rows[i].Table; k >= 0 && k < len(counts) {
				counts[k]++
			}
		}
		for i := range doc.Tables {
			l.tb, l.tbIdx, l.tbRows = &doc.Tables[i], i, counts[i]
			if err := emitLine(); err != nil {
				return err
			}
		}
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
