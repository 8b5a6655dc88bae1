#!/usr/bin/env bash
# Builds factlint and its whole test suite with AddressSanitizer and UBSan
# (FACTLINT_SANITIZE=ON, g++) in build-asan/ and runs every test there.
# Any sanitizer report aborts the test that triggered it (-fno-sanitize-recover).
# See docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
build=${FACTLINT_ASAN_BUILD:-build-asan}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFACTLINT_BUILD_TESTS=ON \
      -DFACTLINT_SANITIZE=ON >/dev/null
cmake --build "$build" -j"$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd "$build"
ctest --output-on-failure -j"$jobs" "$@"
