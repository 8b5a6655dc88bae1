#!/usr/bin/env bash
# What a run of factlint costs whatever its input: the start-up and exit
# that every run pays, beside a C program that does nothing (the machine's
# own cost of a process). The fixed cost decides the bench's linearity and
# -j 2 figures (docs/performance.md parts 24 and 26).
#
#   bash bench/startup.sh [--runs N] [FACTLINT]
#
# FACTLINT defaults to <repo>/build/bench/cli/factlint (bench/run.sh builds
# it). The four commands take turns, N times each (default 21), each turn
# on one core (bench/timer.cpp --cpu), the cores in turn; each line
# gives the medians of CPU (user + sys) and wall time in ms and of the
# minor page faults (wait4's figures, through bench/timer.cpp).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
runs=21
if [ "${1:-}" = --runs ]; then runs=$2; shift 2; fi
factlint=${1:-$repo/build/bench/cli/factlint}
[ -x "$factlint" ] || { echo "startup.sh: no factlint at $factlint (build it, or pass its path)" >&2; exit 2; }
[ "$runs" -ge 1 ] 2>/dev/null || { echo "startup.sh: --runs takes a positive number" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/factlint-startup.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
c++ -std=c++17 -O2 -o "$tmp/timer" "$repo/bench/timer.cpp"
printf 'int main(void) { return 0; }\n' >"$tmp/nothing.c"
cc -O2 -o "$tmp/nothing" "$tmp/nothing.c"
python3 "$repo/bench/gen_claims.py" 1000 >"$tmp/c1k.claims"
: >"$tmp/empty.txt"

# The 1,000 claims (180 KB) are compiled into a cache of the script's own
# (never the user's) by one run first: the last row is every run after a
# claims set's first, the row before it a first run's parse.
"$factlint" claims --cache-dir "$tmp/cache" "$tmp/c1k.claims" >/dev/null 2>&1 || true  # a failing factlint is reported below

check=("$factlint" check --no-config -j 1 --fail-on never)
names=("a C program that returns at once" "factlint --version" "factlint check, 1,000 claims, an empty file"
  "the same, 1,000 claims from the cache")
commands=("$tmp/nothing" "$factlint --version" "${check[*]} --no-cache -c $tmp/c1k.claims $tmp/empty.txt"
  "${check[*]} --cache-dir $tmp/cache -c $tmp/c1k.claims $tmp/empty.txt")
# A turn's commands run on one core, the cores taking turns: on the
# project's VM one core ran the same work up to half again as slow as the
# other (docs/performance.md part 27).
cores=$(nproc)
for ((i = 0; i < runs; i++)); do
  for k in 0 1 2 3; do
    # shellcheck disable=SC2086 # each command is split into its words on purpose
    "$tmp/timer" --cpu $((i % cores)) "$tmp/one" ${commands[$k]} >/dev/null 2>&1 || true
    cat "$tmp/one" >>"$tmp/all.$k"
  done
done

echo "start-up and exit, medians of $runs runs by turns, each turn on one core in turn ($cores cores, $(uname -r))"
printf '| %-44s | %8s | %8s | %11s |\n' command "CPU ms" "wall ms" "page faults"
printf '|%s|%s|%s|%s|\n' "----------------------------------------------" ---------- ---------- -------------
for k in 0 1 2 3; do
  status=$(awk '$5 != 0 { print $5; exit }' "$tmp/all.$k")
  [ -z "$status" ] || { echo "startup.sh: '${names[$k]}' exited with status $status" >&2; exit 1; }
  read -r cpu wall faults < <(awk '
    { c[NR] = ($2 + $3) * 1000; w[NR] = $1 * 1000; f[NR] = $6 }
    function med(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
      return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
    }
    END { printf "%.2f %.2f %.0f\n", med(c, NR), med(w, NR), med(f, NR) }' "$tmp/all.$k")
  printf '| %-44s | %8s | %8s | %11s |\n' "${names[$k]}" "$cpu" "$wall" "$faults"
done
