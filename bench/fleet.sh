#!/usr/bin/env bash
# Benchmarks `pum fleet` on one server, in three scenarios and their floors, and prints one
# Markdown table:
#   no-op    `fleet upgrade --databases` over N databases with nothing pending, against a shell
#            loop of single `pum upgrade` runs over the same databases (target: the fleet at
#            least 6× faster);
#   upgrade  a real `fleet upgrade -j J` of V versions × F DDL files (tables with constraints,
#            indexes, a plpgsql trigger, a view, comments, rows) over D databases, against the
#            slowest single `pum upgrade` of the same databases × ceil(D/J), the time J
#            perfectly parallel workers would take (target: within 1.3×);
#   floors   what no client can beat on this machine, measured in the same run with
#            pum-bench-connect (bench/connect_floor.cpp, a libpq loop of J threads): the no-op
#            fleet against N connections that only run SELECT 1 (connection set-up) and
#            against N connections that run the statements a no-op upgrade sends (BEGIN, the
#            lock, the catalog reads, the history read, COMMIT); the real upgrade against the
#            CPU time its singles took (every process of the machine, /proc/stat) divided by
#            the cores, the least wall time J parallel upgrades can take when J > cores.
#   memory   peak RSS of `fleet info` over T targets listed in a targets file, spread over the
#            N databases of the no-op scenario (target: under 64 MiB). GNU time's %M when
#            /usr/bin/time exists: the largest peak RSS of the fleet process and of any one of
#            its target processes; else the fleet process's VmHWM, read while it runs.
# Databases are copies (createdb -T) of a template where the project is installed; all of them
# are dropped at the end. Timings are medians over --runs rounds after a warm-up round; the
# rounds alternate the order of the two sides.
#
# Usage: bench/fleet.sh [--runs N] [--databases N] [--noop-jobs N] [--upgrade-databases N]
#                       [--jobs N] [--versions N] [--files N] [--targets N]
#   --runs N               timed rounds per scenario (default 3; FLEET_BENCH_RUNS)
#   --databases N          no-op: databases (default 200; FLEET_BENCH_DATABASES)
#   --noop-jobs N          no-op: -j of the fleet (default: fleet's own; FLEET_BENCH_NOOP_JOBS)
#   --upgrade-databases N  upgrade: databases (default 20; FLEET_BENCH_UPGRADE_DATABASES)
#   --jobs N               upgrade: -j of the fleet (default 4; FLEET_BENCH_JOBS)
#   --versions N           upgrade: versions (default 100; FLEET_BENCH_VERSIONS)
#   --files N              upgrade: DDL files per version (default 5; FLEET_BENCH_FILES)
#   --targets N            memory: targets in the file (default 1000; FLEET_BENCH_TARGETS)
# Environment: PUM_BIN (default build/pum); PUM_BENCH_CONNECT (default: pum-bench-connect next
# to PUM_BIN, built there with `cmake --build DIR --target pum-bench-connect` when missing);
# FLEET_BENCH_PREFIX, the prefix of the database names (default pum_benchfleet_; letters,
# digits and _); FLEET_BENCH_GNU_TIME, GNU time
# (default /usr/bin/time; empty: read VmHWM). Uses the cluster of scripts/pg.sh unless PG*
# names a server. The targets assume a server with at least J cores to itself.
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME and awk with a '.' decimal separator

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pum="${PUM_BIN:-${root}/build/pum}"
runs="${FLEET_BENCH_RUNS:-3}"
databases="${FLEET_BENCH_DATABASES:-200}"
noop_jobs="${FLEET_BENCH_NOOP_JOBS:-}"
upgrade_databases="${FLEET_BENCH_UPGRADE_DATABASES:-20}"
jobs="${FLEET_BENCH_JOBS:-4}"
versions="${FLEET_BENCH_VERSIONS:-100}"
files="${FLEET_BENCH_FILES:-5}"
targets="${FLEET_BENCH_TARGETS:-1000}"
prefix="${FLEET_BENCH_PREFIX:-pum_benchfleet_}"
gnu_time="${FLEET_BENCH_GNU_TIME-/usr/bin/time}"
# shellcheck source=bench/common.sh
source "${root}/bench/common.sh"
die() { bench_die "$@"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs | --databases | --noop-jobs | --upgrade-databases | --jobs | --versions | --files | --targets)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive number"
      case "$1" in
        --runs) runs="$2" ;;
        --databases) databases="$2" ;;
        --noop-jobs) noop_jobs="$2" ;;
        --upgrade-databases) upgrade_databases="$2" ;;
        --jobs) jobs="$2" ;;
        --versions) versions="$2" ;;
        --files) files="$2" ;;
        --targets) targets="$2" ;;
      esac
      shift 2
      ;;
    -h | --help)
      bench_help "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *) die "unknown argument: $1" ;;
  esac
