#!/usr/bin/env python3
"""Self-test of run_pum18.py on tiny fake suites (no database): the JUnit parsing, the ids,
the comparison with the expectations file, --write-expected and the exit codes.

    test_run_pum18_selftest.py [unittest arguments]

Run it with a Python that has pytest (Debian's /usr/bin/python3 with python3-pytest): the
harness runs pytest with the interpreter that runs it.
"""

import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS = os.path.join(HERE, "run_pum18.py")
sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, HERE)
import run_pum18  # noqa: E402  (beside this file)

FAKE_TESTS = '''\
import os
import unittest

import pytest

import fake_pum


class TestFake(unittest.TestCase):
    def test_pass(self):
        self.assertEqual(fake_pum.VALUE, 42)
        self.assertEqual(os.environ.get("PUM_BINARY"), os.environ.get("EXPECTED_PUM"))
        self.assertEqual(os.environ.get("PYTHONDONTWRITEBYTECODE"), "1")

    def test_fail(self):
        self.assertEqual(1, 2, "one is not two")

    @unittest.skip("needs something absent")
    def test_skip(self):
        pass


@pytest.mark.parametrize("value", ["a b", "c"])
def test_param(value):
    assert value == "c"
'''


class HarnessSelfTest(unittest.TestCase):
    """Runs the harness as a child process on a fake suite built in a temporary directory."""

    def setUp(self):
        self.temp = tempfile.TemporaryDirectory(prefix="pum18-selftest-")
        root = self.temp.name
        self.package = os.path.join(root, "package")
        self.suite = os.path.join(root, "suite")
        self.expected = os.path.join(root, "expected.txt")
        self.pum = os.path.join(root, "pum")
        os.makedirs(self.package)
        self.write(os.path.join(self.package, "fake_pum.py"), "VALUE = 42\n")
        self.write(os.path.join(self.suite, "test", "__init__.py"), "")
        self.write(os.path.join(self.suite, "test", "test_fake.py"), FAKE_TESTS)
        self.write(self.pum, "#!/bin/sh\nexit 0\n")
        os.chmod(self.pum, 0o755)

    def tearDown(self):
        self.temp.cleanup()

    @staticmethod
    def write(path, text):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)

    def expect(self, text):
        self.write(self.expected, textwrap.dedent(text))

    def run_harness(self, *extra, database=False, env=None):
        command = [sys.executable, HARNESS, "--package-dir", self.package, "--suite", self.suite,
                   "--expected", self.expected, "--pum", self.pum]
        if not database:
            command.append("--no-database")
        child_env = dict(os.environ, EXPECTED_PUM=self.pum)
        child_env.pop("PUM_TEST_PG", None)
        child_env.update(env or {})
        result = subprocess.run(command + list(extra), capture_output=True, text=True,
                                env=child_env, check=False, timeout=120)
        return result.returncode, result.stdout + result.stderr

    def test_unlisted_failures_fail(self):
        code, output = self.run_harness()
        self.assertEqual(code, 1, output)
        self.assertIn("not passing and not listed", output)
        self.assertIn("failed  test_fake.py::TestFake::test_fail", output)
        self.assertIn("AssertionError: 1 != 2 : one is not two", output)
        self.assertIn("skipped test_fake.py::TestFake::test_skip", output)
        self.assertIn("failed  test_fake.py::test_param[a b]", output)
        self.assertIn("5 tests: 2 passed, 2 failed, 0 errors, 1 skipped", output)
        self.assertIn("harness: FAIL", output)

    def test_listed_failures_pass(self):
        self.expect("""\
            # a comment

            test_fake.py::TestFake::test_fail  one is not two
            test_fake.py::TestFake::test_skip\tskipped upstream
            test_fake.py::test_param[a b]  blanks in the parameter
            """)
        code, output = self.run_harness()
        self.assertEqual(code, 0, output)
        self.assertIn("expected failures (3):", output)
        self.assertIn("test_fake.py::TestFake::test_skip  -- skipped upstream", output)
        self.assertIn("3 expected failures, 0 unexpected", output)
        self.assertIn("harness: PASS", output)
        self.assertFalse(any("__pycache__" in dirs for _, dirs, _ in os.walk(self.suite)))
        self.assertFalse(os.path.exists(os.path.join(self.suite, ".pytest_cache")))

    def test_listed_but_passing_fails(self):
        self.expect("""\
            test_fake.py::TestFake::test_fail  one is not two
            test_fake.py::TestFake::test_skip  skipped upstream
            test_fake.py::test_param[a b]  blanks in the parameter
            test_fake.py::TestFake::test_pass  was broken once
            """)
        code, output = self.run_harness()
        self.assertEqual(code, 1, output)
        self.assertIn("passed now, remove from the list", output)
        self.assertIn("passed  test_fake.py::TestFake::test_pass", output)

    def test_listed_but_not_run_fails(self):
        self.expect("""\
            test_fake.py::TestFake::test_fail  one is not two
            test_fake.py::TestFake::test_skip  skipped upstream
            test_fake.py::test_param[a b]  blanks in the parameter
            test_gone.py::TestGone::test_gone  renamed upstream
            """)
        code, output = self.run_harness()
        self.assertEqual(code, 1, output)
        self.assertIn("listed but not in the run", output)
        # With a selection (-k), tests that did not run are not reported.
        code, output = self.run_harness("-k", "test_fail or test_skip or test_param")
        self.assertEqual(code, 0, output)

    def test_entry_without_reason_is_an_error(self):
        self.expect("""\
            test_fake.py::TestFake::test_fail
            """)
        code, output = self.run_harness()
        self.assertEqual(code, 2, output)
        self.assertIn("no reason given", output)

    def test_collection_error_is_one_id(self):
        self.write(os.path.join(self.suite, "test", "test_broken.py"),
                   "from fake_pum import MISSING\n\n\ndef test_never():\n    pass\n")
        code, output = self.run_harness()
        self.assertEqual(code, 1, output)
        self.assertIn("error   test_broken.py\n", output)
        self.assertIn("ImportError: cannot import name 'MISSING'", output)

    def test_write_expected(self):
        self.expect("""\
            test_fake.py::TestFake::test_fail  one is not two
            test_fake.py::TestFake::test_pass  stale entry
            """)
        code, output = self.run_harness("--write-expected")
        self.assertEqual(code, 0, output)
        entries = run_pum18.read_expected(self.expected)
        self.assertEqual(entries, {
            "test_fake.py::TestFake::test_fail": "one is not two",
            "test_fake.py::TestFake::test_skip": run_pum18.TODO_REASON,
            "test_fake.py::test_param[a b]": run_pum18.TODO_REASON,
        })
        code, output = self.run_harness()
        self.assertEqual(code, 0, output)
        self.assertIn("2 listed tests still have no real reason", output)

    def test_needs_pum_test_pg(self):
        code, output = self.run_harness(database=True)
        self.assertEqual(code, 2, output)
        self.assertIn("needs a PostgreSQL server", output)
        self.assertIn("PUM_TEST_PG=1", output)

    def test_pytest_crash_is_an_error(self):
        self.write(os.path.join(self.suite, "test", "test_crash.py"),
                   "import os\n\n\ndef test_crash():\n    os._exit(3)\n")
        code, output = self.run_harness()
        self.assertEqual(code, 2, output)
        self.assertIn("pytest exited with 3", output)

    def test_timeout_is_an_error(self):
        self.write(os.path.join(self.suite, "test", "test_slow.py"),
                   "import time\n\n\ndef test_slow():\n    time.sleep(60)\n")
        code, output = self.run_harness("--timeout", "3")
        self.assertEqual(code, 2, output)
        self.assertIn("did not finish within 3 s", output)


class SplitEntryTest(unittest.TestCase):
    """The id of an expectations line ends at the first blank outside brackets."""

    def test_split(self):
        self.assertEqual(run_pum18.split_entry("a.py::C::t  why not"), ("a.py::C::t", "why not"))
        self.assertEqual(run_pum18.split_entry("a.py::t[x y]\tbecause"), ("a.py::t[x y]",
                                                                          "because"))
        self.assertEqual(run_pum18.split_entry("a.py::t"), ("a.py::t", ""))


if __name__ == "__main__":
    unittest.main()
