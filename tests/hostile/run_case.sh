#!/usr/bin/env bash
# One hostile-input test (docs/reliability.md):
#   run_case.sh FACTLINT FIXTURES WORK_DIR CASE
# generates the case's inputs in WORK_DIR/CASE (never committed: some are
# huge), runs factlint on them, checks its exit status and messages, and
# checks that no input file was modified.
set -uo pipefail
factlint=$1
fixtures=$2
work=$3/$4
name=$4
# The compiled-claims cache of the runs: beside the case's files (whose
# checksums must not change), never in the tester's home.
export FACTLINT_CACHE_DIR=$3/$4.cache

rm -rf "$work" "$FACTLINT_CACHE_DIR"
mkdir -p "$work"
cd "$work" || exit 1
cp "$fixtures/other.md" other.md
cp "$fixtures/facts.claims" facts.claims

fail() {
    echo "hostile.$name: $*"
    echo "--- stdout (first 40 lines):"; head -40 out.txt | cut -c1-300
    echo "--- stderr (first 40 lines):"; head -40 err.txt | cut -c1-300
    exit 1
}

checksums() { find . -type f ! -name out.txt ! -name err.txt ! -name sums.txt -print0 | sort -z | xargs -0 sha256sum; }

# run SECONDS ARGS...: runs factlint with a time limit, output to out.txt/err.txt.
run() {
    local limit=$1; shift
    checksums > sums.txt
    local start=$SECONDS
    timeout "$limit" "$factlint" "$@" > out.txt 2> err.txt
    status=$?
    elapsed=$((SECONDS - start))
    [ "$status" -ne 124 ] || fail "timed out after ${limit}s: factlint $*"
    [ "$status" -lt 128 ] || fail "killed by signal $((status - 128)): factlint $*"
    checksums | cmp -s - sums.txt || fail "an input file was modified"
    echo "factlint $* -> exit $status in ${elapsed}s"
}

expect_status() { [ "$status" -eq "$1" ] || fail "exit status $status, expected $1"; }
expect_out() { grep -Eq -- "$1" out.txt || fail "stdout does not match: $1"; }
expect_err() { grep -Eq -- "$1" err.txt || fail "stderr does not match: $1"; }
expect_err_lines() {  # every stderr line matches the regex (no stray noise)
    local bad
    bad=$(grep -Ev -- "$1" err.txt | head -1)
    [ -z "$bad" ] || fail "unexpected stderr line: $bad"
}
no_sanitizer_report() { ! grep -Eq 'Sanitizer|runtime error:' err.txt || fail "sanitizer report"; }

gen() { python3 -c "$1"; }

case $name in
empty)
    : > empty.md
    run 30 check -c facts.claims empty.md other.md
    expect_status 1; expect_out 'in 2 files'; expect_err_lines '^$' ;;
whitespace_only)
    printf '   \n\t\n \r\n  ' > blank.md
    printf '\n\n\n' > blank.txt
    run 30 check -c facts.claims blank.md blank.txt other.md
    expect_status 1; expect_out 'in 3 files'; expect_err_lines '^$' ;;
invalid_utf8)
    printf 'Riders: 12 in 2020, then \xff\xfe here.\n' > bad.md
    run 30 check -c facts.claims bad.md other.md
    expect_status 2; expect_err '^bad\.md:1:26: error: invalid UTF-8 \(byte 0xff\)$'
    expect_out 'FL101'; expect_out '1 file skipped' ;;
nul_bytes)
    printf 'About 12,000 riders\0 in 2022.\n' > nul.md
    run 30 check -c facts.claims nul.md other.md
    expect_status 2; expect_err '^nul\.md:1:20: error: binary file \(NUL byte\)$'
    expect_out 'FL101'; expect_out '1 file skipped' ;;
utf16)
    gen "open('utf16.md','wb').write('About 12,000 riders in 2022.\n'.encode('utf-16'))"
    gen "open('utf16be.txt','wb').write(b'\xfe\xff' + 'About 12,000 riders in 2022.\n'.encode('utf-16-be'))"
    run 30 check -c facts.claims utf16.md utf16be.txt other.md
    expect_status 2
    expect_err '^utf16\.md:1:1: error: UTF-16 text is not supported; convert to UTF-8$'
    expect_err '^utf16be\.txt:1:1: error: UTF-16 text is not supported; convert to UTF-8$'
    expect_out 'FL101'; expect_out '2 files skipped' ;;
