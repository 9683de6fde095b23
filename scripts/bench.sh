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
# checkout), else the real tables shipped in testdata/realworld/2026. The summary line covers the tables of 10 pages and
# more, where the target is pet at most 0.5x pdftotext. RUNS (default 5)
# runs of each command; the median is reported.
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
go build -o "$bin" ./cmd/pet
have_time=false
[ -x /usr/bin/time ] && have_time=true

# median wall and CPU time in milliseconds of a command run $runs times
measure() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    if $have_time; then
      /usr/bin/time -o "$tmp/cpu" -f '%U %S' "$@" >/dev/null 2>&1 || true
      cpus+=("$(tail -n 1 "$tmp/cpu" | awk '{printf "%d", ($1 + $2) * 1000}')")
    else
      "$@" >/dev/null 2>&1 || true
      cpus+=(0)
    fi
    t1=$(date +%s%N)
    walls+=($(( (t1 - t0) / 1000000 )))
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

printf '%-28s %5s %9s %9s %6s %9s %9s %6s\n' file pages "pet ms" "pdftt ms" wall "pet cpu" "pdftt cpu" cpu
for f in "${files[@]}"; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  read -r pw pc < <(measure "$bin" parse -q "$f")
  read -r qw qc < <(measure pdftotext -layout "$f" -)
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
