#!/usr/bin/env bash
# Set up everything on a fresh Debian 12 machine and show pum at work on examples/pipes:
# installs what is missing, builds, starts a throwaway PostgreSQL cluster, then installs the
# module at 1.0.0 into a fresh database pum_demo, upgrades it and shows its state.
# The cluster keeps running afterwards; the last lines say how to use and stop it.
# Usage: scripts/demo.sh
# Environment: PUM_PG_DIR, PUM_PG_PORT (see scripts/pg.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${PUM_BUILD_DIR:-${root}/build}"
cd "${root}"

step() { printf '\n==> %s\n' "$*" >&2; }

# Prints a command the way a user would type it (build/pum as `pum`, arguments with spaces or
# special characters in double quotes), then runs it.
show() {
  local arg line='$'
  for arg in "$@"; do
    if [[ "${arg}" == "${build_dir}/pum" ]]; then
      arg=pum
    elif [[ ! "${arg}" =~ ^[-A-Za-z0-9_./:@%+,]+$ ]]; then
      arg="${arg//\\/\\\\}"
      arg="${arg//\"/\\\"}"
      arg="${arg//\$/\\\$}"
      arg="${arg//\`/\\\`}"
      arg="\"${arg}\""
    fi
    line+=" ${arg}"
  done
  printf '\n%s\n' "${line}"
  "$@"
}

step "dependencies (scripts/deps.sh)"
bash scripts/deps.sh
step "build (scripts/build.sh)"
bash scripts/build.sh
step "PostgreSQL (scripts/pg.sh start)"
bash scripts/pg.sh start
env_file="$(bash scripts/pg.sh env-file)"
# shellcheck source=/dev/null
source "${env_file}"
export PGHOST PGPORT PGUSER PGDATABASE

step "demo: examples/pipes in database pum_demo"
show dropdb --if-exists pum_demo
show createdb pum_demo
pum="${build_dir}/pum"
show "${pum}" -p "dbname=pum_demo" -d examples/pipes install --max-version 1.0.0
show "${pum}" -p "dbname=pum_demo" -d examples/pipes upgrade
show "${pum}" -p "dbname=pum_demo" -d examples/pipes info
show psql -X -d pum_demo -c \
  "SELECT version, changelog_files, parameters FROM pipes_sys.pum_migrations ORDER BY string_to_array(version, '.')::int[]"

cat <<EOF

The PostgreSQL cluster in ${PGHOST} keeps running. To use it:
  source ${env_file}
  psql -d pum_demo
  build/pum -p "dbname=pum_demo" -d examples/pipes app recreate -p label_lang fr
To stop and delete it:
  scripts/pg.sh stop
EOF
