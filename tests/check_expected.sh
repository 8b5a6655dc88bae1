#!/usr/bin/env bash
# Checks a worked example against its expected.tsv:
#   check_expected.sh FACTLINT DIR CLAIMS DRAFT
# expected.tsv rows: "LINES<TAB>CODES<TAB>why", LINES and CODES comma-separated
# alternatives. Every row must be met by one error finding (any listed code on
# any listed line), and every error finding must stand on a listed line.
set -uo pipefail
factlint=$1 dir=$2 claims=$3 draft=$4
cd "$dir" || exit 2
output=$("$factlint" check --no-config --format gcc --claims "$claims" "$draft")
status=$?
if ((status > 1)); then
  echo "factlint failed with status $status" >&2
  echo "$output" >&2
  exit 1
fi
echo "$output"
# "file:line:col: error: message [FL101]" -> "line code"
errors=$(echo "$output" | sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: error: .*\[\(FL[0-9]*\)\]$/\1 \2/p')
failed=0
allowed_lines=" "
while IFS=$'\t' read -r lines codes why; do
  [[ -z "$lines" || "$lines" == \#* ]] && continue
  allowed_lines+="${lines//,/ } "
  met=0
  for l in ${lines//,/ }; do
    for c in ${codes//,/ }; do
      grep -qx "$l $c" <<<"$errors" && met=1
    done
  done
  if ((met == 0)); then
    echo "MISSING: line(s) $lines, code(s) $codes: $why" >&2
    failed=1
  fi
done < expected.tsv
while read -r l c; do
  [[ -z "$l" ]] && continue
  if [[ "$allowed_lines" != *" $l "* ]]; then
    echo "UNEXPECTED: error $c on line $l" >&2
    failed=1
  fi
done <<<"$errors"
if ((failed == 0)); then echo "expected findings: all met, no other error"; fi
exit $failed
