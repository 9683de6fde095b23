package projectforms

import (
	"strings"

	"github.com/petool/pet/document"
	"github.com/petool/pet/indicator"
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/lazyre"
)

// isForm reports whether f is a project's target form: it has an indicator
// grid and something filled in, and is no self-evaluation or
// whole-department table.
func (f *form) isForm() bool {
	if f.reject || f.grid == nil {
		return false
	}
	h := norm(f.heading)
	if strings.Contains(h, "部门整体") || strings.Contains(h, "自评") || strings.Contains(h, "整体支出") {
		return false
	}
	if !f.nameLabel && !(strings.HasSuffix(h, "项目绩效目标表") && stem(h) != "") {
		return false // no 项目名称 and no heading naming a project
	}
	blank := f.name == "" && f.money == [3]*document.Money{} && f.periodTotal == nil && len(f.indicators) == 0
	return !blank
}

var (
	tableNoRe = lazyre.New(`^表[0-9一二三四五六七八九十]+([-－][0-9]+)?$`)
	sectionRe = lazyre.New(`^[（(][一二三四五六七八九十]+[）)]`)
	prefixRe  = lazyre.New(`^(预算[0-9]+表|表[0-9一二三四五六七八九十]+)`)
	deptCode  = lazyre.New(`^[0-9A-Za-z]*[0-9][0-9A-Za-z]*\s*[_＿\-－]\s*`)
	deptCode2 = lazyre.New(`\s*[（(][0-9]+[）)]$`)
)

// stem is a heading without its 绩效目标表 ending and a 预算14表 / 表14 prefix.
// Spaces drawn inside it are kept (a name printed with one keeps it).
func stem(h string) string {
	h = strings.TrimSpace(h)
	for _, s := range []string{"项目绩效目标表", "绩效目标表"} {
		if strings.HasSuffix(h, s) {
			h = strings.TrimSuffix(h, s)
			break
		}
	}
	return strings.TrimSpace(prefixRe.ReplaceAllString(h, ""))
}

// namesProject reports whether the form's heading names its project.
func (f *form) namesProject() bool {
	s := stem(f.heading)
	if s == "" {
		return false
	}
	if f.name == "" {
		return strings.HasSuffix(norm(f.heading), "项目绩效目标表")
	}
	n, s := norm(f.name), norm(s)
	return strings.Contains(n, s) || strings.Contains(s, n)
}

// group turns the forms into tables: consecutive forms whose headings agree
// (or all name their own project) are one table.
func group(forms []*form) []layout.Table {
	var out []layout.Table
	var key string
	for _, f := range forms {
		if !f.isForm() {
			continue
		}
		k := norm(f.heading)
		if f.namesProject() {
			k = "\x00per-project"
		}
		if len(out) == 0 || k != key {
			key = k
			out = append(out, newTable(f, k))
		}
		t := &out[len(out)-1]
		addRow(t, f)
	}
	return out
}

func newTable(f *form, key string) layout.Table {
	title := strings.TrimSpace(f.heading)
	if strings.HasPrefix(key, "\x00") {
		title = ""
		for k := len(f.above) - 1; k >= 0; k-- {
			l := strings.TrimSpace(f.above[k])
			n := norm(l)
			if tableNoRe.MatchString(n) || sectionRe.MatchString(n) || yearOf(l) != nil || unitLine(l) != "" || pageNumber(l) {
				continue
			}
			if strings.Contains(n, "目标表") {
				title = l
			}
			break
		}
		if title == "" {
			title = strings.TrimSpace(f.heading)
		}
	}
	return layout.Table{
		Info:         document.Table{Title: title, Layout: document.LayoutProjectForms, FirstPage: f.page, LastPage: f.lastPage},
		Department:   departmentOf(f.department),
		CurrencyUnit: f.currency,
		Year:         f.year,
	}
}

func addRow(t *layout.Table, f *form) {
	seq := len(t.Rows) + 1
	row := document.Row{
		Seq:   seq,
		Level: document.LevelProject,
		Name:  f.name,
		Page:  f.page,
	}
	if h := strings.TrimSpace(f.heading); row.Name == "" && strings.HasSuffix(norm(h), "项目绩效目标表") {
		row.Name = stem(h) // <项目>项目绩效目标表
	}
	if row.Name == "" {
		t.Warnings = append(t.Warnings, document.Warning{Code: WarnNoName, Row: seq, Page: f.page,
			Message: "the form prints no 项目名称 and no heading naming its project"})
	}
	if f.code != "" {
		c := f.code
		row.Code = &c
	}
	if f.unit != "" {
		u := f.unit
		row.Unit = &u
	}
	row.Total, row.FiscalAppropriation, row.OtherFunds = f.money[0], f.money[1], f.money[2]
	if row.Total == nil && f.periodTotal != nil {
		row.Total = f.periodTotal
	} else if f.periodTotal != nil {
		row.OtherMoney = append(row.OtherMoney, document.NamedAmount{Name: "实施期资金总额", Value: f.periodTotal})
	}
	row.OtherMoney = append(row.OtherMoney, f.otherMoney...)
	switch {
	case f.annualGoal != "" && f.periodGoal != "" || f.goalCount > 1:
		row.Goal, row.LongTermGoal = f.annualGoal, f.periodGoal
	default:
		row.Goal = f.annualGoal + f.periodGoal
	}
	// An extra column (备注, …) empty in every indicator of the form is not
	// output.
	filled := map[string]bool{}
	for _, in := range f.indicators {
		for _, x := range in.Extra {
			if strings.TrimSpace(x.Value) != "" {
				filled[x.Name] = true
			}
		}
	}
	for i := range f.indicators {
		in := f.indicators[i]
		var extra document.NamedText
		for _, x := range in.Extra {
			if filled[x.Name] {
				extra = append(extra, x)
			}
		}
		in.Extra = extra
		in.Target = indicator.TargetOf(in.AnnualValue, in.Direction, in.MeasureUnit)
		row.Indicators = append(row.Indicators, in)
	}
	// A form whose grid holds no indicator gets check's indicators-missing.
	for _, w := range f.warnings {
		w.Row = seq
		t.Warnings = append(t.Warnings, w)
	}
	t.Rows = append(t.Rows, row)
	if f.lastPage > t.Info.LastPage {
		t.Info.LastPage = f.lastPage
	}
}

// departmentOf is a 主管部门 value without its code (231_烟台市审计局,
// 烟台市审计局（231）).
func departmentOf(s string) string {
	return strings.TrimSpace(deptCode2.ReplaceAllString(deptCode.ReplaceAllString(strings.TrimSpace(s), ""), ""))
}
