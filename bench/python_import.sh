#!/usr/bin/env bash
# Import cost of pum's Python package (pum 1.8's API on the native core), with /usr/bin/python3:
# the bare interpreter, `import pum` (lazy: loads nearly nothing), and the names a QGIS plugin
# uses (PumConfig, Upgrader, SchemaMigrations), which load the native core pum._native and
# psycopg. Usage: bench/python_import.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
package="${build}/pum-python/python"
[[ -f "${package}/pum/__init__.py" ]] || { echo "no package in ${package}: build first" >&2; exit 1; }
export PYTHONPATH="${package}" PYTHONDONTWRITEBYTECODE=1
hyperfine -N --warmup 5 --runs 40 \
  -n "python3 (no import)" "/usr/bin/python3 -c pass" \
  -n "import pum" "/usr/bin/python3 -c 'import pum'" \
  -n "import psycopg" "/usr/bin/python3 -c 'import psycopg'" \
  -n "from pum import PumConfig, Upgrader, SchemaMigrations + native core" \
  "/usr/bin/python3 -c 'from pum import PumConfig, Upgrader, SchemaMigrations; import pum._native'"
