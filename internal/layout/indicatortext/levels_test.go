package indicatortext

import (
	"reflect"
	"testing"
)

// nameRow is a one-line name cell in a column from x 100 to 200, its text
// from left to right (offsets in the column), with the given goal and total.
func nameRow(name string, left, right float64, goal, total string) rawRow {
	return rawRow{cells: map[Field]string{FieldName: name, FieldGoal: goal, FieldTotal: total},
		indent: 100 + left, colX0: 100, rightGap: 100 - right, oneLine: true, size: 9, hasName: true}
}

// TestRowLevels: levels come from the table's structure. Indented names
// under a flush unit; centred names (indentation means nothing); flush
// names where the cells decide; a target-less row that fits in what its
// unit's projects leave is a project; 合计 with a colon.
func TestRowLevels(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []rawRow
		want []string
	}{
		{"indented projects", []rawRow{
			nameRow("合计", 2, 20, "", "10.00"),
			nameRow("某局", 2, 38, "", "10.00"),
			nameRow("甲项目", 20, 47, "目标", "4.00"),
			nameRow("乙项目", 20, 47, "", "6.00"), // states no goal, indented: a project
		}, []string{"total", "unit", "project", "project"}},
		{"centred names", []rawRow{
			nameRow("合计：", 41, 59, "", "10.00"),
			nameRow("广州市某某局", 23, 77, "", "10.00"),
			nameRow("甲", 45.5, 54.5, "目标", "4.00"),
			nameRow("乙项目经费", 27.5, 72.5, "目标", "6.00"),
		}, []string{"total", "unit", "project", "project"}},
		{"flush names, a project without targets inside its unit's sum", []rawRow{
			nameRow("合 计", 2, 20, "", "10.00"),
			nameRow("某局", 2, 38, "", "10.00"),
			nameRow("甲项目", 2, 29, "目标", "4.00"),
			nameRow("乙项目", 2, 29, "", "6.00"),
			nameRow("某中心", 2, 29, "", "5.00"), // past the unit's 10.00: a unit
			nameRow("丙项目", 2, 29, "目标", "5.00"),
		}, []string{"total", "unit", "project", "project", "unit", "project"}},
	} {
		if got := rowLevels(tc.rows); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestIsTotalName(t *testing.T) {
	for s, want := range map[string]bool{"合计": true, "合计：": true, "合 计": true, "总计:": true, "合计数": true,
		"合计项目": false, "某局合计": false, "": false} {
		if got := isTotalName(s); got != want {
			t.Errorf("isTotalName(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestNamesCentred: centred one-line names are seen as centred; flush and
// indented ones, and names that fill their cell, are not.
func TestNamesCentred(t *testing.T) {
	centred := []rawRow{nameRow("广州市某某局", 23, 77, "", ""), nameRow("甲", 45.5, 54.5, "x", ""), nameRow("乙项目经费", 27.5, 72.5, "x", "")}
	flush := []rawRow{nameRow("某局", 2, 20, "", ""), nameRow("甲项目", 20, 47, "x", ""), nameRow("乙", 20, 29, "x", "")}
	full := []rawRow{nameRow("很长的项目名称正好占满", 2, 98, "x", ""), nameRow("另一个很长的名称占满了", 2, 98, "x", "")}
	if !namesCentred(centred) || namesCentred(flush) || namesCentred(full) {
		t.Errorf("centred %v, flush %v, full %v; want true, false, false", namesCentred(centred), namesCentred(flush), namesCentred(full))
	}
}
