#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Run the config-check tests: parser unit tests, the shipped configs and
the corpus of broken configs.  Ends with `N passed, N failed`; exits 1 on
any failure.

usage: run_tests.py TOPDIR FIXTURES_DIR"""

import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    if len(argv) != 3:
        print('usage: %s TOPDIR FIXTURES_DIR' % argv[0], file=sys.stderr)
        return 2
    topdir, fixtures = (os.path.abspath(arg) for arg in argv[1:])
    # The package under test is the one of this tree, not an installed one.
    sys.path.insert(0, os.path.join(topdir, 'tools'))
    sys.path.insert(0, HERE)
    import harness
    import test_corpus
    import test_create
    import test_parser
    import test_shipped
    with tempfile.TemporaryDirectory(prefix='config-check-') as tmpdir:
        ctx = harness.Context(
            tool=os.path.join(topdir, 'tools', 'jailhouse-config-check'),
            fixtures=fixtures, shipped=os.path.join(topdir, 'configs'),
            tmpdir=tmpdir)
        tests = (test_parser.tests(ctx) + test_shipped.tests(ctx) +
                 test_corpus.tests(ctx) + test_create.tests(ctx))
        return 0 if harness.run_tests(tests) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
