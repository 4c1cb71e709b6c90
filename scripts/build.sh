#!/usr/bin/env bash
# Configures (first time, or when arguments are given) and builds pum into build/.
# Incremental: a second run only rebuilds what changed.
# Usage: scripts/build.sh [extra cmake arguments, e.g. -DPUM_SANITIZE=ON]
# Warnings are errors here (-DPUM_WERROR=ON), as in CI; a plain `cmake` build leaves them warnings.
# ccache is used when it is installed.
# Environment: PUM_BUILD_DIR (default: build), PUM_BUILD_TYPE (default: RelWithDebInfo), CC/CXX
#   (compilers, read at the first configure only, e.g. CC=clang CXX=clang++).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${PUM_BUILD_DIR:-${root}/build}"
build_type="${PUM_BUILD_TYPE:-RelWithDebInfo}"

if [[ ! -f "${build_dir}/CMakeCache.txt" || $# -gt 0 ]]; then
  launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S "${root}" -B "${build_dir}" -DCMAKE_BUILD_TYPE="${build_type}" -DPUM_WERROR=ON \
    "${launcher[@]}" "$@"
fi
cmake --build "${build_dir}" -j"$(nproc)"