done
for value in "${runs}" "${databases}" "${upgrade_databases}" "${jobs}" "${versions}" "${files}" \
  "${targets}" ${noop_jobs:+"${noop_jobs}"}; do
  [[ "${value}" =~ ^[1-9][0-9]*$ ]] || die "not a positive number: ${value}"
done
[[ "${prefix}" =~ ^[a-z_][a-z0-9_]*$ ]] || die "FLEET_BENCH_PREFIX: lower-case letters, digits and _"

[[ -x "${pum}" ]] || die "${pum} not found (PUM_BIN)"
connect_floor="${PUM_BENCH_CONNECT:-$(dirname "${pum}")/pum-bench-connect}"
if [[ ! -x "${connect_floor}" && -z "${PUM_BENCH_CONNECT:-}" && -f "$(dirname "${pum}")/CMakeCache.txt" ]]; then
  cmake --build "$(dirname "${pum}")" --target pum-bench-connect >/dev/null ||
    die "cannot build pum-bench-connect in $(dirname "${pum}")"
fi
[[ -x "${connect_floor}" ]] || die "${connect_floor} not found (PUM_BENCH_CONNECT)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pum-bench-fleet.XXXXXX")"

psql="$(bench_psql)"
sql() { "${psql}" -X -q -At -v ON_ERROR_STOP=1 -d "${PGDATABASE:-postgres}" -c "$1"; }

# Every database of this bench (its prefix), dropped at the end and before creating new ones.
drop_databases() {
  local like="$1" db
  for db in $(sql "SELECT datname FROM pg_catalog.pg_database WHERE left(datname, ${#like}) = '${like}'"); do
    dropdb --if-exists "${db}" >/dev/null 2>&1 || true
  done
}
cleanup() {
  drop_databases "${prefix}" 2>/dev/null || true
  rm -rf "${work}"
  bench_release_cluster "${root}"
}
trap cleanup EXIT
bench_use_cluster "${root}"
server="dbname=${PGDATABASE:-postgres}"
drop_databases "${prefix}"

# --- helpers --------------------------------------------------------------------------------

seconds_since() { awk -v a="$1" -v b="${EPOCHREALTIME}" 'BEGIN { printf "%.6f\n", b - a }'; }
fmt_s() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.0f ms", s * 1000; else printf "%.2f s", s }'; }
# copies TEMPLATE NAME_PREFIX COUNT: (re)creates NAME_PREFIX0001 ... as copies of TEMPLATE.
copies() {
  local template="$1" name="$2" count="$3" i db
  for ((i = 1; i <= count; i++)); do
    db="$(printf '%s%04d' "${name}" "${i}")"
    dropdb --if-exists "${db}" >/dev/null 2>&1
    createdb -T "${template}" "${db}"
  done
}
# fleet_ok JSON_FILE TOTAL: checks that the fleet's JSON says every target ended ok; prints its
# "jobs" (the -j the fleet used).
fleet_ok() {
  local json="$1" total="$2" ok
  ok="$(grep -A6 '"summary"' "${json}" | grep -o '"ok": *[0-9]*' | grep -o '[0-9]*$' || true)"
  if [[ "${ok}" != "${total}" ]]; then
    cat "${json}" >&2
    die "fleet: ${ok:-no} target(s) ok of ${total}"
  fi
  grep -o '"jobs": *[0-9]*' "${json}" | head -n 1 | grep -o '[0-9]*$'
}

rows=()
missed=()
# row SCENARIO FLEET BASELINE RATIO VERDICT: one line of the table.
row() { rows+=("| $1 | $2 | $3 | $4 | $5 |"); }

# --- projects -------------------------------------------------------------------------------

# no-op: ten versions of one small table each.
noop="${work}/noop"
mkdir -p "${noop}/changelogs"
printf 'pum:\n  module: fleetbench_noop\n  migration_table_schema: fleetbench_sys\n' >"${noop}/.pum.yaml"
for ((v = 0; v < 10; v++)); do
  mkdir -p "${noop}/changelogs/1.${v}.0"
  {
    [[ ${v} -gt 0 ]] || printf 'CREATE SCHEMA fleetbench;\n'
    printf 'CREATE TABLE fleetbench.t_%d (id integer PRIMARY KEY);\n' "${v}"
  } >"${noop}/changelogs/1.${v}.0/01_table.sql"
