// Package document defines the data model that pet produces from a project
// expenditure performance target table (项目支出绩效目标表): a Document holds
// the table's rows, each row its parsed indicators, and the warnings raised
// while reading it. The JSON field names are the output contract and must not
// change.
package document

// Row levels.
const (
	LevelTotal   = "total"   // the 合计 row
	LevelUnit    = "unit"    // a 资金使用单位 row
	LevelProject = "project" // a project row, indented under a unit
)

// Layouts of the target table (contract v2).
const (
	LayoutIndicatorText = "indicator-text" // one row per project, indicators as one string
	LayoutIndicatorRows = "indicator-rows" // one row per indicator, project cells spanning them
	LayoutProjectForms  = "project-forms"  // one form per project
)

// Document is the target tables as read from one PDF.
type Document struct {
	Source       string    `json:"source" yaml:"source"`
	Pages        int       `json:"pages" yaml:"pages"`
	Layout       string    `json:"layout" yaml:"layout"`
	Title        string    `json:"title" yaml:"title"`
	Department   string    `json:"department" yaml:"department"`
	CurrencyUnit string    `json:"currency_unit" yaml:"currency_unit"`
	Year         *int      `json:"year" yaml:"year"`
	Tables       []Table   `json:"tables" yaml:"tables"`
	Rows         []Row     `json:"rows" yaml:"rows"`
	Warnings     []Warning `json:"warnings" yaml:"warnings"`
}

// Table is one target table found in the document, in page order.
type Table struct {
	Title     string `json:"title" yaml:"title"`
	Layout    string `json:"layout" yaml:"layout"`
	FirstPage int    `json:"first_page" yaml:"first_page"`
	LastPage  int    `json:"last_page" yaml:"last_page"`
}

// Row is one row of the table, with wrapped lines and page breaks joined.
type Row struct {
	Seq                  int     `json:"seq" yaml:"seq"`
	Level                string  `json:"level" yaml:"level"`
	Code                 *string `json:"code" yaml:"code"`
	Name                 string  `json:"name" yaml:"name"`
	Unit                 *string `json:"unit" yaml:"unit"`
	Total                *Money  `json:"total" yaml:"total"`
	FiscalAppropriation  *Money  `json:"fiscal_appropriation" yaml:"fiscal_appropriation"`
	FiscalSpecialAccount *Money  `json:"fiscal_special_account" yaml:"fiscal_special_account"`
	OtherFunds           *Money  `json:"other_funds" yaml:"other_funds"`
	// OtherMoney holds money columns that are none of the four, keyed by
	// their header as printed, in printed order.
	OtherMoney     NamedMoney  `json:"other_money" yaml:"other_money"`
	Goal           string      `json:"goal" yaml:"goal"`
	LongTermGoal   string      `json:"long_term_goal" yaml:"long_term_goal"`
	IndicatorsText string      `json:"indicators_text" yaml:"indicators_text"`
	Indicators     []Indicator `json:"indicators" yaml:"indicators"`
	Page           int         `json:"page" yaml:"page"`
	// Table is the 0-based index of the row's table in Document.Tables.
	Table int `json:"table" yaml:"table"`
}

// MoneyColumns returns the row's four money cells in printed order:
// 总计, 财政拨款, 财政专户拨款, 其他资金.
func (r *Row) MoneyColumns() [4]*Money {
	return [4]*Money{r.Total, r.FiscalAppropriation, r.FiscalSpecialAccount, r.OtherFunds}
}

// MoneyColumnNames are the contract field names of Row.MoneyColumns, in order.
var MoneyColumnNames = [4]string{"total", "fiscal_appropriation", "fiscal_special_account", "other_funds"}

// UnitName returns the row's unit, or "" for the total row.
func (r *Row) UnitName() string {
	if r.Unit == nil {
		return ""
	}
	return *r.Unit
}

// Indicator is one item of a row's 绩效指标 text.
type Indicator struct {
	Seq         int    `json:"seq" yaml:"seq"`
	Level1Code  string `json:"level1_code" yaml:"level1_code"`
	Level1      string `json:"level1" yaml:"level1"`
	Level2Code  string `json:"level2_code" yaml:"level2_code"`
	Level2      string `json:"level2" yaml:"level2"`
	Name        string `json:"name" yaml:"name"`
	PeriodValue string `json:"period_value" yaml:"period_value"`
	AnnualValue string `json:"annual_value" yaml:"annual_value"`
	// Direction is the printed comparison column (≥, ＝, 定性, 正向, …).
	Direction string `json:"direction" yaml:"direction"`
	// MeasureUnit is the printed 度量单位 / 计量单位 column.
	MeasureUnit string `json:"measure_unit" yaml:"measure_unit"`
	// Weight is the printed 权重 / 分值, nil when none is printed.
	Weight *Decimal `json:"weight" yaml:"weight"`
	// Extra holds other printed indicator columns keyed by header.
	Extra  NamedText `json:"extra" yaml:"extra"`
	Target *Target   `json:"target" yaml:"target"`
}

// Target is an annual value read as a comparable number, e.g. 95%以上 is
// {Op: ">=", Value: 95, Unit: "%"}.
type Target struct {
	Op    string  `json:"op" yaml:"op"` // one of =, >=, >, <=, <
	Value Decimal `json:"value" yaml:"value"`
	Unit  string  `json:"unit" yaml:"unit"`
}

// Warning reports something doubtful in the table. Warnings never stop the
// output. Row is the seq of the row concerned (0 for the whole document).
type Warning struct {
	Code    string `json:"code" yaml:"code"`
	Row     int    `json:"row,omitempty" yaml:"row,omitempty"`
	Page    int    `json:"page,omitempty" yaml:"page,omitempty"`
	Message string `json:"message" yaml:"message"`
}
