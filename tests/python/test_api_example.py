#!/usr/bin/python3
"""ctest python.api_example: examples/python_api/install_and_baseline.py against the server.

Two fresh databases; the example installs examples/pipes into the first and baselines the
second; then the rows are read back with psql and the pum binary reads the first database.
Needs PUM_TEST_PG=1 and PG* variables (scripts/test.sh); fails without them, never skips.
"""

import argparse
import os
import subprocess
import sys
import uuid


def psql(database, sql):
    result = subprocess.run(
        ["psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def expect(what, actual, expected):
    if actual != expected:
        sys.exit(f"FAIL: {what}: expected {expected!r}, got {actual!r}")
    print(f"ok: {what}: {actual!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--package-dir", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--pum", required=True)
    args = parser.parse_args()
    if os.environ.get("PUM_TEST_PG") != "1":
        sys.exit("needs a PostgreSQL server: run through scripts/test.sh (PUM_TEST_PG=1)")

    suffix = uuid.uuid4().hex[:8]
    first, second = f"pum_api_install_{suffix}", f"pum_api_baseline_{suffix}"
    for name in (first, second):
        psql("postgres", f'CREATE DATABASE "{name}"')
    try:
        env = dict(os.environ, PYTHONPATH=args.package_dir, PYTHONDONTWRITEBYTECODE="1")
        example = os.path.join(args.repo, "examples", "python_api", "install_and_baseline.py")
        module_dir = os.path.join(args.repo, "examples", "pipes")
        run = subprocess.run(
            ["/usr/bin/python3", example, module_dir, f"dbname={first}", f"dbname={second}"],
            env=env,
            capture_output=True,
            text=True,
        )
        print(run.stdout, run.stderr, sep="\n")
        expect("example exit status", run.returncode, 0)
        expect("example output", run.stdout.splitlines(), ["installed pipes 1.2.0", "baseline 1.2.0"])
        expect(
            "rows of the installed database",
            psql(first, "SELECT string_agg(version, ',' ORDER BY version) FROM pipes_sys.pum_migrations"),
            "1.0.0,1.1.0,1.2.0",
        )
        expect(
            "stored SRID",
            psql(first, "SELECT parameters->>'SRID' FROM pipes_sys.pum_migrations WHERE version = '1.2.0'"),
            "2056",
        )
        expect("tables installed", psql(first, "SELECT to_regclass('pipes_od.pipe') IS NOT NULL"), "t")
        expect(
            "baseline row",
            psql(second, "SELECT module || ' ' || version || ' ' || cardinality(changelog_files) "
                 "FROM pipes_sys.pum_migrations"),
            "pipes 1.2.0 0",
        )
        info = subprocess.run(
            [args.pum, "-p", f"dbname={first}", "-d", module_dir, "info"],
            capture_output=True,
            text=True,
        )
        expect("pum info exit status", info.returncode, 0)
        if "1.2.0" not in info.stdout + info.stderr:
            sys.exit(f"FAIL: pum info does not show 1.2.0:\n{info.stdout}{info.stderr}")
        print("ok: the pum binary reads the installation made through the Python API")
    finally:
        for name in (first, second):
            psql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
