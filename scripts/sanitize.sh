#!/usr/bin/env bash
# Runs every test under AddressSanitizer and UBSan: builds the reliability
# build (scripts/asan-build.sh: clang 14, build-asan/) and runs ctest there.
# Any sanitizer report aborts the test that triggered it
# (-fno-sanitize-recover=all, halt_on_error). Extra arguments go to ctest
# (`scripts/sanitize.sh -L hostile`). See docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${FACTLINT_ASAN_BUILD:-build-asan}
bash scripts/asan-build.sh
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The 50 MiB single-line case at 10 MiB: the same code, a fifth of the time
# (ASan makes it about 20x slower; the size itself is tested in Release).
export FACTLINT_LONG_LINE_MB=${FACTLINT_LONG_LINE_MB:-10}
cd "$build"
ctest --output-on-failure -j"$(nproc)" "$@"
