#!/usr/bin/env bash
# Benchmarks time and peak memory of `pum install` on a big pum 1.x project: a generated project
# (bench/memory-project.py) shaped like the largest public pum 1.x project we know (69 changelog
# files, 7.5 MB of SQL, files up to 1.7 MB): 6 versions of 2 MB each, 76 files, one of 1.7 MB,
# tables, indexes, comments, plpgsql trigger functions with dollar-quoted bodies, views and
# INSERT-heavy data files. `pum install` against `psql -1 -f` of the same SQL concatenated, each
# into a fresh database; the runs interleave (pum, psql, psql, pum, ...). Peak RSS is GNU time's
# %M (scripts/bench-deps.sh installs it). Prints one Markdown row:
# scenario | pum | psql -1 -f | ratio | pum peak RSS | psql peak RSS | target.
#
# Usage: bench/memory.sh [--runs N] [--versions N] [--version-mb MB] [--big-mb MB]
#   (defaults 5, 6, 2 and 1.7; the median time and the largest peak RSS are printed)
# Environment: PUM_BIN (default build/pum). Uses the cluster of scripts/pg.sh unless PG* names
# a server. Targets: within 1.15× of psql -1 -f; peak RSS under pum 1.8's 59 MB on the real
# project.
set -euo pipefail
export LC_ALL=C

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pum="${PUM_BIN:-${root}/build/pum}"
runs=5
versions=6
version_mb=2
big_mb=1.7
# shellcheck source=bench/common.sh
source "${root}/bench/common.sh"
die() { bench_die "$@"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs | --versions)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive number"
      if [[ "$1" == --runs ]]; then runs="$2"; else versions="$2"; fi
      shift 2
      ;;
    --version-mb | --big-mb)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "$1 needs a number"
      if [[ "$1" == --version-mb ]]; then version_mb="$2"; else big_mb="$2"; fi
      shift 2
      ;;
    -h | --help)
      bench_help "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *) die "unknown argument: $1" ;;
  esac
done

[[ -x "${pum}" ]] || die "${pum} not found (PUM_BIN)"
[[ -x /usr/bin/time ]] || die "GNU time not found: scripts/bench-deps.sh installs it (Debian package time)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pum-bench-mem.XXXXXX")"
databases=(pum_benchmem_pum pum_benchmem_psql)
cleanup() {
  local db
  for db in "${databases[@]}"; do dropdb --if-exists "${db}" >/dev/null 2>&1 || true; done
  rm -rf "${work}"
  bench_release_cluster "${root}"
}
trap cleanup EXIT
bench_use_cluster "${root}"
psql="$(bench_psql)"

project="${work}/project"
python3 "${root}/bench/memory-project.py" "${project}" --versions "${versions}" \
  --version-mb "${version_mb}" --big-mb "${big_mb}"
nfiles="$(find "${project}/changelogs" -name '*.sql' | wc -l)"
total_mb="$(awk -v b="$(stat -c %s "${project}/all.sql")" 'BEGIN { printf "%.1f", b / 1e6 }')"
largest_mb="$(find "${project}/changelogs" -name '*.sql' -printf '%s\n' | sort -n | tail -1 |
  awk '{ printf "%.1f", $1 / 1e6 }')"

fresh() {
  dropdb --if-exists "$1" >/dev/null 2>&1
  createdb "$1"
}
# measured OUT CMD...: runs CMD under GNU time, appends "seconds kib" to OUT; stops the bench
# (printing the command's stderr) when it fails.
measured() {
  local out="$1"
  shift
  if ! /usr/bin/time -f '%e %M' -o "${work}/time.txt" "$@" </dev/null >/dev/null \
    2>"${work}/stderr.txt"; then
    cat "${work}/stderr.txt" >&2
    die "failed: $*"
  fi
  cat "${work}/time.txt" >>"${out}"
}
run_pum() {
  measured "${work}/pum.txt" "${pum}" -q -p "dbname=pum_benchmem_pum" -d "${project}" install
}
run_psql() {
  measured "${work}/psql.txt" "${psql}" -X -q -1 -v ON_ERROR_STOP=1 -d pum_benchmem_psql \
    -f "${project}/all.sql"
}

for ((r = 0; r <= runs; r++)); do # round 0 is a warm-up
  echo "bench: round ${r}/${runs}$([[ ${r} -gt 0 ]] || echo ' (warm-up)')" >&2
  fresh pum_benchmem_pum
  fresh pum_benchmem_psql
  if ((r % 2 == 0)); then
    run_pum
    run_psql
  else
    run_psql
    run_pum
  fi
  if [[ ${r} -eq 0 ]]; then rm -f "${work}/pum.txt" "${work}/psql.txt"; fi
done
rows="$("${psql}" -X -At -d pum_benchmem_pum -c "SELECT count(*) FROM public.pum_migrations")"
[[ "${rows}" == "${versions}" ]] || die "pum recorded ${rows} versions, not ${versions}"

pum_t="$(cut -d' ' -f1 "${work}/pum.txt" | bench_median)"
psql_t="$(cut -d' ' -f1 "${work}/psql.txt" | bench_median)"
pum_kib="$(cut -d' ' -f2 "${work}/pum.txt" | sort -n | tail -1)"
psql_kib="$(cut -d' ' -f2 "${work}/psql.txt" | sort -n | tail -1)"
ratio="$(awk -v a="${pum_t}" -v b="${psql_t}" 'BEGIN { printf "%.2f", a / b }')"
verdict="met (≤ 1.15×, < 59 MB)"
if ! awk -v r="${ratio}" -v k="${pum_kib}" 'BEGIN { exit !(r <= 1.15 && k / 1024 < 59) }'; then
  verdict="**missed** (≤ 1.15×, < 59 MB)"
fi
printf '| `install` %d×%s MB generated (%d files, %s MB of SQL, largest file %s MB; `bench/memory.sh`) | %.2f s | %.2f s | %s | %.1f MB | %.1f MB | %s |\n' \
  "${versions}" "${version_mb}" "${nfiles}" "${total_mb}" "${largest_mb}" "${pum_t}" "${psql_t}" \
  "${ratio}" "$(awk -v k="${pum_kib}" 'BEGIN { print k / 1024 }')" \
  "$(awk -v k="${psql_kib}" 'BEGIN { print k / 1024 }')" "${verdict}"
