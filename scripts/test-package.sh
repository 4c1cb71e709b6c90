#!/usr/bin/env bash
# The Debian package end to end, as root (CI runs it; it also works on a developer's machine,
# where it installs the .deb): builds it (scripts/package.sh), installs it with apt-get, then
# uses the INSTALLED /usr/bin/pum against a throwaway PostgreSQL cluster: examples/pipes install,
# upgrade, info; a Python hook; the man page (man -w), bash completion, and `import pum` with
# /usr/bin/python3. No environment variable points pum or Python at anything.
# Usage: scripts/test-package.sh
# Environment: PUM_PG_DIR, PUM_PG_PORT (see scripts/pg.sh); by default a cluster of its own
#   (/tmp/pum-pg-<uid>-package, port 54349).
set -euo pipefail

export PUM_PG_DIR="${PUM_PG_DIR:-/tmp/pum-pg-$(id -u)-package}"
export PUM_PG_PORT="${PUM_PG_PORT:-54349}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${root}"

step() { printf '\n==> %s\n' "$*" >&2; }
fail() {
  echo "test-package: FAILED: $*" >&2
  exit 1
}

if [[ $(id -u) -ne 0 ]]; then
  echo "test-package: run as root (it installs the .deb with apt-get)" >&2
  exit 1
fi

step "dependencies (scripts/deps.sh)"
bash scripts/deps.sh

step "package (scripts/package.sh)"
deb="$(bash scripts/package.sh)"
echo "${deb}"
dpkg-deb --field "${deb}" Package Version Architecture Depends Recommends

step "install (apt-get install ./$(basename "${deb}"))"
(cd "$(dirname "${deb}")" &&
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall "./$(basename "${deb}")")
dpkg -L pum

pum=/usr/bin/pum
[[ -x "${pum}" ]] || fail "${pum} is not installed"
# The installed files only: nothing from this checkout or its build trees.
run_pum() { env -u PYTHONPATH -u PYTHONHOME "${pum}" "$@"; }

step "pum --version, pum install --help"
run_pum --version
run_pum install --help | tee /tmp/pum-package-help.txt
grep -q '^Examples:' /tmp/pum-package-help.txt || fail "pum install --help has no examples"

step "PostgreSQL (scripts/pg.sh start)"
trap 'bash "${root}/scripts/pg.sh" stop || true' EXIT
bash scripts/pg.sh start
# shellcheck source=/dev/null
source "$(bash scripts/pg.sh env-file)"
export PGHOST PGPORT PGUSER PGDATABASE

step "examples/pipes with the installed pum"
dropdb --if-exists pum_package
createdb pum_package
run_pum -p dbname=pum_package -d examples/pipes install --max-version 1.0.0
run_pum -p dbname=pum_package -d examples/pipes upgrade
run_pum -p dbname=pum_package -d examples/pipes info 2>&1 | tee /tmp/pum-package-info.txt
grep -q '1\.2\.0' /tmp/pum-package-info.txt || fail "info does not show version 1.2.0"

step "a Python hook with the installed plugin and package"
project="$(mktemp -d)"
trap 'rm -rf "${project}"; bash "${root}/scripts/pg.sh" stop || true' EXIT
mkdir -p "${project}/changelogs/1.0.0" "${project}/app"
cat >"${project}/.pum.yaml" <<'YAML'
pum:
  module: package_check
application:
  create:
    - file: app/create.py
YAML
echo 'CREATE SCHEMA package_check;' >"${project}/changelogs/1.0.0/01_schema.sql"
cat >"${project}/app/create.py" <<'PY'
from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        self.execute("CREATE TABLE package_check.from_python (id int)")
PY
dropdb --if-exists pum_package_py
createdb pum_package_py
run_pum -p dbname=pum_package_py -d "${project}" install
[[ "$(psql -X -A -t -d pum_package_py -c "SELECT to_regclass('package_check.from_python') IS NOT NULL")" == t ]] ||
  fail "the Python hook did not run"
version="$(env -i PATH=/usr/bin:/bin /usr/bin/python3 -c 'import pum; print(pum.__version__)')"
echo "import pum with /usr/bin/python3: pum.__version__ = ${version}"
[[ -n "${version}" ]] || fail "/usr/bin/python3 cannot import pum"

step "pum's Python API with the installed package (examples/python_api)"
dropdb --if-exists pum_package_api
dropdb --if-exists pum_package_api_copy
createdb pum_package_api
createdb pum_package_api_copy
# Its output is shown, then searched. Not `tee /dev/stderr`: when stderr is a file (a CI log
# written with 2>log), tee opens it again and truncates it, losing everything logged before.
api_output="$(env -i PATH=/usr/bin:/bin PGHOST="${PGHOST}" PGPORT="${PGPORT}" PGUSER="${PGUSER}" \
  /usr/bin/python3 examples/python_api/install_and_baseline.py examples/pipes \
  "dbname=pum_package_api" "dbname=pum_package_api_copy")" ||
  fail "the Python API example failed"
printf '%s\n' "${api_output}" >&2
grep -qx "baseline 1.2.0" <<<"${api_output}" || fail "the Python API example did not record the baseline"
dropdb pum_package_api
dropdb pum_package_api_copy

step "man page (man -w pum)"
man -w pum
man -w pum | grep -q '^/usr/share/man/man1/pum\.1' || fail "man -w pum does not find /usr/share/man/man1/pum.1"
MANWIDTH=100 man -P cat pum 2>/dev/null | grep -q 'EXIT STATUS' || fail "man pum has no EXIT STATUS"

step "bash completion (pum -p x ins<TAB>)"
completion="$(bash -c '
  source /usr/share/bash-completion/completions/pum
  COMP_WORDS=(pum -p x ins)
  COMP_CWORD=3
  _pum pum ins x
  printf "%s\n" "${COMPREPLY[@]}"
')"
echo "${completion}"
grep -qx install <<<"${completion}" || fail "bash completion of 'pum -p x ins' does not offer install"
for file in /usr/share/zsh/vendor-completions/_pum /usr/share/fish/vendor_completions.d/pum.fish \
  /usr/share/doc/pum/README.md /usr/share/doc/pum/manual.md; do
  [[ -s "${file}" ]] || fail "${file} is missing"
done

dropdb --if-exists pum_package
dropdb --if-exists pum_package_py
echo
echo "test-package: the installed package works (${deb})"
