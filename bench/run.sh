#!/usr/bin/env bash
# factlint performance benchmark (issue 6): factlint side by side with the
# peer extractors on the shared news corpus, then the scale targets.
#
#   bash bench/run.sh [--quick] [--runs N] [--no-peers] [--no-scale]
#                     [--profile] [--rec-slice BYTES] [--big-copies K]
#                     [--no-pin]
#
# Every figure is a whole process (start-up, file reading and output
# included) timed by bench/timer.cpp (wait4's figures, to the microsecond).
# Throughput is computed from CPU time
# (user + sys), which a loaded shared machine distorts far less than wall
# time; wall-time figures are shown beside it. -j 2 vs -j 1 can only be
# judged on wall time. Medians of N runs; the figures compared with each
# other (check vs chrono-node, 10 vs 100,000 claims, 5 vs 50 MB, -j 1 vs
# -j 2) take turns. On a machine of two cores or more, every single-threaded
# factlint run is pinned to one core, the cores taking turns (run i on core
# i mod cores, both sides of a pair on the same core), and a figure is the
# mean of the cores' medians: on the project's VM one core ran the same
# check up to a third slower than the other, and which one changed over
# minutes, so a figure depended on where the scheduler put the run
# (docs/performance.md part 27). -j 2 runs and the peers (Node's helper
# threads) are never pinned. --no-pin leaves every run to the scheduler.
# The three pairs whose turns take under a second (10 vs 100,000 claims,
# cached and not, and -j 1 vs -j 2) take 3N turns: their ratios sit near
# their bounds, and five turns (two or three a core) left a median that
# moved 0.1 between runs of the bench (docs/performance.md part 28).
#
# Environment: BENCH_BUILD_DIR (default <repo>/build/bench), PEERS_DIR
# (default ${XDG_CACHE_HOME:-$HOME/.cache}/factlint-peers), SHARED_DIR or FACTLINT_SHARED_DIR
# (default <repo>/../shared), BENCH_TMP (scratch; default a fresh mktemp -d).
set -euo pipefail

# shellcheck source=bench/paths.sh
source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"
export PEERS_DIR=${PEERS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/factlint-peers}

runs=5 big_runs=5 rec_slice=100000 big_copies=10 peers=1 scale=1 profile=0 pin=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) runs=1 big_runs=1 rec_slice=50000 big_copies=4 ;;
    --runs) runs=$2; big_runs=$(( $2 < 5 ? $2 : 5 )); shift ;;
    --rec-slice) rec_slice=$2; shift ;;
    --big-copies) big_copies=$2; shift ;;
    --no-peers) peers=0 ;;
    --no-scale) scale=0 ;;
    --profile) profile=1 ;;
    --no-pin) pin=0 ;;
    -h | --help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
pair_runs=$((3 * runs))

log() { echo "# $*" >&2; }

# ---- prerequisites -----------------------------------------------------
[ -r "$corpus" ] || { echo "run.sh: cannot read $corpus" >&2; exit 2; }

build_factlint

if [ "$peers" = 1 ]; then
  if [ ! -d "$PEERS_DIR/node_modules/chrono-node" ] ||
     [ ! -d "$PEERS_DIR/node_modules/@microsoft/recognizers-text-suite" ]; then
    log "installing the peers into $PEERS_DIR"
    # setup.sh also asks apt for dateparser (not used here): not fatal.
    sh "$shared/bench/peers/setup.sh" >&2 || log "setup.sh reported an error; going on"
  fi
fi

tmp=${BENCH_TMP:-$(mktemp -d "${TMPDIR:-/tmp}/factlint-bench.XXXXXX")}
mkdir -p "$tmp"
[ -n "${BENCH_TMP:-}" ] || trap 'rm -rf "$tmp"' EXIT
# The timer: /usr/bin/time's figures, but to the microsecond (bench/timer.cpp).
timer=$tmp/timer
c++ -std=c++17 -O2 -o "$timer" "$bench/timer.cpp"

# ---- measuring ---------------------------------------------------------
cores=$(nproc)
[ "$cores" -ge 2 ] || pin=0
# core_of I PINNED: the timer's option pinning turn I's run, or nothing.
core_of() { if [ "$pin" = 1 ] && [ "$2" = 1 ]; then echo "--cpu $(($1 % cores))"; fi; }

