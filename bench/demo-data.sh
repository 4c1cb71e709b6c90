#!/usr/bin/env bash
# Benchmarks loading a demo-data file (a COPY ... FROM stdin dump, as pg_dump writes it) with
# `pum install --demo-data`, against `psql -1` running the same changelog and file, and prints a
# Markdown table of median times and peak memory (maximum resident set size) for each size.
# Peak memory must stay flat, under 64 MB, whatever the file's size: pum streams the COPY data.
#
# Usage: bench/demo-data.sh [--runs N] [SIZE_MB ...]
#   SIZE_MB  file sizes in MiB, default: 100 1024
#   --runs N timed runs per size and tool (default 3); the table shows the median time and the
#            largest peak memory of those runs
#
# Each run loads into a freshly created database (created outside the timing). The file holds
# rows of five columns (bigint, text with tabs and backslashes escaped, non-ASCII text with
# braces, numeric, timestamptz). Uses the cluster of scripts/pg.sh (started, and stopped again,
# when it is not running). Environment: PUM_BIN (default build/pum), PSQL (default psql),
# PUM_BENCH_KEEP=1 keeps the generated files and the database.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
source "${root}/bench/common.sh"
pum="${PUM_BIN:-${root}/build/pum}"
psql_bin="${PSQL:-psql}"
runs=3
sizes=()
limit_kib=$((64 * 1024))


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
      [[ "$1" =~ ^[1-9][0-9]*$ ]] || bench_die "size must be a number of MiB: $1"
      sizes+=("$1")
      shift
      ;;
  esac
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100 1024)
[[ -x "${pum}" ]] || bench_die "${pum} not found: build first (scripts/build.sh) or set PUM_BIN"
command -v "${psql_bin}" >/dev/null || bench_die "psql not found"
command -v python3 >/dev/null || bench_die "python3 not found (it generates the file)"
[[ -x /usr/bin/time ]] || bench_die "GNU time not found: scripts/bench-deps.sh installs it (Debian package time)"

bench_use_cluster "${root}"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
db=bench_demo_data

work="$(mktemp -d "${TMPDIR:-/tmp}/pum-bench-demo-XXXXXX")"
cleanup() {
  if [[ "${PUM_BENCH_KEEP:-0}" != 1 ]]; then
    "${psql_bin}" -qX -d postgres -c "DROP DATABASE IF EXISTS ${db}" >/dev/null 2>&1 || true
    rm -rf "${work}"
  else
    echo "bench: kept ${work} and database ${db}" >&2
  fi
  bench_release_cluster "${root}"
}
trap cleanup EXIT

project="${work}/project"
mkdir -p "${project}/changelogs/1.0.0" "${project}/demo"
cat >"${project}/.pum.yaml" <<'YAML'
pum:
  module: bench_demo
demo_data:
  - name: data
    file: demo/data.sql
YAML
cat >"${project}/changelogs/1.0.0/01_schema.sql" <<'SQL'
CREATE SCHEMA bench_demo;
CREATE TABLE bench_demo.item (
  id bigint PRIMARY KEY,
  label text NOT NULL,
  note text,
  amount numeric(12, 2),
  created timestamptz
);
SQL

# generate FILE MIB: writes the COPY file and prints its number of rows.
generate() {
  python3 - "$1" "$2" <<'PY'
import sys
path, mib = sys.argv[1], int(sys.argv[2])
target = mib << 20
rest = ("\tlabel with a tab\\tand a backslash\\\\\tünïcödé text {{braces}} making the line "
        "longer, as real data would be\t{amount}\t2026-11-22 10:{minute:02d}:00+00\n")
with open(path, "w", encoding="utf-8") as out:
    out.write("SELECT pg_catalog.set_config('search_path', '', false);\n")
    out.write("COPY bench_demo.item (id, label, note, amount, created) FROM stdin;\n")
    written, rows, chunk = 0, 0, []
    while written < target:
        line = str(rows) + rest.format(amount=rows % 100000 / 100, minute=rows % 60)
        chunk.append(line)
        written += len(line.encode())
        rows += 1
        if len(chunk) == 10000:
            out.write("".join(chunk))
            chunk = []
    out.write("".join(chunk))
    out.write("\\.\n")
print(rows)
PY
}

