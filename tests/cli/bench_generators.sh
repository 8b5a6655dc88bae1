#!/usr/bin/env bash
# The bench's generators of the shapes in docs/performance.md part 25 make
# valid claims and drafts: gen_claims.py --files cuts the same claims into
# files (one claim set), gen_series.py writes long series and a draft that
# cites them. Usage: bench_generators.sh FACTLINT SOURCE_DIR
set -euo pipefail
factlint=$1 source=$2
python=/usr/bin/python3
[ -x "$python" ] || python=python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$python" "$source/bench/gen_claims.py" 60 --files 7 --dir "$work/set"
[ "$(ls "$work/set" | wc -l)" = 7 ] || fail "7 files expected in the set"
"$python" "$source/bench/gen_claims.py" 60 >"$work/one.claims"
# The set is the one file's claims, cut: the same blocks in the same order.
[ "$(cat "$work"/set/*.claims)" = "$(tail -n +2 "$work/one.claims")" ] || fail "the set differs from one file"
summary=$("$factlint" claims --no-cache "$work/set")
echo "$summary" | grep -q "^total (7 files): 60 claims, 120 values" || fail "set summary: $summary"

"$python" "$source/bench/gen_series.py" --regions 3 --sentences 40 --scope as_of "$work/s.claims" "$work/s.md"
summary=$("$factlint" claims --no-cache "$work/s.claims")
echo "$summary" | grep -q "3 claims, 1800 values" || fail "series summary: $summary"
set +e
report=$("$factlint" check --no-config --no-cache -c "$work/s.claims" "$work/s.md")
status=$?
set -e
[ "$status" = 1 ] || fail "check exit $status, expected 1 (findings)"
echo "$report" | grep -q "jobless rate" || fail "no finding names the series: $report"
# Sentences of several figures each: every figure a record of the series.
"$python" "$source/bench/gen_series.py" --regions 3 --sentences 4 --per-sentence 5 "$work/d.claims" "$work/d.md"
records=$("$factlint" extract --no-config --no-cache -c "$work/d.claims" "$work/d.md" | grep -c '"claim":"rate-')
[ "$records" = 20 ] || fail "$records figures matched to the series, 20 expected"
echo "bench generators: ok"
