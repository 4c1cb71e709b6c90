#!/usr/bin/env bash
# Formatting and static analysis.
# Usage: scripts/lint.sh --check   clang-format dry run over src/ tests/ bench/ fuzz/ (fails on diffs)
#        scripts/lint.sh --fix     reformat those files in place
#        scripts/lint.sh --tidy    clang-tidy over the src/ files of build/compile_commands.json
#                                  (run scripts/build.sh first)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${PUM_BUILD_DIR:-${root}/build}"
cd "${root}"

usage() {
  echo "usage: scripts/lint.sh --check|--fix|--tidy" >&2
  exit 2
}

# C++ sources and headers of our own code, NUL-separated, in a stable order.
cxx_files() {
  local dirs=() d
  for d in src tests bench fuzz; do
    [[ -d "${d}" ]] && dirs+=("${d}")
  done
  [[ ${#dirs[@]} -gt 0 ]] || return 0
  find "${dirs[@]}" -type f \
    \( -name '*.cpp' -o -name '*.cc' -o -name '*.cxx' -o -name '*.hpp' -o -name '*.h' \
    -o -name '*.hh' -o -name '*.ipp' \) -print0 | sort -z
}

require() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "lint.sh: $1 not found; run scripts/deps.sh" >&2
    exit 1
  }
}

cmd_check() {
  require clang-format
  local files=()
  mapfile -d '' files < <(cxx_files)
  if [[ ${#files[@]} -eq 0 ]]; then
    echo "lint: no C++ files to check"
    return 0
  fi
  if clang-format --dry-run -Werror "${files[@]}"; then
    echo "lint: ${#files[@]} files formatted correctly"
  else
    echo "lint: formatting differs (see above); run scripts/lint.sh --fix" >&2
    return 1
  fi
}

cmd_fix() {
  require clang-format
  local files=()
  mapfile -d '' files < <(cxx_files)
  [[ ${#files[@]} -eq 0 ]] || clang-format -i "${files[@]}"
  echo "lint: formatted ${#files[@]} files"
}

cmd_tidy() {
  require clang-tidy
  local db="${build_dir}/compile_commands.json"
  [[ -f "${db}" ]] || {
    echo "lint.sh: ${db} missing; run scripts/build.sh first" >&2
    exit 1
  }
  # compile_commands.json written by CMake has one `"file": "/abs/path"` per entry.
  local files=()
  mapfile -t files < <(grep -o '"file": *"[^"]*"' "${db}" | sed 's/^"file": *"//; s/"$//' |
    grep -F "${root}/src/" | sort -u)
  if [[ ${#files[@]} -eq 0 ]]; then
    echo "lint: no src/ files in ${db}"
    return 0
  fi
  echo "lint: clang-tidy on ${#files[@]} files" >&2
  if printf '%s\0' "${files[@]}" |
    xargs -0 -n 4 -P "$(nproc)" clang-tidy -p "${build_dir}" --quiet; then
    echo "lint: clang-tidy clean"
  else
    echo "lint: clang-tidy found problems (see above)" >&2
    return 1
  fi
}

[[ $# -eq 1 ]] || usage
case "$1" in
  --check) cmd_check ;;
  --fix) cmd_fix ;;
  --tidy) cmd_tidy ;;
  *) usage ;;
esac
