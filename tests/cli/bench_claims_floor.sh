#!/usr/bin/env bash
# bench/claims_floor.cpp counts a claims file's lines and `value` lines as
# factlint and grep do, the same in both of its ways; bench/claims_sketch.cpp
# reads the generated claims as factlint counts them, stops at other
# shapes, and builds the same index from tables and by sorting;
# bench/claims_floor.sh prints a row of figures for each run and refuses a
# command that fails.
# Usage: bench_claims_floor.sh FACTLINT SOURCE_DIR SHARED_DIR
set -euo pipefail
factlint=$1 source=$2
export SHARED_DIR=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
c++ -std=c++17 -O2 -o "$work/floor" "$source/bench/claims_floor.cpp"

# 1,000 generated claims: 2,000 values, as factlint counts them.
python3 "$source/bench/gen_claims.py" 1000 >"$work/c1k.claims"
"$factlint" claims --no-cache "$work/c1k.claims" | grep -q "1000 claims, 2000 values" ||
  fail "factlint does not count 2,000 values in the generated claims"
lines=$(wc -l <"$work/c1k.claims")
for way in "" --naive; do
  # shellcheck disable=SC2086 # an empty $way is no argument
  out=$("$work/floor" $way "$work/c1k.claims")
  [ "$out" = "$lines lines, 2000 value lines" ] || fail "floor $way: $out, not $lines lines and 2000 values"
done

# A last line without its newline, tabs, and words that only start like `value`.
printf 'claim a\n\tvalue 1 in 2020\n  values 2\n  value\n  value 3' >"$work/odd.claims"
for way in "" --naive; do
  # shellcheck disable=SC2086
  out=$("$work/floor" $way "$work/odd.claims")
  [ "$out" = "5 lines, 2 value lines" ] || fail "floor $way on odd lines: $out"
done
: >"$work/empty.claims"
[ "$("$work/floor" "$work/empty.claims")" = "0 lines, 0 value lines" ] || fail "floor on an empty file"
if "$work/floor" "$work/missing.claims" 2>"$work/err"; then fail "a missing file was read"; fi
grep -q "missing.claims" "$work/err" || fail "no message for a missing file: $(cat "$work/err")"

# The sketch parser reads the generated claims as factlint counts them,
# counts an id defined twice, and stops at a line of another shape.
c++ -std=c++17 -O2 -o "$work/sketch" "$source/bench/claims_sketch.cpp"
out=$("$work/sketch" "$work/c1k.claims")
[[ "$out" == "1000 claims, 2000 values, 0 duplicate ids, "* ]] || fail "sketch on 1,000 claims: $out"
[[ "$out" != *", 0 key words, 0 trie nodes, "* ]] || fail "sketch on 1,000 claims built no index: $out"
out=$("$work/sketch" --no-index "$work/c1k.claims")
[[ "$out" == "1000 claims, 2000 values, 0 duplicate ids, "*", 0 key words, 0 trie nodes, "* ]] ||
  fail "sketch --no-index on 1,000 claims: $out"
# shellcheck disable=SC2016 # a literal dollar sign
printf 'claim a\n  name "Net Sales"\n  value 5%% in 2020\nclaim a\n  value $1.5 million as of 2021-03\n' >"$work/twice.claims"
out=$("$work/sketch" "$work/twice.claims")
[[ "$out" == "2 claims, 2 values, 1 duplicate ids, 1 keys, 2 key words, 2 trie nodes, 0 nouns, checks "* ]] ||
  fail "sketch on an id defined twice: $out"
printf 'claim a\n  value 5%% in 2020\n  date 2020\n' >"$work/other.claims"
if "$work/sketch" "$work/other.claims" 2>"$work/err"; then fail "the sketch read a date line"; fi
grep -q "other.claims:3: a line of a shape the sketch does not read" "$work/err" ||
  fail "no message for a line of another shape: $(cat "$work/err")"
# A figure of more decimals than its table of powers holds is another shape.
printf 'claim a\n  value 1.1234567890123%% in 2020\n' >"$work/decimals.claims"
if "$work/sketch" "$work/decimals.claims" 2>/dev/null; then fail "the sketch read a figure of 13 decimals"; fi

