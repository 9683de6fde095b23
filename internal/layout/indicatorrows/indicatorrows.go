// Package indicatorrows reads target tables in the indicator-rows layout:
// one table row per indicator in 一级指标 / 二级指标 / 三级指标 / 指标值
// columns, with each project's name, money and goal cells merged over its
// indicator rows (Beijing 预算表12, Hunan, Jilin, Chongqing 表十二, …).
package indicatorrows

import (
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/pdfpage"
)

// Read returns every indicator-rows target table of the pages.
func Read(pages []*pdfpage.Page) []layout.Table {
	return nil
}
