#!/usr/bin/env bash
# The bench's generators of the shapes in docs/performance.md part 25 make
# valid claims and drafts: gen_claims.py --files cuts the same claims into
# files (one claim set), gen_series.py writes long series and a draft that
# cites them; gen_input halves deals split's articles into two folders,
# flat writes the corpus with no sentence end, cells its words as table
# cells, links the corpus as Markdown with links and bold figures, wrapped
# the corpus hard-wrapped, and none writes inside the repository. Usage: bench_generators.sh FACTLINT
# SOURCE_DIR SHARED_DIR
set -euo pipefail
factlint=$1 source=$2 shared=$3
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

# halves: every article of split's, each in one folder only, odd ones first.
export CORPUS=$shared/corpus/news.txt
"$source/bench/gen_input" split "$work/all"
"$source/bench/gen_input" halves "$work/half-a" "$work/half-b"
a=$(ls "$work/half-a" | wc -l) b=$(ls "$work/half-b" | wc -l) all=$(ls "$work/all" | wc -l)
[ "$all" -gt 1000 ] && [ $((a + b)) = "$all" ] && [ $((a - b)) -ge 0 ] && [ $((a - b)) -le 1 ] ||
  fail "halves of $a and $b files for $all articles"
[ -f "$work/half-a/a0001.txt" ] && [ -f "$work/half-b/a0002.txt" ] || fail "the first article not in half-a, the second not in half-b"
mkdir "$work/union"
cp "$work"/half-a/* "$work"/half-b/* "$work/union/"
diff -r "$work/all" "$work/union" >/dev/null || fail "the halves together differ from split's files"
# flat: the corpus twice on one line, with nothing to end a sentence, and
# every other byte kept.
"$source/bench/gen_input" flat 2 "$work/flat.txt"
[ "$(wc -l <"$work/flat.txt")" = 0 ] || fail "flat has a line break"
! grep -q '[.!?]' "$work/flat.txt" || fail "flat has a sentence end mark"
expected=$(( 2 * ($(wc -c <"$CORPUS") + 1) - 2 * $(tr -cd '.!?' <"$CORPUS" | wc -c) ))
[ "$(wc -c <"$work/flat.txt")" = "$expected" ] || fail "flat has $(wc -c <"$work/flat.txt") bytes, $expected expected"
"$factlint" check --no-config --no-cache --fail-on never "$work/flat.txt" >/dev/null || fail "check of flat failed"
if "$source/bench/gen_input" flat 1 "$source/bench/flat.txt" 2>"$work/err"; then
  fail "flat wrote into the repository"
fi
[ ! -e "$source/bench/flat.txt" ] || fail "flat left a file in the repository"
# cells: the corpus's words, every one, as the cells of four-column tables
# (one an article), each a sentence of its own to the reader.
"$source/bench/gen_input" cells 2 "$work/cells.md"
words=$(tr -d '|' <"$CORPUS" | wc -w)
cells=$(grep -v -e '^| a | b | c | d |$' -e '^|---|' "$work/cells.md" | tr -d '|' | wc -w)
[ "$cells" = $((2 * words)) ] || fail "cells holds $cells words, $((2 * words)) expected"
! grep -v -e '^$' -e '^|.*|$' "$work/cells.md" | grep -q . || fail "cells has a line that is not a table row"
[ "$(grep -c '^|---|' "$work/cells.md")" -gt 2000 ] || fail "cells is not a table an article"
# Read by factlint as tables: the first 3,000 lines (the whole, 14 MB, is
# slow under the sanitizers' build).
head -n 3000 "$work/cells.md" >"$work/cells-head.md"
sentences=$("$factlint" extract --no-config --no-cache "$work/cells-head.md" | wc -l)
[ "$sentences" -gt 100 ] || fail "only $sentences records read from the cells"
if "$source/bench/gen_input" cells 1 "$source/bench/cells.md" 2>"$work/err"; then
  fail "cells wrote into the repository"
fi
# links: the corpus's words, every one in order, once the links' and the
# bold's markup is taken off; a link on about one word in nine.
"$source/bench/gen_input" links 2 "$work/links.md"
words_of() { tr -s ' \t\n' '\n\n\n'; }
sed -E 's/\[([^][]*)\]\(https:\/\/example\.org\/[0-9]+\/[0-9]+\)/\1/g; s/\*\*//g' "$work/links.md" | words_of >"$work/links.words"
{ cat "$CORPUS"; printf '\n'; cat "$CORPUS"; printf '\n'; } | words_of >"$work/corpus.words"
cmp -s "$work/links.words" "$work/corpus.words" || fail "links without its markup is not the corpus twice"
links=$(grep -o '](https://example.org/[0-9]*/[0-9]*)' "$work/links.md" | wc -l)
[ "$links" -gt $((2 * words / 12)) ] || fail "only $links links for $((2 * words)) words"
[ "$(grep -c '\*\*[0-9]' "$work/links.md")" -gt 1000 ] || fail "links has few figures in bold"
# Read by factlint with the markup taken off: a record's text is the
# figure alone, "**" and the link's target gone (the first 3,000 lines).
head -n 3000 "$work/links.md" >"$work/links-head.md"
"$factlint" extract --no-config --no-cache "$work/links-head.md" >"$work/links.jsonl"
[ "$(wc -l <"$work/links.jsonl")" -gt 100 ] || fail "only $(wc -l <"$work/links.jsonl") records read from links"
! grep -q -e '"text":"[^"]*\*\*' -e '"text":"[^"]*example\.org' "$work/links.jsonl" || fail "a record's text keeps the markup"
if "$source/bench/gen_input" links 1 "$source/bench/links.md" 2>"$work/err"; then
  fail "links wrote into the repository"
fi
# wrapped: the corpus's bytes with line breaks added (after a blank), no
# line over 78 bytes.
"$source/bench/gen_input" wrapped 2 "$work/wrapped.md"
{ cat "$CORPUS"; printf '\n'; cat "$CORPUS"; printf '\n'; } >"$work/twice.txt"
[ "$(tr -d '\n' <"$work/wrapped.md" | md5sum)" = "$(tr -d '\n' <"$work/twice.txt" | md5sum)" ] ||
  fail "wrapped is not the corpus with line breaks added"
[ "$(LC_ALL=C awk 'length($0) > 78' "$work/wrapped.md" | wc -l)" = 0 ] || fail "wrapped has a line over 78 bytes"
[ "$(wc -l <"$work/wrapped.md")" -gt $((3 * $(wc -l <"$work/twice.txt"))) ] || fail "wrapped has few line breaks"
if "$source/bench/gen_input" wrapped 1 "$source/bench/wrapped.md" 2>"$work/err"; then
  fail "wrapped wrote into the repository"
fi
# Nothing made inside the repository, not even the folders asked for.
if "$source/bench/gen_input" halves "$work/elsewhere" "$source/bench/not-here/half" 2>"$work/err"; then
  fail "halves wrote into the repository"
fi
grep -q "refusing to write corpus text inside the repository" "$work/err" || fail "no refusal: $(cat "$work/err")"
[ ! -e "$source/bench/not-here" ] && [ ! -e "$work/elsewhere" ] || fail "a folder was made before the refusal"
if "$source/bench/gen_input" split "$source/bench/not-here/all" 2>"$work/err"; then
  fail "split wrote into the repository"
fi
[ ! -e "$source/bench/not-here" ] || fail "split made a folder before its refusal"
echo "bench generators: ok"
