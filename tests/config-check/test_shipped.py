# SPDX-License-Identifier: GPL-2.0
"""Every shipped config must pass the checker: each system config alone,
and each cell config together with a system config of its architecture
(the only one there is, or at least one when a directory holds configs
for several boards)."""

import glob
import os

from harness import Failure, expect, run_tool

SRCARCHES = ('x86', 'arm64', 'arm')


def _classify(directory):
    systems, cells = [], []
    for path in sorted(glob.glob(os.path.join(directory, '*.cell'))):
        with open(path, 'rb') as stream:
            head = stream.read(5)
        (systems if head == b'JHSYS' else cells).append(path)
    return systems, cells


def _check_system(ctx, path):
    result = run_tool(ctx, [path])
    expect(result.rc == 0, 'not clean: %s' % result)


def _check_cell(ctx, systems, path):
    expect(systems, 'no system config of this architecture to check with')
    failures = []
    for system in systems:
        result = run_tool(ctx, [system, path])
        if result.rc == 0:
            return
        failures.append(str(result))
    raise Failure('fails with every system config: %s' %
                  ' | '.join(failures))


def tests(ctx):
    if not os.path.exists(os.path.join(ctx.shipped, 'Makefile')):
        print('SKIP: shipped configs: %s/Makefile does not exist yet' %
              ctx.shipped)
        return []
    found = []
    for srcarch in SRCARCHES:
        directory = os.path.join(ctx.shipped, srcarch)
        systems, cells = _classify(directory)
        if not systems and not cells:
            # Not every architecture ships configs (ARMv7 may have none).
            print('SKIP: shipped: no configs in %s' % directory)
            continue
        found.append(('shipped: %s has a system config' % srcarch,
                      lambda s=systems, d=directory:
                      expect(s, 'no system .cell in %s' % d)))
        for path in systems:
            found.append(('shipped: %s/%s alone' %
                          (srcarch, os.path.basename(path)),
                          lambda p=path: _check_system(ctx, p)))
        for path in cells:
            found.append(('shipped: %s/%s with the system config' %
                          (srcarch, os.path.basename(path)),
                          lambda s=systems, p=path: _check_cell(ctx, s, p)))
    return found
