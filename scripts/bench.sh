#!/usr/bin/env bash
# Times the whole pet process (PDF to JSON) against pdftotext -layout on the
# same files, in the same run, and prints the ratios. Used by `make bench`
# after the Go benchmarks. Needs pdftotext (poppler-utils); without it the
# comparison is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-15}
if ! command -v pdftotext >/dev/null; then
  echo "pdftotext not installed (apt-get install poppler-utils): comparison skipped"
  exit 0
fi
bin=$(mktemp -d)/pet
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/pet

# median wall time in milliseconds of a command run $runs times
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

printf '%-48s %10s %12s %12s %8s\n' file pages "pet ms" "pdftotext ms" ratio
for spec in \
  "testdata/corpus/zengcheng-2023.calc.pdf|-j 1" \
  "testdata/corpus/zengcheng-2023.chromium.pdf|-j 1" \
  "testdata/corpus/zengcheng-2023.calc.pdf|-j 2" \
  "testdata/combined/budget-with-table.pdf|-j 1" \
  "testdata/combined/budget-with-table.pdf|-j 2"; do
  f=${spec%%|*}; jobs=${spec#*|}
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  p=$(median_ms "$bin" parse -q $jobs "$f")
  q=$(median_ms pdftotext -layout "$f" -)
  printf '%-48s %10s %12s %12s %8s\n' "$(basename "$f") $jobs" "$pages" "$p" "$q" "$(awk -v a="$p" -v b="$q" 'BEGIN {printf "%.2fx", a/b}')"
done
