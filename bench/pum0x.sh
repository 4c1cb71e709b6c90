#!/usr/bin/env bash
# Benchmarks the pum 0.x delta layout on a real project: upgrading procrastinate from 0.5.0 to
# 0.16.0 (tests/data/procrastinate: its 0.5.0 structure.sql and baseline 0.5.0, then all of its
# deltas) with `pum upgrade -p SERVICE -t public.pum -d migrations` (the 0.x command line, a
# pg_service file) against `psql -1 -f` of the same delta SQL concatenated in version order.
# Each run goes into a fresh database copied from one template restored to 0.5.0 (structure.sql,
# then `pum baseline -b 0.5.0`), the same for both; the runs interleave (pum, psql, psql, pum,
# ...). Prints one Markdown row: scenario | pum | psql -1 -f | ratio | target.
#
# Usage: bench/pum0x.sh [--runs N]   (default 5; the median is printed)
# Environment: PUM_BIN (default build/pum). Uses the cluster of scripts/pg.sh unless PG* names
# a server. Target: within 1.15× of psql -1 -f.
set -euo pipefail
export LC_ALL=C

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pum="${PUM_BIN:-${root}/build/pum}"
runs=5
# shellcheck source=bench/common.sh
source "${root}/bench/common.sh"
die() { bench_die "$@"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"
      runs="$2"
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
data="${root}/tests/data/procrastinate"
work="$(mktemp -d "${TMPDIR:-/tmp}/pum-bench-0x.XXXXXX")"
databases=(pum_bench0x_template pum_bench0x_pum pum_bench0x_psql)
cleanup() {
  local db
  for db in "${databases[@]}"; do dropdb --if-exists "${db}" >/dev/null 2>&1 || true; done
  rm -rf "${work}"
  bench_release_cluster "${root}"
}
trap cleanup EXIT
bench_use_cluster "${root}"
psql="$(bench_psql)"

service_file="${work}/pg_service.conf"
{
  printf '[bench0x_template]\nhost=%s\nport=%s\nuser=%s\ndbname=pum_bench0x_template\n\n' \
    "${PGHOST}" "${PGPORT}" "${PGUSER}"
  printf '[bench0x]\nhost=%s\nport=%s\nuser=%s\ndbname=pum_bench0x_pum\n' \
    "${PGHOST}" "${PGPORT}" "${PGUSER}"
} >"${service_file}"
export PGSERVICEFILE="${service_file}"

# The deltas in version order (what pum applies), concatenated for psql.
mapfile -t deltas < <(cd "${data}/migrations" && ls delta_*.sql | sort -V)
[[ ${#deltas[@]} -gt 0 ]] || die "no deltas in ${data}/migrations"
for f in "${deltas[@]}"; do cat "${data}/migrations/${f}" >>"${work}/all.sql"; done

# The template: procrastinate 0.5.0 (structure.sql) with pum's baseline 0.5.0.
for db in "${databases[@]}"; do dropdb --if-exists "${db}" >/dev/null 2>&1; done
createdb pum_bench0x_template
"${psql}" -X -q -v ON_ERROR_STOP=1 -d pum_bench0x_template -f "${data}/structure-0.5.0.sql" \
  >/dev/null
"${pum}" baseline -p bench0x_template -t public.pum -d "${data}/migrations" -b 0.5.0 >/dev/null

fresh() {
  dropdb --if-exists "$1" >/dev/null 2>&1
  createdb -T pum_bench0x_template "$1"
}
run_pum() { "${pum}" upgrade -p bench0x -t public.pum -d "${data}/migrations" >/dev/null; }
run_psql() {
  "${psql}" -X -q -1 -v ON_ERROR_STOP=1 -d pum_bench0x_psql -f "${work}/all.sql" >/dev/null 2>&1
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
  fresh pum_bench0x_pum
  fresh pum_bench0x_psql
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
# Both ended at 0.15.2 (the last delta): pum's table says so.
top="$("${psql}" -X -At -d pum_bench0x_pum -c \
  "SELECT version FROM public.pum WHERE success ORDER BY id DESC LIMIT 1")"
[[ "${top}" == "0.15.2" ]] || die "pum's upgrade ended at ${top}, not 0.15.2"

pum_m="$(printf '%s\n' "${pum_times[@]}" | bench_median)"
psql_m="$(printf '%s\n' "${psql_times[@]}" | bench_median)"
ratio="$(awk -v a="${pum_m}" -v b="${psql_m}" 'BEGIN { printf "%.2f", a / b }')"
verdict="met (≤ 1.15×)"
awk -v r="${ratio}" 'BEGIN { exit !(r <= 1.15) }' || verdict="**missed** (≤ 1.15×)"
printf '| pum 0.x: procrastinate 0.5.0 → 0.16.0 (%d deltas, `pum upgrade -p SERVICE`) | %s | %s | %s | %s |\n' \
  "${#deltas[@]}" "$(awk -v s="${pum_m}" 'BEGIN { printf "%.1f ms", s * 1000 }')" \
  "$(awk -v s="${psql_m}" 'BEGIN { printf "%.1f ms", s * 1000 }')" "${ratio}" "${verdict}"
