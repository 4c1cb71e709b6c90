#!/usr/bin/env bash
# Benchmarks build/pum against the floor (psql) and other migration tools, and prints one
# Markdown table of medians and ratios, all measured in the same run.
#
# Usage: bench/run.sh [--runs N] [--kinds LIST] [--no-others] [--sqitch-max N]
#                     [--update-readme] [SIZE ...]
#   SIZE            VERSIONSxFILES; default: 10x5 100x5 500x2 1000x1
#   --kinds LIST    comma-separated SQL kinds: trivial (one tiny table and one row a file) and
#                   ddl (a table with constraints and a foreign key, three indexes, a plpgsql
#                   trigger function and its trigger, a view, comments, an ALTER, ten rows);
#                   default trivial,ddl
#   --runs N        timed runs per measurement (default: hyperfine's choice, at least 5; for
#                   install, rounds: 15 up to 100 files, else 5)
#   --no-others     skip dbmate and sqitch (see scripts/bench-deps.sh to install them)
#   --sqitch-max N  sqitch only up to N versions (default 100: it runs psql once per change,
#                   about 50 ms each); larger sizes get a "skipped" cell
#   --noop-versions N  versions of the database for info and no-op upgrade (default 1000)
#   --update-readme replace the table between the bench markers of README.md
#
# Scenarios (databases are created in a prepare step, outside the timing). Start-up, info and
# upgrade are measured with hyperfine; the install of each size with interleaved rounds (every
# tool once a round, the order rotating), so that the load of a shared machine, which changes
# over the minutes these take, weighs on every tool alike:
#   start-up         pum --version                          vs psql --version
#   info             pum info on a database with 1,000 versions     vs psql running one query
#   no-op upgrade    pum upgrade with nothing pending, same database vs psql running one query,
#                    dbmate up and sqitch deploy with nothing pending on the same 1,000 versions
#   install V×F kind pum install into a fresh database      vs
#                      psql -1 -f all.sql  (the same SQL concatenated: the floor, ratio column)
#                      psql -f per file    (one psql process per file, no transaction)
#                      dbmate up           (one migration per version, one transaction each)
#                      sqitch deploy       (one change per version, BEGIN/COMMIT in each script)
#   slots            bench/check.sh (check on 2,000 tables) and bench/demo-data.sh (1 GB of demo
#                    data), run when present (owned by their features); "not available yet"
#                    otherwise. They get the same environment (PUM_BIN, PG*) and print their
#                    own Markdown, appended after the table.
#
# Targets: install within 1.15× of psql -1 -f at every size; a no-op upgrade under 20 ms
# (connection included). Uses the cluster of scripts/pg.sh (PUM_PG_DIR, PUM_PG_PORT; started,
# and stopped again, when it is not running). Environment: PUM_BIN (default build/pum);
# PUM_BENCH_NO_HYPERFINE=1 forces a bash loop instead of hyperfine.
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME and awk with a '.' decimal separator

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pum="${PUM_BIN:-${root}/build/pum}"
runs=""
kinds=(trivial ddl)
others=1
sqitch_max=100
update_readme=0
sizes=()
noop_versions=1000

# shellcheck source=bench/common.sh
source "${root}/bench/common.sh"
die() { bench_die "$@"; }
q() { printf '%q' "$1"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"
      runs="$2"
      shift 2
      ;;
    --kinds)
      [[ $# -ge 2 && "$2" =~ ^(trivial|ddl)(,(trivial|ddl))*$ ]] || die "--kinds: trivial,ddl"
      IFS=, read -r -a kinds <<<"$2"
      shift 2
      ;;
    --no-others)
      others=0
      shift
      ;;
    --sqitch-max)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || die "--sqitch-max needs a number"
      sqitch_max="$2"
      shift 2
      ;;
    --update-readme)
      update_readme=1
      shift
      ;;
    --noop-versions)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--noop-versions needs a positive number"
      noop_versions="$2"
      shift 2
      ;;
    -h | --help)
      bench_help "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *)
      [[ "$1" =~ ^[1-9][0-9]*x[1-9][0-9]?$ ]] || die "size must be VERSIONSxFILES (files < 100): $1"
      sizes+=("$1")
      shift
      ;;
  esac
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10x5 100x5 500x2 1000x1)

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
databases=(pum_bench_pum pum_bench_psql pum_bench_files pum_bench_dbmate pum_bench_sqitch
  pum_bench_ready)
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
psql="$(bench_psql)"

