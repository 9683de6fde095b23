package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
	"github.com/petool/pet/document"
)

// parquetLines reads a Parquet file back: the column names in order, and
// each line's values by column name.
func parquetLines(t *testing.T, data []byte) (*parquet.File, []string, []map[string]parquet.Value) {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, path := range f.Schema().Columns() {
		if len(path) != 1 {
			t.Fatalf("nested column %q", path)
		}
		names = append(names, path[0])
	}
	r := parquet.NewReader(f)
	defer r.Close()
	var lines []map[string]parquet.Value
	rows := make([]parquet.Row, 64)
	for {
		n, err := r.ReadRows(rows)
		for _, row := range rows[:n] {
			l := map[string]parquet.Value{}
			for _, v := range row {
				l[names[v.Column()]] = v
			}
			lines = append(lines, l)
		}
		if err != nil {
			break
		}
	}
	if int64(len(lines)) != f.NumRows() {
		t.Fatalf("read %d lines of %d", len(lines), f.NumRows())
	}
	return f, names, lines
}

// viaJSON returns the documents as their JSON output reads back: what the
// Parquet file is compared with.
func viaJSON(t *testing.T, docs []*document.Document) []*document.Document {
	t.Helper()
	var back []*document.Document
	if err := json.Unmarshal(render(t, Options{Format: JSON, Multi: true}, docs...), &back); err != nil {
		t.Fatal(err)
	}
	return back
}

type parquetChecker struct {
	t     *testing.T
	label string
	line  map[string]parquet.Value
}

func (c parquetChecker) text(col, want string) {
	c.t.Helper()
	v, ok := c.line[col]
	if !ok || v.IsNull() || v.Kind() != parquet.ByteArray || v.String() != want {
		c.t.Errorf("%s: %s = %v, want %q", c.label, col, v, want)
	}
}

func (c parquetChecker) integer(col string, want int) {
	c.t.Helper()
	v, ok := c.line[col]
	if !ok || v.IsNull() || v.Kind() != parquet.Int64 || v.Int64() != int64(want) {
		c.t.Errorf("%s: %s = %v, want %d", c.label, col, v, want)
	}
}

func (c parquetChecker) null(col string) {
	c.t.Helper()
	if v, ok := c.line[col]; !ok || !v.IsNull() {
		c.t.Errorf("%s: %s = %v, want null", c.label, col, v)
	}
}

func (c parquetChecker) money(col string, m *document.Money) {
	c.t.Helper()
	if m == nil {
		c.null(col)
		return
	}
	v, ok := c.line[col]
	if !ok || v.IsNull() || v.Kind() != parquet.Int64 || v.Int64() != m.Micros {
		c.t.Errorf("%s: %s = %v, want %s (%d millionths)", c.label, col, v, m, m.Micros)
	}
}

func (c parquetChecker) number(col string, d document.Decimal) {
	c.t.Helper()
	if d == "" {
		c.null(col)
		return
	}
	v, ok := c.line[col]
	if !ok || v.IsNull() || v.Kind() != parquet.Double || fmt.Sprint(v.Double()) != string(d) {
		c.t.Errorf("%s: %s = %v, want %s", c.label, col, v, d)
	}
}

