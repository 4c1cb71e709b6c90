#!/usr/bin/env bash
# Benchmarks `pum check` on two identical databases of N generated tables and prints a Markdown
# table (time, objects, time per 1000 objects: it should stay flat as N grows).
#
# Usage: bench/check.sh [--runs N] [TABLES ...]
#   TABLES   sizes to measure, default: 500 1000 2000 4000
#   --runs N timed runs per size (default 5); the table shows the median
#
# Each table comes with what a real module has around it: 6 columns (serial, varchar, foreign
# key, numeric with a CHECK, timestamptz with a default, text), a primary key, a unique
# constraint, a foreign key to the previous table, an index, a view, a trigger function and a
# trigger, spread over 10 schemas. The second database is a copy (CREATE DATABASE ... TEMPLATE),
# built outside the timing. Uses the cluster of scripts/pg.sh (started, and stopped again, when
# it is not running). Environment: PUM_BIN (default build/pum), PUM_BENCH_KEEP=1 keeps the
# databases.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
source "${root}/bench/common.sh"
pum="${PUM_BIN:-${root}/build/pum}"
runs=5
sizes=()


while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || bench_die "--runs needs a positive number"
      runs="$2"
      shift 2
      ;;
    -h | --help)
      bench_help "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *)
      [[ "$1" =~ ^[1-9][0-9]*$ ]] || bench_die "size must be a number of tables: $1"
      sizes+=("$1")
      shift
      ;;
  esac
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(500 1000 2000 4000)
[[ -x "${pum}" ]] || bench_die "${pum} not found: build first (scripts/build.sh) or set PUM_BIN"

bench_use_cluster "${root}"
command -v psql >/dev/null || bench_die "psql not found"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

work="$(mktemp -d "${TMPDIR:-/tmp}/pum-bench-check-XXXXXX")"
cleanup() {
  if [[ "${PUM_BENCH_KEEP:-0}" != 1 ]]; then
    for n in "${sizes[@]}"; do
      psql -qX -d postgres -c "DROP DATABASE IF EXISTS bench_check_${n}_a" \
        -c "DROP DATABASE IF EXISTS bench_check_${n}_b" >/dev/null 2>&1 || true
    done
  fi
  rm -rf "${work}"
  bench_release_cluster "${root}"
}
trap cleanup EXIT

# The SQL of N tables.
generate() {
  local n="$1" i s prev
  for ((s = 0; s < 10; s++)); do echo "CREATE SCHEMA bench_${s};"; done
  for ((i = 0; i < n; i++)); do
    s=$((i % 10))
    prev=""
    if ((i >= 10)); then prev="REFERENCES bench_${s}.t_$((i - 10)) (id)"; fi
    cat <<SQL
CREATE TABLE bench_${s}.t_${i} (
  id serial PRIMARY KEY,
  code varchar(20) NOT NULL UNIQUE,
  parent_id integer ${prev},
  amount numeric(10,2) CHECK (amount >= 0),
  created timestamptz DEFAULT now(),
  note text);
CREATE INDEX ON bench_${s}.t_${i} (parent_id);
CREATE VIEW bench_${s}.v_${i} AS SELECT id, code, amount FROM bench_${s}.t_${i} WHERE amount > 0;
CREATE FUNCTION bench_${s}.touch_${i}() RETURNS trigger LANGUAGE plpgsql
  AS \$\$BEGIN NEW.created := now(); RETURN NEW; END\$\$;
CREATE TRIGGER touch BEFORE UPDATE ON bench_${s}.t_${i}
  FOR EACH ROW EXECUTE FUNCTION bench_${s}.touch_${i}();
SQL
  done
}

# Objects the check compares (what a user would call one): relations, columns, constraints,
# indexes, functions, triggers, rules.
count_objects() {
  psql -qAtX -d "$1" -c "
    SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname LIKE 'bench\_%' AND c.relkind IN ('r','v','S','i'))
         + (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname LIKE 'bench\_%' AND c.relkind IN ('r','v') AND a.attnum > 0)
         + (SELECT count(*) FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
             WHERE n.nspname LIKE 'bench\_%' AND co.contype <> 'n')
         + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname LIKE 'bench\_%')
         + (SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname LIKE 'bench\_%' AND NOT t.tgisinternal)
         + (SELECT count(*) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'bench\_%')"
}

now_ns() { date +%s%N; }


echo "pum check: two identical databases, median of ${runs} runs ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), PostgreSQL $(psql -qAtX -d postgres -c 'SHOW server_version'))"
echo
printf '| tables | objects per database | rows compared | time (ms) | ms per 1000 objects |\n'
printf '| ---: | ---: | ---: | ---: | ---: |\n'
for n in "${sizes[@]}"; do
  a="bench_check_${n}_a"
  b="bench_check_${n}_b"
  psql -qX -d postgres -c "DROP DATABASE IF EXISTS ${a}" -c "DROP DATABASE IF EXISTS ${b}" \
    -c "CREATE DATABASE ${a}" >/dev/null
  generate "${n}" >"${work}/schema.sql"
  psql -qX -v ON_ERROR_STOP=1 -d "${a}" -f "${work}/schema.sql" >/dev/null
  psql -qX -d postgres -c "CREATE DATABASE ${b} TEMPLATE ${a}" >/dev/null
  objects="$(count_objects "${a}")"
  # One untimed run to warm the caches, and to check the databases compare equal.
  "${pum}" -q -p "dbname=${a}" check "dbname=${b}" >/dev/null || bench_die "the copies differ (size ${n})"
  rows="$("${pum}" -v -p "dbname=${a}" check "dbname=${b}" -f json 2>&1 >/dev/null |
    sed -n 's/.*Read the first database.*: \([0-9]*\) rows.*/\1/p')"
  times=()
  for ((r = 0; r < runs; r++)); do
    t0="$(now_ns)"
    "${pum}" -q -p "dbname=${a}" check "dbname=${b}" >/dev/null
    t1="$(now_ns)"
    times+=($(((t1 - t0) / 1000000)))
  done
  ms="$(printf '%s\n' "${times[@]}" | bench_median)"
  per="$(awk -v ms="${ms}" -v o="${objects}" 'BEGIN { printf "%.1f", ms * 1000 / o }')"
  printf '| %d | %d | %s | %d | %s |\n' "${n}" "${objects}" "${rows}" "${ms}" "${per}"
done
