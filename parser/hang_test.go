package parser

import (
	"path/filepath"
	"testing"
)

// TestHangingPunctuationDocument: ReportLab lets a closing 。 hang past the
// goal cell's right rule (its centre beyond the rule); the document still
// equals the one without hanging punctuation.
func TestHangingPunctuationDocument(t *testing.T) {
	doc := parseFile(t, filepath.Join("..", "testdata", "fonts", "reportlab-hang.pdf"))
	want := toGeneric(t, mustRead(t, filepath.Join("..", "testdata", "fonts", "reportlab-hang.expected.json")))
	got := toGeneric(t, doc)
	delete(want.(map[string]any), "source")
	for _, d := range diffSubset("", want, got, 10) {
		t.Error(d)
	}
}