done

# upgrade: 1.0.0 creates the schema (installed in the template), then 1.1.0 ... 1.V.0 with F DDL
# files each.
ddl_file() {
  local v="$1" f="$2" t="fb.t_${1}_${2}" n="t_${1}_${2}" parent=""
  if [[ ${f} -gt 1 ]]; then
    parent="fb.t_${v}_$((f - 1))"
  elif [[ ${v} -gt 1 ]]; then
    parent="fb.t_$((v - 1))_1"
  fi
  cat <<EOF
CREATE TABLE ${t} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  label text,
  amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created timestamptz NOT NULL DEFAULT now()$([[ -z "${parent}" ]] || printf ',\n  parent_id bigint REFERENCES %s (id) ON DELETE SET NULL' "${parent}")
);
CREATE INDEX ${n}_label_idx ON ${t} (label);
CREATE INDEX ${n}_created_idx ON ${t} (created DESC);
CREATE FUNCTION fb.${n}_touch() RETURNS trigger LANGUAGE plpgsql AS \$body\$
BEGIN
  NEW.label := coalesce(NEW.label, 'item ' || NEW.code);
  RETURN NEW;
END;
\$body\$;
CREATE TRIGGER ${n}_touch BEFORE INSERT OR UPDATE ON ${t}
  FOR EACH ROW EXECUTE FUNCTION fb.${n}_touch();
CREATE VIEW fb.v_${v}_${f} AS SELECT id, code, label FROM ${t} WHERE amount > 0;
ALTER TABLE ${t} ADD COLUMN note text;
COMMENT ON TABLE ${t} IS 'table ${f} of version ${v}';
INSERT INTO ${t} (code, amount) SELECT 'c' || g, g FROM generate_series(1, 10) AS g;
EOF
}
project="${work}/upgrade"
mkdir -p "${project}/changelogs/1.0.0"
printf 'pum:\n  module: fleetbench_ddl\n  migration_table_schema: fleetbench_sys\n' >"${project}/.pum.yaml"
printf 'CREATE SCHEMA fb;\n' >"${project}/changelogs/1.0.0/01_schema.sql"
for ((v = 1; v <= versions; v++)); do
  mkdir -p "${project}/changelogs/1.${v}.0"
  for ((f = 1; f <= files; f++)); do
    ddl_file "${v}" "${f}" >"${project}/changelogs/1.${v}.0/$(printf '%02d' "${f}")_table_${f}.sql"
  done
done

load_start="$(cut -d ' ' -f 1-3 /proc/loadavg)"
started_at="$(date -u '+%Y-%m-%d %H:%M UTC')"

# --- no-op upgrade over N databases ----------------------------------------------------------

echo "bench: no-op: ${databases} databases (createdb -T)" >&2
createdb "${prefix}tpl_noop"
"${pum}" -q -p "dbname=${prefix}tpl_noop" -d "${noop}" install || die "install of the no-op project failed"
copies "${prefix}tpl_noop" "${prefix}noop_" "${databases}"
noop_dbs=()
for ((i = 1; i <= databases; i++)); do noop_dbs+=("$(printf '%snoop_%04d' "${prefix}" "${i}")"); done

fleet_noop() {
  if ! "${pum}" -q -p "${server}" -d "${noop}" fleet upgrade --databases "${prefix}noop_*" \
    --json ${noop_jobs:+-j "${noop_jobs}"} >"${work}/noop.json"; then
    cat "${work}/noop.json" >&2
    die "no-op fleet upgrade failed"
  fi
}
loop_noop() {
  local db
  for db in "${noop_dbs[@]}"; do
    "${pum}" -q -p "dbname=${db}" -d "${noop}" upgrade >/dev/null || die "pum upgrade of ${db} failed"
  done
}
fleet_times=()
loop_times=()
for ((r = 0; r <= runs; r++)); do # round 0 is a warm-up
  echo "bench: no-op: round ${r}/${runs}$([[ ${r} -gt 0 ]] || echo ' (warm-up)')" >&2
  if ((r % 2 == 0)); then
    start=${EPOCHREALTIME}; fleet_noop; f_t="$(seconds_since "${start}")"
    start=${EPOCHREALTIME}; loop_noop; l_t="$(seconds_since "${start}")"
  else
    start=${EPOCHREALTIME}; loop_noop; l_t="$(seconds_since "${start}")"
    start=${EPOCHREALTIME}; fleet_noop; f_t="$(seconds_since "${start}")"
  fi
  [[ ${r} -eq 0 ]] && continue
  fleet_times+=("${f_t}")
  loop_times+=("${l_t}")
