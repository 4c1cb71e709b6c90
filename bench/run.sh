#!/usr/bin/env bash
# Benchmarks build/pum against psql on generated projects and prints a Markdown table.
#
# Usage: bench/run.sh [--runs N] [SIZE ...]
#   SIZE     VERSIONSxFILES, e.g. 10x5 100x5 1000x1; default 500x2. Each file holds a few
#            trivial statements (CREATE TABLE, INSERT, CREATE INDEX, COMMENT).
#   --runs N timed runs per measurement (default: hyperfine's choice, at least 5).
#
# For each size it generates a pum project under a temp dir and measures the median of:
#   install       pum install into a fresh database   vs  psql -1 -f all.sql (same SQL, same
#                                                         order) into a fresh database
#   info          pum info on an installed database   vs  psql running one query
#   no-op upgrade pum upgrade on an up-to-date db     vs  psql running one query
# and once: pum --version vs psql --version (process start-up).
# Databases are created in the prepare step, outside the timing. Uses hyperfine when present,
# else a bash loop. Uses the cluster of scripts/pg.sh (started, and stopped again, when it is
# not running). Environment: PUM_BIN (default build/pum); PUM_BENCH_NO_HYPERFINE=1 forces the
# bash loop.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pum="${PUM_BIN:-${root}/build/pum}"
runs=""
sizes=()

die() {
  echo "bench: $*" >&2
  exit 1
}
q() { printf '%q' "$1"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"
      runs="$2"
      shift 2
      ;;
    -h | --help)
      awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *)
      [[ "$1" =~ ^[1-9][0-9]*x[1-9][0-9]?$ ]] || die "size must be VERSIONSxFILES (files < 100): $1"
      sizes+=("$1")
      shift
      ;;
  esac
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(500x2)

use_hyperfine=0
if [[ -z "${PUM_BENCH_NO_HYPERFINE:-}" ]] && command -v hyperfine >/dev/null 2>&1; then
  use_hyperfine=1
fi

# --- setup --------------------------------------------------------------------------------

if [[ ! -x "${pum}" ]]; then
  bash "${root}/scripts/build.sh" >&2
fi
[[ -x "${pum}" ]] || die "${pum} not found"