# The other tools (scripts/bench-deps.sh installs them). dbmate: the native binary of the npm
# package's optional dependency, not the node wrapper in .bin (which adds node's start-up).
dbmate=""
sqitch=""
if [[ ${others} -eq 1 ]]; then
  for candidate in "${root}"/bench/.tools/node_modules/@dbmate/*/bin/dbmate \
    "${root}/bench/.tools/node_modules/.bin/dbmate"; do
    if [[ -x "${candidate}" ]] && "${candidate}" --version >/dev/null 2>&1; then
      dbmate="${candidate}"
      break
    fi
  done
  if command -v sqitch >/dev/null 2>&1 && sqitch --version >/dev/null 2>&1; then
    sqitch="$(command -v sqitch)"
  fi
  [[ -n "${dbmate}" && -n "${sqitch}" ]] ||
    echo "bench: dbmate or sqitch missing (run scripts/bench-deps.sh); their cells say so" >&2
fi
export SQITCH_FULLNAME=bench SQITCH_EMAIL=bench@example.invalid
dbmate_url() {
  printf 'postgres://%s@localhost:%s/%s?socket=%s&sslmode=disable' "${PGUSER}" "${PGPORT}" "$1" \
    "${PGHOST}"
}

load_start="$(cut -d ' ' -f 1-3 /proc/loadavg)"
started_at="$(date -u '+%Y-%m-%d %H:%M UTC')"

# --- project generation -------------------------------------------------------------------

# sql_file KIND V F: the statements of file F of version index V.
sql_file() {
  local kind="$1" v="$2" f="$3" t="bench.t_${2}_${3}" n="t_${2}_${3}"
  printf -- '-- bench %s: version index %d, file %d\n' "${kind}" "${v}" "${f}"
  if [[ ${v} -eq 0 && ${f} -eq 1 ]]; then
    printf 'CREATE SCHEMA bench;\n'
  fi
  if [[ "${kind}" == trivial ]]; then
    printf 'CREATE TABLE %s (id integer);\nINSERT INTO %s VALUES (1);\n' "${t}" "${t}"
    return
  fi
  local parent=""
  if [[ ${f} -gt 1 ]]; then
    parent="bench.t_${v}_$((f - 1))"
  elif [[ ${v} -gt 0 ]]; then
    parent="bench.t_$((v - 1))_1"
  fi
  cat <<EOF
CREATE TABLE ${t} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  label text,
  amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created timestamptz NOT NULL DEFAULT now(),
  tags text[] NOT NULL DEFAULT ARRAY[]::text[]$([[ -z "${parent}" ]] || printf ',\n  parent_id bigint REFERENCES %s (id) ON DELETE SET NULL' "${parent}")
);
CREATE INDEX ${n}_label_idx ON ${t} (label);
CREATE INDEX ${n}_created_idx ON ${t} (created DESC);
CREATE INDEX ${n}_tags_idx ON ${t} USING gin (tags);
CREATE FUNCTION bench.${n}_touch() RETURNS trigger LANGUAGE plpgsql AS \$body\$
BEGIN
  NEW.label := coalesce(NEW.label, 'item ' || NEW.code);
  RETURN NEW;
END;
\$body\$;
CREATE TRIGGER ${n}_touch BEFORE INSERT OR UPDATE ON ${t}
  FOR EACH ROW EXECUTE FUNCTION bench.${n}_touch();
CREATE VIEW bench.v_${v}_${f} AS SELECT id, code, label FROM ${t} WHERE amount > 0;
ALTER TABLE ${t} ADD COLUMN note text;
COMMENT ON TABLE ${t} IS 'table ${f} of version index ${v}';
COMMENT ON COLUMN ${t}.code IS 'a unique code';
INSERT INTO ${t} (code, amount) SELECT 'c' || g, g FROM generate_series(1, 10) AS g;
EOF
}

# generate DIR VERSIONS FILES KIND: in DIR, the same SQL laid out for each tool:
#   project/      the pum project (changelogs/1.V.0/NN_file.sql)
#   all.sql       every file concatenated, in order (psql -1 -f)
#   per_file.sh   one psql -f per file (run with the database name as $1)
#   dbmate/       one migration per version (its files concatenated)
#   sqitch/       one change per version (its files concatenated inside BEGIN/COMMIT)
generate() {
  local dir="$1" versions="$2" files="$3" kind="$4" v f version path stamp
  mkdir -p "${dir}/project/changelogs" "${dir}/dbmate" "${dir}/sqitch/deploy" \
    "${dir}/sqitch/revert"
  printf 'pum:\n  module: bench\n  migration_table_schema: bench_sys\n' >"${dir}/project/.pum.yaml"
  : >"${dir}/all.sql"
  printf '#!/usr/bin/env bash\nset -e\n' >"${dir}/per_file.sh"
  printf '[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = .\n' >"${dir}/sqitch/sqitch.conf"
  printf '%%syntax-version=1.0.0\n%%project=bench\n\n' >"${dir}/sqitch/sqitch.plan"
  for ((v = 0; v < versions; v++)); do
    version="1.${v}.0"
    mkdir -p "${dir}/project/changelogs/${version}"
    stamp="$(printf '2024%010d' "$((v + 1))")"
    printf -- '-- migrate:up\n' >"${dir}/dbmate/${stamp}_v${v}.sql"
    printf 'BEGIN;\n' >"${dir}/sqitch/deploy/v${v}.sql"
    for ((f = 1; f <= files; f++)); do
      path="${dir}/project/changelogs/${version}/$(printf '%02d' "${f}")_file_${f}.sql"
      sql_file "${kind}" "${v}" "${f}" >"${path}"
      cat "${path}" >>"${dir}/all.sql"
      cat "${path}" >>"${dir}/dbmate/${stamp}_v${v}.sql"
      cat "${path}" >>"${dir}/sqitch/deploy/v${v}.sql"
      # shellcheck disable=SC2016 # $1 is for per_file.sh, not for us
      printf '%q -X -q -v ON_ERROR_STOP=1 -d "$1" -f %q\n' "${psql}" "${path}" >>"${dir}/per_file.sh"
    done
    printf -- '\n-- migrate:down\n' >>"${dir}/dbmate/${stamp}_v${v}.sql"
    printf 'COMMIT;\n' >>"${dir}/sqitch/deploy/v${v}.sql"
    printf 'v%d 2024-01-01T00:00:00Z bench <bench@example.invalid> # version %s\n' "${v}" \
      "${version}" >>"${dir}/sqitch/sqitch.plan"
  done
}

# --- measuring ----------------------------------------------------------------------------

# median PREPARE COMMAND [CWD]: prints the median wall time of COMMAND in seconds. PREPARE (may
# be empty) runs before each run, untimed. Both are simple command lines (words quoted as in
# the shell, no pipes or redirections): hyperfine runs them without a shell, so nothing needs
# to be subtracted for the shell's start-up.
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

# interleaved ROUNDS PREPARE1 COMMAND1 PREPARE2 COMMAND2 ...: runs each command once per round,
# after its prepare step (untimed), in an order that rotates from round to round; round 0 is a
# warm-up. Prints the median wall time of each command in seconds, one a line, in the order
# given. Timed with bash's EPOCHREALTIME around the command (one fork, as hyperfine -N).
interleaved() {
  local rounds="$1" n k r idx start end
  shift
  local preps=() cmds=() times=()
  while [[ $# -ge 2 ]]; do
    preps+=("$1")
    cmds+=("$2")
    times+=("")
    shift 2
  done
  n=${#cmds[@]}
  for ((r = 0; r <= rounds; r++)); do
    echo "bench:   round ${r}/${rounds}$([[ ${r} -gt 0 ]] || echo ' (warm-up)')" >&2
    for ((k = 0; k < n; k++)); do
      idx=$(((k + r) % n))
      [[ -z "${preps[idx]}" ]] || eval "${preps[idx]}" >/dev/null 2>&1
      start=${EPOCHREALTIME}
      eval "${cmds[idx]}" >/dev/null 2>&1 || die "failed: ${cmds[idx]}"
      end=${EPOCHREALTIME}
      [[ ${r} -eq 0 ]] || times[idx]+="$(awk -v a="${start}" -v b="${end}" 'BEGIN { printf "%.6f", b - a }') "
    done
  done
  for ((k = 0; k < n; k++)); do
    # shellcheck disable=SC2086 # one word per time
    printf '%s\n' ${times[k]} | sort -n |
      awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.6f\n", m }'
  done
}

# fresh DB: the prepare command that recreates a database.
fresh() { echo "bash -c 'dropdb --if-exists $1 && createdb $1'"; }

ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }

rows=()
missed=()
# row SCENARIO PUM FLOOR TARGET OTHERS...: PUM and FLOOR in seconds; TARGET is a ratio
# ("1.15"), "<0.020" for an absolute bound in seconds, or empty; OTHERS are ready-made cells.
row() {
  local scenario="$1" pum_s="$2" floor_s="$3" target="$4" ratio verdict=""
  shift 4
  ratio="$(awk -v a="${pum_s}" -v b="${floor_s}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
  if [[ "${target}" == "<"* ]]; then
    local bound="${target#<}"
    if awk -v a="${pum_s}" -v b="${bound}" 'BEGIN { exit !(a < b) }'; then
      verdict="met (< $(ms "${bound}"))"
    else
      verdict="**missed** (< $(ms "${bound}"))"
      missed+=("${scenario}")
    fi
  elif [[ -n "${target}" ]]; then
    if awk -v r="${ratio}" -v t="${target}" 'BEGIN { exit !(r <= t) }'; then
      verdict="met (≤ ${target}×)"
    else
      verdict="**missed** (≤ ${target}×)"
      missed+=("${scenario}")
    fi
  fi
  local line
  line="| ${scenario} | $(ms "${pum_s}") | $(ms "${floor_s}") | ${ratio} |"
  local cell
  for cell in "$@"; do line+=" ${cell} |"; done
  rows+=("${line} ${verdict} |")
}
# A cell for another tool: its median and how it compares with pum.
other_cell() { awk -v s="$1" -v p="$2" 'BEGIN { printf "%.1f ms (%.2f×)", s * 1000, s / p }'; }

one_query() {
  echo "$(q "${psql}") -X -q -d $1 -c 'SELECT version FROM bench_sys.pum_migrations LIMIT 1'"
}

# --- start-up and the 1,000-version database ---------------------------------------------

echo "bench: start-up" >&2
pum_t="$(median "" "$(q "${pum}") --version")"
psql_t="$(median "" "$(q "${psql}") --version")"
# shellcheck disable=SC2016 # backquotes are Markdown here
row '`pum --version` (start-up)' "${pum_t}" "${psql_t}" "" "" "" ""

ready="${work}/ready"
echo "bench: generating ${noop_versions} versions x 1 file (trivial) for info and no-op upgrade" >&2
generate "${ready}" "${noop_versions}" 1 trivial
dropdb --if-exists pum_bench_ready
createdb pum_bench_ready
"${pum}" -q -p dbname=pum_bench_ready -d "${ready}/project" install ||
  die "pum install of the ${noop_versions}-version project failed"
ready_cmd="$(q "${pum}") -d $(q "${ready}/project") -p dbname=pum_bench_ready"

echo "bench: info" >&2
pum_t="$(median "" "${ready_cmd} info")"
psql_t="$(median "" "$(one_query pum_bench_ready)")"
row "\`pum info\`, ${noop_versions} versions applied" "${pum_t}" "${psql_t}" "" "" "" ""

echo "bench: no-op upgrade" >&2
pum_t="$(median "" "${ready_cmd} upgrade")"
psql_t="$(median "" "$(one_query pum_bench_ready)")"
dbmate_cell="not installed"
sqitch_cell="not installed"
if [[ -n "${dbmate}" ]]; then
  dropdb --if-exists pum_bench_dbmate
  createdb pum_bench_dbmate
  dbmate_noop="$(q "${dbmate}") --url $(q "$(dbmate_url pum_bench_dbmate)") --migrations-dir $(q "${ready}/dbmate") --no-dump-schema up"
  eval "${dbmate_noop}" >/dev/null || die "dbmate up of the ${noop_versions}-version project failed"
  dbmate_cell="$(other_cell "$(median "" "${dbmate_noop}")" "${pum_t}")"
fi
if [[ -n "${sqitch}" ]]; then
  dropdb --if-exists pum_bench_sqitch
  createdb pum_bench_sqitch
  sqitch_noop="$(q "${sqitch}") --chdir $(q "${ready}/sqitch") --quiet deploy db:pg:pum_bench_sqitch"
  echo "bench: sqitch deploy of ${noop_versions} changes (once, untimed; takes a while)" >&2
  eval "${sqitch_noop}" >/dev/null || die "sqitch deploy of the ${noop_versions}-version project failed"
  sqitch_cell="$(other_cell "$(median "" "${sqitch_noop}")" "${pum_t}")"
fi
row "\`pum upgrade\`, nothing pending, ${noop_versions} versions applied" "${pum_t}" "${psql_t}" "<0.020" \
  "—" "${dbmate_cell}" "${sqitch_cell}"

# --- install ------------------------------------------------------------------------------

for kind in "${kinds[@]}"; do
  for size in "${sizes[@]}"; do
    versions="${size%x*}"
    files="${size#*x}"
    dir="${work}/${kind}-${size}"
    label="${versions}×${files}"
    echo "bench: generating ${label} ${kind}" >&2
    generate "${dir}" "${versions}" "${files}" "${kind}"

    echo "bench: install ${label} ${kind}" >&2
    # Interleaved rounds: every tool once per round, so that a change of load on the machine
    # during these long runs hits them all alike.
    tools=(pum psql files)
    pairs=("$(fresh pum_bench_pum)"
      "$(q "${pum}") -q -d $(q "${dir}/project") -p dbname=pum_bench_pum install"
      "$(fresh pum_bench_psql)"
      "$(q "${psql}") -X -q -1 -v ON_ERROR_STOP=1 -d pum_bench_psql -f $(q "${dir}/all.sql")"
      "$(fresh pum_bench_files)" "bash $(q "${dir}/per_file.sh") pum_bench_files")
    if [[ -n "${dbmate}" ]]; then
      tools+=(dbmate)
      pairs+=("$(fresh pum_bench_dbmate)"
        "$(q "${dbmate}") --url $(q "$(dbmate_url pum_bench_dbmate)") --migrations-dir $(q "${dir}/dbmate") --no-dump-schema up")
    fi
    if [[ -n "${sqitch}" && ${versions} -le ${sqitch_max} ]]; then
      tools+=(sqitch)
      pairs+=("$(fresh pum_bench_sqitch)"
        "$(q "${sqitch}") --chdir $(q "${dir}/sqitch") --quiet deploy db:pg:pum_bench_sqitch")
    fi
    rounds="${runs:-5}"
    [[ -n "${runs}" || $((versions * files)) -gt 100 ]] || rounds=15 # small: cheap, and noisier
    mapfile -t medians < <(interleaved "${rounds}" "${pairs[@]}")
    [[ ${#medians[@]} -eq ${#tools[@]} ]] || die "install ${label} ${kind} failed"
    declare -A t=()
    for i in "${!tools[@]}"; do t[${tools[i]}]="${medians[i]}"; done
    pum_t="${t[pum]}"
    psql_t="${t[psql]}"
    files_t="${t[files]}"
    dbmate_cell="not installed"
    [[ -z "${t[dbmate]:-}" ]] || dbmate_cell="$(other_cell "${t[dbmate]}" "${pum_t}")"
    sqitch_cell="not installed"
    if [[ -n "${sqitch}" && ${versions} -gt ${sqitch_max} ]]; then
      sqitch_cell="skipped (> ${sqitch_max} changes)"
    elif [[ -n "${t[sqitch]:-}" ]]; then
      sqitch_cell="$(other_cell "${t[sqitch]}" "${pum_t}")"
    fi
    unset t
    row "\`install\` ${label} ${kind}" "${pum_t}" "${psql_t}" "1.15" \
      "$(other_cell "${files_t}" "${pum_t}")" "${dbmate_cell}" "${sqitch_cell}"
    rm -rf "${dir}"
  done
done

# --- slots owned by other features --------------------------------------------------------

extra=()
# slot SCRIPT LABEL: runs bench/SCRIPT when it exists; its Markdown goes after the table.
slot() {
  local script="${root}/bench/$1" label="$2" out
  if [[ ! -f "${script}" ]]; then
    rows+=("| ${label} (\`bench/$1\`) | not available yet | | | | | | |")
    return
  fi
  echo "bench: ${label} (bench/$1)" >&2
  if out="$(PUM_BIN="${pum}" PSQL="${psql}" bash "${script}")"; then
    rows+=("| ${label} (\`bench/$1\`) | see below | | | | | | |")
    extra+=("" "### ${label}" "" "${out}")
  else
    rows+=("| ${label} (\`bench/$1\`) | **failed** (exit status $?) | | | | | | |")
  fi
}
# shellcheck disable=SC2016 # backquotes are Markdown here
slot check.sh '`check` on 2,000 tables'
slot demo-data.sh '1 GB of demo data'

# --- the table ----------------------------------------------------------------------------

load_end="$(cut -d ' ' -f 1-3 /proc/loadavg)"
tool="hyperfine (median of at least 5 runs after a warm-up)"
[[ -z "${runs}" ]] || tool="hyperfine (median of ${runs} runs after a warm-up)"
[[ ${use_hyperfine} -eq 1 ]] || tool="a bash loop (median of ${runs:-10} runs)"
tool+=" for start-up, info and upgrade; for install, the median of ${runs:-5 (15 up to 100 files)}"
tool+=" interleaved rounds (every tool once a round, after a warm-up round)"
table="$(
  echo "| scenario | pum | floor | pum / floor | psql per file | dbmate | sqitch | target |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Measured ${started_at} with ${tool}, on $(nproc) cores, load average" \
    "${load_start} at the start and ${load_end} at the end; PostgreSQL" \
    "$("${psql}" -X -At -c 'SHOW server_version' | cut -d ' ' -f 1) over its unix socket" \
    "(scripts/pg.sh: fsync off). Floor: \`psql --version\`; one SELECT for info and upgrade;" \
    "\`psql -1 -f\` of the same SQL concatenated for install. Other tools' cells: median" \
    "(tool / pum). Each install runs into a freshly created database."
  printf '%s\n' "${extra[@]}"
)"
echo
echo "${table}"
if [[ ${#missed[@]} -gt 0 ]]; then
  echo
  echo "Targets missed: ${missed[*]}"
fi

if [[ ${update_readme} -eq 1 ]]; then
  readme="${root}/README.md"
  if ! grep -q '^<!-- bench:begin -->$' "${readme}" || ! grep -q '^<!-- bench:end -->$' "${readme}"; then
    die "README.md has no <!-- bench:begin --> / <!-- bench:end --> markers"
  fi
  printf '%s\n' "${table}" >"${work}/table.md"
  awk -v table="${work}/table.md" '
    /^<!-- bench:begin -->$/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /^<!-- bench:end -->$/ { skip = 0 }
    !skip { print }' "${readme}" >"${work}/README.md"
  cp "${work}/README.md" "${readme}"
  echo "bench: README.md updated" >&2
fi