// TestParquetRoundTrip writes the projects and indicators tables of the
// sample documents and the v2 batch, reads them back with parquet-go and
// compares every field with the JSON document; money columns must be
// DECIMAL(18,6).
func TestParquetRoundTrip(t *testing.T) {
	batches := map[string][]*document.Document{"corpus": corpusDocs(t), "v2": v2Batch(t), "v2 one": v2Batch(t)[:1]}
	for name, docs := range batches {
		want := viaJSON(t, docs)
		multi := len(docs) > 1

		f, names, lines := parquetLines(t, render(t, Options{Format: Parquet, Multi: multi}, docs...))
		s := newSchema(Projects, LangEN)
		for _, d := range docs {
			s.observe(d)
		}
		if fmt.Sprint(names) != fmt.Sprint(s.header()) {
			t.Errorf("%s projects: columns %q, want %q", name, names, s.header())
		}
		for _, col := range []string{"total", "fiscal_appropriation", "other_funds"} {
			leaf, _ := f.Schema().Lookup(col)
			var dec *format.DecimalType
			if lt := leaf.Node.Type().LogicalType(); lt != nil {
				dec, _ = lt.Value.(*format.DecimalType)
			}
			if dec == nil || dec.Scale != 6 || dec.Precision != 18 || leaf.Node.Type().Kind() != parquet.Int64 {
				t.Errorf("%s: %s is %v, want DECIMAL(18,6) over INT64", name, col, leaf.Node.Type())
			}
		}
		n := 0
		for _, doc := range want {
			for i := range doc.Rows {
				r := &doc.Rows[i]
				if n >= len(lines) {
					t.Fatalf("%s projects: %d lines", name, len(lines))
				}
				c := parquetChecker{t, fmt.Sprintf("%s projects line %d", name, n+1), lines[n]}
				n++
				c.text("source", doc.Source)
				c.text("department", doc.Department)
				c.text("currency_unit", doc.CurrencyUnit)
				c.integer("seq", r.Seq)
				c.text("level", r.Level)
				c.text("name", r.Name)
				c.text("unit", r.UnitName())
				for k, m := range r.MoneyColumns() {
					c.money(document.MoneyColumnNames[k], m)
				}
				c.text("goal", r.Goal)
				c.text("indicators_text", r.IndicatorsText)
				c.integer("indicators_count", len(r.Indicators))
				c.integer("page", r.Page)
				c.integer("table", r.Table)
				c.text("code", optString(r.Code))
				c.text("long_term_goal", r.LongTermGoal)
				for _, k := range s.keys {
					m, _ := r.OtherMoney.Get(k)
					c.money(otherMoneyPrefix+k, m)
				}
			}
		}
		if n != len(lines) {
			t.Errorf("%s projects: %d lines, want %d", name, len(lines), n)
		}

		_, names, lines = parquetLines(t, render(t, Options{Format: Parquet, Table: Indicators, Multi: multi}, docs...))
		s = newSchema(Indicators, LangEN)
		for _, d := range docs {
			s.observe(d)
		}
		if fmt.Sprint(names) != fmt.Sprint(s.header()) {
			t.Errorf("%s indicators: columns %q, want %q", name, names, s.header())
		}
		n = 0
		for _, doc := range want {
			for i := range doc.Rows {
				r := &doc.Rows[i]
				for _, ind := range r.Indicators {
					c := parquetChecker{t, fmt.Sprintf("%s indicators line %d", name, n+1), lines[n]}
					n++
					c.text("source", doc.Source)
					c.integer("seq", r.Seq)
					c.text("name", r.Name)
					c.integer("indicator_seq", ind.Seq)
					c.text("level1_code", ind.Level1Code)
					c.text("level1", ind.Level1)
					c.text("level2_code", ind.Level2Code)
					c.text("level2", ind.Level2)
					c.text("indicator_name", ind.Name)
					c.text("period_value", ind.PeriodValue)
					c.text("annual_value", ind.AnnualValue)
					var op, unit string
					var value document.Decimal
					if ind.Target != nil {
						op, value, unit = ind.Target.Op, ind.Target.Value, ind.Target.Unit
					}
					c.text("target_op", op)
					c.number("target_value", value)
					c.text("target_unit", unit)
					c.integer("table", r.Table)
					c.text("code", optString(r.Code))
					c.text("direction", ind.Direction)
					c.text("measure_unit", ind.MeasureUnit)
					c.number("weight", optDecimal(ind.Weight))
					for _, k := range s.keys {
						v, _ := ind.Extra.Get(k)
						c.text(extraPrefix+k, v)
					}
				}
			}
		}
		if n != len(lines) || n == 0 {
			t.Errorf("%s indicators: %d lines, want %d", name, len(lines), n)
		}

		_, _, lines = parquetLines(t, render(t, Options{Format: Parquet, Table: Documents, Multi: multi}, docs...))
		for i, doc := range want {
			c := parquetChecker{t, fmt.Sprintf("%s document line %d", name, i+1), lines[i]}
			c.text("layout", doc.Layout)
			c.integer("tables_count", len(doc.Tables))
			if doc.Year == nil {
				c.null("year")
			} else {
				c.integer("year", *doc.Year)
			}
		}
	}
}

// TestParquetEmpty checks that a batch of no documents is a valid Parquet
// file of no rows with the fixed columns.
func TestParquetEmpty(t *testing.T) {
	_, names, lines := parquetLines(t, render(t, Options{Format: Parquet, Multi: true}))
	if len(lines) != 0 || fmt.Sprint(names) != fmt.Sprint(header(Projects, LangEN)) {
		t.Errorf("empty parquet: %d lines, columns %q", len(lines), names)
	}
}
