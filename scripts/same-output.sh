#!/usr/bin/env bash
# Compares `pet parse -q FILE` of two pet binaries on every PDF given (by
# default the real files shipped under testdata/realworld): stdout,
# stderr and exit status must be byte-identical. For refactors that must not
# change what pet prints. Usage: scripts/same-output.sh OLD NEW [FILE...]
set -uo pipefail
old=$1 new=$2
shift 2
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(testdata/realworld/*.pdf testdata/realworld/2026/*.pdf)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
same=0 diff=0
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  "$old" parse -q "$f" >"$tmp/o.out" 2>"$tmp/o.err"; echo "rc $?" >>"$tmp/o.err"
  "$new" parse -q "$f" >"$tmp/n.out" 2>"$tmp/n.err"; echo "rc $?" >>"$tmp/n.err"
  if cmp -s "$tmp/o.out" "$tmp/n.out" && cmp -s "$tmp/o.err" "$tmp/n.err"; then
    same=$((same + 1))
  else
    diff=$((diff + 1))
    echo "DIFFERENT: $f"
  fi
done
echo "$same identical, $diff different"
[ "$diff" -eq 0 ]
