#!/usr/bin/env bash
# Writes cmd/pet/default.pgo, the CPU profile that `go build` and
# `go install` use for profile-guided optimization (-pgo=auto: a
# default.pgo in the main package's directory): BenchmarkFiles over real
# budget PDFs, the work pet spends its time on. Regenerate it after large
# changes to the page reader (a stale profile only optimizes less).
#
# Files: the PDFs given as arguments, else those of the directory $PET_PDFS
# (e.g. the whole development set of real budgets beside the checkout),
# else the real files shipped in testdata/realworld/2026. BENCHTIME
# (default 30s) is how long the benchmark runs.
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  dir=${PET_PDFS:-testdata/realworld/2026}
  files=("$dir"/*.pdf)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PET_BENCH_FILES="${files[*]}" go test ./parser -run '^$' -bench '^BenchmarkFiles$' \
  -benchtime "${BENCHTIME:-30s}" -cpuprofile "$tmp/cpu.pprof" -o "$tmp/parser.test" >/dev/null
go tool pprof -proto "$tmp/cpu.pprof" >cmd/pet/default.pgo
echo "wrote cmd/pet/default.pgo ($(wc -c <cmd/pet/default.pgo) bytes, ${#files[@]} files)"
