#!/bin/sh
# Measures whether pet reads the same CJK characters as pdftotext on every
# page of the PDFs in the directories given (default: the real budgets
# shipped in testdata/realworld and testdata/realworld/2026): per-file
# and overall figures. -v lists the characters that differ on each page.
# Needs poppler-utils (pdftotext).
set -e
cd "$(dirname "$0")/.."
flags=""
if [ "$1" = "-v" ]; then flags="-v"; shift; fi
if [ $# -eq 0 ]; then
	set -- testdata/realworld testdata/realworld/2026
fi
go build -o /tmp/pet-cjkcheck ./internal/pdfpage/cmd/cjkcheck
exec /tmp/pet-cjkcheck $flags "$@"
