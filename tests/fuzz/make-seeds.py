#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write the hand-made seeds of the cell harness (seeds/cell/): scripts in
the byte format fuzz_cell.c reads. Run once; the files are committed."""

import os
import struct

READ, WRITE, EXEC, LOADABLE, ROOTSHARED, COMM, IO, DMA = (1 << n
                                                          for n in range(8))
CREATE, DESTROY, LOADABLE_OP, START = range(4)


def op(kind, cell_id=0):
    return bytes([cell_id << 4 | kind])


def region(flags, where, virt_page, pages):
    return struct.pack('>BHHB', flags, where, virt_page, pages - 1)


def create(offset, name, cpus, regions, pin_mask=0, ioapic=True,
           pio=(0x2f8, 8), passive=0):
    body = bytes([offset, len(regions), name, passive, cpus])
    body += b''.join(regions)
    body += struct.pack('>BIHB', 1 if ioapic else 0, pin_mask, *pio)
    return op(CREATE) + body


def ram(where, pages=16, flags=READ | WRITE | EXEC | LOADABLE, virt=0):
    return region(flags, where, virt, pages)


COMM_PAGE = region(READ | WRITE | COMM, 0, 0x100, 1)
RES = 0x100  # the first page of the root's reservation

SEEDS = {
    'lifecycle': create(0, 0, 0x4, [ram(RES), COMM_PAGE], 0x10) +
    op(START, 1) + op(LOADABLE_OP, 1) + op(START, 1) + op(DESTROY, 1),
    'two-cells': create(0, 0, 0x4, [ram(RES), COMM_PAGE]) +
    create(1, 1, 0x8, [ram(RES + 16), COMM_PAGE]) +
    op(DESTROY, 1) + op(LOADABLE_OP, 2) + op(DESTROY, 2),
    'overlap': create(0, 0, 0x4, [ram(RES), COMM_PAGE]) +
    create(1, 1, 0x8, [ram(RES + 8), COMM_PAGE]),
    'shared-pin': create(0, 0, 0x4, [ram(RES), COMM_PAGE], 0x30) +
    create(1, 1, 0x8, [ram(RES + 16), COMM_PAGE], 0x20),
    'config-in-cell-ram': create(0, 0, 0x4, [ram(0x8004, 4), COMM_PAGE]) +
    create(4, 1, 0x8, [ram(RES + 16), COMM_PAGE]),
    'outside-root': create(0, 0, 0x4, [ram(0x10), COMM_PAGE]),
    'rootshared': create(0, 0, 0x4, [ram(RES, 4, READ | WRITE | ROOTSHARED),
                                     COMM_PAGE]) +
    create(1, 1, 0x8, [ram(RES + 2, 4, READ | ROOTSHARED), COMM_PAGE]),
    'many-regions': create(0, 0, 0x4, [ram(RES + 2 * n, 1, READ | WRITE,
                                           virt=2 * n) for n in range(7)] +
                           [COMM_PAGE]) + op(LOADABLE_OP, 1) + op(DESTROY, 1),
    'ports': create(0, 0, 0x4, [ram(RES), COMM_PAGE], pio=(0x60, 8)),
    'xapic': create(0, 0, 0x4, [ram(RES, 1, READ | WRITE, virt=0x8200),
                                COMM_PAGE]),
}

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'seeds',
                    'cell')
os.makedirs(here, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(here, name), 'wb') as stream:
        stream.write(data)
