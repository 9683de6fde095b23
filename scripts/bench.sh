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
# checkout), else the real budgets shipped in testdata/realworld/2026. The
# summary lines cover the files of 10 pages and more: those holding a target
# table (pet exits 0), where the target is pet at most 0.5x pdftotext, and
# the budget documents without one (look-alike tables or none). Each
# command runs RUNS times (default 5), the two alternated, timed by
# internal/cmd/proctime (no shell or time(1) process counted in); the
# medians are reported.
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

printf '%-28s %5s %5s %9s %9s %6s %9s %9s %6s\n' file pages table "pet ms" "pdftt ms" wall "pet cpu" "pdftt cpu" cpu
for f in "${files[@]}"; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  # A target table is what pet converts (exit 0); the others are budget
  # documents with look-alike tables or none, which pet reads to say so.
  table=yes
  "$bin" parse -q "$f" >/dev/null 2>&1 || table=no
  read -r pw pc qw qc < <("$proctime" "$runs" "$bin" parse -q "$f" -- pdftotext -layout "$f" -)
  printf '%-28s %5s %5s %9s %9s %6s %9s %9s %6s\n' "$(basename "$f")" "${pages:-?}" "$table" "$pw" "$qw" "$(ratio "$pw" "$qw")" "$pc" "$qc" "$(ratio "$pc" "$qc")"
  echo "${pages:-0} $table $pw $qw $pc $qc" >>"$tmp/all"
done
summary() { # $1: yes (target tables) or no (documents without one); $2: their name; $3: a note
  awk -v t="$1" -v name="$2" -v note="$3" '$1 >= 10 && $2 == t {
      n++; pw += $3; qw += $4; pc += $5; qc += $6
      if ($4 > 0 && $3 / $4 > w) w = $3 / $4
      if ($6 > 0 && $5 / $6 > c) c = $5 / $6
    }
    END {
      if (n && qw > 0 && qc > 0)
        printf "%s of 10 pages and more (%d): total wall %.2fx, worst %.2fx; total cpu %.2fx, worst %.2fx%s\n", name, n, pw / qw, w, pc / qc, c, note
    }' "$tmp/all"
}
summary yes "target tables" " (target: wall at most 0.50x)"
summary no "documents without a target table" ""
