#!/usr/bin/env bash
# A short run of every libFuzzer target (FUZZ_SECONDS each, default 10) on
# its seed corpus, built by scripts/asan-build.sh (clang 14, ASan + UBSan,
# build-asan/, the same build scripts/sanitize.sh tests). Fails on any
# crash, leak, sanitizer report or timeout. Long runs: docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-10}
build=${FACTLINT_ASAN_BUILD:-build-asan}
targets="fuzz_quantity fuzz_time fuzz_claims_file fuzz_reader fuzz_check fuzz_compiled_store"
# shellcheck disable=SC2086
bash scripts/asan-build.sh $targets fuzz_corpus
for target in $targets; do
    corpus=$build/fuzz/corpus/$target
    # New inputs go to a scratch directory, so the seed corpus stays as built.
    scratch=$(mktemp -d)
    echo "== $target: ${seconds}s on $(ls "$corpus" | wc -l) seeds"
    log=$build/fuzz/$target-smoke.log
    status=0
    # One process, in-process fuzzing (no -jobs): the machine is shared.
    "$build/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=8192 -print_final_stats=1 -artifact_prefix="$build/fuzz/$target-" \
        "$scratch" "$corpus" > "$log" 2>&1 || status=$?
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)' "$log" || true
    rm -rf "$scratch"
    if [ "$status" -ne 0 ]; then
        tail -40 "$log"
        echo "$target failed (exit $status); the input is at $build/fuzz/$target-*"
        exit 1
    fi
done
echo "fuzz smoke: every target ran ${seconds}s without a finding"
