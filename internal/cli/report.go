package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/petool/pet/document"
	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	fd, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(fd.Fd()))
}

// terminalColumns is the width of the terminal w, 0 when unknown.
func terminalColumns(w io.Writer) int {
	fd, ok := w.(interface{ Fd() uintptr })
	if !ok {
		return 0
	}
	cols, _, err := term.GetSize(int(fd.Fd()))
	if err != nil {
		return 0
	}
	return cols
}

// countCodes adds a document's warnings to the batch's count by code.
func (r *reporter) countCodes(ws []document.Warning) {
	for _, w := range ws {
		r.codes[w.Code]++
	}
}

// codeSummary is the end of the batch summary line: the warnings by code,
// most frequent first ("; warnings: indicator-level-mismatch 3000,
// row-sum-mismatch 2"), or "" when there were none.
func (r *reporter) codeSummary() string {
	if len(r.codes) == 0 {
		return ""
	}
	codes := make([]string, 0, len(r.codes))
	for c := range r.codes {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if a, b := r.codes[codes[i]], r.codes[codes[j]]; a != b {
			return a > b
		}
		return codes[i] < codes[j]
	})
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s %d", c, r.codes[c])
	}
	return "; warnings: " + strings.Join(parts, ", ")
}
