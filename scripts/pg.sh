#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests, the demo and benchmarks.
#
# Usage: scripts/pg.sh start|stop|status|env
#   start   create (first time) and start the cluster; reuses a running one. Writes the env file.
#   stop    stop the cluster and delete it (data, log, env file).
#   status  say whether it runs; exit 0 when it does, 3 when it does not.
#   env     print the env file: `source "$(scripts/pg.sh env-file)"` or `eval "$(scripts/pg.sh env)"`.
#   env-file  print the path of the env file.
#
# Environment:
#   PUM_PG_DIR   cluster directory, default /tmp/pum-pg-<uid>. Holds data/, the unix socket,
#                postgres.log and env.
#   PUM_PG_PORT  port of the socket and of the 127.0.0.1 listener, default 54329.
#   PUM_PG_USER  when run as root: the unprivileged user that owns the cluster (created when
#                missing), default pum-test. Otherwise the cluster belongs to the calling user.
#
# Speed over safety: trust authentication (unix socket and 127.0.0.1 only), fsync, full page
# writes and synchronous commit off. Never point it at data you care about.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pg_dir="${PUM_PG_DIR:-/tmp/pum-pg-$(id -u)}"
[[ "${pg_dir}" == /* ]] || pg_dir="${PWD}/${pg_dir}"
pg_dir="${pg_dir%/}"
port="${PUM_PG_PORT:-54329}"
[[ "${port}" =~ ^[0-9]+$ ]] || { echo "pg.sh: PUM_PG_PORT must be a number" >&2; exit 2; }
data="${pg_dir}/data"
log="${pg_dir}/postgres.log"
env_file="${pg_dir}/env"

die() {
  echo "pg.sh: $*" >&2
  exit 1
}

usage() {
  echo "usage: scripts/pg.sh start|stop|status|env|env-file" >&2
  exit 2
}

if [[ $(id -u) -eq 0 ]]; then
  cluster_user="${PUM_PG_USER:-pum-test}"
else
  cluster_user="$(id -un)"
fi

# Runs a command as the cluster owner, from the cluster directory (initdb and pg_ctl refuse
# root, and the caller's working directory may not be readable by that user).
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "${pg_dir}" && runuser -u "${cluster_user}" -- "$@")
  else
    (cd "${pg_dir}" && "$@")
  fi
}

find_bindir() {
  local candidate
  for candidate in "${PUM_PG_BINDIR:-}" /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)"; do
    if [[ -n "${candidate}" && -x "${candidate}/initdb" && -x "${candidate}/pg_ctl" ]]; then
      echo "${candidate}"
      return 0
    fi
  done
  return 1
}

bindir="$(find_bindir || true)"
ensure_bindir() {
  if [[ -z "${bindir}" ]]; then
    bash "${root}/scripts/deps.sh"
    bindir="$(find_bindir)" || die "PostgreSQL 15 server binaries not found (initdb, pg_ctl)"
  fi
}

ensure_user() {
  [[ $(id -u) -eq 0 ]] || return 0
  if ! id -u "${cluster_user}" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "${cluster_user}"
  fi
}

is_running() {
  [[ -n "${bindir}" && -f "${data}/PG_VERSION" ]] || return 1
  as_owner "${bindir}/pg_ctl" status -D "${data}" >/dev/null 2>&1
}

# Writes the env file from postmaster.pid (line 4: port, line 5: socket directory), so a
# reused cluster is described as it runs, whatever PUM_PG_PORT says now.
write_env() {
  local pid_file="${data}/postmaster.pid" running_port socket_dir owner
  running_port="$(sed -n 4p "${pid_file}")"
  socket_dir="$(sed -n 5p "${pid_file}")"
  owner="$(stat -c %U "${data}")"
  {
    printf 'export PGHOST=%q\n' "${socket_dir}"
    printf 'export PGPORT=%q\n' "${running_port}"
    printf 'export PGUSER=%q\n' "${owner}"
    printf 'export PGDATABASE=postgres\n'
  } >"${env_file}.tmp"
  chmod 0644 "${env_file}.tmp"
  mv -f "${env_file}.tmp" "${env_file}"
}

init_cluster() {
  rm -rf "${data}"
  as_owner "${bindir}/initdb" -D "${data}" -U "${cluster_user}" --auth=trust \
    --encoding=UTF8 --locale=C --no-sync --no-instructions >"${pg_dir}/initdb.log" 2>&1 ||
    { cat "${pg_dir}/initdb.log" >&2; die "initdb failed"; }
  as_owner tee -a "${data}/postgresql.conf" >/dev/null <<EOF

# scripts/pg.sh: throwaway test cluster
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${pg_dir}'
unix_socket_permissions = 0777
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  as_owner tee "${data}/pg_hba.conf" >/dev/null <<'EOF'
# scripts/pg.sh: trust on the unix socket and 127.0.0.1 only
local all all              trust
host  all all 127.0.0.1/32 trust
EOF
}

cmd_start() {
  ensure_bindir
  ensure_user
  mkdir -p "${pg_dir}"
  if [[ $(id -u) -eq 0 ]]; then
    chown "${cluster_user}:" "${pg_dir}"
  fi
  chmod 0755 "${pg_dir}"
  as_owner test -w "${pg_dir}" -a -x "${pg_dir}" ||
    die "${cluster_user} cannot write to ${pg_dir}; choose another PUM_PG_DIR"

  if is_running; then
    write_env
    echo "pg.sh: reusing the cluster running in ${data}" >&2
    return 0
  fi
  if [[ ! -f "${data}/PG_VERSION" ]]; then
    init_cluster
  fi
  # -p: PUM_PG_PORT wins over the port written at initdb time.
  if ! as_owner "${bindir}/pg_ctl" start -D "${data}" -l "${log}" -o "-p ${port}" -w -t 60 \
    >/dev/null; then
    tail -n 20 "${log}" >&2 || true
    die "could not start PostgreSQL (port ${port} taken? set PUM_PG_PORT)"
  fi
  write_env
  echo "pg.sh: PostgreSQL running, socket in ${pg_dir}, port $(sed -n 4p "${data}/postmaster.pid"), user ${cluster_user}" >&2
}

cmd_stop() {
  if is_running; then
    as_owner "${bindir}/pg_ctl" stop -D "${data}" -m fast -w -t 60 >/dev/null
  fi
  # Remove only what start created; the directory itself only when it is then empty.
  rm -rf "${data}"
  rm -f "${env_file}" "${env_file}.tmp" "${log}" "${pg_dir}/initdb.log"
  rmdir "${pg_dir}" 2>/dev/null || true
  echo "pg.sh: cluster in ${pg_dir} stopped and removed" >&2
}

cmd_status() {
  if is_running; then
    echo "running: ${data} (env: ${env_file})"
  else
    echo "not running: ${data}"
    exit 3
  fi
}

cmd_env() {
  [[ -f "${env_file}" ]] || die "no cluster started in ${pg_dir}; run scripts/pg.sh start"
  cat "${env_file}"
}

[[ $# -eq 1 ]] || usage
case "$1" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  env-file) echo "${env_file}" ;;
  *) usage ;;
esac