long_line_50mb)
    # 50 MiB on one line, a figure every 50 bytes (about a million records).
    # FACTLINT_LONG_LINE_MB makes it smaller: scripts/sanitize.sh runs it at
    # 10 MiB, the same code paths at a fifth of the ASan time.
    gen "
chunk = 'The ferry carried about 12,000 riders in 2022 and '
size = ${FACTLINT_LONG_LINE_MB:-50} * 1024 * 1024
open('long.md', 'w').write((chunk * (size // len(chunk) + 1))[:size] + '\n')"
    run 600 check -c facts.claims long.md other.md
    expect_status 1; expect_out 'in 2 files'; no_sanitizer_report ;;
digits_10000)
    gen "open('digits.md','w').write('The town counted ' + '7' * 10000 + ' riders in 2023.\n')"
    run 30 check -c facts.claims digits.md other.md
    expect_status 1; expect_out 'in 2 files'; no_sanitizer_report ;;
exponent_1e400)
    printf 'About 1e400 riders in 2022, or 1e-400, or 1.8e308 riders, or 10^400.\n' > exp.md
    run 30 check -c facts.claims exp.md other.md
    expect_status 1; expect_out 'in 2 files'; no_sanitizer_report ;;
deep_nesting)
    gen "
open('lists.md','w').write(''.join('  ' * i + '- about %d riders in 2022\n' % i for i in range(3000)))
open('quotes.md','w').write('>' * 50000 + ' about 12,000 riders in 2022\n')
open('brackets.md','w').write('[' * 50000 + 'x' + ']' * 50000 + '\n' + '*' * 50000 + 'a\n' + '(' * 50000 + '12 riders\n')
open('mixed.md','w').write(''.join('> ' * (i % 200) + '1. ' * (i % 50) + 'item %d\n' % i for i in range(5000)))"
    run 120 check -c facts.claims lists.md quotes.md brackets.md mixed.md other.md
    expect_status 1; expect_out 'in 5 files'; no_sanitizer_report ;;
unterminated_front_matter)
    printf -- '---\ndate: 2024-06-01\ntitle: never closed\nAbout 12,000 riders in 2022.\n' > open.md
    run 30 check -c facts.claims open.md other.md
    expect_status 1; expect_out 'in 2 files'; no_sanitizer_report ;;
unterminated_code_fence)
    printf 'About 12,000 riders in 2022.\n\n```\nAbout 99 riders in 2022.\nnever closed\n' > fence.md
    printf '~~~~\nAbout 99 riders in 2022.\n' > tilde.md
    run 30 extract fence.md tilde.md
    expect_status 0; expect_out '"file":"fence.md","line":1,'
    grep -q '"text":"about 99"' out.txt && fail "code inside an open fence was read as prose"
    grep -q '"file":"tilde.md"' out.txt && fail "code inside an open fence was read as prose"
    true ;;
symlink_loop)
    mkdir -p tree/a/b
    printf 'About 12,000 riders in 2022.\n' > tree/a/b/note.md
    ln -s .. tree/a/b/up
    ln -s ../tree tree/a/self
    ln -s a tree/same
    run 30 check -c facts.claims tree other.md
    expect_status 1; expect_out 'in 2 files'
    expect_err_lines 'directory already visited \(symbolic link loop\?\), skipped$' ;;
unreadable)
    mkdir -p folder.md
    ln -s missing.md dangling.md
    run 30 check -c facts.claims dangling.md folder.md other.md missing.txt
    expect_status 2
    expect_err '^dangling\.md:1:1: error: broken symbolic link$'
    expect_err '^missing\.txt:1:1: error: '
    expect_out 'FL101'; expect_out '2 files skipped' ;;
impossible_dates_claims)
    printf 'claim bad-date\n  name    "ferry riders"\n  date    2021-02-30\n  source  "made up"\n' > bad.claims
    run 30 check -c bad.claims other.md
    expect_status 2; expect_err '^bad\.claims:3:11: error: impossible date 2021-02-30$'
    [ ! -s out.txt ] || fail "checked documents despite an invalid claims file" ;;
impossible_dates_prose)
    printf -- '---\ndate: 2024-06-01\n---\nThe ferry began on 2021-02-30, on February 30, 2021 and on 31/04/2021.\n' > dates.md
    run 30 extract dates.md
    expect_status 0
    grep -q '"from":"2021-03-0' out.txt && fail "an impossible date rolled over into March"
    # Not even the month or the year alone (docs/reliability.md).
    [ -s out.txt ] && fail "records from impossible dates: $(head -c 300 out.txt)"
    true ;;