# measure TAG N CMD...: runs CMD N times (stdout discarded) and sets
#   cpu (user+sys s), wall (s), rss (max KB), status (last); cpu and wall
#   are medians, or with pinning the mean of each core's median.
# pin_one=0 before the call leaves the runs unpinned (a multi-threaded
# command). A status above 2 (crash, signal) aborts with the command shown.
pin_one=1
measure() {
  local tag=$1 n=$2 i; shift 2
  : >"$tmp/time.$tag.all"
  # shellcheck disable=SC2046 # core_of prints nothing or two words
  for ((i = 0; i < n; i++)); do run_once "$tag" $(core_of "$i" "$pin_one") -- "$@"; done
  summarize "$tag" "$@"
  pin_one=1
}

# measure_pair TAG_A TAG_B N: runs the commands in the arrays cmd_a and
# cmd_b by turns, N times each, and sets cpu_a wall_a rss_a and cpu_b wall_b
# rss_b. The figures that are compared with each other (10 vs 100,000
# claims, 5 vs 50 MB, -j 1 vs -j 2) are measured this way, so that the
# machine's speed drifting over a minute (other work on a shared host)
# moves both sides alike instead of one. With pinning, both sides of turn i
# run on core i mod cores, except a side whose pin_a or pin_b is 0 (set
# before the call; -j 2, a peer).
pin_a=1 pin_b=1
measure_pair() {
  local a=$1 b=$2 n=$3 i
  : >"$tmp/time.$a.all"
  : >"$tmp/time.$b.all"
  # shellcheck disable=SC2046 # core_of prints nothing or two words
  for ((i = 0; i < n; i++)); do
    run_once "$a" $(core_of "$i" "$pin_a") -- "${cmd_a[@]}"
    run_once "$b" $(core_of "$i" "$pin_b") -- "${cmd_b[@]}"
  done
  summarize "$a" "${cmd_a[@]}"
  cpu_a=$cpu wall_a=$wall rss_a=$rss per_core_a=$per_core
  summarize "$b" "${cmd_b[@]}"
  cpu_b=$cpu wall_b=$wall rss_b=$rss
  pin_a=1 pin_b=1
}

# measure_together N: the commands in cmd_a and cmd_b, pinned to core 0
# and core 1, N turns of: each alone, one after the other, then both at
# once. Sets alone_a alone_b both_a both_b (CPU seconds, medians).
measure_together() {
  local n=$1 i tag
  for tag in alone_a alone_b both_a both_b; do : >"$tmp/time.$tag.all"; done
  for ((i = 0; i < n; i++)); do
    run_once alone_a --cpu 0 -- "${cmd_a[@]}"
    run_once alone_b --cpu 1 -- "${cmd_b[@]}"
    run_once both_a --cpu 0 -- "${cmd_a[@]}" &
    run_once both_b --cpu 1 -- "${cmd_b[@]}"
    wait
  done
  summarize alone_a "${cmd_a[@]}"; alone_a=$cpu
  summarize alone_b "${cmd_b[@]}"; alone_b=$cpu
  summarize both_a "${cmd_a[@]}"; both_a=$cpu
  summarize both_b "${cmd_b[@]}"; both_b=$cpu
}

# run_once TAG [--cpu N] -- CMD...: one timed run; its line in time.TAG.all
# ends with the core it was pinned to, or "-".
run_once() {
  local tag=$1 f=$tmp/time.$1 out=/dev/null core=- pinning=(); shift
  if [ "$1" = --cpu ]; then core=$2 pinning=(--cpu "$2"); shift 2; fi
  shift  # --
  case $tag in chrono | recognizers) out=$tmp/stdout.$tag ;; esac  # peers report their bytes
  "$timer" "${pinning[@]}" "$f" "$@" >"$out" 2>"$tmp/stderr.$tag" || true
  echo "$(tail -n 1 "$f") $core" >>"$f.all"
}