done
noop_j="$(fleet_ok "${work}/noop.json" "${databases}")"

# The floors of the no-op fleet, at the fleet's -j: N connections running SELECT 1, and N
# connections running what a no-op upgrade of this project sends (the server log of
# `pum -v upgrade` with log_statement=all shows it), as one simple query.
noop_sql="BEGIN;
SELECT pg_catalog.pg_try_advisory_xact_lock(1, 2);
SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'fleetbench_sys' AND c.relname = 'pum_migrations' AND c.relkind IN ('r', 'p');
SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'fleetbench_sys' AND c.relname = 'pum_migrations' AND a.attnum > 0 AND NOT a.attisdropped;
SELECT id::text, date_installed::text, coalesce(module, ''), version, beta_testing,
  coalesce(array_to_json(changelog_files)::text, '[]'), coalesce(parameters::text, '{}'),
  migration_table_version::text, pum_version FROM fleetbench_sys.pum_migrations;
COMMIT"
floor_noop() { # floor_noop SQL: seconds for the N databases, -j of the fleet
  printf 'dbname=%s\n' "${noop_dbs[@]}" | "${connect_floor}" -j "${noop_j}" -c "$1" ||
    die "pum-bench-connect failed"
}
connect_times=()
same_sql_times=()
for ((r = 0; r <= runs; r++)); do # round 0 is a warm-up
  echo "bench: no-op floors: round ${r}/${runs}$([[ ${r} -gt 0 ]] || echo ' (warm-up)')" >&2
  c_t="$(floor_noop 'SELECT 1')"
  s_t="$(floor_noop "${noop_sql}")"
  [[ ${r} -eq 0 ]] && continue
  connect_times+=("${c_t}")
  same_sql_times+=("${s_t}")
done
f_m="$(printf '%s\n' "${fleet_times[@]}" | bench_median)"
l_m="$(printf '%s\n' "${loop_times[@]}" | bench_median)"
speedup="$(awk -v f="${f_m}" -v l="${l_m}" 'BEGIN { printf "%.2f", l / f }')"
verdict="met (baseline / fleet ≥ 6)"
if ! awk -v s="${speedup}" 'BEGIN { exit !(s >= 6) }'; then
  verdict="**missed** (baseline / fleet ≥ 6)"
  missed+=("no-op")
fi
row "no-op \`fleet upgrade\`, ${databases} databases, -j ${noop_j}; baseline: a shell loop of ${databases} \`pum upgrade\`" \
  "$(fmt_s "${f_m}")" "$(fmt_s "${l_m}")" "${speedup} (baseline / fleet)" "${verdict}"
c_m="$(printf '%s\n' "${connect_times[@]}" | bench_median)"
s_m="$(printf '%s\n' "${same_sql_times[@]}" | bench_median)"
bound="$(awk -v l="${l_m}" -v c="${c_m}" 'BEGIN { printf "%.2f", l / c }')"
row "no-op floor: ${databases} connections, -j ${noop_j}, each running SELECT 1 (pum-bench-connect); the most any fleet could gain here is baseline / floor = ${bound}" \
  "$(fmt_s "${f_m}")" "$(fmt_s "${c_m}")" "$(awk -v f="${f_m}" -v c="${c_m}" 'BEGIN { printf "%.2f", f / c }') (fleet / floor)" "—"
row "no-op floor: ${databases} connections, -j ${noop_j}, each running the statements of a no-op upgrade (pum-bench-connect)" \
  "$(fmt_s "${f_m}")" "$(fmt_s "${s_m}")" "$(awk -v f="${f_m}" -v c="${s_m}" 'BEGIN { printf "%.2f", f / c }') (fleet / floor)" "—"

# --- a real upgrade over D databases ---------------------------------------------------------

echo "bench: upgrade: ${versions} versions x ${files} DDL files, ${upgrade_databases} databases, -j ${jobs}" >&2
createdb "${prefix}tpl_ddl"
"${pum}" -q -p "dbname=${prefix}tpl_ddl" -d "${project}" install --max-version 1.0.0 ||
  die "install of 1.0.0 of the DDL project failed"
