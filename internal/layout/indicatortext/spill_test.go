package indicatortext

import (
	"strings"
	"testing"

	"github.com/petool/pet/internal/pdfpage"
)

// glyphRun lays out text from x on one baseline, each glyph w wide.
func glyphRun(text string, x, w float64) []pdfpage.Glyph {
	var gs []pdfpage.Glyph
	for _, r := range text {
		gs = append(gs, pdfpage.Glyph{Text: string(r), X0: x, X1: x + w, Y: 100, Size: 9})
		x += w
	}
	return gs
}

// TestKeepSpills: a cell's trailing spaces drawn on over the next cell's
// text, and a closing 。 hanging just past the rule, stay with their cell;
// the next cell's own text (also when it starts with punctuation) stays in
// the next cell.
func TestKeepSpills(t *testing.T) {
	cols := []Column{{X0: 0, X1: 100}, {X0: 100, X1: 300}}
	for _, tc := range []struct {
		name        string
		glyphs      []pdfpage.Glyph
		left, right string
	}{
		{"WPS trailing spaces over the next cell",
			append(append(glyphRun("工作）。", 55, 9), glyphRun(strings.Repeat(" ", 40), 91, 2.2)...), glyphRun("41-经济", 103, 4.5)...),
			"工作）。" + strings.Repeat(" ", 40), "41-经济"},
		{"hanging full stop",
			append(glyphRun("保障服务工作", 46, 9), glyphRun("。", 100, 9)...),
			"保障服务工作。", ""},
		{"next cell starts with a comma",
			append(glyphRun("年度共", 73, 9), glyphRun(",享平台", 101.5, 9)...),
			"年度共", ",享平台"},
		{"indented name after a number",
			append(glyphRun("464.35", 70, 4.5), glyphRun("    工作经费", 102, 2.25)...),
			"464.35", "    工作经费"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var line []placedGlyph
			for _, g := range sortByX(tc.glyphs) {
				c := 0
				if g.CenterX() >= 100 {
					c = 1
				}
				line = append(line, placedGlyph{g, 0, c})
			}
			keepSpills(line, cols)
			var got [2]strings.Builder
			for _, p := range line {
				got[p.col].WriteString(p.Text)
			}
			if got[0].String() != tc.left || got[1].String() != tc.right {
				t.Errorf("cells %q | %q, want %q | %q", got[0].String(), got[1].String(), tc.left, tc.right)
			}
		})
	}
}

func sortByX(gs []pdfpage.Glyph) []pdfpage.Glyph {
	out := append([]pdfpage.Glyph(nil), gs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].X0 < out[j-1].X0; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
