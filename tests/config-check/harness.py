# SPDX-License-Identifier: GPL-2.0
"""A very small test runner: named test functions, PASS/FAIL lines, and the
`N passed, N failed` line the project's test suites end with."""

import os
import subprocess
import sys
import traceback


class Failure(Exception):
    """A test's expectation did not hold."""


def expect(condition, why):
    if not condition:
        raise Failure(why)


def expect_equal(actual, expected, what):
    if actual != expected:
        raise Failure('%s: got %r, expected %r' % (what, actual, expected))


class Context:
    """Where things are, shared by all tests of a run."""

    def __init__(self, tool, fixtures, shipped, tmpdir):
        self.tool = tool
        self.fixtures = fixtures
        self.shipped = shipped
        self.tmpdir = tmpdir
        self._counter = 0

    def fixture_path(self, srcarch, name):
        return os.path.join(self.fixtures, srcarch, name)

    def write(self, name, data):
        """A temporary file for one test; names stay unique per run so a
        failing test can be rerun by hand from its file."""
        self._counter += 1
        path = os.path.join(self.tmpdir, '%03d-%s' % (self._counter, name))
        with open(path, 'wb') as stream:
            stream.write(data)
        return path


class Result:
    """Exit status and output of one run of the checker."""

    def __init__(self, completed):
        self.rc = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    def lines(self, severity=None):
        found = self.stdout.splitlines()
        if severity:
            tag = ': %s: ' % severity
            found = [line for line in found if tag in line]
        return found

    def __str__(self):
        return 'rc %d, stdout %r, stderr %r' % (self.rc, self.stdout,
                                                self.stderr)


def run_tool(ctx, args, tool=None):
    completed = subprocess.run([sys.executable, tool or ctx.tool] + args,
                               capture_output=True, text=True, check=False,
                               timeout=60)
    return Result(completed)


def run_tests(tests):
    """Run [(name, function)], print one line per test and the summary;
    return whether all passed."""
    passed = failed = 0
    for name, function in tests:
        try:
            function()
        except Failure as err:
            failed += 1
            print('FAIL: %s: %s' % (name, err))
        except Exception:  # a crash is a failure of that test only
            failed += 1
            detail = traceback.format_exc().strip().splitlines()[-1]
            print('FAIL: %s: crashed: %s' % (name, detail))
        else:
            passed += 1
            print('PASS: %s' % name)
    print('%d passed, %d failed' % (passed, failed))
    return failed == 0