up_dbs=()
for ((i = 1; i <= upgrade_databases; i++)); do up_dbs+=("$(printf '%sup_%04d' "${prefix}" "${i}")"); done
waves=$(((upgrade_databases + jobs - 1) / jobs))

# Every database of the fleet at the last version, each version recorded once.
check_upgraded() {
  local db count
  for db in "${up_dbs[@]}"; do
    count="$("${psql}" -X -At -d "${db}" -c "SELECT count(*) FROM fleetbench_sys.pum_migrations")"
    [[ "${count}" == "$((versions + 1))" ]] || die "${db}: ${count} versions recorded, not $((versions + 1))"
  done
}
# The CPU time of every process of the machine so far, in seconds (/proc/stat: user, nice,
# system, irq and softirq; not idle, iowait nor steal).
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.6f\n", ($2 + $3 + $4 + $7 + $8) / hz }' /proc/stat
}
singles() { # prints the slowest single upgrade of the databases, in seconds; CPU time in singles_cpu
  local db start t slowest=0 cpu_start
  cpu_start="$(cpu_seconds)"
  for db in "${up_dbs[@]}"; do
    start=${EPOCHREALTIME}
    "${pum}" -q -p "dbname=${db}" -d "${project}" upgrade >/dev/null || die "pum upgrade of ${db} failed"
    t="$(seconds_since "${start}")"
    slowest="$(awk -v a="${slowest}" -v b="${t}" 'BEGIN { print (b > a ? b : a) }')"
  done
  awk -v a="${cpu_start}" -v b="$(cpu_seconds)" 'BEGIN { printf "%.6f\n", b - a }' >"${work}/singles_cpu"
  echo "${slowest}"
}
fleet_upgrade() {
  local start
  start=${EPOCHREALTIME}
  if ! "${pum}" -q -p "${server}" -d "${project}" fleet upgrade --databases "${prefix}up_*" \
    -j "${jobs}" --json >"${work}/upgrade.json"; then
    cat "${work}/upgrade.json" >&2
    die "fleet upgrade failed"
  fi
  seconds_since "${start}"
}
fleet_times=()
single_times=()
cpu_times=()
for ((r = 0; r <= runs; r++)); do # round 0 is a warm-up
  echo "bench: upgrade: round ${r}/${runs}$([[ ${r} -gt 0 ]] || echo ' (warm-up)')" >&2
  if ((r % 2 == 0)); then
    copies "${prefix}tpl_ddl" "${prefix}up_" "${upgrade_databases}"
    f_t="$(fleet_upgrade)"
    check_upgraded
    copies "${prefix}tpl_ddl" "${prefix}up_" "${upgrade_databases}"
    s_t="$(singles)"
  else
    copies "${prefix}tpl_ddl" "${prefix}up_" "${upgrade_databases}"
    s_t="$(singles)"
    copies "${prefix}tpl_ddl" "${prefix}up_" "${upgrade_databases}"
    f_t="$(fleet_upgrade)"
    check_upgraded
  fi
  fleet_ok "${work}/upgrade.json" "${upgrade_databases}" >/dev/null
  [[ ${r} -eq 0 ]] && continue
  fleet_times+=("${f_t}")
  single_times+=("${s_t}")
  cpu_times+=("$(cat "${work}/singles_cpu")")
done
f_m="$(printf '%s\n' "${fleet_times[@]}" | bench_median)"
s_m="$(printf '%s\n' "${single_times[@]}" | bench_median)"
ideal="$(awk -v s="${s_m}" -v w="${waves}" 'BEGIN { printf "%.6f", s * w }')"
ratio="$(awk -v f="${f_m}" -v i="${ideal}" 'BEGIN { printf "%.2f", f / i }')"
verdict="met (fleet / baseline ≤ 1.3)"
if ! awk -v r="${ratio}" 'BEGIN { exit !(r <= 1.3) }'; then
  verdict="**missed** (fleet / baseline ≤ 1.3)"
  missed+=("upgrade")
fi
row "\`fleet upgrade -j ${jobs}\`, ${versions}×${files} DDL files, ${upgrade_databases} databases; baseline: the slowest single \`pum upgrade\` ($(fmt_s "${s_m}")) × ${waves}" \
  "$(fmt_s "${f_m}")" "$(fmt_s "${ideal}")" "${ratio} (fleet / baseline)" "${verdict}"
