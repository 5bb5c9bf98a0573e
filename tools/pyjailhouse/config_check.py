# SPDX-License-Identifier: GPL-2.0
"""`jailhouse config check SYSCONFIG [CELLCONFIG...]`: find mistakes in
binary configs before the hypervisor refuses them.

Exit status: 0 no issues (warnings allowed), 1 issues found, 2 usage
error or unreadable file."""

import argparse
import sys

from . import config
from .check_system import (check_between_cells, check_cell_in_system,
                           check_system)
from .check_cell import check_cell
from .report import Collector, summary

PROG = 'jailhouse-config-check'
EXIT_CLEAN = 0
EXIT_ISSUES = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad command line: the message points to --help."""


class FileError(Exception):
    """A file that cannot be read at all."""


class _Parser(argparse.ArgumentParser):
    # argparse would print the whole usage text; one sentence is enough
    # and keeps the message readable when called through `jailhouse`.
    def error(self, message):
        raise UsageError(message)


def _arguments():
    parser = _Parser(
        prog=PROG,
        description='Check binary Jailhouse configs (.cell files): the '
        'system config and, optionally, the cell configs meant to run '
        'on it at the same time.',
        epilog='Exit status: 0 no issues found (warnings may be printed), '
        '1 issues found, 2 usage error or unreadable file.')
    # Optional for argparse only, so that a missing one gets our own
    # sentence rather than argparse's list of all positionals.
    parser.add_argument('sysconfig', metavar='SYSCONFIG', nargs='?',
                        help='system config (.cell) of the root cell')
    parser.add_argument('cellconfigs', metavar='CELLCONFIG', nargs='*',
                        help='non-root cell config (.cell)')
    return parser


def _read(path):
    try:
        with open(path, 'rb') as stream:
            return stream.read()
    except OSError as err:
        raise FileError('cannot read %s: %s' %
                        (path, err.strerror or err)) from err


def _parse(parse, data, out):
    """Run a parser, turning format problems into issues; returns the
    config or None."""
    try:
        parsed = parse(data)
    except config.ConfigFormatError as err:
        for problem in err.problems:
            out.error(problem)
        return None
    if parsed.trailing:
        out.error('%d bytes of trailing data after the %d bytes the header '
                  'declares' % (parsed.trailing,
                                len(data) - parsed.trailing))
    return parsed.config


def run(sys_path, cell_paths):
    """Check the files and return all issues found, file by file."""
    images = [(path, _read(path)) for path in [sys_path] + cell_paths]
    sys_out = Collector(sys_path)
    system = _parse(config.parse_system, images[0][1], sys_out)
    if system:
        check_system(system, sys_out)
    outs = [sys_out]
    fitting = []
    for path, data in images[1:]:
        out = Collector(path)
        outs.append(out)
        cell = _parse(config.parse_cell, data, out)
        if cell is None:
            continue
        if system is None:
            # Without a usable system config only the cell's own shape
            # can be judged.
            check_cell(cell, out)
        elif check_cell_in_system(system, cell, out):
            fitting.append((path, cell, out))
    check_between_cells(fitting)
    return [issue for out in outs for issue in out.issues]


def main(argv=None):
    try:
        args = _arguments().parse_args(argv)
        if args.sysconfig is None:
            raise UsageError('a system config (SYSCONFIG) is required')
        issues = run(args.sysconfig, args.cellconfigs)
    except UsageError as err:
        print('%s: %s; see %s --help.' % (PROG, err, PROG), file=sys.stderr)
        return EXIT_USAGE
    except FileError as err:
        print('%s: %s.' % (PROG, err), file=sys.stderr)
        return EXIT_USAGE
    for issue in issues:
        print(issue)
    print(summary(issues, 1 + len(args.cellconfigs)))
    if any(issue.severity == 'error' for issue in issues):
        return EXIT_ISSUES
    return EXIT_CLEAN
