package pdfpage_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/petool/pet/internal/pdfpage"
	"github.com/petool/pet/parser"
)

var update = flag.Bool("update", false, "rewrite testdata/fonts/*.expected.json from what pet reads")

// The font fixtures (testdata/fonts/make.py): one small table printed by
// three producers whose fonts need more than a ToUnicode CMap.
var producers = []struct {
	name string
	font string // what the file exercises
}{
	{"reportlab", "STSong-Light, not embedded, UniGB-UCS2-H, /W by CID"},
	{"xelatex", "FandolSong, CID-keyed CFF, Adobe-GB1, Identity-H, no ToUnicode"},
	{"wkhtmltopdf", "Noto Sans CJK SC, ToUnicode with Kangxi and supplement radicals"},
}

// hangingFixtures hang a goal's closing 。 over the column's right rule:
// across it, and with its centre past it. The parser keeps the first in its
// cell but puts the second in the next column (the grid does not use
// Glyph.Run yet): reportlab-hang.pdf is in no document test.
var hangingFixtures = []string{"reportlab", "reportlab-hang"}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fonts", name+".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func firstPage(t *testing.T, data []byte) *pdfpage.Page {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdfpage.New(r)
	if err != nil {
		t.Fatal(err)
	}
	p, err := d.Page(1)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// runes counts the CJK characters (U+2E80 and up) of s.
func runes(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range s {
		if r >= 0x2E80 {
			m[r]++
		}
	}
	return m
}

// TestProducerFontGlyphs reads each fixture's page and checks the glyphs:
// every CJK character of the table as printed (the texts of its expected
// document), no radical left, and advance widths of a CJK character (one
// em) and of a digit (about half an em), in units of the font size.
func TestProducerFontGlyphs(t *testing.T) {
	all := append(producers, struct{ name, font string }{"reportlab-hang", "as reportlab"})
	for _, p := range all {
		t.Run(p.name, func(t *testing.T) {
			page := firstPage(t, fixture(t, p.name))
			var text strings.Builder
			for _, g := range page.Glyphs {
				text.WriteString(g.Text)
			}
			got := runes(text.String())

			raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fonts", p.name+".expected.json"))
			if err != nil {
				t.Fatal(err)
			}
			var generic map[string]any
			if err := json.Unmarshal(raw, &generic); err != nil {
				t.Fatal(err)
			}
			var want strings.Builder
			want.WriteString("项目支出绩效目标表部门名称：单位：序号项目名称总计财政拨款财政专户拨款其他资金绩效目标绩效指标")
			want.WriteString(generic["department"].(string) + generic["currency_unit"].(string))
			for _, r := range generic["rows"].([]any) {
				row := r.(map[string]any)
				want.WriteString(row["name"].(string) + row["goal"].(string) + row["indicators_text"].(string))
			}
			if w := runes(want.String()); !reflect.DeepEqual(got, w) {
				for r, n := range w {
					if got[r] != n {
						t.Errorf("%q: read %d times, printed %d", r, got[r], n)
					}
				}
				for r, n := range got {
					if w[r] == 0 {
						t.Errorf("%q: read %d times, not printed", r, n)
					}
				}
			}

			em := map[string]float64{}
			for _, g := range page.Glyphs {
				if _, ok := em[g.Text]; !ok && g.Size > 0 {
					em[g.Text] = (g.X1 - g.X0) / g.Size
				}
			}
			if w := em["合"]; w < 0.97 || w > 1.03 {
				t.Errorf("合 advances %.3f em, want 1", w)
			}
			for _, d := range []string{"1", "4", "5"} {
				if w := em[d]; w < 0.4 || w > 0.65 {
					t.Errorf("%s advances %.3f em, want about half", d, w)
				}
			}
		})
	}
}

// TestHangingPunctuationKeepsItsRun: in the ReportLab fixtures the closing
// 。 of "…满意率高。" is drawn across the goal column's right rule (in
// reportlab-hang with its centre past it); it belongs to the same show
// operator (Glyph.Run) as the 高 before it, which is inside the column.
func TestHangingPunctuationKeepsItsRun(t *testing.T) {
	for _, name := range hangingFixtures {
		t.Run(name, func(t *testing.T) {
			page := firstPage(t, fixture(t, name))
			gl := page.Glyphs
			found := false
			for i := 2; i < len(gl); i++ {
				if gl[i].Text != "。" || gl[i-1].Text != "高" || gl[i-2].Text != "率" {
					continue
				}
				found = true
				hang, before := gl[i], gl[i-1]
				if hang.Run == 0 || hang.Run != before.Run {
					t.Errorf("。 run %d, 高 run %d: want the same, non-zero", hang.Run, before.Run)
				}
				crossed := false
				for _, r := range page.Rules {
					if !r.Horizontal() && r.X0 >= before.X1-0.01 && r.X0 < hang.X1 && r.Y0 < hang.Y && r.Y1 > hang.Y {
						crossed = true
						if name == "reportlab-hang" && hang.CenterX() <= r.X0 {
							t.Errorf("。 centre %.1f is not past the rule at %.1f", hang.CenterX(), r.X0)
						}
					}
				}
				if !crossed {
					t.Errorf("。 at %.1f–%.1f crosses no vertical rule: the fixture does not hang it", hang.X0, hang.X1)
				}
			}
			if !found {
				t.Fatal("率高。 not found")
			}
			runs := map[int]bool{}
			for _, g := range gl {
				runs[g.Run] = true
			}
			if len(runs) < 20 {
				t.Errorf("%d distinct runs on the page, want one per drawn string", len(runs))
			}
		})
	}
}

// TestProducerFontDocuments parses each fixture end to end: the document
// must be exactly the expected one (-update rewrites the files; check them
// by eye against make.py's table). Like the repository's other expected
// files they leave out the indicators' targets, which indicator's tests
// check.
func TestProducerFontDocuments(t *testing.T) {
	for _, p := range producers {
		t.Run(p.name, func(t *testing.T) {
			data := fixture(t, p.name)
			doc, err := parser.Parse(bytes.NewReader(data), int64(len(data)), parser.Options{})
			if doc != nil {
				doc.Source = p.name + ".pdf"
			}
			if err != nil {
				t.Fatalf("%s (%s): %v", p.name, p.font, err)
			}
			for i := range doc.Rows {
				for j := range doc.Rows[i].Indicators {
					doc.Rows[i].Indicators[j].Target = nil
				}
			}
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("..", "..", "testdata", "fonts", p.name+".expected.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var g, w any
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s (%s): document differs from %s:\n%s", p.name, p.font, path, got)
			}
		})
	}
}
