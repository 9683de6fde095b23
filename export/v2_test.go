package export

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/petool/pet/document"
	"github.com/xuri/excelize/v2"
)

// flatLine is one line of a flat table read back, by English header.
type flatLine map[string]string

// byHeader turns records (header first) into lines keyed by header.
func byHeader(t *testing.T, recs [][]string) (head []string, lines []flatLine) {
	t.Helper()
	if len(recs) == 0 {
		t.Fatal("no header line")
	}
	head = recs[0]
	seen := map[string]bool{}
	for _, h := range head {
		if seen[h] {
			t.Errorf("header %q twice in %q", h, head)
		}
		seen[h] = true
	}
	for _, rec := range recs[1:] {
		l := flatLine{}
		for i, h := range head {
			l[h] = field(rec, i)
		}
		lines = append(lines, l)
	}
	return head, lines
}

// wantLine checks the named cells of a line.
func wantLine(t *testing.T, label string, l flatLine, want map[string]string) {
	t.Helper()
	for k, v := range want {
		got, ok := l[k]
		if !ok {
			t.Errorf("%s: no column %s", label, k)
		} else if got != v {
			t.Errorf("%s: %s = %q, want %q", label, k, got, v)
		}
	}
}

// moneyText is an optional amount as CSV carries it.
func moneyText(m *document.Money) string {
	if m == nil {
		return ""
	}
	return m.String()
}

// v2Want lists, for the v2 batch, the v2 cells every line of each table must
// carry, in order; money and number cells as CSV prints them.
func v2Want(docs []*document.Document) map[Table][]map[string]string {
	want := map[Table][]map[string]string{}
	moneyKeys := []string{"一般公共预算", "政府性基金", "上年结转", "国有资本经营预算"}
	extraKeys := []string{"指标解释", "评（扣）分标准", "备注", "指标值内容"}
	for _, doc := range docs {
		year := ""
		if doc.Year != nil {
			year = itoa(*doc.Year)
		}
		want[Documents] = append(want[Documents], map[string]string{
			"source": doc.Source, "layout": doc.Layout, "year": year, "tables_count": itoa(len(doc.Tables)),
		})
		for i, tb := range doc.Tables {
			rows := 0
			for _, r := range doc.Rows {
				if r.Table == i {
					rows++
				}
			}
			want[TargetTables] = append(want[TargetTables], map[string]string{
				"source": doc.Source, "table": itoa(i), "title": tb.Title, "layout": tb.Layout,
				"first_page": itoa(tb.FirstPage), "last_page": itoa(tb.LastPage), "rows_count": itoa(rows),
			})
		}
		for _, r := range doc.Rows {
			code := ""
			if r.Code != nil {
				code = *r.Code
			}
			p := map[string]string{"source": doc.Source, "name": r.Name, "code": code,
				"table": itoa(r.Table), "long_term_goal": r.LongTermGoal}
			for _, k := range moneyKeys {
				m, _ := r.OtherMoney.Get(k)
				p["other_money."+k] = moneyText(m)
			}
			want[Projects] = append(want[Projects], p)
			for _, ind := range r.Indicators {
				weight := ""
				if ind.Weight != nil {
					weight = string(*ind.Weight)
				}
				l := map[string]string{"source": doc.Source, "name": r.Name, "code": code, "table": itoa(r.Table),
					"indicator_name": ind.Name, "direction": ind.Direction, "measure_unit": ind.MeasureUnit, "weight": weight}
				for _, k := range extraKeys {
					l["extra."+k], _ = ind.Extra.Get(k)
				}
				want[Indicators] = append(want[Indicators], l)
			}
		}
	}
	return want
}

