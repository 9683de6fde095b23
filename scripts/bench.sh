#!/usr/bin/env bash
# Times the whole pet process (`pet parse -q`, PDF to JSON) against
# `pdftotext -layout` on the same files, in the same run, and prints the
# ratios: wall time (what a user waits; pet reads pages on every core) and
# CPU time (user+sys, steadier on a loaded machine). Used by `make bench`
# after the Go benchmarks. Needs pdftotext (poppler-utils); without it the
# comparison is skipped.
#
# Files: the PDFs given as arguments, else those of the directory
# $PET_PDFS (e.g. the whole development set of real budgets beside the
# checkout), else the real tables shipped in testdata/realworld/2026. The
# summary line covers the tables of 10 pages and more, where the target is
# pet at most 0.5x pdftotext. Each command runs RUNS times (default 5),
# the two alternated, timed by internal/cmd/proctime (no shell or time(1)
# process counted in); the medians are reported.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
if ! command -v pdftotext >/dev/null; then
  echo "pdftotext not installed (apt-get install poppler-utils): comparison skipped"
  exit 0
fi
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  dir=${PET_PDFS:-testdata/realworld/2026}
  files=("$dir"/*.pdf)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/pet
CGO_ENABLED=0 go build -o "$bin" ./cmd/pet # static, as make build: a libc-linked build starts 0.5-1 ms later
proctime=$tmp/proctime
go build -o "$proctime" ./internal/cmd/proctime

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

printf '%-28s %5s %9s %9s %6s %9s %9s %6s\n' file pages "pet ms" "pdftt ms" wall "pet cpu" "pdftt cpu" cpu
for f in "${files[@]}"; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  read -r pw pc qw qc < <("$proctime" "$runs" "$bin" parse -q "$f" -- pdftotext -layout "$f" -)
  printf '%-28s %5s %9s %9s %6s %9s %9s %6s\n' "$(basename "$f")" "${pages:-?}" "$pw" "$qw" "$(ratio "$pw" "$qw")" "$pc" "$qc" "$(ratio "$pc" "$qc")"
  echo "$pages $pw $qw $pc $qc" >>"$tmp/all"
done
awk '$1 >= 10 {
    n++; pw += $2; qw += $3; pc += $4; qc += $5
    if ($3 > 0 && $2 / $3 > w) w = $2 / $3
    if ($5 > 0 && $4 / $5 > c) c = $4 / $5
  }
  END {
    if (n && qw > 0 && qc > 0)
      printf "tables of 10 pages and more (%d): total wall %.2fx, worst %.2fx; total cpu %.2fx, worst %.2fx (target: at most 0.50x)\n", n, pw / qw, w, pc / qc, c
  }' "$tmp/all"
