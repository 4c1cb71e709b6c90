#!/usr/bin/python3
"""pum's Python API as a QGIS plugin uses it: the plugin owns its psycopg connections.

1. Read the module's .pum.yaml into a PumConfig.
2. Install the module into a first database, on a connection the script opened, and commit.
3. Read the installed version back with SchemaMigrations.
4. Record that version as the baseline of a second database, whose objects were created by other
   means (a dump restored, a copy made by hand).

Usage: install_and_baseline.py MODULE_DIR CONNINFO_INSTALL CONNINFO_BASELINE
   e.g. install_and_baseline.py examples/pipes "dbname=pipes" "dbname=pipes_copy"

The work is done by pum's native core, on these very connections; nothing runs in a subprocess.
"""

import logging
import sys
from pathlib import Path

import psycopg

from pum import PumConfig, SchemaMigrations, Upgrader


def main(module_dir, install_conninfo, baseline_conninfo):
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    config = PumConfig.from_yaml(Path(module_dir) / ".pum.yaml")
    migrations = SchemaMigrations(config)

    with psycopg.connect(install_conninfo) as connection:
        Upgrader(config).install(connection=connection, parameters={"SRID": 2056}, commit=True)
        installed = migrations.baseline(connection)
    print(f"installed {config.config.pum.module} {installed}")

    with psycopg.connect(baseline_conninfo) as connection:
        migrations.create(connection)
        migrations.set_baseline(connection, installed, commit=True)
        print(f"baseline {migrations.baseline(connection)}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
