# Shared by the bench scripts (sourced, not run): errors, --help, medians and the test cluster.
# shellcheck shell=bash

bench_die() {
  echo "bench: $*" >&2
  exit 1
}

# bench_help SCRIPT: prints the comment block at the top of SCRIPT (its usage).
bench_help() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$1"
}

# The median of the numbers on stdin, one a line (the upper one of an even count).
bench_median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# bench_use_cluster ROOT: unless PG* already names a server, uses the cluster of scripts/pg.sh,
# starting it when it is not running (bench_release_cluster stops it again), and exports its
# environment.
bench_started_cluster=0
bench_use_cluster() {
  local root="$1"
  [[ -z "${PGHOST:-}" ]] || return 0
  if ! bash "${root}/scripts/pg.sh" status >/dev/null 2>&1; then
    bash "${root}/scripts/pg.sh" start >/dev/null
    bench_started_cluster=1
  fi
  # shellcheck source=/dev/null
  source "$(bash "${root}/scripts/pg.sh" env-file)"
  export PGHOST PGPORT PGUSER PGDATABASE
}
bench_release_cluster() {
  if [[ ${bench_started_cluster} -eq 1 ]]; then
    bash "$1/scripts/pg.sh" stop >/dev/null 2>&1 || true
  fi
}

# The psql of the server's version (pg_config --bindir, else PostgreSQL 15's), else the one on
# PATH: printed on stdout.
bench_psql() {
  local candidate
  for candidate in "$(pg_config --bindir 2>/dev/null || true)/psql" /usr/lib/postgresql/15/bin/psql; do
    if [[ -x "${candidate}" ]]; then
      echo "${candidate}"
      return
    fi
  done
  echo psql
}
