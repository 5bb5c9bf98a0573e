# SPDX-License-Identifier: GPL-2.0
"""/proc/iomem as a tree, and the root cell's memory regions made from it.

Which resource becomes what (flags from include/jailhouse/cell-config.h):
RAM is read/write/execute/DMA; PCI BARs, the legacy VGA window, HPET and
other chipset ranges are read/write I/O; ROMs and the BIOS flash are
read-only; what the hypervisor traps or owns (IOAPICs, the local APIC,
the ECAM window, IOMMU units, its own memory) is left out."""

import re

PAGE = 0x1000
RAM = 'RAM'      # read, write, execute, DMA
RW = 'RW'        # read, write: firmware data (ACPI) next to RAM
IO = 'IO'        # read, write, I/O: device registers
ROM = 'ROM'      # read only

_LINE = re.compile(r'^( *)([0-9a-f]+)-([0-9a-f]+) : (.*)$')
_BAR = re.compile(r'^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$')


class Resource:
    def __init__(self, start, end, name, depth):
        self.start, self.end, self.name, self.depth = start, end, name, depth
        self.children = []

    def __repr__(self):
        return '%x-%x %s' % (self.start, self.end, self.name)


def parse(text):
    """The top-level resources, each with its children."""
    top, stack = [], []
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        res = Resource(int(m.group(2), 16), int(m.group(3), 16),
                       m.group(4).strip(), len(m.group(1)) // 2)
        while stack and stack[-1].depth >= res.depth:
            stack.pop()
        (stack[-1].children if stack else top).append(res)
        stack.append(res)
    return top


class Region:
    """One memory region of the root cell: [start, end), kind, comment."""

    def __init__(self, start, end, kind, comment):
        self.start = start & ~(PAGE - 1)
        self.end = (end + PAGE - 1) & ~(PAGE - 1)
        self.kind, self.comment = kind, comment

    @property
    def size(self):
        return self.end - self.start


def _kind_of_top(res):
    """The kind of a top-level resource; None: look at its children."""
    name = res.name
    if name == 'System RAM':
        return RAM
    if name in ('Video ROM', 'Adapter ROM', 'System ROM'):
        return ROM
    if name.startswith(('IOAPIC', 'Local APIC', 'PCI MMCONFIG', 'dmar',
                        'DMAR', 'AMD IOMMU', 'amd_iommu')):
        return 'skip'
    if name.startswith('PCI Bus'):
        return None
    if name.startswith(('ACPI Tables', 'ACPI Non-volatile')):
        return RW
    if name.startswith('HPET'):
        return IO
    if name == 'Reserved':
        return _kind_of_reserved(res)
    return IO


def _kind_of_reserved(res):
    # Below 1 MiB: BIOS data (RAM-like) or the BIOS ROM area; the BIOS
    # flash at the top of 4 GiB is read-only; reserved RAM next to system
    # RAM holds ACPI data Linux reads and writes. Reserved space above
    # 4 GiB is mostly address space set aside for hot-plug: left out.
    if res.end < 0xa0000:
        return RAM
    if 0xc0000 <= res.start < 0x100000:
        return ROM
    if res.end == 0xffffffff:
        return ROM
    if res.start >= 1 << 32:
        return 'skip'
    return RW if res.start < 0xc0000000 else IO


def _bars(res):
    """The PCI device BARs inside a bus window (at any depth)."""
    out = []
    for child in res.children:
        if _BAR.match(child.name):
            out.append(Region(child.start, child.end + 1, IO,
                              'BARs of ' + child.name[5:]))
        else:
            out.extend(_bars(child))
    return out


def regions(top):
    """Root memory regions from the resource tree, in address order; the
    legacy VGA window is the only part of a bus window taken whole."""
    out = []
    for res in top:
        kind = _kind_of_top(res)
        if kind is None:
            if res.start == 0xa0000:
                out.append(Region(res.start, res.end + 1, IO,
                                  'legacy VGA window'))
            else:
                out.extend(_bars(res))
        elif kind != 'skip':
            out.append(Region(res.start, res.end + 1, kind, res.name))
    return sorted(out, key=lambda r: r.start)


def cut(regs, start, end):
    """Regions without [start, end): a region across it is split."""
    kept = []
    for r in regs:
        if r.end <= start or r.start >= end:
            kept.append(r)
            continue
        if r.start < start:
            kept.append(Region(r.start, start, r.kind, r.comment))
        if r.end > end:
            kept.append(Region(end, r.end, r.kind, r.comment))
    return sorted(kept, key=lambda r: r.start)


def _join(a, b):
    """'BARs of 00:02.0' and 'BARs of 00:01.0' -> 'BARs of 00:02.0,
    00:01.0'; every name once."""
    if a.startswith('BARs of ') and b.startswith('BARs of '):
        names = a[len('BARs of '):].split(', ')
        extra = b[len('BARs of '):]
        return a if extra in names else a + ', ' + extra
    return a if b in a.split(', ') else a + ', ' + b


def _bars_only(r):
    return r.kind == IO and r.comment.startswith('BARs of ')


def merge(regs):
    """Regions that overlap (resources rounded to pages) become one, and
    so do neighbouring BARs; other neighbours stay apart, so that each
    region's comment says what it is."""
    out = []
    for r in regs:
        last = out[-1] if out else None
        if last and (r.start < last.end or (r.start == last.end and
                                            _bars_only(r) and
                                            _bars_only(last))):
            last.end = max(last.end, r.end)
            last.comment = _join(last.comment, r.comment)
            if r.kind != last.kind:
                last.kind = _wider(last.kind, r.kind)
            continue
        out.append(Region(r.start, r.end, r.kind, r.comment))
    return out


def _wider(a, b):
    """Of two kinds sharing a page, the one granting more."""
    order = [ROM, RW, IO, RAM]
    return max(a, b, key=order.index)
