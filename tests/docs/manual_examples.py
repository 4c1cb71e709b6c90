#!/usr/bin/env python3
"""Runs the examples of the user manual against the real binary (decision Q17: the manual is
tested, it cannot drift from the code).

Every fenced block opened with ```console doctest is a session: lines starting with "$ " are
commands, the lines after them their expected output (stdout and stderr merged, as a terminal
shows them). Blocks run in document order in one working directory holding a copy of
examples/, against the throwaway cluster of scripts/pg.sh (PGHOST/PGPORT/PGUSER). Database
names in the examples (createdb NAME, dbname=NAME, psql -d NAME) are replaced by names unique
to this run, and dropped at the end. Commands run without a shell.

Prints one line per command and closes with "N passed, M failed".
"""
import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

FENCE_OPEN = re.compile(r"^```console\s+doctest\s*$")
DB_PATTERNS = [
    re.compile(r"(dbname=)(\w+)"),
    re.compile(r"^(createdb\s+)(\w+)"),
    re.compile(r"^(dropdb\s+)(\w+)"),
    re.compile(r"(psql\s+-d\s+)(\w+)"),
]


def blocks(path):
    """Yields (line number, [lines]) of each doctest block."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        if FENCE_OPEN.match(lines[i]):
            start = i + 1
            j = start
            while j < len(lines) and lines[j] != "```":
                j += 1
            yield start + 1, lines[start:j]
            i = j
        i += 1


def commands(block_start, block):
    """Splits a block into (line number, command, expected output lines)."""
    current = None
    for offset, line in enumerate(block):
        if line.startswith("$ "):
            if current:
                yield current
            current = (block_start + offset, line[2:], [])
        elif current is not None:
            current[2].append(line)
    if current:
        yield current


def psql(env, database, sql):
    return subprocess.run(["psql", "-X", "-q", "-At", "-d", database, "-c", sql], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)


def drop_roles(roles, env):
    """Roles are cluster-wide: what the examples print ("Created role ...") depends on whether
    they exist, so they are removed from every database, then dropped."""
    if not roles:
        return
    databases = psql(env, "postgres", "SELECT datname FROM pg_database WHERE datallowconn")
    for role in roles:
        exists = psql(env, "postgres", f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'")
        if exists.stdout.strip() != b"1":
            continue
        for db in databases.stdout.decode().split():
            psql(env, db, f'REASSIGN OWNED BY "{role}" TO CURRENT_USER; DROP OWNED BY "{role}"')
        psql(env, "postgres", f'DROP ROLE IF EXISTS "{role}"')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pum", required=True)
    parser.add_argument("--manual", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--role", action="append", default=[],
                        help="a cluster-wide role the examples create: dropped before and after")
    args = parser.parse_args()

    if os.environ.get("PUM_TEST_PG") != "1":
        print("FAIL: no test server; run scripts/test.sh (it starts one and sets PUM_TEST_PG=1)")
        print("0 passed, 1 failed")
        return 1

    work = tempfile.mkdtemp(prefix="pum-manual-")
    shutil.copytree(os.path.join(args.repo, "examples"), os.path.join(work, "examples"))
    suffix = f"_doc{os.getpid()}"
    databases = set()

    def rename(match):
        databases.add(match.group(2) + suffix)
        return match.group(1) + match.group(2) + suffix

    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    passed = failed = 0
    drop_roles(args.role, env)
    try:
        for start, block in blocks(args.manual):
            for line_no, command, expected in commands(start, block):
                text = command
                for pattern in DB_PATTERNS:
                    text = pattern.sub(rename, text)
                argv = shlex.split(text)
                if argv[0] == "pum":
                    argv[0] = args.pum
                result = subprocess.run(argv, cwd=work, env=env, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        timeout=120, check=False)
                actual = result.stdout.decode("utf-8", "replace").rstrip("\n").split("\n")
                actual = [a.rstrip() for a in actual] if result.stdout else []
                want = [e.rstrip() for e in expected]
                actual = [a.replace(suffix, "") for a in actual]
                if actual == want:
                    passed += 1
                    print(f"ok   {args.manual}:{line_no}: $ {command}")
                else:
                    failed += 1
                    print(f"FAIL {args.manual}:{line_no}: $ {command} (exit {result.returncode})")
                    for d in difflib.unified_diff(want, actual, "manual", "binary", lineterm=""):
                        print("    " + d)
    finally:
        for db in sorted(databases):
            subprocess.run(["dropdb", "--if-exists", db], env=env, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)
        drop_roles(args.role, env)
    if passed + failed == 0:
        print("FAIL: no ```console doctest block found in " + args.manual)
        failed = 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
