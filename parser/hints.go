package parser

import (
	"errors"
	"fmt"
	"strings"

	"github.com/petool/pet/document"
	"github.com/petool/pet/internal/layout"
)

// ErrLayoutNotRead is returned (wrapped, with the page and layout) when a
// PDF prints project performance targets in a layout that no reader could
// read: pet says so rather than reporting no table.
var ErrLayoutNotRead = errors.New("project performance targets are not read")

// LayoutNotRead is the warning code for a page that prints project
// performance targets no reader took, in a document whose other target
// tables were read.
const LayoutNotRead = "layout-not-read"

// gridHint is a page that prints an indicator grid under a project
// performance target title: a target table in the indicator-rows or
// project-forms layout, whether or not a reader took it.
type gridHint struct {
	page   int
	layout string
}

// gridHints finds the pages that print indicator grids of project targets:
// the words 一级指标, 二级指标 and 三级指标 (or 指标名称 and 指标值) on a page
// under a title (on the page or an earlier one) that names performance
// targets (目标) and is not the whole-department table (整体), a
// self-evaluation (自评) or an evaluation report (评价). A page that also
// labels 主管部门 or 实施单位 is a form, else a table of indicator rows.
func gridHints(a *Analysis) []gridHint {
	var hints []gridHint
	title := ""
	for i, lines := range a.Lines {
		var b strings.Builder
		for _, l := range lines {
			t := compact(l.Text())
			if isTitleLine(t) {
				title = t
			}
			b.WriteString(t)
			b.WriteByte('\n')
		}
		text := b.String()
		// Header cells wrap (一级指 / 标): their first three characters.
		levels := strings.Contains(text, "一级指") && strings.Contains(text, "二级指") && strings.Contains(text, "三级指")
		flat := strings.Contains(text, "指标名称") && strings.Contains(text, "指标值")
		if !(levels || flat) || !strings.Contains(title, "目标") ||
			strings.Contains(title, "整体") || strings.Contains(title, "自评") || strings.Contains(title, "评价") {
			continue
		}
		h := gridHint{page: i + 1, layout: document.LayoutIndicatorRows}
		if strings.Contains(text, "主管部门") || strings.Contains(text, "实施单位") {
			h.layout = document.LayoutProjectForms
		}
		hints = append(hints, h)
	}
	return hints
}

// isTitleLine reports a line that reads as a table's title: short, with 表
// near its end (项目支出绩效目标表（含转移支付项目）, 表1：项目年度绩效指标表).
func isTitleLine(t string) bool {
	r := []rune(t)
	if len(r) == 0 || len(r) > 40 {
		return false
	}
	tail := r[max(0, len(r)-12):]
	return strings.ContainsRune(string(tail), '表')
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
	return fmt.Errorf("page %d: %w: the %s layout (一级指标/二级指标/三级指标 or 指标名称/指标值 grid) could not be read", h.page, ErrLayoutNotRead, h.layout)
}

// layoutNotReadWarnings names the pages of grid targets that no reader
// took, in a document whose other target tables were read.
func layoutNotReadWarnings(hints []gridHint) []document.Warning {
	var ws []document.Warning
	for _, h := range hints {
		ws = append(ws, document.Warning{Code: LayoutNotRead, Page: h.page,
			Message: fmt.Sprintf("page %d prints project performance targets in the %s layout that were not read", h.page, h.layout)})
	}
	return ws
}
