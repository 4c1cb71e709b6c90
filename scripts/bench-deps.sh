#!/usr/bin/env bash
# Installs the other migration tools that bench/run.sh compares pum with. Benchmark only: the
# test suite never needs them, and bench/run.sh skips (with a visible row) any that is missing.
#
#   dbmate  npm package `dbmate`, installed under bench/.tools/node_modules (npm install
#           --prefix, never globally); its Linux binary comes from an optional npm dependency.
#   sqitch  the Debian package `sqitch` (with libdbd-pg-perl, its PostgreSQL driver).
#   hyperfine, perf  the Debian packages, when missing.
#   time    the Debian package (GNU time): bench/demo-data.sh reads peak memory from it.
#
# Usage: scripts/bench-deps.sh        (as root, or a user with sudo for the Debian packages)
# Prints where each tool is. Safe to run again: only what is missing is installed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${root}/bench/.tools"

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  else
    sudo "$@"
  fi
}

# --- Debian packages ----------------------------------------------------------------------
missing=()
command -v sqitch >/dev/null 2>&1 || missing+=(sqitch)
dpkg -s libdbd-pg-perl >/dev/null 2>&1 || missing+=(libdbd-pg-perl)
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "bench-deps: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# --- dbmate (npm, bench-local) ------------------------------------------------------------
dbmate="${tools}/node_modules/.bin/dbmate"
if [[ ! -x "${dbmate}" ]] || ! "${dbmate}" --version >/dev/null 2>&1; then
  echo "bench-deps: npm install --prefix ${tools} dbmate" >&2
  mkdir -p "${tools}"
  npm install --prefix "${tools}" --no-audit --no-fund --loglevel=error dbmate >/dev/null
fi

echo "sqitch:    $(command -v sqitch) ($(sqitch --version 2>/dev/null | head -n 1))"
echo "dbmate:    ${dbmate} ($("${dbmate}" --version 2>/dev/null | head -n 1))"
echo "hyperfine: $(command -v hyperfine)"
