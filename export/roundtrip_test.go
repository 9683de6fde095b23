package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/petool/pet/document"
	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"
)

// corpusDocs returns both sample documents.
func corpusDocs(t testing.TB) []*document.Document {
	docs := make([]*document.Document, len(corpusNames))
	for i, name := range corpusNames {
		docs[i] = loadCorpus(t, name)
	}
	return docs
}

// compareDocs reports every field where got differs from want.
func compareDocs(t *testing.T, label string, got, want *document.Document) {
	t.Helper()
	if got.Source != want.Source || got.Pages != want.Pages || got.Title != want.Title ||
		got.Department != want.Department || got.CurrencyUnit != want.CurrencyUnit {
		t.Errorf("%s: document fields: got %q %d %q %q %q", label, got.Source, got.Pages, got.Title, got.Department, got.CurrencyUnit)
	}
	if len(got.Rows) != len(want.Rows) {
		t.Fatalf("%s: %d rows, want %d", label, len(got.Rows), len(want.Rows))
	}
	for i := range want.Rows {
		compareRow(t, fmt.Sprintf("%s row %d", label, want.Rows[i].Seq), &got.Rows[i], &want.Rows[i])
	}
	if !reflect.DeepEqual(got.Warnings, want.Warnings) {
		t.Errorf("%s: warnings\n got %+v\nwant %+v", label, got.Warnings, want.Warnings)
	}
}

func compareRow(t *testing.T, label string, got, want *document.Row) {
	t.Helper()
	if got.Seq != want.Seq || got.Level != want.Level || got.Name != want.Name ||
		got.UnitName() != want.UnitName() || (got.Unit == nil) != (want.Unit == nil) ||
		got.Goal != want.Goal || got.IndicatorsText != want.IndicatorsText || got.Page != want.Page {
		t.Errorf("%s: got %+v\nwant %+v", label, *got, *want)
	}
	g, w := got.MoneyColumns(), want.MoneyColumns()
	for k := range w {
		if !moneyEqual(g[k], w[k]) {
			t.Errorf("%s: %s = %v, want %v", label, document.MoneyColumnNames[k], g[k], w[k])
		}
	}
	if len(want.Indicators) == 0 && len(got.Indicators) == 0 {
		return
	}
	if !reflect.DeepEqual(got.Indicators, want.Indicators) {
		t.Errorf("%s: indicators\n got %+v\nwant %+v", label, got.Indicators, want.Indicators)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	docs := corpusDocs(t)
	for _, doc := range docs {
		out := render(t, Options{Format: JSON}, doc)
		var got document.Document
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		compareDocs(t, "json "+doc.Source, &got, doc)
		if !bytes.Contains(out, []byte(`"total": 464.35,`)) || !bytes.Contains(out, []byte(`"total": 225.00,`)) {
			t.Error("json: money not printed with its decimals")
		}
	}

	out := render(t, Options{Format: JSON, Multi: true}, docs...)
	var got []document.Document
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Fatalf("json multi: %d documents, want %d", len(got), len(docs))
	}
	for i := range docs {
		compareDocs(t, "json multi "+docs[i].Source, &got[i], docs[i])
	}
	// The streamed array is laid out as encoding/json lays out the slice.
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(docs); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, want.Bytes()) {
		t.Error("json multi: output differs from the indented encoding of the slice")
	}
	// One document with Multi is still an array.
	out = render(t, Options{Format: JSON, Multi: true}, docs[0])
	if err := json.Unmarshal(out, &got); err != nil || len(got) != 1 {
		t.Errorf("json multi with one document: %d documents, %v", len(got), err)
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	docs := corpusDocs(t)
	out := render(t, Options{Format: JSONL, Multi: true}, docs...)
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	var lines int
	for _, doc := range docs {
		for i := range doc.Rows {
			if !sc.Scan() {
				t.Fatalf("jsonl: %d lines, want more", lines)
			}
			lines++
			var got struct {
				Source       string `json:"source"`
				Title        string `json:"title"`
				Department   string `json:"department"`
				CurrencyUnit string `json:"currency_unit"`
				document.Row
			}
			dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("jsonl line %d: %v", lines, err)
			}
			if got.Source != doc.Source || got.Title != doc.Title || got.Department != doc.Department || got.CurrencyUnit != doc.CurrencyUnit {
				t.Errorf("jsonl line %d: document fields %q %q %q %q", lines, got.Source, got.Title, got.Department, got.CurrencyUnit)
			}
			compareRow(t, fmt.Sprintf("jsonl line %d", lines), &got.Row, &doc.Rows[i])
		}
	}
	if sc.Scan() {
		t.Errorf("jsonl: extra line %q", sc.Text())
	}
	if bytes.Contains(out, []byte(`\u003c`)) || bytes.Contains(out, []byte(`\u0026`)) {
		t.Error("jsonl: HTML characters escaped")
	}
}

