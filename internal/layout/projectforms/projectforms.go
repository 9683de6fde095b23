// Package projectforms reads target tables in the project-forms layout: one
// ruled form per project (项目名称, 主管部门, 实施单位, 项目资金, 年度目标 /
// 总体目标, then a grid of 一级指标 / 二级指标 / 三级指标 / 指标值), as
// Shandong, Fujian, Shaanxi and central-government style budgets print them.
package projectforms

import (
	"github.com/petool/pet/internal/layout"
	"github.com/petool/pet/internal/pdfpage"
)

// Read returns every project-forms target table of the pages.
func Read(pages []*pdfpage.Page) []layout.Table {
	return nil
}
