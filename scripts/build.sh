#!/usr/bin/env bash
# Configures (first time, or when arguments are given) and builds pum into build/.
# Incremental: a second run only rebuilds what changed.
# Usage: scripts/build.sh [extra cmake arguments, e.g. -DPUM_SANITIZE=ON]
# Environment: PUM_BUILD_DIR (default: build), PUM_BUILD_TYPE (default: RelWithDebInfo).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${PUM_BUILD_DIR:-${root}/build}"
build_type="${PUM_BUILD_TYPE:-RelWithDebInfo}"

if [[ ! -f "${build_dir}/CMakeCache.txt" || $# -gt 0 ]]; then
  cmake -S "${root}" -B "${build_dir}" -DCMAKE_BUILD_TYPE="${build_type}" "$@"
fi
cmake --build "${build_dir}" -j"$(nproc)"
