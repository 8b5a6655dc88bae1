#!/usr/bin/env bash
# Builds factlint with its tests (Release) and runs every test with ctest;
# then the reliability stage (docs/reliability.md): a short run of every
# fuzz target and the whole suite again under AddressSanitizer + UBSan, both
# on one clang 14 build (build-asan/). About 12 minutes from a clean clone
# on 2 cores (docs/building.md).
#
#   bash scripts/test.sh           # everything (what CI runs: .ci/run)
#   bash scripts/test.sh --quick   # the Release suite only, for a quick local loop
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = --quick ] && quick=1
if [ "$quick" = 1 ]; then
    bash scripts/install-deps.sh
else
    FACTLINT_SANITIZERS=1 bash scripts/install-deps.sh
fi
jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFACTLINT_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")
[ "$quick" = 1 ] && exit 0

# The fuzz smoke run first, so that the run ends with ctest's summary.
echo "== reliability: every fuzz target for 12 s on the ASan + UBSan build (scripts/fuzz-smoke.sh)"
FUZZ_SECONDS=12 bash scripts/fuzz-smoke.sh
echo "== reliability: every test again under ASan + UBSan (scripts/sanitize.sh)"
bash scripts/sanitize.sh