impossible_front_matter_date)
    printf -- '---\ndate: 2021-02-30\n---\nAbout 12,000 riders in 2022.\n' > fm.md
    # docs/reader.md: a front-matter date that is not a date is ignored with
    # a located warning; the document is still read, here with --as-of instead.
    run 30 extract --as-of 2024-06-01 fm.md
    expect_status 0; expect_out '"file":"fm\.md","line":4,"column":1,'
    expect_out '"basis":"explicit"'; expect_err '^fm\.md:2:7: warning: front matter date'
    expect_err_lines '^fm\.md:2:7: warning: front matter date "2021-02-30" is not a calendar date \(YYYY-MM-DD\); ignored, relative dates fall back to --as-of$' ;;
years_0_and_99999)
    printf 'claim far\n  name    "far gauge"\n  value   5 km in 99999\n  source  "made up"\n' > far.claims
    printf 'claim zero\n  name    "zero gauge"\n  date    0\n  source  "made up"\n' > zero.claims
    printf 'In the year 0 and in 99999, about 12,000 riders in year 0000 and 99999-01-01.\n' > years.md
    run 30 claims far.claims zero.claims
    expect_status 2
    expect_err '^far\.claims:3:19: error: expected a date after `in`'
    expect_err '^zero\.claims:3:11: error: expected a date after `date`'
    run 30 check -c facts.claims years.md other.md
    expect_status 1; expect_out 'in 2 files'; no_sanitizer_report ;;
claims_100000)
    gen "
with open('many.claims', 'w') as f:
    for i in range(100000):
        f.write('claim fact-%d\n  name    \"gauge %d\"\n  where   \"Station %d\"\n'
                '  value   about %d,%03d litres in %d\n  source  \"generated\"\n\n'
                % (i, i, i, i % 900 + 1, i % 1000, 1990 + i % 30))"
    run 120 claims many.claims
    expect_status 0; expect_out '^many\.claims: 100000 claims, 100000 values'
    cp out.txt first.txt
    ls "$FACTLINT_CACHE_DIR"/claims-*.bin >/dev/null 2>&1 || fail "no compiled claims were cached"
    run 120 claims many.claims   # read back compiled: the same summary
    expect_status 0; cmp -s out.txt first.txt || fail "the cached claims summarise differently"
    rm first.txt
    printf 'Station 77 had about 5,000 litres in gauge 77 in 2017.\n' > stations.md
    # -j 2 writes the entry beside the checking (cli/run_check.cpp); -j 1
    # reads it back.
    run 120 check -j 2 --stats -c many.claims -c facts.claims stations.md other.md
    expect_status 1; expect_out 'in 2 files'
    expect_err '^claims: parsed, and compiled into the cache in '
    cp out.txt first.txt
    run 120 check -j 1 --stats -c many.claims -c facts.claims stations.md other.md
    expect_status 1; cmp -s out.txt first.txt || fail "the cached claims check differently"
    expect_err '^claims: read compiled from the cache in '
    rm first.txt
    # extract -j 2 writes its own set's entry beside the extraction too.
    entries=$(ls "$FACTLINT_CACHE_DIR"/claims-*.bin | wc -l)
    run 120 extract -j 2 -c facts.claims -c many.claims stations.md
    expect_status 0; expect_out '"kind":"quantity"'
    [ "$(ls "$FACTLINT_CACHE_DIR"/claims-*.bin | wc -l)" -eq $((entries + 1)) ] ||
        fail "extract -j 2 wrote no cache entry" ;;
duplicate_ids)
    printf 'claim dup\n  name    "a"\n  date    2020-01-01\n  source  "s"\n\nclaim dup\n  name    "b"\n  date    2021-01-01\n  source  "s"\n' > dup.claims
    printf 'claim norhaven-ferry-riders\n  name    "c"\n  date    2021-01-01\n  source  "s"\n' > other.claims
    run 30 claims dup.claims
    expect_status 2; expect_err '^dup\.claims:6:7: error: duplicate claim id `dup`, first defined at dup\.claims:1:7$'
    run 30 check -c facts.claims -c other.claims other.md
    expect_status 2
    expect_err '^other\.claims:1:7: error: duplicate claim id `norhaven-ferry-riders`, first defined at facts\.claims:[0-9]+:7$' ;;
*)
    echo "unknown case $name"; exit 1 ;;
esac
echo "hostile.$name: ok"