func TestYAMLRoundTrip(t *testing.T) {
	docs := corpusDocs(t)
	for _, doc := range docs {
		out := render(t, Options{Format: YAML}, doc)
		var got document.Document
		if err := yaml.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		compareDocs(t, "yaml "+doc.Source, &got, doc)
		if bytes.Contains(out, []byte(`\u`)) || !bytes.Contains(out, []byte(doc.Department)) {
			t.Error("yaml: Chinese text escaped")
		}
		if !bytes.Contains(out, []byte("\n    total: 225.00\n")) {
			t.Error("yaml: money not printed as in JSON")
		}
	}
	out := render(t, Options{Format: YAML, Multi: true}, docs...)
	var got []document.Document
	if err := yaml.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Fatalf("yaml multi: %d documents, want %d", len(got), len(docs))
	}
	for i := range docs {
		compareDocs(t, "yaml multi "+docs[i].Source, &got[i], docs[i])
	}
}

// TestYAMLAwkwardText checks that text yaml.v3 must quote or write as a
// block scalar reads back byte for byte, alone and inside a sequence of
// documents, and that values YAML 1.1 readers misread are quoted.
func TestYAMLAwkwardText(t *testing.T) {
	texts := []string{
		"=", "<<", "1_000", "12:30", "yes", "No", "on", "OFF", "y", "null", "~", "1e5", "0x1F", "2023-01-01",
		"a: b", "a #b", "#c", "- x", "? x", "[x]", "{x}", "*x", "&x", "!x", "|x", ">x", "%x", "@x", "`x",
		" lead", "trail ", "line1\nline2", "ends with newline\n", "two newlines\n\n", "\n starts",
		"tab\tinside", "quote \" and ' both", "\\back", "中文：冒号 # 井号", "≥95%", "'", "\"",
		strings.Repeat("很长的绩效目标文本，", 40),
	}
	doc := &document.Document{Source: "x.pdf", Title: "t"}
	for i, s := range texts {
		doc.Rows = append(doc.Rows, document.Row{Seq: i + 1, Level: document.LevelProject, Name: s, Goal: s,
			Indicators: []document.Indicator{{Seq: 1, Name: s, Target: &document.Target{Op: s, Value: "1", Unit: s}}}})
		doc.Warnings = append(doc.Warnings, document.Warning{Code: "c", Message: s})
	}
	for _, multi := range []bool{false, true} {
		out := render(t, Options{Format: YAML}, doc)
		if multi {
			out = render(t, Options{Format: YAML, Multi: true}, doc, doc)
		}
		var got []document.Document
		if multi {
			if err := yaml.Unmarshal(out, &got); err != nil {
				t.Fatalf("multi: %v\n%s", err, out)
			}
		} else {
			got = make([]document.Document, 1)
			if err := yaml.Unmarshal(out, &got[0]); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
		}
		for _, g := range got {
			for i, s := range texts {
				r := g.Rows[i]
				if r.Name != s || r.Goal != s || r.Indicators[0].Name != s || r.Indicators[0].Target.Op != s ||
					r.Indicators[0].Target.Unit != s || g.Warnings[i].Message != s {
					t.Errorf("multi=%v: %q read back as %q", multi, s, r.Name)
				}
			}
		}
		for _, s := range []string{"=", "<<", "1_000", "yes", "No", "on", "OFF", "y"} {
			if bytes.Contains(out, []byte("name: "+s+"\n")) {
				t.Errorf("multi=%v: %q not quoted", multi, s)
			}
		}
	}
}

