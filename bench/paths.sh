# What bench/run.sh and bench/claims_floor.sh share, sourced by both: where
# the repository, the shared corpus and the bench's Release build are (the
# environment run.sh's header documents), and that build.
# shellcheck shell=bash disable=SC2034 # the variables are the sourcing script's
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
bench=$repo/bench
shared=${SHARED_DIR:-${FACTLINT_SHARED_DIR:-$repo/../shared}}
corpus=$shared/corpus/news.txt
build=${BENCH_BUILD_DIR:-$repo/build/bench}

# build_factlint: a Release factlint in $build, its path in $factlint.
build_factlint() {
  echo "# building Release factlint in $build" >&2
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target factlint >&2
  factlint=$build/cli/factlint
}