# The least wall time of the same work on this machine: the CPU time the singles took (their
# client and their server backends) spread over every core, or the -j ideal when that is larger.
cpu_m="$(printf '%s\n' "${cpu_times[@]}" | bench_median)"
cores="$(nproc)"
machine="$(awk -v c="${cpu_m}" -v n="${cores}" -v i="${ideal}" 'BEGIN { b = c / n; printf "%.6f", (b > i ? b : i) }')"
row "\`fleet upgrade -j ${jobs}\` against the machine: the CPU time of the ${upgrade_databases} singles ($(fmt_s "${cpu_m}"), every process) / ${cores} cores, or the line above's baseline when larger" \
  "$(fmt_s "${f_m}")" "$(fmt_s "${machine}")" "$(awk -v f="${f_m}" -v m="${machine}" 'BEGIN { printf "%.2f", f / m }') (fleet / bound)" "—"
drop_databases "${prefix}up_"

# --- peak memory of fleet info over T targets ------------------------------------------------

echo "bench: memory: fleet info over ${targets} targets" >&2
targets_file="${work}/targets.yaml"
{
  echo "targets:"
  for ((i = 0; i < targets; i++)); do
    printf '  - name: t%05d\n    pg: dbname=%s\n' "$((i + 1))" "${noop_dbs[i % databases]}"
  done
} >"${targets_file}"
info_cmd=("${pum}" -q -d "${noop}" fleet info --targets "${targets_file}" --json)
kib=0
mem_times=()
how=""
for ((r = 1; r <= runs; r++)); do
  echo "bench: memory: round ${r}/${runs}" >&2
  start=${EPOCHREALTIME}
  if [[ -n "${gnu_time}" && -x "${gnu_time}" ]]; then
    how="GNU time's %M: the largest peak RSS of the fleet process and of any one target process"
    "${gnu_time}" -f '%M' -o "${work}/rss.txt" "${info_cmd[@]}" >"${work}/info.json" ||
      { cat "${work}/info.json" >&2; die "fleet info failed"; }
    k="$(tail -n 1 "${work}/rss.txt")"
  else
    how="VmHWM of the fleet process, read every 10 ms while it runs"
    "${info_cmd[@]}" >"${work}/info.json" &
    pid=$!
    k=0
    while true; do # a zombie (exited, not yet waited for) has no VmHWM line any more
      hwm="$(awk '/^VmHWM:/ { print $2 }' "/proc/${pid}/status" 2>/dev/null || true)"
      [[ -n "${hwm}" ]] || break
      k="${hwm}"
      sleep 0.01
    done
    wait "${pid}" || { cat "${work}/info.json" >&2; die "fleet info failed"; }
  fi
  mem_times+=("$(seconds_since "${start}")")
  fleet_ok "${work}/info.json" "${targets}" >/dev/null
  if ((k > kib)); then kib="${k}"; fi
done
m_t="$(printf '%s\n' "${mem_times[@]}" | bench_median)"
mib="$(awk -v k="${kib}" 'BEGIN { printf "%.1f", k / 1024 }')"
verdict="met (< 64 MiB)"
if ! awk -v m="${mib}" 'BEGIN { exit !(m < 64) }'; then
  verdict="**missed** (< 64 MiB)"
  missed+=("memory")
fi
row "\`fleet info\`, ${targets} targets in a targets file (over ${databases} databases): peak RSS" \
  "${mib} MiB (in $(fmt_s "${m_t}"))" "—" "—" "${verdict}"

# --- the table -------------------------------------------------------------------------------

load_end="$(cut -d ' ' -f 1-3 /proc/loadavg)"
echo
echo "| scenario | fleet | baseline | ratio | target |"
echo "| --- | ---: | ---: | ---: | --- |"
printf '%s\n' "${rows[@]}"
echo
echo "Measured ${started_at}, median of ${runs} round(s) after a warm-up round (memory: the" \
  "largest of ${runs} run(s), ${how}), on $(nproc) cores, load average ${load_start} at the start" \
  "and ${load_end} at the end; PostgreSQL $("${psql}" -X -At -c 'SHOW server_version' | cut -d ' ' -f 1)" \
  "on the same machine. Databases are copies (createdb -T) of a template with the project" \
  "installed; each upgrade round starts from fresh copies."
if [[ ${#missed[@]} -gt 0 ]]; then
  echo
  missed_list="$(printf '%s, ' "${missed[@]}")"
  echo "Targets missed: ${missed_list%, }"
fi
