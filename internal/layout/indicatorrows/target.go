package indicatorrows

import (
	"strings"

	"github.com/petool/pet/document"
	"github.com/petool/pet/indicator"
)

// targetOf reads the target of an indicator whose comparison and unit are
// printed in columns of their own: the direction sign before the value and
// the unit after it, read as one value text (≥ 90 % → ≥90%). 定性 and other
// words that are not signs give the value's own reading.
//
// TODO: use indicator.TargetOf (direction and measure unit support in
// indicator) once it is on main.
func targetOf(value, direction, unit string) *document.Target {
	if strings.TrimSpace(value) == "" {
		return nil
	}
	d := strings.TrimSpace(direction)
	switch d {
	case "定性":
		return nil
	case "≥", "≤", ">", "<", "＞", "＜", "≧", "≦", ">=", "<=":
	case "＝", "=", "等于":
		d = ""
	case "大于等于":
		d = "≥"
	case "小于等于":
		d = "≤"
	case "大于":
		d = ">"
	case "小于":
		d = "<"
	default:
		d = ""
	}
	v := strings.TrimSpace(value)
	u := strings.TrimSpace(unit)
	if u != "" && !strings.HasSuffix(v, u) {
		v += u
	}
	return indicator.ParseTarget(d + v)
}