work="$(mktemp -d "${TMPDIR:-/tmp}/pum-bench.XXXXXX")"
started_pg=0
databases=(pum_bench_pum pum_bench_psql pum_bench_ready)
cleanup() {
  local db
  for db in "${databases[@]}"; do
    dropdb --if-exists "${db}" >/dev/null 2>&1 || true
  done
  rm -rf "${work}"
  if [[ ${started_pg} -eq 1 ]]; then
    bash "${root}/scripts/pg.sh" stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if ! bash "${root}/scripts/pg.sh" status >/dev/null 2>&1; then
  started_pg=1
fi
bash "${root}/scripts/pg.sh" start
# shellcheck source=/dev/null
source "$(bash "${root}/scripts/pg.sh" env-file)"
export PGHOST PGPORT PGUSER PGDATABASE
# The real psql binary: /usr/bin/psql on Debian is a Perl wrapper that adds ~15 ms a call.
psql="psql"
for candidate in "$(pg_config --bindir 2>/dev/null || true)/psql" /usr/lib/postgresql/15/bin/psql; do
  if [[ -x "${candidate}" ]]; then
    psql="$(q "${candidate}")"
    break
  fi
done

# --- project generation -------------------------------------------------------------------

# generate DIR VERSIONS FILES: a pum project in DIR and DIR/all.sql with the same statements.
generate() {
  local dir="$1" versions="$2" files="$3" v f version table path
  mkdir -p "${dir}/changelogs"
  printf 'pum:\n  module: bench\n  migration_table_schema: bench_sys\n' >"${dir}/.pum.yaml"
  : >"${dir}/all.sql"
  for ((v = 0; v < versions; v++)); do
    version="1.${v}.0"
    mkdir -p "${dir}/changelogs/${version}"
    for ((f = 1; f <= files; f++)); do
      table="bench.t_${v}_${f}"
      path="${dir}/changelogs/${version}/$(printf '%02d' "${f}")_table_${f}.sql"
      {
        printf -- '-- bench %s, file %d\n' "${version}" "${f}"
        if [[ ${v} -eq 0 && ${f} -eq 1 ]]; then
          printf 'CREATE SCHEMA bench;\n'
        fi
        printf 'CREATE TABLE %s (id integer PRIMARY KEY, name text NOT NULL, value numeric);\n' "${table}"
        printf "INSERT INTO %s (id, name, value)\n  SELECT g, 'row ' || g, g * 1.5 FROM generate_series(1, 20) AS g;\n" "${table}"
        printf 'CREATE INDEX t_%d_%d_name_idx ON %s (name);\n' "${v}" "${f}" "${table}"
        printf "COMMENT ON TABLE %s IS 'table %d of version %s';\n" "${table}" "${f}" "${version}"
      } >"${path}"
      cat "${path}" >>"${dir}/all.sql"
    done
  done
}

# --- measuring ----------------------------------------------------------------------------

# median PREPARE COMMAND: prints the median wall time of COMMAND in seconds. PREPARE (may be
# empty) runs before each run, untimed. Both are simple command lines (words quoted as in the
# shell, no pipes or redirections): hyperfine runs them without a shell, so nothing needs to
# be subtracted for the shell's start-up.
median() {
  local prepare="$1" command="$2" json="${work}/hyperfine.json"
  if [[ ${use_hyperfine} -eq 1 ]]; then
    local args=(-N --style basic --warmup 1 --export-json "${json}")
    if [[ -n "${runs}" ]]; then
      args+=(--runs "${runs}")
    else
      args+=(--min-runs 5)
    fi
    [[ -z "${prepare}" ]] || args+=(--prepare "${prepare}")
    hyperfine "${args[@]}" "${command}" >&2 || die "failed: ${command}"
    local m
    m="$(grep -o '"median": *[0-9.eE+-]*' "${json}" | head -n 1 | sed 's/.*: *//')"
    [[ -n "${m}" ]] || die "no median in hyperfine's output"
    echo "${m}"
  else
    local n="${runs:-10}" i start end times=()
    for ((i = 0; i <= n; i++)); do # run 0 is the warm-up
      [[ -z "${prepare}" ]] || bash -c "${prepare}" >/dev/null 2>&1
      start=$(date +%s%N)
      bash -c "${command}" >/dev/null 2>&1 || die "failed: ${command}"
      end=$(date +%s%N)
      [[ ${i} -eq 0 ]] || times+=("$((end - start))")
    done
    printf '%s\n' "${times[@]}" | sort -n |
      awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.9f\n", m / 1e9 }'
  fi
}

rows=()
# row SCENARIO PUM_SECONDS PSQL_SECONDS
row() {
  rows+=("$(awk -v s="$1" -v a="$2" -v b="$3" 'BEGIN {
    printf "| %s | %.1f ms | %.1f ms | %.2f |", s, a * 1000, b * 1000, (b > 0 ? a / b : 0) }')")
}

one_query="${psql} -X -q -d pum_bench_ready -c 'SELECT version FROM bench_sys.pum_migrations'"

echo "bench: pum --version" >&2
pum_t="$(median "" "$(q "${pum}") --version")"
psql_t="$(median "" "${psql} --version")"
# shellcheck disable=SC2016 # backquotes are Markdown here
row '`--version` (start-up)' "${pum_t}" "${psql_t}"

for size in "${sizes[@]}"; do
  versions="${size%x*}"
  files="${size#*x}"
  project="${work}/p${size}"
  echo "bench: generating ${versions} versions x ${files} files" >&2
  generate "${project}" "${versions}" "${files}"
  label="${versions}×${files}"
  pum_cmd="$(q "${pum}") -d $(q "${project}")"

  echo "bench: install ${label}" >&2
  pum_t="$(median "bash -c 'dropdb --if-exists pum_bench_pum && createdb pum_bench_pum'" \
    "${pum_cmd} -p dbname=pum_bench_pum install")"
  psql_t="$(median "bash -c 'dropdb --if-exists pum_bench_psql && createdb pum_bench_psql'" \
    "${psql} -X -q -1 -v ON_ERROR_STOP=1 -d pum_bench_psql -f $(q "${project}/all.sql")")"
  row "install ${label}" "${pum_t}" "${psql_t}"

  dropdb --if-exists pum_bench_ready
  createdb pum_bench_ready
  "${pum}" -q -p dbname=pum_bench_ready -d "${project}" install ||
    die "pum install of the ${label} project failed"

  echo "bench: info ${label}" >&2
  pum_t="$(median "" "${pum_cmd} -p dbname=pum_bench_ready info")"
  psql_t="$(median "" "${one_query}")"
  row "info ${label}" "${pum_t}" "${psql_t}"

  echo "bench: no-op upgrade ${label}" >&2
  pum_t="$(median "" "${pum_cmd} -p dbname=pum_bench_ready upgrade")"
  psql_t="$(median "" "${one_query}")"
  row "no-op upgrade ${label}" "${pum_t}" "${psql_t}"
done

tool="hyperfine"
[[ ${use_hyperfine} -eq 1 ]] || tool="a bash loop"
echo
echo "| scenario | pum median | psql median | ratio |"
echo "| --- | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo
echo "Medians measured with ${tool}; ratio = pum / psql. psql column: \`psql --version\`;"
echo "\`psql -1 -f all.sql\` of the same statements (no migrations table); one SELECT on the"
echo "migrations table for info and upgrade. Each install runs into a freshly created database."