# summarize TAG CMD...: sets cpu, wall, rss, status from time.TAG.all, and
# per_core ("core 0 0.075 s, core 1 0.100 s": each core's median CPU) when
# the runs were pinned.
summarize() {
  local tag=$1; shift
  # One pass: the figures on the first line, the cores' medians on the second.
  { read -r cpu wall rss status; IFS= read -r per_core || per_core=''; } < <(awk '
    { k = $7; n[k]++; w[k, n[k]] = $1; c[k, n[k]] = $2 + $3; if ($4 > m) m = $4; s = $5 }
    function med(x, k,   i, j, t, a, p) {
      p = n[k]; for (i = 1; i <= p; i++) a[i] = x[k, i]
      for (i = 2; i <= p; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
      return p % 2 ? a[(p+1)/2] : (a[p/2] + a[p/2+1]) / 2
    }
    END {
      for (k in n) { cs += med(c, k); ws += med(w, k); g++ }
      printf "%.3f %.3f %d %d\n", cs / g, ws / g, m, s
      for (k = 0; k < 1024; k++) if (k in n) printf "%score %d %.3f s", (out++ ? ", " : ""), k, med(c, k)
      printf "\n"
    }' "$tmp/time.$tag.all")
  if [ "$status" -gt 2 ]; then
    echo "run.sh: FAILED (exit status $status): $*" >&2
    cat "$tmp/stderr.$tag" >&2
    exit 1
  fi
}

calc() { awk "BEGIN { printf \"$1\n\", $2 }"; }
bytes_of() { wc -c <"$1" | tr -d ' '; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }

log "generating claims files and inputs in $tmp"
python3 "$bench/gen_claims.py" 10 >"$tmp/c10.claims"
python3 "$bench/gen_claims.py" 1000 >"$tmp/c1k.claims"
python3 "$bench/gen_claims.py" 100000 >"$tmp/c100k.claims"
# The 1,000 claims (180 KB) are compiled into the bench's own cache by one
# run first, so that every check with them is what every run after a
# claims set's first is (docs/cli.md, the compiled-claims cache); a first
# run's parse is measured beside it (check1k_parsed).
"$factlint" claims --cache-dir "$tmp/claims-cache" "$tmp/c1k.claims" >/dev/null

corpus_bytes=$(bytes_of "$corpus")
# check with the 1,000 claims: from the bench's cache but for -j
# (check1k_jobs; check1k with -j 1), and parsed (check1k_parsed).
check1k_base=("$factlint" check --no-config --fail-on never -c "$tmp/c1k.claims")
check1k_jobs=("${check1k_base[@]}" --cache-dir "$tmp/claims-cache")
check1k=("${check1k_jobs[@]}" -j 1)
check1k_parsed=("${check1k_base[@]}" --no-cache -j 1)

echo "factlint benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $("$factlint" --version)"
echo "medians of $runs runs; MB/s = input bytes / whole-process time (CPU = user+sys); 1 MB = 10^6 bytes"
if [ "$pin" = 1 ]; then
  echo "single-threaded factlint runs pinned to the $cores cores in turn; their figures are the mean of the cores' medians"
else
  echo "runs not pinned (--no-pin or one core): medians"
fi
echo

# ---- 1. side by side -------------------------------------------------
row() { # NAME INPUT_DESC BYTES CPU WALL RSS_KB RATIO
  printf '| %-34s | %-32s | %9s | %9s | %9s | %7s | %12s |\n' "$@"
}
row_measured() { # NAME DESC BYTES [RATIO-BASE-MBPS]
  local mbps mbps_w
  mbps=$(calc '%.3g' "$3 / 1e6 / ($cpu > 0 ? $cpu : 0.001)")
  mbps_w=$(calc '%.3g' "$3 / 1e6 / ($wall > 0 ? $wall : 0.001)")
  local ratio=-
  [ -n "${4:-}" ] && ratio=$(awk -v r="$(calc "%.6g" "$4 / $mbps")" 'BEGIN { printf (r >= 100 ? "%.0fx" : "%.2fx"), r }')
  row "$1" "$2" "$3" "$mbps" "$mbps_w" "$(calc '%.0f' "$rss / 1024")" "$ratio"
  last_mbps=$mbps
}

echo "## Side by side on shared/corpus/news.txt"
echo
row tool input bytes "MB/s CPU" "MB/s wall" "RSS MB" "check / tool"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "$(printf -- '-%.0s' {1..34})" \
  ----------- ----------- ----------- --------- --------------
measure extract "$runs" "$factlint" extract --no-config -j 1 "$corpus"
row_measured "factlint extract -j 1" "news.txt (whole)" "$corpus_bytes"
if [ "$peers" = 1 ]; then
  # check and chrono-node by turns: their ratio is a target.
  cmd_a=("${check1k[@]}" "$corpus")
  cmd_b=(node "$shared/bench/peers/chrono.js" "$corpus")
  pin_b=0
  measure_pair check chrono "$runs"
  check_cores=$per_core_a
  cpu=$cpu_a wall=$wall_a rss=$rss_a
else
  measure check "$runs" "${check1k[@]}" "$corpus"
  check_cores=$per_core
fi
row_measured "factlint check -j 1, 1,000 claims" "news.txt (whole)" "$corpus_bytes"
check_mbps=$last_mbps
chrono_mbps='' rec_mbps=''
if [ "$peers" = 1 ]; then
  cpu=$cpu_b wall=$wall_b rss=$rss_b
  row_measured "chrono-node 2.10.3 (dates)" "news.txt (whole)" "$corpus_bytes" "$check_mbps"
  chrono_mbps=$last_mbps
  rec_runs=$(( runs < 3 ? runs : 3 ))
  pin_one=0
  measure recognizers "$rec_runs" node "$shared/bench/peers/recognizers.js" --slice "$rec_slice" "$corpus"
  rec_bytes=$(sed -n 's/.* bytes=\([0-9]*\) .*/\1/p' "$tmp/stdout.recognizers" | head -n 1)
  [ -n "$rec_bytes" ] || { echo "run.sh: no bytes= line from recognizers.js" >&2; exit 1; }
  row_measured "Recognizers-Text 1.3.1 (*)" "first $rec_bytes B, extrapolated" "$rec_bytes" "$check_mbps"
  rec_mbps=$last_mbps
fi
echo
[ "$peers" = 1 ] && echo "(*) Recognizers-Text runs near 0.01 MB/s: it reads a slice (whole articles in the first"
[ "$peers" = 1 ] && echo "    $rec_slice bytes; median of ${rec_runs:-0} runs) and its MB/s is extrapolated from that slice."
[ "$peers" = 1 ] && echo "    Node figures include module load and JIT; CPU time includes V8's helper threads."
[ -n "$check_cores" ] && echo "check -j 1 of news.txt by core (median CPU): $check_cores"
# What the cache spares a run with the 1,000 claims: by turns, since
# measured minutes apart the machine's drift outweighs it.
cmd_a=("${check1k_parsed[@]}" "$corpus")
cmd_b=("${check1k[@]}" "$corpus")
measure_pair check_parsed check_cached "$pair_runs"
echo "check -j 1 of news.txt, 1,000 claims parsed (a first run) vs from the cache, $pair_runs turns:" \
  "$cpu_a vs $cpu_b s CPU"
echo

# ---- 2. scale ------------------------------------------------------
results=()
target() { # NAME CONDITION DETAIL
  local v; v=$(verdict "$2")
  results+=("$(printf '| %-44s | %-4s | %s |' "$1" "$v" "$3")")
}

target "check >= 50 MB/s per core, 1,000 claims" "$check_mbps >= 50" "$check_mbps MB/s (CPU, -j 1, whole process)"
if [ -n "$chrono_mbps" ]; then
  target "check >= 10x chrono-node" "$check_mbps / $chrono_mbps >= 10" "$(calc '%.2fx' "$check_mbps / $chrono_mbps")"
  target "check >= 1000x Recognizers-Text" "$check_mbps / $rec_mbps >= 1000" "$(calc '%.0fx' "$check_mbps / $rec_mbps")"
fi

if [ "$scale" = 1 ]; then
  echo "## Scale"
  echo
  # Claims: 10 vs 100,000 on the same input, and the load time alone. A
  # run with claims files of 32 KiB or more reads them compiled from the
  # cache when an earlier run wrote them (checker/claims_cache.hpp): both
  # are measured, the first run's cost with --no-cache, the later runs'
  # with a cache that one run filled first.
  cache=$tmp/claims-cache
  "$factlint" claims --cache-dir "$cache" "$tmp/c100k.claims" >/dev/null
  measure load100k "$runs" "$factlint" claims --no-cache -j 1 "$tmp/c100k.claims"
  load_cpu=$cpu load_wall=$wall load_rss=$rss
  measure load100kc "$runs" "$factlint" claims --cache-dir "$cache" -j 1 "$tmp/c100k.claims"
  loadc_cpu=$cpu loadc_wall=$wall loadc_rss=$rss
  # The same parse with two jobs: the file cut into two pieces parsed at
  # once (checker/claims_parse.hpp). By turns with one job, neither pinned.
  cmd_a=("$factlint" claims --no-cache -j 1 "$tmp/c100k.claims")
  cmd_b=("$factlint" claims --no-cache -j 2 "$tmp/c100k.claims")
  pin_a=0 pin_b=0
  measure_pair load1 load2 "$pair_runs"
  load1_wall=$wall_a load1_cpu=$cpu_a load2_wall=$wall_b load2_cpu=$cpu_b
  c10_check=("$factlint" check --no-config -j 1 --fail-on never -c "$tmp/c10.claims" "$corpus")
  cmd_a=("${c10_check[@]}")
  cmd_b=("$factlint" check --no-config -j 1 --fail-on never --cache-dir "$cache" -c "$tmp/c100k.claims" "$corpus")
  measure_pair c10 c100kc "$pair_runs"
  c10_cpu=$cpu_a c100kc_cpu=$cpu_b
  cmd_a=("${c10_check[@]}")
  cmd_b=("$factlint" check --no-config -j 1 --fail-on never --no-cache -c "$tmp/c100k.claims" "$corpus")
  measure_pair c10b c100k "$pair_runs"
  c10b_cpu=$cpu_a c100k_cpu=$cpu_b
  echo "check news.txt, 10 claims:       $c10_cpu s CPU (again beside the uncached run: $c10b_cpu s; pairs of $pair_runs turns)"
  echo "check news.txt, 100,000 claims, compiled claims from the cache: $c100kc_cpu s CPU" \
    "($(calc '%.2fx' "$c100kc_cpu / $c10_cpu"))"
  echo "check news.txt, 100,000 claims, no cache (a first run): $c100k_cpu s CPU" \
    "($(calc '%.2fx' "$c100k_cpu / $c10b_cpu"))"
  echo "load 100,000 claims (factlint claims): no cache $load_cpu s CPU, $load_wall s wall," \
    "peak RSS $(calc '%.0f' "$load_rss / 1024") MB; from the cache $loadc_cpu s CPU, $loadc_wall s wall," \
    "peak RSS $(calc '%.0f' "$loadc_rss / 1024") MB"
  echo "load 100,000 claims, no cache, -j 1 vs -j 2 (two pieces at once): $load1_wall vs $load2_wall s wall" \
    "($(calc '%.2fx' "$load1_wall / $load2_wall")); CPU $load1_cpu vs $load2_cpu s; $pair_runs turns"
  target "100k claims < 1.5x time of 10 (claims cached)" "$c100kc_cpu / $c10_cpu < 1.5" \
    "$(calc '%.2fx' "$c100kc_cpu / $c10_cpu") (whole process, compiled claims read from the cache)"
  target "100k claims < 1.5x time of 10 (first run)" "$c100k_cpu / $c10b_cpu < 1.5" \
    "$(calc '%.2fx' "$c100k_cpu / $c10b_cpu") (--no-cache: parse and index build)"
  target "load 100,000 claims < 1 s" "$load_cpu < 1" \
    "$load_cpu s CPU with no cache ($load_wall s wall); $loadc_cpu s from the cache"

  # Linearity: 5 MB vs big_copies x 5 MB, one file each. Each turn checks
  # the 5 MB file big_copies times in a row (one timed shell loop: wait4
  # counts the children it waited for) and then the big file once, so both
  # sides read the same bytes in neighbouring seconds. One 0.15 s run
  # against one 1.5 s run, the two sides sampled the machine's drifting
  # speed over windows ten times apart: the ratio read 0.79 to 1.13 while
  # the instruction counts were within 3% (docs/performance.md, part 19).
  "$bench/gen_input" concat "$big_copies" "$tmp/big.txt"
  big_bytes=$(bytes_of "$tmp/big.txt")
  # shellcheck disable=SC2016 # expanded by the inner sh, not here
  cmd_a=(sh -c 'n=$1; shift; while [ "$n" -gt 0 ]; do "$@" >/dev/null; n=$((n - 1)); done' \
    repeat "$big_copies" "${check1k[@]}" "$corpus")
  cmd_b=("${check1k[@]}" "$tmp/big.txt")
  measure_pair small big "$big_runs"
  small_cpu=$(calc '%.3f' "$cpu_a / $big_copies") big_cpu=$cpu_b big_rss=$rss_b
  per5=$(calc '%.4f' "$small_cpu / ($corpus_bytes / 1e6)")
  perbig=$(calc '%.4f' "$big_cpu / ($big_bytes / 1e6)")
  echo "check 5 MB:  $small_cpu s CPU, $per5 s/MB (a turn runs it $big_copies times, then the big input once; median of $big_runs turns)"
  echo "check $(calc '%.0f' "$big_bytes / 1e6") MB: $big_cpu s CPU, $perbig s/MB (median of $big_runs), peak RSS $(calc '%.0f' "$big_rss / 1024") MB"
  # What a run costs whatever its input (start-up, the claims): the same
  # check of an empty file. Shown so that a ratio under 0.90 can be read:
  # the s/MB of 5 MB carries ten times the fixed cost the 50 MB one does.
  : >"$tmp/empty.txt"
  measure empty "$runs" "${check1k[@]}" "$tmp/empty.txt"
  index_kb=$rss
  echo "check of an empty file (the fixed cost of a run): $cpu s CPU; beyond it, 5 MB" \
    "$(calc '%.4f' "($small_cpu - $cpu) / ($corpus_bytes / 1e6)") s/MB and $(calc '%.0f' "$big_bytes / 1e6") MB" \
    "$(calc '%.4f' "($big_cpu - $cpu) / ($big_bytes / 1e6)") s/MB" \
    "($(calc '%.3f' "(($big_cpu - $cpu) / $big_bytes) / (($small_cpu - $cpu) / $corpus_bytes)")); not the target's measure"
  target "time linear within 10% (5 vs $(calc '%.0f' "$big_bytes / 1e6") MB)" \
    "$perbig / $per5 <= 1.10 && $perbig / $per5 >= 0.90" "$(calc '%.3f' "$perbig / $per5") (s/MB big / s/MB 5 MB)"

  # Memory: the index is what the same claims cost on an empty input.
  limit_kb=$(calc '%.0f' "2 * $big_bytes / 1024 + $index_kb")
  echo "peak RSS $(calc '%.0f' "$big_rss / 1024") MB for the $(calc '%.0f' "$big_bytes / 1e6") MB input;" \
    "limit 2 x input + index ($(calc '%.0f' "$index_kb / 1024") MB: RSS with no input) = $(calc '%.0f' "$limit_kb / 1024") MB"
  target "peak memory < 2x input + index" "$big_rss < $limit_kb" \
    "$(calc '%.0f' "$big_rss / 1024") MB (limit $(calc '%.0f' "$limit_kb / 1024") MB)"
  rm -f "$tmp/big.txt"
  # shape_memory MODE FILE: gen_input MODE's large input, checked and
  # extracted once each (peak memory is steady from run to run); sets
  # shape_bytes, shape_rss and shape_cpu (check), extract_rss and
  # extract_cpu, and judges check's peak against 2 x the input + index.
  shape_memory() {
    "$bench/gen_input" "$1" "$big_copies" "$2"
    shape_bytes=$(bytes_of "$2")
    shape_limit_kb=$(calc '%.0f' "2 * $shape_bytes / 1024 + $index_kb")
    measure "$1" 1 "${check1k[@]}" "$2"
    shape_rss=$rss shape_cpu=$cpu
    measure "$1_extract" 1 "$factlint" extract -j 1 "$2"
    extract_rss=$rss extract_cpu=$cpu
    rm -f "$2"
  }
  shape_target() { # NAME
    target "$1" "$shape_rss < $shape_limit_kb" \
      "$(calc '%.0f' "$shape_rss / 1024") MB (limit $(calc '%.0f' "$shape_limit_kb / 1024") MB)"
  }
  # shape_row MODE FILE WHAT NAME: shape_memory, its line ("of the N MB of
  # WHAT") and its target row NAME.
  shape_row() {
    shape_memory "$1" "$2"
    echo "peak RSS $(calc '%.0f' "$shape_rss / 1024") MB for check ($shape_cpu s CPU), $(calc '%.0f' "$extract_rss / 1024") MB for extract," \
      "of the $(calc '%.0f' "$shape_bytes / 1e6") MB of $3 (gen_input $1)"
    shape_target "$4"
  }
  # The same bytes with nothing to end a sentence, on one line: a sentence's
  # analysis holds some 25 bytes a byte, so the reader cuts such a stretch
  # into pieces of 16 KiB (docs/performance.md part 35); before, this input
  # peaked at 1.1 GB.
  shape_memory flat "$tmp/flat.txt"
  echo "peak RSS $(calc '%.0f' "$shape_rss / 1024") MB for check, $(calc '%.0f' "$extract_rss / 1024") MB for extract," \
    "of the $(calc '%.0f' "$shape_bytes / 1e6") MB input without a sentence end (gen_input flat; $extract_cpu s CPU for extract)"
  shape_target "peak memory, input without a sentence end"
  # The corpus's words as the cells of Markdown tables: a sentence each, of
  # a few bytes, where a sentence's record is 48. The reader hands sentences
  # over in batches since part 36; before, this input (73 MB) peaked at
  # 606 MB.
  shape_row cells "$tmp/cells.md" "table cells of a word each" "peak memory, a table of one-word cells"
  # The corpus as Markdown with a link on one word in nine and figures in
  # bold: no sentence is a verbatim piece of the file, so the reader keeps
  # each one's text and runs. It recycles them after each batch since
  # part 37; before, this input (80 MB) peaked at 312 MB.
  shape_row links "$tmp/links.md" "Markdown with links and bold figures" "peak memory, Markdown with links"
  # The corpus hard-wrapped at 78 columns, as a Markdown source: most
  # sentences run across a line break, so the reader keeps their text
  # joined and a run a line. Before part 37 this input (51 MB) peaked at
  # 230 MB.
  shape_row wrapped "$tmp/wrapped.md" "Markdown hard-wrapped at 78 columns" "peak memory, hard-wrapped Markdown"

  # Parallelism: 2,225 one-article files, wall time.
  "$bench/gen_input" split "$tmp/articles"
  cmd_a=("${check1k_jobs[@]}" -j 1 "$tmp/articles")
  cmd_b=("${check1k_jobs[@]}" -j 2 "$tmp/articles")
  pin_b=0
  measure_pair j1 j2 "$pair_runs"
  j1_wall=$wall_a j1_cpu=$cpu_a j2_wall=$wall_b j2_cpu=$cpu_b
  echo "2,225 files: -j 1 $j1_wall s wall ($j1_cpu s CPU), -j 2 $j2_wall s wall ($j2_cpu s CPU); $pair_runs turns"
  # What the machine allows two cores: the same files as two processes of
  # one job each, half the files each, alone and then both at once. Two
  # processes share no memory, lock or allocator, so whatever makes the
  # work dearer at once is the machine's: on one VM each took 13% more CPU
  # at once, and the checking scaled no further (docs/performance.md
  # part 31). Pinned runs only: unpinned, the two could share a core.
  together=''
  if [ "$pin" = 1 ]; then
    "$bench/gen_input" halves "$tmp/half-a" "$tmp/half-b"
    cmd_a=("${check1k[@]}" "$tmp/half-a")
    cmd_b=("${check1k[@]}" "$tmp/half-b")
    measure_together "$pair_runs"
    dearer=$(calc '%.3f' "($both_a + $both_b) / ($alone_a + $alone_b)")
    more=$(calc '%+.0f' "($dearer - 1) * 100")
    echo "the same files as two processes of -j 1, half each, on cores 0 and 1: alone $alone_a and $alone_b s CPU," \
      "both at once $both_a and $both_b s ($more% at once;" \
      "two cores do at most $(calc '%.2f' "2 / $dearer")x the work of one here); $pair_runs turns"
    together="; at once, each process $more% CPU"
  fi
  target "-j 2 >= 1.7x -j 1 (wall; load-sensitive)" "$j1_wall / $j2_wall >= 1.7" \
    "$(calc '%.2fx' "$j1_wall / $j2_wall") wall; CPU -j2/-j1 $(calc '%.2f' "$j2_cpu / $j1_cpu")$together"
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
fi

echo "## Targets"
echo
printf '| %-44s | %-4s | %s |\n' target "done" measured
printf '|%s|%s|%s|\n' "----------------------------------------------" "------" "----------------------"
printf '%s\n' "${results[@]}"

# ---- 3. profile (opt-in) -------------------------------------------
if [ "$profile" = 1 ]; then
  echo
  echo "## Profile: callgrind, check -j 1, 1,000 claims, 1 MB slice"
  "$bench/gen_input" slice 1000000 "$tmp/slice.txt"
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
    "${check1k[@]}" "$tmp/slice.txt" >/dev/null 2>"$tmp/cg.err"
  grep -E 'Collected' "$tmp/cg.err" || true
  callgrind_annotate --inclusive=no "$tmp/cg.out" 2>/dev/null | sed -n '1,60p' |
    grep -E '^ *[0-9,]+ ' | head -n 25 | cut -c1-200
fi
