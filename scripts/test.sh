#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs what is missing, checks the
# formatting, builds, starts a throwaway PostgreSQL cluster, runs every test with ctest, stops
# the cluster. Exits non-zero when anything fails.
# Usage: scripts/test.sh [extra ctest arguments, e.g. -R sql -V]
# Environment: PUM_BUILD_DIR (default build), CTEST_PARALLEL_LEVEL (default 2),
#   PUM_TEST_TIMEOUT (seconds per test without a TIMEOUT property of its own, default 600), and
#   PUM_PG_DIR, PUM_PG_PORT (see scripts/pg.sh): by default the tests get a cluster of their
#   own (/tmp/pum-pg-<uid>-test, port 54339), so a demo cluster keeps running beside it.
set -euo pipefail

export PUM_PG_DIR="${PUM_PG_DIR:-/tmp/pum-pg-$(id -u)-test}"
export PUM_PG_PORT="${PUM_PG_PORT:-54339}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${PUM_BUILD_DIR:-${root}/build}"
cd "${root}"

step() { printf '\n==> %s\n' "$*" >&2; }

step "dependencies (scripts/deps.sh)"
bash scripts/deps.sh

# Formatting only: clang-tidy is slow, it runs with scripts/lint.sh --tidy.
step "formatting (scripts/lint.sh --check)"
lint_status=0
bash scripts/lint.sh --check || lint_status=$?

step "build (scripts/build.sh)"
bash scripts/build.sh

step "PostgreSQL (scripts/pg.sh start)"
trap 'bash "${root}/scripts/pg.sh" stop || true' EXIT
bash scripts/pg.sh start
# shellcheck source=/dev/null
source "$(bash scripts/pg.sh env-file)"
export PGHOST PGPORT PGUSER PGDATABASE
export PUM_TEST_PG=1

step "tests (ctest)"
log="${build_dir}/ctest-output.log"
ctest_status=0
ctest --test-dir "${build_dir}" --output-on-failure --no-tests=error \
  --timeout "${PUM_TEST_TIMEOUT:-600}" -j"${CTEST_PARALLEL_LEVEL:-2}" "$@" 2>&1 | tee "${log}" || ctest_status=${PIPESTATUS[0]}

bash scripts/pg.sh stop || true
trap - EXIT

echo
summary="$(grep -E 'tests passed|No tests were found' "${log}" | tail -n 1 || true)"
echo "${summary:-ctest printed no summary (exit status ${ctest_status})}"
if [[ ${lint_status} -ne 0 ]]; then
  echo "formatting check failed: run scripts/lint.sh --fix"
  [[ ${ctest_status} -ne 0 ]] || ctest_status=1
fi
exit "${ctest_status}"
