#!/usr/bin/env bash
# Benchmarks the flat numbered-files layout: a generated directory of 500 files (001_x.sql ...,
# each a table, an index, a comment and a few rows; every tenth file in pgdbm's BEGIN/COMMIT
# pair) upgraded by `pum upgrade -d DIR` (pgdbm's schema_migrations, one transaction) against
# `psql -1 -f` of the same SQL concatenated (the BEGIN/COMMIT pairs left out, as pum skips them).
# Each run goes into a fresh, empty database; the runs interleave (pum, psql, psql, pum, ...).
# Prints one Markdown row: scenario | pum | psql -1 -f | ratio | target.
#
# Usage: bench/flat.sh [--runs N] [--files N]   (defaults 5 and 500; the median is printed)
# Environment: PUM_BIN (default build/pum). Uses the cluster of scripts/pg.sh unless PG* names
# a server. Target: within 1.15× of psql -1 -f.
set -euo pipefail
export LC_ALL=C

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pum="${PUM_BIN:-${root}/build/pum}"
runs=5
files=500
# shellcheck source=bench/common.sh
source "${root}/bench/common.sh"
die() { bench_die "$@"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs | --files)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive number"
      if [[ "$1" == --runs ]]; then runs="$2"; else files="$2"; fi
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
work="$(mktemp -d "${TMPDIR:-/tmp}/pum-bench-flat.XXXXXX")"
databases=(pum_benchflat_pum pum_benchflat_psql)
cleanup() {
  local db
  for db in "${databases[@]}"; do dropdb --if-exists "${db}" >/dev/null 2>&1 || true; done
  rm -rf "${work}"
  bench_release_cluster "${root}"
}
trap cleanup EXIT
bench_use_cluster "${root}"
psql="$(bench_psql)"

# The project, and the same statements concatenated for psql.
dir="${work}/migrations"
mkdir -p "${dir}"
for ((i = 1; i <= files; i++)); do
  body="CREATE TABLE t${i} (id integer PRIMARY KEY, label text NOT NULL, created_at timestamptz DEFAULT now());
CREATE INDEX t${i}_label ON t${i} (label);
COMMENT ON TABLE t${i} IS 'table ${i}';
INSERT INTO t${i} (id, label) VALUES (1, 'a'), (2, 'b'), (3, 'c');
"
  name="$(printf '%03d_table_%d.sql' "${i}" "${i}")"
  if ((i % 10 == 0)); then
    printf 'BEGIN;\n%sCOMMIT;\n' "${body}" >"${dir}/${name}"
  else
    printf '%s' "${body}" >"${dir}/${name}"
  fi
  printf '%s' "${body}" >>"${work}/all.sql"
done

fresh() {
  dropdb --if-exists "$1" >/dev/null 2>&1
  createdb "$1"
}
run_pum() { "${pum}" -q -p "dbname=pum_benchflat_pum" -d "${dir}" upgrade >/dev/null; }
run_psql() {
  "${psql}" -X -q -1 -v ON_ERROR_STOP=1 -d pum_benchflat_psql -f "${work}/all.sql" >/dev/null
}
elapsed() {
  local start end
  start=${EPOCHREALTIME}
  "$@"
  end=${EPOCHREALTIME}
  awk -v a="${start}" -v b="${end}" 'BEGIN { printf "%.6f\n", b - a }'
}

pum_times=()
psql_times=()
for ((r = 0; r <= runs; r++)); do # round 0 is a warm-up
  echo "bench: round ${r}/${runs}$([[ ${r} -gt 0 ]] || echo ' (warm-up)')" >&2
  fresh pum_benchflat_pum
  fresh pum_benchflat_psql
  if ((r % 2 == 0)); then
    p="$(elapsed run_pum)"
    q="$(elapsed run_psql)"
  else
    q="$(elapsed run_psql)"
    p="$(elapsed run_pum)"
  fi
  [[ ${r} -eq 0 ]] && continue
  pum_times+=("${p}")
  psql_times+=("${q}")
done
# pum recorded every file.
count="$("${psql}" -X -At -d pum_benchflat_pum -c "SELECT count(*) FROM public.schema_migrations")"
[[ "${count}" == "${files}" ]] || die "pum recorded ${count} files, not ${files}"

pum_m="$(printf '%s\n' "${pum_times[@]}" | bench_median)"
psql_m="$(printf '%s\n' "${psql_times[@]}" | bench_median)"
ratio="$(awk -v a="${pum_m}" -v b="${psql_m}" 'BEGIN { printf "%.2f", a / b }')"
verdict="met (≤ 1.15×)"
awk -v r="${ratio}" 'BEGIN { exit !(r <= 1.15) }' || verdict="**missed** (≤ 1.15×)"
printf '| `upgrade` %d flat files | %s | %s | %s | %s |\n' \
  "${files}" "$(awk -v s="${pum_m}" 'BEGIN { printf "%.1f ms", s * 1000 }')" \
  "$(awk -v s="${psql_m}" 'BEGIN { printf "%.1f ms", s * 1000 }')" "${ratio}" "${verdict}"
