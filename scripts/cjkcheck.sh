#!/bin/sh
# Measures whether pet reads the same CJK characters as pdftotext on every
# page of the real-world samples (or of the directories given): per-file
# and overall figures. -v lists the characters that differ on each page.
# Needs poppler-utils (pdftotext).
set -e
cd "$(dirname "$0")/.."
flags=""
if [ "$1" = "-v" ]; then flags="-v"; shift; fi
if [ $# -eq 0 ]; then
	set -- ../shared/realworld/2026 ../shared/realworld/jszwfw
fi
go build -o /tmp/pet-cjkcheck ./internal/pdfpage/cmd/cjkcheck
exec /tmp/pet-cjkcheck $flags "$@"
