#!/usr/bin/env bash
# The floor under a first run (docs/performance.md part 39): what the
# bench's 100,000 claims cost factlint on a first run, beside what a
# program that only reads them and finds their lines costs
# (bench/claims_floor.cpp), what a sketch of a simpler parser of their
# shapes costs with its name index built from hash tables or by sorting,
# and without it (bench/claims_sketch.cpp),
# and what the target (100,000 claims under 1.5x the time of 10) leaves
# them.
#
#   bash bench/claims_floor.sh [--turns N] [--claims N] [FACTLINT]
#
# FACTLINT: the binary to time; by default a Release build made in
# build/bench (BENCH_BUILD_DIR), as bench/run.sh makes it.
# By turns, each run on one core (the bench's timer, --cpu), N turns on
# each core (default 21); CPU = user + system, medians per core. A row's
# "claims' share" is its run with 100,000 claims (--claims) less the same
# with 10.
# Environment: as bench/run.sh (BENCH_BUILD_DIR, SHARED_DIR or
# FACTLINT_SHARED_DIR, BENCH_TMP).
set -euo pipefail

# shellcheck source=bench/paths.sh
source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"
turns=21 claims=100000 factlint=
usage() { echo "usage: claims_floor.sh [--turns N] [--claims N] [FACTLINT]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --turns) [ $# -ge 2 ] || usage; turns=$2; shift ;;
    --claims) [ $# -ge 2 ] || usage; claims=$2; shift ;;
    -*) usage ;;
    *) factlint=$1 ;;
  esac
  shift
done
[[ "$turns" =~ ^[1-9][0-9]*$ && "$claims" =~ ^[1-9][0-9]*$ ]] || usage
[ -r "$corpus" ] || { echo "claims_floor.sh: cannot read $corpus" >&2; exit 2; }

[ -n "$factlint" ] || build_factlint
[ -x "$factlint" ] || { echo "claims_floor.sh: $factlint is not a program" >&2; exit 2; }

tmp=${BENCH_TMP:-$(mktemp -d "${TMPDIR:-/tmp}/factlint-floor.XXXXXX")}
mkdir -p "$tmp"
[ -n "${BENCH_TMP:-}" ] || trap 'rm -rf "$tmp"' EXIT
c++ -std=c++17 -O2 -o "$tmp/timer" "$bench/timer.cpp"
c++ -std=c++17 -O2 -o "$tmp/floor" "$bench/claims_floor.cpp"
c++ -std=c++17 -O2 -o "$tmp/sketch" "$bench/claims_sketch.cpp"
python3 "$bench/gen_claims.py" 10 >"$tmp/c10.claims"
python3 "$bench/gen_claims.py" "$claims" >"$tmp/c100k.claims"

# The rows' names, and row_cmd R FILE: row R's command on the claims FILE, in cmd.
names=(
  "check -j 1 --no-cache of news.txt"
  "factlint claims --no-cache -j 1"
  "naive read and line split (malloc, memchr)"
  "huge pages, line ends 32 bytes a step"
  "a sketch parser of the generated shapes"
  "the same sketch without the name index"
  "the same sketch, its index built by sorting"
)
row_cmd() {
  case $1 in
    0) cmd=("$factlint" check --no-config -j 1 --fail-on never --no-cache -c "$2" "$corpus") ;;
    1) cmd=("$factlint" claims --no-cache -j 1 "$2") ;;
    2) cmd=("$tmp/floor" --naive "$2") ;;
    3) cmd=("$tmp/floor" "$2") ;;
    4) cmd=("$tmp/sketch" "$2") ;;
    5) cmd=("$tmp/sketch" --no-index "$2") ;;
    6) cmd=("$tmp/sketch" --sorted-index "$2") ;;
  esac
}
cores=$(nproc)
[ "$cores" -ge 2 ] || cores=1
: >"$tmp/times"  # a BENCH_TMP kept from an earlier run holds its figures
for ((core = 0; core < cores && core < 2; core++)); do
  for ((t = 0; t < turns; t++)); do
    for ((r = 0; r < ${#names[@]}; r++)); do
      for size in 100k 10; do
        row_cmd "$r" "$tmp/c$size.claims"
        "$tmp/timer" --cpu "$core" "$tmp/last" "${cmd[@]}" >/dev/null
        read -r _ _ _ _ status _ <"$tmp/last"
        if [ "$status" != 0 ]; then
          echo "claims_floor.sh: ${cmd[*]} exited with status $status" >&2
          exit 1
        fi
        echo "$r $size $core $(cat "$tmp/last")" >>"$tmp/times"
      done
    done
  done
done

# Each row: the cores' medians (ms of CPU), lowest to highest.
awk -v names="$(printf '%s\n' "${names[@]}")" -v claims="$(echo "$claims" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')" '
  function med(k,   i, j, t, a, p) {
    p = n[k]; for (i = 1; i <= p; i++) a[i] = v[k, i]
    for (i = 2; i <= p; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return p % 2 ? a[(p+1)/2] : (a[p/2] + a[p/2+1]) / 2
  }
  # Row r on core c: its median with the large claims less that with 10.
  function share(r, c) { return med(r SUBSEP "100k" SUBSEP c) - med(r SUBSEP "10" SUBSEP c) }
  function span(r, what,   c, lo, hi, x) {
    lo = -1
    for (c = 0; c < 2; c++) {
      if (!((r, what, c) in have)) continue
      x = what == "share" ? share(r, c) : med(r SUBSEP what SUBSEP c)
      if (lo < 0 || x < lo) lo = x
      if (x > hi) hi = x
    }
    return sprintf(lo == hi ? "%.1f" : "%.1f to %.1f", lo, hi)
  }
  { k = $1 SUBSEP $2 SUBSEP $3; v[k, ++n[k]] = ($5 + $6) * 1000
    have[$1, $2, $3] = 1; have[$1, "share", $3] = 1; rows = $1 + 1 > rows ? $1 + 1 : rows }
  END {
    split(names, name, "\n")
    print "| run | " claims " claims | 10 claims | the claims'"'"' share |"
    print "|---|---|---|---|"
    for (r = 0; r < rows; r++) printf "| %s | %s | %s | %s |\n", name[r + 1], span(r, "100k"), span(r, "10"), span(r, "share")
    for (c = 0; c < 2; c++) {
      if (!((0, "10", c) in have)) continue
      budget = med(0 SUBSEP "10" SUBSEP c) / 2
      floor = share(3, c)
      printf "core %d: the target leaves the claims %.1f ms (half the check with 10); the floor takes %.1f of them, leaving %.1f for the parse and index, which take %.1f (the sketch %.1f, of it the index %.1f, or %.1f built by sorting)\n", c, budget, floor, budget - floor, share(1, c) - floor, share(4, c) - floor, share(4, c) - share(5, c), share(6, c) - share(5, c)
    }
  }' "$tmp/times"
echo "ms of CPU (user + system), medians of $turns turns per core, by turns; $(date -u '+%Y-%m-%d %H:%M UTC')"
