package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/petool/pet/check"
	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/layout"
)

// gridHint is a page that prints an indicator grid under a project
// performance target title: a target table in the indicator-rows or
// project-forms layout, whether or not a reader took it.
type gridHint struct {
	page   int
	layout string
}

// hintScanner finds, page by page, the pages that print indicator grids of
// project targets: the words 一级指标, 二级指标 and 三级指标 (or 指标名称 and
// 指标值) on a page under a title (on the page or an earlier one) that names
// performance targets (目标) and is not the whole-department table (整体), a
// self-evaluation (自评) or an evaluation report (评价), with values in it (a
// blank template is not a table). A page that also labels 主管部门 or
// 实施单位 is a form, else a table of indicator rows.
type hintScanner struct{ title string }

// page looks at the text lines of page n. The words are looked for line
// by line (none spans two lines), each line's white space removed.
func (s *hintScanner) page(n int, lines []string) (gridHint, bool) {
	var first, second, third, name, value, values, form bool
	for _, l := range lines {
		t := compact(l)
		if isTitleLine(t) {
			s.title = t
		}
		// Header cells wrap (一级指 / 标): their first three characters.
		first = first || strings.Contains(t, "一级指")
		second = second || strings.Contains(t, "二级指")
		third = third || strings.Contains(t, "三级指")
		name = name || strings.Contains(t, "指标名称")
		value = value || strings.Contains(t, "指标值")
		// A blank template prints the grid but no values: no comparison
		// sign and no percentage anywhere on the page.
		values = values || strings.ContainsAny(t, "≥≤＞＜＝=%％")
		form = form || strings.Contains(t, "主管部门") || strings.Contains(t, "实施单位")
	}
	title := s.title
	levels, flat := first && second && third, name && value
	if !(levels || flat) || !values || !strings.Contains(title, "目标") ||
		strings.Contains(title, "整体") || strings.Contains(title, "自评") || strings.Contains(title, "评价") {
		return gridHint{}, false
	}
	h := gridHint{page: n, layout: document.LayoutIndicatorRows}
	if form {
		h.layout = document.LayoutProjectForms
	}
	return h, true
}

// gridHints runs a hintScanner over the lines of every page.
func gridHints(pages [][]string) []gridHint {
	var s hintScanner
	var hints []gridHint
	for i, lines := range pages {
		if h, ok := s.page(i+1, lines); ok {
			hints = append(hints, h)
		}
	}
	return hints
}

// compact removes all white space, as indicatortext matches header words.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
			return -1
		}
		return r
	}, s)
}

// isTitleLine reports a line that reads as a table's title: short, with 表
// near its end (项目支出绩效目标表（含转移支付项目）, 表1：项目年度绩效指标表).
// It decodes runes as []rune(t) does, without making the slice: it is
// asked of every line of every page.
func isTitleLine(t string) bool {
	n := utf8.RuneCountInString(t)
	if n == 0 || n > 40 {
		return false
	}
	i := 0
	for skip := n - 12; skip > 0; skip-- {
		_, size := utf8.DecodeRuneInString(t[i:])
		i += size
	}
	for _, r := range t[i:] {
		if r == '表' {
			return true
		}
	}
	return false
}

// unreadHints returns the hints on pages that no table covers.
func unreadHints(hints []gridHint, tables []layout.Table) []gridHint {
	var out []gridHint
	for _, h := range hints {
		covered := false
		for _, t := range tables {
			covered = covered || (h.page >= t.Info.FirstPage && h.page <= t.Info.LastPage)
		}
		if !covered {
			out = append(out, h)
		}
	}
	return out
}

// layoutNotRead is the error for a document whose only target tables are
// in a layout pet could not read.
func layoutNotRead(h gridHint) error {
	return &Error{Kind: ErrLayoutNotRead, Page: h.page,
		Err: fmt.Errorf("%w: the %s layout (一级指标/二级指标/三级指标 or 指标名称/指标值 grid) could not be read", ErrLayoutNotRead, h.layout)}
}

// layoutNotReadWarnings names the pages of grid targets that no reader
// took, in a document whose other target tables were read.
func layoutNotReadWarnings(hints []gridHint) []document.Warning {
	var ws []document.Warning
	for _, h := range hints {
		ws = append(ws, document.Warning{Code: check.LayoutNotRead, Page: h.page,
			Message: fmt.Sprintf("page %d prints project performance targets in the %s layout that were not read", h.page, h.layout)})
	}
	return ws
}
