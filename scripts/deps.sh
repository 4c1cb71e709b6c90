#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build, test, lint and benchmark pum.
# Does nothing (and returns at once) when every package is already installed.
# Usage: scripts/deps.sh
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libpq-dev postgresql-15 postgresql-client-15 postgresql-15-postgis-3
  libyaml-cpp-dev nlohmann-json3-dev libfmt-dev libcli11-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format clang-tidy hyperfine
  python3-dev python3-psycopg python3-jsonschema pybind11-dev python3-pytest
  chromium
  pgbouncer
  clang libclang-rt-14-dev
  man-db bash-completion dpkg-dev
)

# One dpkg-query for all packages; unknown packages print nothing on stdout.
installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true)"
missing=()
for pkg in "${packages[@]}"; do
  if ! grep -qx "${pkg} installed" <<<"${installed}"; then
    missing+=("${pkg}")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "deps: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "deps: not root and no sudo; as root, run: apt-get install ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