# measure CMD...: runs it with its output to files, prints "<ms> <peak RSS KiB>"; fails
# (printing its stderr) when the command fails. Peak memory comes from GNU time: Linux keeps a
# process's maximum RSS across exec, so the measuring parent must itself be small (a child of
# python3 or of this bash would report their size when larger than the tool's).
measure() {
  local t0 t1 status=0
  t0="$(date +%s%N)"
  /usr/bin/time -f '%M' -o "${work}/rss.txt" "$@" </dev/null >/dev/null 2>"${work}/stderr.txt" ||
    status=$?
  t1="$(date +%s%N)"
  if [[ ${status} -ne 0 ]]; then
    cat "${work}/stderr.txt" >&2
    bench_die "$1 exited with status ${status}"
  fi
  echo "$(((t1 - t0) / 1000000)) $(tail -n 1 "${work}/rss.txt")"
}

fresh_db() {
  "${psql_bin}" -qX -d postgres -c "DROP DATABASE IF EXISTS ${db}" -c "CREATE DATABASE ${db}" \
    >/dev/null
}

maximum() { sort -n | tail -n 1; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }

lines=()
worst_kib=0
for size in "${sizes[@]}"; do
  file="${project}/demo/data.sql"
  echo "bench: generating ${size} MiB of demo data" >&2
  rows="$(generate "${file}" "${size}")"
  bytes="$(stat -c %s "${file}")"
  pum_ms=() pum_kib=() psql_ms=() psql_kib=()
  for ((r = 0; r < runs; r++)); do
    echo "bench:   ${size} MiB, run $((r + 1))/${runs}" >&2
    # The order alternates so that the page cache and the server's state favour neither tool.
    order=(pum psql)
    [[ $((r % 2)) -eq 0 ]] || order=(psql pum)
    for tool in "${order[@]}"; do
      fresh_db
      if [[ ${tool} == pum ]]; then
        result="$(measure "${pum}" -q -p "dbname=${db}" -d "${project}" install --demo-data data)"
        read -r ms kib <<<"${result}"
        count="$("${psql_bin}" -qAtX -d "${db}" -c 'SELECT count(*) FROM bench_demo.item')"
        [[ "${count}" == "${rows}" ]] || bench_die "pum loaded ${count} rows of ${rows}"
        pum_ms+=("${ms}")
        pum_kib+=("${kib}")
      else
        result="$(measure "${psql_bin}" -qX -1 -v ON_ERROR_STOP=1 -d "${db}" \
          -f "${project}/changelogs/1.0.0/01_schema.sql" -f "${file}")"
        read -r ms kib <<<"${result}"
        psql_ms+=("${ms}")
        psql_kib+=("${kib}")
      fi
    done
  done
  p_ms="$(printf '%s\n' "${pum_ms[@]}" | bench_median)"
  q_ms="$(printf '%s\n' "${psql_ms[@]}" | bench_median)"
  p_kib="$(printf '%s\n' "${pum_kib[@]}" | maximum)"
  q_kib="$(printf '%s\n' "${psql_kib[@]}" | maximum)"
  ((p_kib > worst_kib)) && worst_kib="${p_kib}"
  ratio="$(awk -v a="${p_ms}" -v b="${q_ms}" 'BEGIN { printf "%.2f", a / b }')"
  lines+=("$(printf '| %s | %s | %s | %s | %s | %s | %s |' "$(mib $((bytes / 1024)))" "${rows}" \
    "$(seconds "${p_ms}")" "$(seconds "${q_ms}")" "${ratio}" "$(mib "${p_kib}")" "$(mib "${q_kib}")")")
  [[ "${PUM_BENCH_KEEP:-0}" == 1 ]] || rm -f "${file}"
done

verdict="met (under $(mib "${limit_kib}") at every size)"
((worst_kib < limit_kib)) || verdict="**missed** (peak $(mib "${worst_kib}"))"
echo "pum install --demo-data against psql -1 -f (changelog + file), each into a new database; median time and largest peak RSS of ${runs} runs ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), PostgreSQL $("${psql_bin}" -qAtX -d postgres -c 'SHOW server_version')). Peak memory target: ${verdict}."
echo
echo "| file | rows | pum | psql -1 -f | pum / psql | pum peak RSS | psql peak RSS |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${lines[@]}"