// csvRecords reads CSV output with encoding/csv, checking and stripping the
// byte order mark.
func csvRecords(t *testing.T, out []byte, bom bool) [][]string {
	t.Helper()
	if has := bytes.HasPrefix(out, []byte("\uFEFF")); has != bom {
		t.Fatalf("csv: byte order mark %v, want %v", has, bom)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF"))))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Error("csv: lines do not end in CRLF")
	}
	return recs
}

// moneyCell checks a CSV money cell: exactly the JSON text, empty for none.
func moneyCell(t *testing.T, label, cell string, m *document.Money) {
	t.Helper()
	if m == nil {
		if cell != "" {
			t.Errorf("%s: %q, want empty", label, cell)
		}
		return
	}
	got, err := document.ParseMoney(cell)
	if err != nil || got != *m || cell != m.String() {
		t.Errorf("%s: %q, want %s", label, cell, m)
	}
}

func wantFields(t *testing.T, label string, got []string, want ...string) {
	t.Helper()
	if len(got) < len(want) {
		t.Fatalf("%s: %d fields, want at least %d", label, len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: field %d = %q, want %q", label, i+1, got[i], want[i])
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// optItoa is i as text, or "" for 0.
func optItoa(i int) string {
	if i == 0 {
		return ""
	}
	return itoa(i)
}

func TestCSVRoundTrip(t *testing.T) {
	docs := corpusDocs(t)
	for _, lang := range []string{LangEN, LangZH} {
		for _, bom := range []bool{false, true} {
			label := fmt.Sprintf("csv %s bom=%v", lang, bom)

			recs := csvRecords(t, render(t, Options{Format: CSV, Multi: true, Lang: lang, BOM: bom}, docs...), bom)
			if lang == LangEN {
				wantFields(t, label, recs[0], "source", "department", "currency_unit", "seq", "level", "name", "unit",
					"total", "fiscal_appropriation", "fiscal_special_account", "other_funds", "goal", "indicators_text", "indicators_count", "page")
			} else {
				wantFields(t, label, recs[0], "来源文件", "部门名称", "金额单位", "序号", "层级", "项目名称", "资金使用单位",
					"总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标", "绩效指标个数", "页码")
			}
			n := 1
			for _, doc := range docs {
				for i := range doc.Rows {
					r, rec := &doc.Rows[i], recs[n]
					l := fmt.Sprintf("%s projects line %d", label, n)
					n++
					wantFields(t, l, rec, doc.Source, doc.Department, doc.CurrencyUnit, itoa(r.Seq), r.Level, r.Name, r.UnitName())
					for k, m := range r.MoneyColumns() {
						moneyCell(t, l+" "+document.MoneyColumnNames[k], rec[7+k], m)
					}
					wantFields(t, l, rec[11:], r.Goal, r.IndicatorsText, itoa(len(r.Indicators)), itoa(r.Page))
				}
			}
			if n != len(recs) {
				t.Errorf("%s projects: %d lines, want %d", label, len(recs), n)
			}

			recs = csvRecords(t, render(t, Options{Format: CSV, Table: Indicators, Multi: true, Lang: lang, BOM: bom}, docs...), bom)
			if lang == LangEN {
				wantFields(t, label, recs[0], "source", "department", "seq", "level", "name", "unit",
					"indicator_seq", "level1_code", "level1", "level2_code", "level2", "indicator_name",
					"period_value", "annual_value", "target_op", "target_value", "target_unit")
			} else {
				wantFields(t, label, recs[0], "来源文件", "部门名称", "序号", "层级", "项目名称", "资金使用单位",
					"指标序号", "一级指标代码", "一级指标", "二级指标代码", "二级指标", "三级指标",
					"实施周期指标值", "年度指标值", "目标比较符", "目标值", "目标值单位")
			}
			n = 1
			for _, doc := range docs {
				for i := range doc.Rows {
					r := &doc.Rows[i]
					for _, ind := range r.Indicators {
						var op, value, unit string
						if ind.Target != nil {
							op, value, unit = ind.Target.Op, string(ind.Target.Value), ind.Target.Unit
						}
						wantFields(t, fmt.Sprintf("%s indicators line %d", label, n), recs[n],
							doc.Source, doc.Department, itoa(r.Seq), r.Level, r.Name, r.UnitName(),
							itoa(ind.Seq), ind.Level1Code, ind.Level1, ind.Level2Code, ind.Level2, ind.Name,
							ind.PeriodValue, ind.AnnualValue, op, value, unit)
						n++
					}
				}
			}
			if n != len(recs) || n != 2*172+1 {
				t.Errorf("%s indicators: %d lines, want %d", label, len(recs), n)
			}

			recs = csvRecords(t, render(t, Options{Format: CSV, Table: Warnings, Multi: true, Lang: lang, BOM: bom}, docs...), bom)
			n = 1
			for _, doc := range docs {
				for _, w := range doc.Warnings {
					wantFields(t, fmt.Sprintf("%s warnings line %d", label, n), recs[n],
						doc.Source, w.Code, optItoa(w.Row), optItoa(w.Page), w.Message)
					n++
				}
			}
			if n != len(recs) {
				t.Errorf("%s warnings: %d lines, want %d", label, len(recs), n)
			}

			recs = csvRecords(t, render(t, Options{Format: CSV, Table: Documents, Multi: true, Lang: lang, BOM: bom}, docs...), bom)
			for i, doc := range docs {
				wantFields(t, fmt.Sprintf("%s document line %d", label, i+1), recs[i+1],
					doc.Source, itoa(doc.Pages), doc.Title, doc.Department, doc.CurrencyUnit, itoa(len(doc.Rows)), itoa(len(doc.Warnings)))
			}
			if len(recs) != len(docs)+1 {
				t.Errorf("%s document: %d lines, want %d", label, len(recs), len(docs)+1)
			}
		}
	}
}

// xlsxSheet reads a sheet's raw cell values (numbers unformatted).
func xlsxSheet(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// field returns rec[i], or "" past its end (GetRows drops empty trailing cells).
func field(rec []string, i int) string {
	if i < len(rec) {
		return rec[i]
	}
	return ""
}

func TestXLSXRoundTrip(t *testing.T) {
	docs := corpusDocs(t)
	for _, lang := range []string{LangEN, LangZH} {
		out := render(t, Options{Format: XLSX, Multi: true, Lang: lang}, docs...)
		f, err := excelize.OpenReader(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"projects", "indicators", "warnings", "document", "tables"}) {
			t.Errorf("sheets %v", got)
		}
		if i := f.GetActiveSheetIndex(); i != 0 {
			t.Errorf("active sheet %d, want 0 (projects)", i)
		}
		st := xlsxChecker{t: t, f: f}

		sheet := "projects"
		rows := xlsxSheet(t, f, sheet)
		if want := header(Projects, lang); !reflect.DeepEqual(rows[0], want) {
			t.Errorf("%s header %v, want %v", sheet, rows[0], want)
		}
		st.layout(sheet, len(rows[0]))
		n := 1
		for _, doc := range docs {
			for i := range doc.Rows {
				r, rec := &doc.Rows[i], rows[n]
				n++
				l := fmt.Sprintf("%s %s line %d", lang, sheet, n)
				want := []string{doc.Source, doc.Department, doc.CurrencyUnit, itoa(r.Seq), r.Level, r.Name, r.UnitName()}
				for k := range want {
					if field(rec, k) != want[k] {
						t.Errorf("%s: column %d = %q, want %q", l, k+1, field(rec, k), want[k])
					}
				}
				st.number(sheet, 4, n, r.Seq)
				for k, m := range r.MoneyColumns() {
					st.money(sheet, 8+k, n, field(rec, 7+k), m)
				}
				if field(rec, 11) != r.Goal || field(rec, 12) != r.IndicatorsText {
					t.Errorf("%s: goal or indicators_text differ", l)
				}
				st.number(sheet, 14, n, len(r.Indicators))
				st.number(sheet, 15, n, r.Page)
				st.text(sheet, 12, n, r.Goal, true)
			}
		}
		if n != len(rows) {
			t.Errorf("%s: %d lines, want %d", sheet, len(rows), n)
		}

		sheet = "indicators"
		rows = xlsxSheet(t, f, sheet)
		if want := header(Indicators, lang); !reflect.DeepEqual(rows[0], want) {
			t.Errorf("%s header %v, want %v", sheet, rows[0], want)
		}
		st.layout(sheet, len(rows[0]))
		n = 1
		targets := 0
		for _, doc := range docs {
			for i := range doc.Rows {
				r := &doc.Rows[i]
				for _, ind := range r.Indicators {
					rec := rows[n]
					n++
					l := fmt.Sprintf("%s %s line %d", lang, sheet, n)
					var op, value, unit string
					if ind.Target != nil {
						op, value, unit = ind.Target.Op, string(ind.Target.Value), ind.Target.Unit
					}
					want := []string{doc.Source, doc.Department, itoa(r.Seq), r.Level, r.Name, r.UnitName(),
						itoa(ind.Seq), ind.Level1Code, ind.Level1, ind.Level2Code, ind.Level2, ind.Name,
						ind.PeriodValue, ind.AnnualValue, op, value, unit}
					for k := range want {
						if field(rec, k) != want[k] {
							t.Errorf("%s: column %d = %q, want %q", l, k+1, field(rec, k), want[k])
						}
					}
					st.number(sheet, 3, n, r.Seq)
					st.number(sheet, 7, n, ind.Seq)
					st.text(sheet, 8, n, ind.Level1Code, false) // codes stay text
					if ind.Target != nil {
						targets++
						st.decimal(sheet, 16, n, ind.Target.Value)
					}
				}
			}
		}
		if n != len(rows) || targets == 0 {
			t.Errorf("%s: %d lines, want %d; %d targets", sheet, len(rows), n, targets)
		}

		sheet = "warnings"
		rows = xlsxSheet(t, f, sheet)
		st.layout(sheet, len(rows[0]))
		n = 1
		for _, doc := range docs {
			for _, w := range doc.Warnings {
				rec := rows[n]
				n++
				want := []string{doc.Source, w.Code, optItoa(w.Row), optItoa(w.Page), w.Message}
				for k := range want {
					if field(rec, k) != want[k] {
						t.Errorf("%s line %d: column %d = %q, want %q", sheet, n, k+1, field(rec, k), want[k])
					}
				}
				if w.Row != 0 {
					st.number(sheet, 3, n, w.Row)
				}
			}
		}
		if n != len(rows) {
			t.Errorf("%s: %d lines, want %d", sheet, len(rows), n)
		}

		sheet = "document"
		rows = xlsxSheet(t, f, sheet)
		st.layout(sheet, len(rows[0]))
		for i, doc := range docs {
			want := []string{doc.Source, itoa(doc.Pages), doc.Title, doc.Department, doc.CurrencyUnit, itoa(len(doc.Rows)), itoa(len(doc.Warnings)),
				doc.Layout, "", itoa(len(doc.Tables))}
			if !reflect.DeepEqual(rows[i+1], want) {
				t.Errorf("%s line %d: %q, want %q", sheet, i+2, rows[i+1], want)
			}
			st.number(sheet, 2, i+2, doc.Pages)
		}
		if len(rows) != len(docs)+1 {
			t.Errorf("%s: %d lines, want %d", sheet, len(rows), len(docs)+1)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// xlsxChecker checks cell types and the layout of a workbook.
type xlsxChecker struct {
	t *testing.T
	f *excelize.File
}

func (c xlsxChecker) cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		c.t.Fatal(err)
	}
	return name
}

// numeric checks that a cell is stored as a number and returns its style.
func (c xlsxChecker) numeric(sheet, cell string) *excelize.Style {
	c.t.Helper()
	typ, err := c.f.GetCellType(sheet, cell)
	if err != nil {
		c.t.Fatal(err)
	}
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		c.t.Errorf("%s!%s: cell type %v, want a number", sheet, cell, typ)
	}
	return c.style(sheet, cell)
}

func (c xlsxChecker) style(sheet, cell string) *excelize.Style {
	c.t.Helper()
	id, err := c.f.GetCellStyle(sheet, cell)
	if err != nil {
		c.t.Fatal(err)
	}
	s, err := c.f.GetStyle(id)
	if err != nil {
		c.t.Fatal(err)
	}
	return s
}

func (c xlsxChecker) number(sheet string, col, row, want int) {
	c.t.Helper()
	cell := c.cellName(col, row)
	c.numeric(sheet, cell)
	raw, err := c.f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil || raw != itoa(want) {
		c.t.Errorf("%s!%s = %q, want %d", sheet, cell, raw, want)
	}
}

func (c xlsxChecker) decimal(sheet string, col, row int, want document.Decimal) {
	c.t.Helper()
	cell := c.cellName(col, row)
	c.numeric(sheet, cell)
	raw, err := c.f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil || raw != string(want) {
		c.t.Errorf("%s!%s = %q, want %s", sheet, cell, raw, want)
	}
}

// money checks an amount: a number worth exactly m, shown with two decimals;
// no cell for no amount.
func (c xlsxChecker) money(sheet string, col, row int, raw string, m *document.Money) {
	c.t.Helper()
	cell := c.cellName(col, row)
	if m == nil {
		if raw != "" {
			c.t.Errorf("%s!%s = %q, want empty", sheet, cell, raw)
		}
		return
	}
	s := c.numeric(sheet, cell)
	if m.Decimals <= 2 && s.NumFmt != 4 {
		c.t.Errorf("%s!%s: number format %d, want 4 (#,##0.00)", sheet, cell, s.NumFmt)
	}
	if want := "#,##0." + strings.Repeat("0", m.Decimals); m.Decimals > 2 && (s.CustomNumFmt == nil || *s.CustomNumFmt != want) {
		c.t.Errorf("%s!%s: number format %v, want %s", sheet, cell, s.CustomNumFmt, want)
	}
	got, err := document.ParseMoney(raw)
	if err != nil || got.Micros != m.Micros {
		c.t.Errorf("%s!%s = %q, want %s", sheet, cell, raw, m)
	}
	shown, err := c.f.GetCellValue(sheet, cell)
	if err != nil || shown != m.Grouped() {
		c.t.Errorf("%s!%s shows %q, want %s", sheet, cell, shown, m.Grouped())
	}
}

// text checks that a cell holds text (an empty string holds nothing), wrapped
// or not.
func (c xlsxChecker) text(sheet string, col, row int, want string, wrapped bool) {
	c.t.Helper()
	cell := c.cellName(col, row)
	typ, err := c.f.GetCellType(sheet, cell)
	if err != nil {
		c.t.Fatal(err)
	}
	if want != "" && typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		c.t.Errorf("%s!%s: cell type %v, want text", sheet, cell, typ)
	}
	if want != "" && wrapped {
		if s := c.style(sheet, cell); s.Alignment == nil || !s.Alignment.WrapText {
			c.t.Errorf("%s!%s: text not wrapped", sheet, cell)
		}
	}
}

// layout checks the header row (bold, frozen, filtered) and column widths.
func (c xlsxChecker) layout(sheet string, cols int) {
	c.t.Helper()
	if s := c.style(sheet, "A1"); s.Font == nil || !s.Font.Bold {
		c.t.Errorf("%s: header not bold", sheet)
	}
	p, err := c.f.GetPanes(sheet)
	if err != nil || !p.Freeze || p.YSplit != 1 || p.XSplit != 0 {
		c.t.Errorf("%s: header row not frozen: %+v %v", sheet, p, err)
	}
	filtered := false
	for _, dn := range c.f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && strings.HasPrefix(dn.RefersTo, "'"+sheet+"'!$A$1:") {
			filtered = true
		}
	}
	if !filtered {
		c.t.Errorf("%s: no autofilter", sheet)
	}
	for col := 1; col <= cols; col++ {
		name, _ := excelize.ColumnNumberToName(col)
		w, err := c.f.GetColWidth(sheet, name)
		if err != nil || w < minWidth || w > maxLongWidth {
			c.t.Errorf("%s: column %s width %v %v", sheet, name, w, err)
		}
		head, _ := c.f.GetCellValue(sheet, name+"1")
		if int(w) < textWidth(head)+1 {
			c.t.Errorf("%s: column %s width %v narrower than its header %q", sheet, name, w, head)
		}
	}
}

func TestXLSXColumnWidths(t *testing.T) {
	doc := loadCorpus(t, corpusNames[0])
	out := render(t, Options{Format: XLSX, Lang: LangZH}, doc)
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	width := func(sheet, col string) float64 {
		w, err := f.GetColWidth(sheet, col)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	// 金额单位 / 万元: a 4-character CJK header, 8 columns plus padding.
	if w := width("projects", "C"); w != 11 {
		t.Errorf("currency_unit width %v, want 11", w)
	}
	// 总计: widest amount 5,651.84, 8 columns + 2.
	if w := width("projects", "H"); w != 10 {
		t.Errorf("total width %v, want 10", w)
	}
	// Long texts are capped and wrapped.
	if w := width("projects", "F"); w != maxTextWidth {
		t.Errorf("name width %v, want %d", w, maxTextWidth)
	}
	if w := width("projects", "L"); w != maxLongWidth {
		t.Errorf("goal width %v, want %d", w, maxLongWidth)
	}
	// Rows are as tall as their wrapped text, up to maxLines lines; the
	// 合计 row has one line of default height.
	height := func(sheet string, row int) float64 {
		h, err := f.GetRowHeight(sheet, row)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	if h := height("projects", 2); h > 16 {
		t.Errorf("total row height %v", h)
	}
	for i, r := range doc.Rows {
		lines := 1
		for _, s := range []string{r.Goal, r.IndicatorsText} {
			lines = max(lines, (textWidth(s)+maxLongWidth-2)/(maxLongWidth-1))
		}
		lines = max(lines, (textWidth(r.Name)+maxTextWidth-2)/(maxTextWidth-1))
		want := float64(min(lines, maxLines)*15 + 2)
		if lines == 1 {
			want = 15
		}
		if h := height("projects", i+2); h != want {
			t.Errorf("row %d height %v, want %v (%d lines)", r.Seq, h, want, lines)
		}
	}
	if got := wrappedLines(strings.Repeat("字", 30), 21); got != 3 {
		t.Errorf("wrappedLines = %d, want 3", got)
	}
}

func TestTextWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "项目名称": 8, "（含）": 6, "95%以上": 7, "ｱ": 1, "Ａ": 2} {
		if got := textWidth(s); got != want {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestXLSXZeroAmounts checks that an amount of zero is a numeric 0 cell, not
// an empty one.
func TestXLSXZeroAmounts(t *testing.T) {
	doc := &document.Document{Source: "zero.pdf", Rows: []document.Row{{
		Seq: 1, Level: document.LevelTotal, Name: "合计",
		Total: document.Hundredths(0, 2).Ref(), FiscalAppropriation: &document.Money{},
		OtherFunds: document.Hundredths(-150, 1).Ref(),
	}}}
	f, err := excelize.OpenReader(bytes.NewReader(render(t, Options{Format: XLSX}, doc)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := xlsxChecker{t: t, f: f}
	rows := xlsxSheet(t, f, "projects")
	r := &doc.Rows[0]
	for k, m := range r.MoneyColumns() {
		c.money("projects", 8+k, 2, field(rows[1], 7+k), m)
	}
}

// TestXLSXEmptyBatch checks that a batch of no documents is a workbook of
// header rows.
func TestXLSXEmptyBatch(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(render(t, Options{Format: XLSX, Multi: true})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tb := range Tables() {
		rows := xlsxSheet(t, f, string(tb))
		if len(rows) != 1 || !reflect.DeepEqual(rows[0], header(tb, LangEN)) {
			t.Errorf("%s: %q", tb, rows)
		}
	}
}
