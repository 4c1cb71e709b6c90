#!/usr/bin/env bash
# Builds the Debian package: a Release build in build-package/ (install prefix /usr), then
# `cpack -G DEB` (cmake/packaging.cmake). Prints the path of the .deb on stdout (the build's
# output goes to stderr).
# Usage: scripts/package.sh [extra cmake arguments]
# Environment: PUM_PACKAGE_BUILD_DIR (default: build-package), CC/CXX (first configure only).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${PUM_PACKAGE_BUILD_DIR:-${root}/build-package}"

{
  if [[ ! -f "${build_dir}/CMakeCache.txt" || $# -gt 0 ]]; then
    launcher=()
    if command -v ccache >/dev/null 2>&1; then
      launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    # No tests in the package build: CI runs them in its other build directories.
    cmake -S "${root}" -B "${build_dir}" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DPUM_TESTS=OFF "${launcher[@]}" "$@"
  fi
  cmake --build "${build_dir}" -j"$(nproc)"
  rm -f "${build_dir}"/pum_*.deb
  (cd "${build_dir}" && cpack -G DEB)
} >&2

debs=("${build_dir}"/pum_*.deb)
if [[ ! -f "${debs[0]}" ]]; then
  echo "package: cpack made no pum_*.deb in ${build_dir}" >&2
  exit 1
fi
echo "${debs[0]}"
