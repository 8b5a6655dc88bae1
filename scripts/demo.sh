#!/usr/bin/env bash
# Builds factlint (Release) and checks the bundled example draft against its
# reference claims. The draft has planted errors, so factlint exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFACTLINT_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target factlint
echo
echo "\$ factlint check --claims examples/us-iraq/us-iraq.claims examples/us-iraq/draft.md"
status=0
./build/cli/factlint check --no-config --claims examples/us-iraq/us-iraq.claims examples/us-iraq/draft.md || status=$?
echo
echo "factlint exited with status $status (1: the draft has errors, as planted; see examples/us-iraq/README.md)"
[[ $status -le 1 ]]
