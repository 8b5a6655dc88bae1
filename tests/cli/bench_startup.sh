#!/usr/bin/env bash
# bench/startup.sh prints a row of medians for each of its four commands,
# and refuses a command that fails. Usage: bench_startup.sh FACTLINT SOURCE_DIR
set -euo pipefail
factlint=$1 source=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$(bash "$source/bench/startup.sh" --runs 3 "$factlint")
echo "$out"
for name in "a C program that returns at once" "factlint --version" "factlint check, 1,000 claims, an empty file" \
  "the same, 1,000 claims from the cache"; do
  # CPU ms, wall ms, page faults: numbers, and the faults more than none.
  echo "$out" | grep -Eq "^\| $name +\| +[0-9]+\.[0-9]{2} \| +[0-9]+\.[0-9]{2} \| +[1-9][0-9]* \|$" ||
    fail "no row of figures for: $name"
done
# A program that fails is reported, not timed.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#!/bin/sh\nexit 3\n' >"$work/failing"
chmod +x "$work/failing"
if bash "$source/bench/startup.sh" --runs 1 "$work/failing" >/dev/null 2>"$work/err"; then
  fail "a factlint that exits 3 was timed"
fi
grep -q "exited with status 3" "$work/err" || fail "no message for the failing command: $(cat "$work/err")"
bash "$source/bench/startup.sh" --runs 1 "$work/none" 2>/dev/null && fail "a missing factlint was accepted"
echo "bench startup: ok"
