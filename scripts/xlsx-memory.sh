#!/bin/sh
# Peak memory (maximum resident set size) of one pet process converting N
# copies of the sample PDF into one XLSX workbook, for each N given
# (default 100 600 1000): it must stay flat, at most 100 MB for 600 files.
# Needs GNU time (/usr/bin/time). Usage: scripts/xlsx-memory.sh [N ...]
set -eu
cd "$(dirname "$0")/.."
sample=testdata/corpus/zengcheng-2023.calc.pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/pet" ./cmd/pet
[ $# -gt 0 ] || set -- 100 600 1000
for n in "$@"; do
	rm -rf "$tmp/in" && mkdir "$tmp/in"
	i=1
	while [ "$i" -le "$n" ]; do
		ln -s "$PWD/$sample" "$tmp/in/$(printf 'c%05d.pdf' "$i")"
		i=$((i + 1))
	done
	/usr/bin/time -f "%M %e" -o "$tmp/time" "$tmp/pet" parse -q "$tmp/in" -o "$tmp/out.xlsx"
	read -r kb secs <"$tmp/time"
	echo "files=$n rows=$((n * 41)) peak_rss_mb=$((kb / 1024)) seconds=$secs xlsx_mb=$(($(wc -c <"$tmp/out.xlsx") / 1048576))"
done