# The index built by sorting numbers the words and the nodes as the one
# built from hash tables does: the same counts and checks, on the generated
# claims and on keys that share words and prefixes in every order.
[ "$("$work/sketch" --sorted-index "$work/c1k.claims")" = "$("$work/sketch" "$work/c1k.claims")" ] ||
  fail "the sorted index differs on 1,000 claims"
{
  printf 'claim p%d\n  name "b a", "a", "a b c"\n  where "c b"\n  value 1%% in 2020\n' 1
  printf 'claim p%d\n  name "a b", "c", "b a c", "a b d"\n  value 2%% in 2020\n' 2
  printf 'claim p%d\n  name "d", "a b c", "c c c", "b"\n  value 3%% in 2020\n' 3
} >"$work/prefixes.claims"
hashed=$("$work/sketch" "$work/prefixes.claims")
[[ "$hashed" == "3 claims, 3 values, 0 duplicate ids, 12 keys, 4 key words, 12 trie nodes, "* ]] ||
  fail "sketch on shared prefixes: $hashed"
[ "$("$work/sketch" --sorted-index "$work/prefixes.claims")" = "$hashed" ] ||
  fail "the sorted index differs on shared prefixes: $("$work/sketch" --sorted-index "$work/prefixes.claims")"

# Names of 300 words: the sorted build numbers nodes deeper than 255 as
# the tables' build does.
python3 -c '
words = " ".join("ab"[i % 2] * (1 + i % 3) for i in range(300))
print("claim a\n  name \"%s\", \"a b\", \"%s\"\nclaim b\n  name \"%s\", \"aa\"" % (words, words[:200].strip(), words))' >"$work/long.claims"
hashed=$("$work/sketch" "$work/long.claims")
[[ "$hashed" == "2 claims, 0 values, 0 duplicate ids, 5 keys, 6 key words, 302 trie nodes, "* ]] ||
  fail "sketch on names of 300 words: $hashed"
[ "$("$work/sketch" --sorted-index "$work/long.claims")" = "$hashed" ] ||
  fail "the sorted index differs on names of 300 words"

# Short claims, more ids, words and edges than the file's size foretold:
# the sketch's tables grow (before, a full table was probed forever).
python3 -c '
import itertools, string
names = ["".join(p) for p in itertools.product(string.ascii_lowercase, repeat=4)][:60000]
print("\n".join("claim c%d\n  name \"%s x\"" % (i, n) for i, n in enumerate(names)))' >"$work/short.claims"
out=$(timeout 60 "$work/sketch" "$work/short.claims") || fail "the sketch did not end on 60,000 short claims"
[[ "$out" == "60000 claims, 0 values, 0 duplicate ids, 60000 keys, 60001 key words, 120000 trie nodes, "* ]] ||
  fail "sketch on 60,000 short claims: $out"
[ "$(timeout 60 "$work/sketch" --sorted-index "$work/short.claims")" = "$out" ] ||
  fail "the sorted index differs on 60,000 short claims"

# The script: its seven rows with figures, and a line per core.
# 2,000 claims for a quick run (the sanitizer build runs this test too).
out=$(bash "$source/bench/claims_floor.sh" --turns 1 --claims 2000 "$factlint" 2>"$work/err") ||
  fail "claims_floor.sh failed: $(cat "$work/err")"
echo "$out"
number='[0-9]+\.[0-9]( to [0-9]+\.[0-9])?'
for name in "check -j 1 --no-cache of news.txt" "factlint claims --no-cache -j 1" \
  "naive read and line split \(malloc, memchr\)" "huge pages, line ends 32 bytes a step" \
  "a sketch parser of the generated shapes" "the same sketch without the name index" \
  "the same sketch, its index built by sorting"; do
  echo "$out" | grep -Eq "^\| $name \| $number \| $number \| -?$number \|$" || fail "no row of figures for: $name"
done
echo "$out" | grep -q "^| run | 2,000 claims | 10 claims |" || fail "no header for 2,000 claims"
echo "$out" | grep -Eq "^core 0: the target leaves the claims [0-9.]+ ms" || fail "no line for core 0"

# A factlint that fails is reported, not timed.
printf '#!/bin/sh\nexit 3\n' >"$work/failing"
chmod +x "$work/failing"
if bash "$source/bench/claims_floor.sh" --turns 1 --claims 100 "$work/failing" >/dev/null 2>"$work/err"; then
  fail "a factlint that exits 3 was timed"
fi
grep -q "exited with status 3" "$work/err" || fail "no message for the failing command: $(cat "$work/err")"
bash "$source/bench/claims_floor.sh" --turns 0 "$factlint" 2>/dev/null && fail "--turns 0 was accepted"
echo "bench claims floor: ok"
