#!/usr/bin/env bash
# "-" reads standard input with read(2), as a named file is read: a file
# redirected in and a pipe give what the file named gives (stdin is read as
# Markdown, so the files compared are .md); "-" named twice is read twice;
# standard input that cannot be read is an error at "-", and the other
# files are still checked. Usage: stdin.sh FACTLINT FIXTURES
set -euo pipefail
factlint=$1 fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$fixtures"
article=articles/b_wrong_value.md

# Every record of the file, with its name where "-" stands.
named=$("$factlint" extract --no-config -c facts "$article" | sed "s|\"file\":\"$article\"|\"file\":\"-\"|")
[ -n "$named" ] || fail "no records from $article"
[ "$("$factlint" extract --no-config -c facts - <"$article")" = "$named" ] || fail "redirected stdin differs"
# shellcheck disable=SC2002 # a pipe, on purpose
[ "$(cat "$article" | "$factlint" extract --no-config -c facts -)" = "$named" ] || fail "piped stdin differs"

# A pipe of more than one read(2) (a few MB): as the same text from a file.
for _ in $(seq 400); do cat articles/a_ferry.md articles/c_bridge.md; done >"$work/big.md"
from_file=$("$factlint" check --no-config -c facts -f gcc --fail-on never "$work/big.md" | sed "s|^$work/big.md:|-:|")
# shellcheck disable=SC2002 # a pipe, on purpose
from_pipe=$(cat "$work/big.md" | "$factlint" check --no-config -c facts -f gcc --fail-on never -)
[ -n "$from_file" ] || fail "no findings in the large input"
[ "$from_pipe" = "$from_file" ] || fail "a large piped input differs from the file"

# Named twice: read twice.
once=$("$factlint" extract --no-config -c facts - <"$article" | wc -l)
twice=$("$factlint" extract --no-config -c facts - - <"$article" | wc -l)
[ "$twice" = $((2 * once)) ] || fail "'- -' gave $twice records, $((2 * once)) expected"

# A directory on standard input: an error at "-", exit 2, the file beside it checked.
set +e
"$factlint" check --no-config -c facts -f gcc - "$article" <"$work" >"$work/out" 2>"$work/err"
status=$?
set -e
[ "$status" = 2 ] || fail "exit $status with a directory on stdin, 2 expected"
grep -q '^-:1:1: error: cannot read standard input: is a directory' "$work/err" || fail "stderr: $(cat "$work/err")"
grep -q "^$article:[0-9]*:[0-9]*: error: .*\[FL101\]" "$work/out" || fail "the other file was not checked: $(cat "$work/out")"
echo "stdin: ok"
