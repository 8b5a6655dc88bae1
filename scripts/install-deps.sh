#!/usr/bin/env bash
# Installs the Debian packages factlint builds and tests with, when missing.
# Run as root on Debian 12 (bookworm). Installs nothing that is already there.
set -euo pipefail

packages=(
  cmake g++ ninja-build pkg-config
  libboost-dev libfmt-dev doctest-dev libmd4c-dev nlohmann-json3-dev
  libmd4c-html0        # md4c's CMake package names this library, but Debian's
                       # libmd4c-dev does not depend on it: find_package(md4c)
                       # fails on a machine that lacks it
  libcli11-dev libtomlplusplus-dev
  libxxhash-dev        # keys and checks of the compiled-claims cache
  libmimalloc-dev      # the executable's allocator
  python3-jsonschema   # validates SARIF output in the tests (/usr/bin/python3)
  python3-yaml jq      # check the CI integration files in the tests
)
if [[ "${FACTLINT_SANITIZERS:-}" == 1 ]]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "factlint: installing ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  echo "factlint: missing packages; run as root or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
