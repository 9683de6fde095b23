package export

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmeText is the export README with its line breaks made spaces, so
// that a list wrapped over several lines reads as one.
func readmeText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`\s*\n\s*`).ReplaceAllString(string(b), " ")
}

// TestReadmeListsTheColumns holds the README's column lists to
// tableColumns, the list the writers use: for each table, the first
// comma-separated list in backquotes of its bullet is its English header,
// and the --lang zh paragraph gives the Chinese headers table by table,
// each once.
func TestReadmeListsTheColumns(t *testing.T) {
	text := readmeText(t)
	span := regexp.MustCompile("`([^`]*, [^`]*)`")
	for _, tb := range Tables() {
		start := strings.Index(text, " - `"+string(tb)+"`")
		if start < 0 {
			t.Errorf("README: no bullet for the %s table", tb)
			continue
		}
		bullet := text[start+len(" - `"+string(tb)+"`"):]
		if end := strings.Index(bullet, " - `"); end >= 0 {
			bullet = bullet[:end]
		}
		m := span.FindStringSubmatch(bullet)
		if m == nil {
			t.Errorf("README: the %s bullet lists no columns", tb)
			continue
		}
		var want []string
		for _, c := range tableColumns[tb] {
			want = append(want, c.en)
		}
		if got := strings.Split(m[1], ", "); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("README %s columns:\n got %q\nwant %q", tb, got, want)
		}
	}

	seen := map[string]bool{}
	var groups []string
	for _, tb := range Tables() {
		var names []string
		for _, c := range tableColumns[tb] {
			if !seen[c.zh] {
				seen[c.zh] = true
				names = append(names, c.zh)
			}
		}
		groups = append(groups, strings.Join(names, ", "))
	}
	if want := "(" + strings.Join(groups, "; ") + ")"; !strings.Contains(text, want) {
		t.Errorf("README: the --lang zh paragraph does not list the Chinese headers; want %s", want)
	}
}

// TestColumnCells checks that every fixed column has a cell and headers in
// both languages, distinct within its table.
func TestColumnCells(t *testing.T) {
	for _, tb := range Tables() {
		en, zh := map[string]bool{}, map[string]bool{}
		for _, c := range tableColumns[tb] {
			if c.cell == nil || c.en == "" || c.zh == "" {
				t.Errorf("%s: column %+v incomplete", tb, c)
			}
			if en[c.en] || zh[c.zh] {
				t.Errorf("%s: header %s / %s repeated", tb, c.en, c.zh)
			}
			en[c.en], zh[c.zh] = true, true
			if c.optional && c.kind != kInt {
				t.Errorf("%s: %s optional but not an int column", tb, c.en)
			}
		}
	}
}
