#!/usr/bin/env python3
"""Runs pum 1.8's own pytest suite (vendored unchanged in tests/python/pum18) against the
`pum` Python package of this project, and compares the outcome with a list of expected
failures.

    run_pum18.py --package-dir DIR --suite DIR --expected FILE --pum PATH [-k EXPR]
                 [--write-expected] [--show-output] [-- PYTEST ARGS...]

The suite needs a PostgreSQL server: the PG* variables of scripts/pg.sh (PGHOST, PGPORT,
PGUSER, a superuser) and PUM_TEST_PG=1. Without PUM_TEST_PG the script fails; it never skips.
It writes a temporary pg_service.conf with the services the suite uses, [pum_test] and
[pum_test_2] (databases pum_test and pum_test_2, dropped and created afresh), and runs

    python3 -m pytest -p no:cacheprovider -q --junitxml=TMP.xml test

from the suite directory (the tests open Path("test") / "data" / ...), with PYTHONPATH set
to the package directory, PGSERVICEFILE to the temporary file, PUM_BINARY to the pum binary,
and PYTHONDONTWRITEBYTECODE=1 so that no __pycache__ lands in the source tree.

Every test of the JUnit report gets an id `test_file.py::Class::test_name` (relative to the
suite's test/ directory; a module that cannot be imported is the single id `test_file.py`) and
an outcome: passed, failed, error or skipped. The expectations file lists, one a line, the
tests expected NOT to pass, each with the reason:

    test_upgrader.py::TestUpgrader::test_parameters  PostGIS is not installed on CI
    # comments and blank lines are ignored

The exit code is 0 only when every test that is not listed passes, and every listed test ran
and did not pass. A skipped test counts as not passed: it must be listed too. With
--write-expected the file is written anew from the run (a listed test that still does not
pass keeps its reason, a new one gets "TODO: reason"); that is for the developer, ctest never
passes it.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

SERVICES = ["pum_test", "pum_test_2"]
TODO_REASON = "TODO: reason"
OUTCOMES = ["passed", "skipped", "failed", "error"]  # in order of severity
EXPECTED_HEADER = """\
# Tests of pum 1.8's suite (tests/python/pum18) expected NOT to pass against this project's
# `pum` Python package, read by tests/python/run_pum18.py (ctest python.pum18_suite).
#
# One test a line: its id (test_file.py::Class::test_name, or test_file.py alone for a module
# that cannot be imported), two spaces, and the reason it does not pass. Every entry needs a
# reason. A skipped test counts as not passed and must be listed as well. A listed test that
# passes fails the run: remove it from the list.
#
# Regenerate (keeps the reasons of the tests still listed) with:
#   /usr/bin/python3 tests/python/run_pum18.py --package-dir build/pum-python/python \\
#     --suite tests/python/pum18 --expected tests/python/pum18_expected_failures.txt \\
#     --pum build/pum --write-expected
"""


class HarnessError(Exception):
    """A problem of the setup (no server, bad expectations file, pytest crashed): exit 2."""


def parse_args(argv):
    """Parses the command line; arguments after `--` go to pytest unchanged."""
    extra = []
    if "--" in argv:
        index = argv.index("--")
        argv, extra = argv[:index], argv[index + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--package-dir", required=True,
                        help="directory holding the `pum` package to test (put on PYTHONPATH)")
    parser.add_argument("--suite", required=True,
                        help="the vendored suite: the directory that holds test/")
    parser.add_argument("--expected", required=True,
                        help="the expectations file (tests expected not to pass, with reasons)")
    parser.add_argument("--pum", help="the pum binary, exported to the tests as PUM_BINARY")
    parser.add_argument("-k", dest="keyword", help="only the tests matching this pytest -k "
                        "expression (listed tests that did not run are then not reported)")
    parser.add_argument("--tests", default="test",
                        help="what pytest collects, relative to --suite (default: test)")
    parser.add_argument("--write-expected", action="store_true",
                        help="write the expectations file from this run")
    parser.add_argument("--show-output", action="store_true",
                        help="print pytest's own output (tracebacks) before the summary")
    parser.add_argument("--timeout", type=float, default=870,
                        help="seconds before pytest is killed (default 870, under ctest's 900)")
    parser.add_argument("--keep-temp", action="store_true",
                        help="keep the temporary directory (service file, JUnit report, log)")
    parser.add_argument("--no-database", action="store_true",
                        help="do not prepare databases nor require PUM_TEST_PG: only for the "
                        "harness self-test, pum 1.8's suite cannot pass without a server")
    args = parser.parse_args(argv)
    args.pytest_args = extra
    return args


# ---------------------------------------------------------------------------------------------
# Expectations file


def split_entry(line):
    """Splits `ID  REASON` at the first blank outside brackets (parametrized ids may hold
    blanks inside [...]). Returns (id, reason)."""
    depth = 0
    for index, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]" and depth > 0:
            depth -= 1
        elif char in " \t" and depth == 0:
            return line[:index], line[index:].strip()
    return line, ""


def read_expected(path):
    """Reads the expectations file into {id: reason}, in file order. A missing file is an
    empty list. Raises HarnessError for an entry without a reason or listed twice."""
    expected = {}
    if not os.path.exists(path):
        return expected
    problems = []
    with open(path, encoding="utf-8") as file:
        for number, raw in enumerate(file, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            test_id, reason = split_entry(line)
            if not reason:
                problems.append(f"{path}:{number}: {test_id}: no reason given (every listed "
                                "test needs one)")
            elif test_id in expected:
                problems.append(f"{path}:{number}: {test_id}: listed twice")
            else:
                expected[test_id] = reason
    if problems:
        raise HarnessError("bad expectations file:\n  " + "\n  ".join(problems))
    return expected


def write_expected(path, results, previous, partial):
    """Writes the expectations file: every test of `results` that did not pass, with its
    previous reason or TODO_REASON. When the run was `partial` (a selection), the previous
    entries of tests that did not run are kept."""
    entries = {}
    for test_id, result in results.items():
        if result["outcome"] != "passed":
            entries[test_id] = previous.get(test_id, TODO_REASON)
    if partial:
        for test_id, reason in previous.items():
            if test_id not in results:
                entries[test_id] = reason
    with open(path, "w", encoding="utf-8") as file:
        file.write(EXPECTED_HEADER)
        if entries:
            file.write("\n")
        for test_id in sorted(entries, key=sort_key):
            file.write(f"{test_id}  {entries[test_id]}\n")
    return entries


def sort_key(test_id):
    """Orders ids by file, then class and test name."""
    return test_id.split("::")


# ---------------------------------------------------------------------------------------------
# JUnit report


def test_id_of(case, tests_dir):
    """The id of a <testcase>: `file.py::Class::name`, relative to the collected directory.
    A collection failure (empty classname, name = dotted module) is `file.py`."""
    classname = case.get("classname", "")
    name = case.get("name", "")
    file = case.get("file")
    if not file:
        # Without the xunit1 `file` attribute: derive it from the dotted module path.
        dotted = classname or name
        parts = dotted.split(".")
        while parts and not parts[-1].startswith("test"):
            parts.pop()  # drop class names
        file = "/".join(parts) + ".py" if parts else dotted
    file = file.replace(os.sep, "/")
    prefix = tests_dir.strip("/").replace(os.sep, "/") + "/"
    relative = file[len(prefix):] if file.startswith(prefix) else file
    if not classname:
        return relative
    # The classname is the dotted module (from the rootdir, or from the first directory
    # without __init__.py) followed by the class, if any.
    parts = (file[:-3] if file.endswith(".py") else file).split("/")
    rest = ""
    for start in range(len(parts)):
        module = ".".join(parts[start:])
        if classname == module or classname.startswith(module + "."):
            rest = classname[len(module) + 1:]
            break
    return "::".join([relative] + ([rest] if rest else []) + [name])


def message_head(element, lines=6):
    """The head of a failure: its `E ...` lines (pytest's exception lines), else the message
    attribute and the first lines of the text."""
    text = element.text or ""
    e_lines = [line for line in text.splitlines() if re.match(r"^E\s", line)]
    head = e_lines[:lines]
    if not head:
        message = element.get("message", "")
        head = ([message] if message else []) + text.strip().splitlines()[:lines]
    return [line[:300] for line in head[:lines]]


def parse_junit(path, tests_dir):
    """Reads pytest's JUnit report into {id: {"outcome", "message"}}. A test reported more
    than once (a teardown error after the call) keeps its worst outcome."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise HarnessError(f"cannot read the JUnit report {path}: {error}") from error
    results = {}
    for case in root.iter("testcase"):
        test_id = test_id_of(case, tests_dir)
        outcome, message = "passed", []
        for tag in ("error", "failure", "skipped"):
            element = case.find(tag)
            if element is not None:
                outcome = {"error": "error", "failure": "failed", "skipped": "skipped"}[tag]
                if tag == "skipped":
                    message = [element.get("message", "") or (element.text or "").strip()]
                else:
                    message = message_head(element)
                break
        previous = results.get(test_id)
        if previous is None or OUTCOMES.index(outcome) > OUTCOMES.index(previous["outcome"]):
            results[test_id] = {"outcome": outcome, "message": message}
    return results


# ---------------------------------------------------------------------------------------------
# Comparison


def compare(results, expected, partial):
    """Compares outcomes with the expectations. Returns a dict of lists of ids: passed,
    expected (listed and not passed), unexpected (not listed and not passed), fixed (listed
    and passed), missing (listed and not run; only for a full run)."""
    report = {"passed": [], "expected": [], "unexpected": [], "fixed": [], "missing": []}
    for test_id in sorted(results, key=sort_key):
        passed = results[test_id]["outcome"] == "passed"
        listed = test_id in expected
        if passed:
            report["fixed" if listed else "passed"].append(test_id)
        else:
            report["expected" if listed else "unexpected"].append(test_id)
    if not partial:
        report["missing"] = [t for t in expected if t not in results]
    return report


def print_summary(results, expected, report, out=sys.stdout):
    """Prints the outcome; returns True when the harness passes."""
    def say(text=""):
        print(text, file=out)

    if report["expected"]:
        say(f"expected failures ({len(report['expected'])}):")
        for test_id in report["expected"]:
            say(f"  {results[test_id]['outcome']:<7} {test_id}  -- {expected[test_id]}")
    if report["unexpected"]:
        say()
        say(f"FAIL: not passing and not listed in the expectations file "
            f"({len(report['unexpected'])}):")
        for test_id in report["unexpected"]:
            result = results[test_id]
            say(f"  {result['outcome']:<7} {test_id}")
            for line in result["message"]:
                say(f"            {line}")
            if result["outcome"] == "skipped":
                say("            (a skipped test counts as not passed: list it with the reason)")
    if report["fixed"]:
        say()
        say(f"FAIL: listed as expected failures but passed now, remove from the list "
            f"({len(report['fixed'])}):")
        for test_id in report["fixed"]:
            say(f"  passed  {test_id}")
    if report["missing"]:
        say()
        say(f"FAIL: listed but not in the run, remove from the list or fix the id "
            f"({len(report['missing'])}):")
        for test_id in report["missing"]:
            say(f"  {test_id}")
    todo = [t for t in report["expected"] if expected[t].startswith("TODO")]
    if todo:
        say()
        say(f"note: {len(todo)} listed tests still have no real reason ({TODO_REASON!r})")
    counts = {outcome: 0 for outcome in OUTCOMES}
    for result in results.values():
        counts[result["outcome"]] += 1
    ok = not (report["unexpected"] or report["fixed"] or report["missing"])
    say()
    say(f"pum 1.8 suite: {len(results)} tests: {counts['passed']} passed, "
        f"{counts['failed']} failed, {counts['error']} errors, {counts['skipped']} skipped; "
        f"{len(report['expected'])} expected failures, {len(report['unexpected'])} unexpected, "
        f"{len(report['fixed'])} listed but passing, {len(report['missing'])} listed but not run")
    say("harness: PASS" if ok else "harness: FAIL")
    return ok


# ---------------------------------------------------------------------------------------------
# Database and pytest


def find_psql():
    """psql from `pg_config --bindir`, else from PATH."""
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            bindir = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                    check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            bindir = ""
        candidate = os.path.join(bindir, "psql")
        if bindir and os.access(candidate, os.X_OK):
            return candidate
    psql = shutil.which("psql")
    if not psql:
        raise HarnessError("psql not found (neither in `pg_config --bindir` nor on PATH)")
    return psql


def psql_query(psql, sql):
    """Runs SQL on the `postgres` database of the PG* server; returns stdout (unaligned)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PGSERVICE", "PGDATABASE")}
    result = subprocess.run([psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                             "-d", "postgres", "-c", sql],
                            capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise HarnessError(f"psql failed on: {sql}\n{result.stderr.strip()}")
    return result.stdout.strip()


def prepare_databases(psql):
    """Drops and creates pum_test and pum_test_2, drops roles left by an earlier run, and
    checks that PostGIS can be installed (test/data/parameters runs CREATE EXTENSION postgis)."""
    available = psql_query(psql, "SELECT count(*) FROM pg_available_extensions "
                                 "WHERE name = 'postgis'")
    if available != "1":
        raise HarnessError("the server has no postgis extension, which test/data/parameters "
                           "needs: install postgresql-15-postgis-3 (scripts/deps.sh)")
    for database in SERVICES:
        psql_query(psql, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    # Roles the suite creates (pum_test_user, pum_test_intruder, ...) and an interrupted run
    # may have left behind; best effort, a role that still owns something elsewhere stays.
    leftovers = psql_query(psql, "SELECT rolname FROM pg_roles WHERE rolname ~ '^pum_test_' "
                                 "ORDER BY 1")
    for role in leftovers.splitlines():
        try:
            psql_query(psql, f'DROP ROLE IF EXISTS "{role}"')
        except HarnessError as error:
            print(f"run_pum18: warning: leftover role {role} not dropped: {error}",
                  file=sys.stderr)
    for database in SERVICES:
        psql_query(psql, f"CREATE DATABASE {database}")


def write_service_file(path):
    """Writes pg_service.conf with the suite's services, on the server of the PG* variables."""
    lines = []
    for service in SERVICES:
        lines.append(f"[{service}]")
        for key, variable in (("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER"),
                              ("password", "PGPASSWORD")):
            if os.environ.get(variable):
                lines.append(f"{key}={os.environ[variable]}")
        lines.append(f"dbname={service}")
        lines.append("")
    with open(path, "w", encoding="utf-8") as file:
        file.write("\n".join(lines))


def run_pytest(args, temp_dir, service_file):
    """Runs pytest in the suite directory; returns (exit code, path of the report, log)."""
    junit = os.path.join(temp_dir, "junit.xml")
    log_path = os.path.join(temp_dir, "pytest.log")
    env = dict(os.environ)
    for variable in ("PGSERVICE", "PGDATABASE", "PYTEST_ADDOPTS", "PYTHONHOME"):
        env.pop(variable, None)
    env["PYTHONPATH"] = os.path.abspath(args.package_dir)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["NO_COLOR"] = "1"
    if service_file:
        env["PGSERVICEFILE"] = service_file
    if args.pum:
        env["PUM_BINARY"] = os.path.abspath(args.pum)
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
               "--continue-on-collection-errors", "-o", "junit_family=xunit1",
               "-o", "faulthandler_timeout=300", f"--junitxml={junit}"]
    if args.keyword:
        command += ["-k", args.keyword]
    command += args.pytest_args + [args.tests]
    with open(log_path, "w+", encoding="utf-8", errors="replace") as log:
        try:
            process = subprocess.run(command, cwd=args.suite, env=env, stdout=log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     timeout=args.timeout, check=False)
            code = process.returncode
        except subprocess.TimeoutExpired:
            code = None
        log.seek(0)
        output = log.read()
    return code, junit, output