// TestCSVV2RoundTrip reads the v2 fields back with encoding/csv, for one
// document (streamed) and for a batch (spooled), and checks the map-valued
// columns come in first-seen order across the batch.
func TestCSVV2RoundTrip(t *testing.T) {
	docs := v2Batch(t)
	for _, n := range []int{1, 2} {
		want := v2Want(docs[:n])
		for _, tb := range []Table{Projects, Indicators, Documents, TargetTables} {
			label := fmt.Sprintf("csv %s of %d", tb, n)
			out := render(t, Options{Format: CSV, Table: tb, Multi: n > 1}, docs[:n]...)
			head, lines := byHeader(t, csvRecords(t, out, false))
			if len(lines) != len(want[tb]) {
				t.Fatalf("%s: %d lines, want %d", label, len(lines), len(want[tb]))
			}
			for i, l := range lines {
				w := want[tb][i]
				for k, v := range w {
					// A key no document of the output has makes no column.
					if _, ok := l[k]; !ok && v == "" && (tb == Projects || tb == Indicators) {
						delete(w, k)
					}
				}
				wantLine(t, fmt.Sprintf("%s line %d", label, i+1), l, w)
			}
			var dyn []string
			for _, h := range head[len(tableColumns[tb]):] {
				dyn = append(dyn, h)
			}
			wantDyn := map[Table][]string{
				Projects:   {"other_money.一般公共预算", "other_money.政府性基金", "other_money.上年结转", "other_money.国有资本经营预算"},
				Indicators: {"extra.指标解释", "extra.评（扣）分标准", "extra.备注", "extra.指标值内容"},
			}[tb]
			if n == 1 && wantDyn != nil {
				wantDyn = wantDyn[:3]
			}
			if fmt.Sprint(dyn) != fmt.Sprint(wantDyn) {
				t.Errorf("%s: map columns %q, want %q", label, dyn, wantDyn)
			}
		}
	}
}

// TestXLSXV2RoundTrip reads the v2 fields back with excelize: values, and
// numbers stored as numbers (other_money as money, weight, year).
func TestXLSXV2RoundTrip(t *testing.T) {
	docs := v2Batch(t)
	want := v2Want(docs)
	for _, lang := range []string{LangEN, LangZH} {
		f, err := excelize.OpenReader(bytes.NewReader(render(t, Options{Format: XLSX, Multi: true, Lang: lang}, docs...)))
		if err != nil {
			t.Fatal(err)
		}
		c := xlsxChecker{t: t, f: f}
		for _, tb := range []Table{Projects, Indicators, Documents, TargetTables} {
			rows := xlsxSheet(t, f, string(tb))
			// Read back with English names: the header row in lang must be
			// the CSV header in lang, column for column.
			s := newSchema(tb, lang)
			en := newSchema(tb, LangEN)
			for _, d := range docs {
				s.observe(d)
				en.observe(d)
			}
			if fmt.Sprint(rows[0]) != fmt.Sprint(s.header()) {
				t.Errorf("xlsx %s %s header %q, want %q", lang, tb, rows[0], s.header())
			}
			rows[0] = en.header()
			c.layout(string(tb), len(rows[0]))
			_, lines := byHeader(t, rows)
			if len(lines) != len(want[tb]) {
				t.Fatalf("xlsx %s: %d lines, want %d", tb, len(lines), len(want[tb]))
			}
			col := map[string]int{}
			for i, h := range en.header() {
				col[h] = i + 1
			}
			for i, l := range lines {
				label := fmt.Sprintf("xlsx %s %s line %d", lang, tb, i+2)
				w := map[string]string{}
				for k, v := range want[tb][i] {
					w[k] = v
					// Money is a number: 9.700000 reads back as 9.7.
					if m, err := document.ParseMoney(v); err == nil && len(k) > len(otherMoneyPrefix) && k[:len(otherMoneyPrefix)] == otherMoneyPrefix {
						c.money(string(tb), col[k], i+2, l[k], &m)
						delete(w, k)
					}
				}
				wantLine(t, label, l, w)
				switch tb {
				case Indicators:
					if v := want[tb][i]["weight"]; v != "" {
						c.decimal(string(tb), col["weight"], i+2, document.Decimal(v))
					}
				case Documents:
					if v := want[tb][i]["year"]; v != "" {
						c.number(string(tb), col["year"], i+2, 2026)
					}
				case Projects:
					k, _ := strconv.Atoi(want[tb][i]["table"])
					c.number(string(tb), col["table"], i+2, k)
				}
			}
		}
		f.Close()
	}
}
