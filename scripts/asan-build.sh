#!/usr/bin/env bash
# The reliability build (docs/reliability.md): clang 14 with AddressSanitizer
# and UBSan in every library and test, plus libFuzzer coverage
# (-fsanitize=fuzzer-no-link) so the same objects serve both
# scripts/sanitize.sh (the whole test suite) and scripts/fuzz-smoke.sh (the
# fuzz targets). One build instead of two keeps CI inside its budget.
#
#   bash scripts/asan-build.sh [TARGET...]    # no target: everything
#
# Build folder: FACTLINT_ASAN_BUILD (default build-asan). Installs clang-14
# and its sanitizer runtime when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
FACTLINT_SANITIZERS=1 bash scripts/install-deps.sh
build=${FACTLINT_ASAN_BUILD:-build-asan}
# A folder configured earlier by another compiler (the old g++ sanitizer
# build) cannot be switched to clang in place.
if [ -f "$build/CMakeCache.txt" ] && ! grep -q 'CMAKE_CXX_COMPILER:.*clang++-14' "$build/CMakeCache.txt"; then
    rm -rf "$build"
fi
# Release, but with assertions on: a sanitizer run should stop on them too.
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2" -DCMAKE_CXX_FLAGS=-gline-tables-only \
    -DFACTLINT_BUILD_TESTS=ON -DFACTLINT_FUZZ=ON -DFACTLINT_SANITIZE=ON >/dev/null
if [ $# -eq 0 ]; then
    cmake --build "$build" -j"$(nproc)"
else
    cmake --build "$build" -j"$(nproc)" --target "$@"
fi