def tail(text, lines=40):
    """The last lines of a text, indented."""
    return "\n".join("  " + line for line in text.rstrip().splitlines()[-lines:])


def main(argv):
    """Runs the suite and the comparison; returns the exit code."""
    args = parse_args(argv)
    if not args.no_database and os.environ.get("PUM_TEST_PG") != "1":
        print("run_pum18: needs a PostgreSQL server: run scripts/test.sh, or scripts/pg.sh "
              "start, source its env file (PGHOST, PGPORT, PGUSER) and export PUM_TEST_PG=1",
              file=sys.stderr)
        return 2
    for path, what in ((args.package_dir, "--package-dir"), (args.suite, "--suite")):
        if not os.path.isdir(path):
            print(f"run_pum18: {what} {path}: not a directory", file=sys.stderr)
            return 2
    if args.pum and not os.access(args.pum, os.X_OK):
        print(f"run_pum18: --pum {args.pum}: not an executable", file=sys.stderr)
        return 2
    partial = bool(args.keyword or args.pytest_args or args.tests != "test")
    temp_dir = tempfile.mkdtemp(prefix="pum18-suite-")
    try:
        expected = read_expected(args.expected)
        service_file = None
        if not args.no_database:
            service_file = os.path.join(temp_dir, "pg_service.conf")
            write_service_file(service_file)
            prepare_databases(find_psql())
        code, junit, output = run_pytest(args, temp_dir, service_file)
        if args.show_output:
            print(output.rstrip())
            print()
        if code is None:
            raise HarnessError(f"pytest did not finish within {args.timeout:g} s; its output "
                               f"ends with:\n{tail(output)}")
        # 0: all passed, 1: some failed; 5: nothing collected; anything else (2: interrupted,
        # 3: internal error, 4: usage, negative: killed by a signal) means the run is broken.
        if code not in (0, 1) or not os.path.exists(junit):
            raise HarnessError(f"pytest exited with {code} (no usable report); its output "
                               f"ends with:\n{tail(output)}")
        results = parse_junit(junit, args.tests)
        if not results:
            raise HarnessError(f"pytest ran no test; its output ends with:\n{tail(output)}")
        if args.write_expected:
            expected = write_expected(args.expected, results, expected, partial)
            print(f"wrote {args.expected}: {len(expected)} entries")
        report = compare(results, expected, partial)
        return 0 if print_summary(results, expected, report) else 1
    except HarnessError as error:
        print(f"run_pum18: {error}", file=sys.stderr)
        return 2
    finally:
        if args.keep_temp:
            print(f"kept {temp_dir}", file=sys.stderr)
        else:
            shutil.rmtree(temp_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
