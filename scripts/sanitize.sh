#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer: builds everything
# with -DPUM_SANITIZE=ON in a build directory of its own, starts a throwaway PostgreSQL cluster
# of its own, runs every test with ctest, stops the cluster. Every sanitizer report (from the
# test binaries and from every pum process they spawn) is written to a log file; any report
# fails the run, whatever the test that saw it concluded.
#
# Usage: scripts/sanitize.sh [extra ctest arguments, e.g. -R sql -E stress]
# Environment: PUM_SANITIZE_BUILD_DIR (default build-sanitize), CTEST_PARALLEL_LEVEL (default
#   2), PUM_PG_DIR / PUM_PG_PORT (default /tmp/pum-pg-<uid>-sanitize, port 54349).
# Prints how long the build and the tests took.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${PUM_SANITIZE_BUILD_DIR:-${root}/build-sanitize}"
export PUM_PG_DIR="${PUM_PG_DIR:-/tmp/pum-pg-$(id -u)-sanitize}"
export PUM_PG_PORT="${PUM_PG_PORT:-54349}"
cd "${root}"

step() { printf '\n==> %s\n' "$*" >&2; }
seconds_since() { echo $(($(date +%s) - $1)); }

step "build with ASan+UBSan (${build_dir})"
build_start=$(date +%s)
# Under -fsanitize=address g++ 12 reports false positives from its flow analysis inside the
# standard library (-Wmaybe-uninitialized in std::regex, -Wrestrict in std::string::assign):
# this build does not treat warnings as errors and silences those; the normal build
# (scripts/build.sh, scripts/test.sh) keeps -Werror for everything.
cmake -S "${root}" -B "${build_dir}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPUM_SANITIZE=ON \
  -DPUM_WERROR=OFF "-DCMAKE_CXX_FLAGS=-Wno-maybe-uninitialized -Wno-restrict" >/dev/null
cmake --build "${build_dir}" -j"$(nproc)"
build_seconds=$(seconds_since "${build_start}")

step "PostgreSQL (scripts/pg.sh start, ${PUM_PG_DIR})"
trap 'bash "${root}/scripts/pg.sh" stop || true' EXIT
bash scripts/pg.sh start
# shellcheck source=/dev/null
source "$(bash scripts/pg.sh env-file)"
export PGHOST PGPORT PGUSER PGDATABASE
export PUM_TEST_PG=1

# Reports go to files (one per process) as well as to stderr: a pum child whose stderr a test
# only searches, or whose exit status it expects to be 1 anyway, cannot hide one. A distinct
# exit code (86) makes the report visible in the test that ran the process too.
logs="${build_dir}/sanitizer-logs"
rm -rf "${logs}"
mkdir -p "${logs}"
chmod 0777 "${logs}" # the tests may run processes as another user (pgbouncer, the cluster)
export ASAN_OPTIONS="log_path=${logs}/asan:log_exe_name=1:exitcode=86:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="log_path=${logs}/ubsan:log_exe_name=1:print_stacktrace=1:halt_on_error=1:exitcode=86"
# The embedded CPython of the Python hooks keeps its own allocations until the process exits
# (it is never finalised, as in most embedders): those leak reports are not ours. A leak whose
# allocation happened inside libpython is suppressed, wherever it was called from.
suppressions="${build_dir}/lsan-suppressions.txt"
echo "leak:libpython3" >"${suppressions}"
export LSAN_OPTIONS="exitcode=86:suppressions=${suppressions}:print_suppressions=0"

step "tests (ctest) under the sanitizers"
test_start=$(date +%s)
ctest_status=0
ctest --test-dir "${build_dir}" --output-on-failure --no-tests=error \
  --timeout "${PUM_TEST_TIMEOUT:-1800}" -j"${CTEST_PARALLEL_LEVEL:-2}" "$@" 2>&1 |
  tee "${build_dir}/ctest-sanitize.log" || ctest_status=${PIPESTATUS[0]}
test_seconds=$(seconds_since "${test_start}")

bash scripts/pg.sh stop || true
trap - EXIT

reports=()
mapfile -t reports < <(find "${logs}" -type f | sort)
echo
if [[ ${#reports[@]} -gt 0 ]]; then
  echo "sanitize: ${#reports[@]} sanitizer report(s):"
  for report in "${reports[@]}"; do
    echo "--- ${report}"
    cat "${report}"
  done
  [[ ${ctest_status} -ne 0 ]] || ctest_status=1
else
  echo "sanitize: no sanitizer report"
fi
summary="$(grep -E 'tests passed|No tests were found' "${build_dir}/ctest-sanitize.log" | tail -n 1 || true)"
echo "${summary:-ctest printed no summary (exit status ${ctest_status})}"
echo "sanitize: build ${build_seconds} s, tests ${test_seconds} s"
exit "${ctest_status}"
