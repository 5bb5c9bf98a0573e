# SPDX-License-Identifier: GPL-2.0
"""The corpus of broken configs: one per rule of the checker, each made by
mutating a compiled fixture, each asserting the exit status, the message
(on a line naming the broken file) and that nothing else was reported.
A few cases assert that legitimate set-ups stay clean."""

import os
import shutil

from harness import expect, expect_equal, run_tool
from mutate import (add_region, comm_index, edit_cell, edit_system,
                    patch_cell, patch_system, set_cpus,
                    set_hypervisor_memory, set_region)
from pyjailhouse import abi

RW = abi.MEM_READ | abi.MEM_WRITE
RWX = RW | abi.MEM_EXECUTE


class Fixtures:
    """The compiled fixtures of one architecture, as bytes."""

    def __init__(self, ctx, srcarch):
        self.srcarch = srcarch
        self.files = {}
        for name in ('sys', 'cell-a', 'cell-b'):
            path = ctx.fixture_path(srcarch, name + '.cell')
            with open(path, 'rb') as stream:
                self.files[name] = stream.read()

    def __getitem__(self, name):
        return self.files[name]


class Case:
    """Files to check (system first), the expected exit status, message
    substrings that must appear on lines of file number `target`, and how
    many error and warning lines there must be in all."""

    def __init__(self, name, files, rc, texts=(), target=-1, errors=None,
                 warnings=0):
        self.name = name
        self.files = files
        self.rc = rc
        self.texts = [texts] if isinstance(texts, str) else list(texts)
        self.target = target
        self.errors = errors if errors is not None else (1 if rc else 0)
        self.warnings = warnings

    def run(self, ctx):
        paths = [ctx.write(label + '.cell', data)
                 for label, data in self.files]
        result = run_tool(ctx, paths)
        expect_equal(result.rc, self.rc, 'exit status (%s)' % result)
        target = paths[self.target]
        for text in self.texts:
            expect(any(line.startswith(target + ': ') and text in line
                       for line in result.lines()),
                   'no line of %s contains %r: %s' %
                   (os.path.basename(target), text, result))
        expect_equal(len(result.lines('error')), self.errors,
                     'error lines (%s)' % result)
        expect_equal(len(result.lines('warning')), self.warnings,
                     'warning lines (%s)' % result)
        if self.rc == 0:
            expect('no issues found' in result.lines()[-1],
                   'no "no issues found" summary: %s' % result)


def _header_cases(x86, arm64, arm):
    return [
        Case('system signature',
             [('sys', patch_system(x86['sys'], 'signature', b'JHSYX', '5s'))],
             1, "bad signature 'JHSYX', expected 'JHSYS' for a system"),
        Case('cell signature',
             [('sys', x86['sys']),
              ('cell', patch_cell(x86['cell-a'], 'signature', b'XHCLL',
                                  '5s'))],
             1, "bad signature 'XHCLL', expected 'JHCLL' for a cell"),
        Case('cell file given as system config',
             [('sys', x86['cell-a'])], 1, "bad signature 'JHCLL'"),
        Case('system revision 13',
             [('sys', patch_system(x86['sys'], 'revision', 13, 'H'))],
             1, 'config revision 13, expected 14'),
        Case('cell revision 13',
             [('sys', arm64['sys']),
              ('cell', patch_cell(arm64['cell-a'], 'revision', 13, 'H'))],
             1, 'config revision 13, expected 14'),
        Case('unknown system architecture',
             [('sys', patch_system(x86['sys'], 'architecture', 3, 'B'))],
             1, 'unknown architecture 3'),
        Case('unknown cell architecture',
             [('sys', arm['sys']),
              ('cell', patch_cell(arm['cell-a'], 'architecture', 0xff,
                                  'B'))],
             1, 'unknown architecture 255'),
        Case('cell of another architecture',
             [('sys', x86['sys']), ('cell', arm64['cell-a'])],
             1, "cell 'fixture-a' is for architecture arm64, the system "
             "config for x86"),
        Case('ARMv7 cell on an arm64 system',
             [('sys', arm64['sys']), ('cell', arm['cell-a'])],
             1, 'is for architecture arm, the system config for arm64'),
    ]


def _size_cases(x86, arm64):
    sys_len = len(x86['sys'])
    cell_len = len(arm64['cell-a'])
    return [
        Case('system shorter than its header',
             [('sys', x86['sys'][:abi.SYSTEM.size - 1])],
             1, 'truncated: %d bytes, shorter than the 488-byte system '
             'header' % (abi.SYSTEM.size - 1)),
        Case('cell shorter than its header',
             [('sys', arm64['sys']), ('cell', arm64['cell-a'][:60])],
             1, 'truncated: 60 bytes, shorter than the 132-byte cell'),
        Case('system arrays truncated',
             [('sys', x86['sys'][:-1])],
             1, 'truncated: %d bytes, but the header declares %d' %
             (sys_len - 1, sys_len)),
        Case('cell arrays truncated',
             [('sys', arm64['sys']),
              ('cell', patch_cell(arm64['cell-a'], 'num_memory_regions', 8,
                                  'I'))],
             1, 'truncated: %d bytes, but the header declares %d' %
             (cell_len, cell_len + abi.MEMORY.size)),
        Case('trailing garbage',
             [('sys', x86['sys']), ('cell', x86['cell-a'] + b'\xee' * 7)],
             1, '7 bytes of trailing data after the %d bytes' %
             len(x86['cell-a'])),
    ]


def _cell_a_region_case(name, x86, change, texts, rc=1, errors=None,
                        warnings=0):
    return Case(name, [('sys', x86['sys']),
                       ('cell', edit_cell(x86['cell-a'], change))],
                rc, texts, errors=errors, warnings=warnings)


def _region_shape_cases(x86, arm64):
    return [
        _cell_a_region_case(
            'empty memory region', x86,
            lambda c: add_region(c, 0x3a6f0000, 0x200000, 0, RW),
            'memory region 6 (phys 0x3a6f0000, size 0) is empty (size 0)'),
        _cell_a_region_case(
            'unaligned phys_start', x86,
            lambda c: set_region(c, 0, phys_start=0x3a600800, size=0xff000),
            'memory region 0 (phys 0x3a600800-0x3a6ff7ff): phys_start '
            '0x3a600800 is not page aligned'),
        _cell_a_region_case(
            'unaligned virt_start', x86,
            lambda c: set_region(c, 0, virt_start=0x200010),
            'virt_start 0x200010 is not page aligned'),
        _cell_a_region_case(
            'size not a page multiple', x86,
            lambda c: set_region(c, 0, size=0xff800),
            'memory region 0 (phys 0x3a600000-0x3a6ff7ff): size 0xff800 '
            'is not a multiple of the page size 0x1000'),
        _cell_a_region_case(
            'unknown memory flags', x86,
            lambda c: set_region(c, 0, flags=RWX | 0x200 | 0x1000000),
            'memory region 0 (phys 0x3a600000-0x3a6fffff) has unknown '
            'flags 0x1000200'),
        _cell_a_region_case(
            'region past the end of the address space', x86,
            lambda c: add_region(c, 0xfffffffffff00000, 0x400000, 0x200000,
                                 RW),
            ['memory region 6 (phys 0xfffffffffff00000-0x100000000000fffff)'
             ' runs past the end of the 64-bit address space']),
        _cell_a_region_case(
            'sub-page MMIO region is fine', x86,
            lambda c: add_region(c, 0xfed00100, 0xfed00100, 0x80,
                                 RW | abi.MEM_IO | abi.MEM_IO_32),
            (), rc=0),
        _cell_a_region_case(
            'sub-page region without IO flag', x86,
            lambda c: add_region(c, 0xfed00000, 0xfed00000, 0x100, RW),
            'memory region 6 (phys 0xfed00000-0xfed000ff): size 0x100 is '
            'not a multiple of the page size'),
        _cell_a_region_case(
            'ivshmem regions beyond the array', x86,
            lambda c: c.pci_devices.__setitem__(
                0, c.pci_devices[0].copy(shmem_regions_start=4)),
            # Region 3, the unused read/write section, falls out of the
            # block and so counts as an unused all-zero entry.
            ['PCI device 0 (ivshmem, bdf 0x70) needs memory regions 4-7, '
             'but the cell has 6',
             'memory region 3 (phys 0x0, size 0) is an unused all-zero '
             'entry'],
            errors=1, warnings=1),
        _cell_a_region_case(
            'all-zero placeholder region, as in Jailhouse configs', x86,
            lambda c: add_region(c, 0, 0, 0, 0),
            'memory region 6 (phys 0x0, size 0) is an unused all-zero entry',
            rc=0, errors=0, warnings=1),
    ]


def _overlap_cases(x86, arm64):
    def second_ram_alias(cell):
        add_region(cell, 0x3a600000, 0x200000, 0x100000, RWX)

    def virt_clash(cell):
        add_region(cell, 0x3a6c0000, 0x80000, 0x20000, RW)

    return [
        _cell_a_region_case(
            'regions overlap in one cell (same phys, other virt)', x86,
            second_ram_alias,
            'memory region 6 (phys 0x3a600000-0x3a6fffff) overlaps memory '
            'region 0 (phys 0x3a600000-0x3a6fffff)'),
        _cell_a_region_case(
            'regions overlap in the guest address space', x86, virt_clash,
            'memory region 6 (virt 0x80000-0x9ffff) overlaps memory region 0 '
            '(virt 0x0-0xfffff) in the guest address space',
            # 0x3a6c0000 is also inside the cell's own RAM.
            errors=2),
        Case('non-root cells overlap',
             [('sys', x86['sys']), ('a', x86['cell-a']),
              ('b', edit_cell(x86['cell-b'], lambda c: set_region(
                  c, 0, phys_start=0x3a680000)))],
             1, "memory region 0 (phys 0x3a680000-0x3a77ffff) overlaps "
             "memory region 0 (phys 0x3a600000-0x3a6fffff) of cell "
             "'fixture-a'"),
        Case('identical ranges in two cells are shared memory',
             [('sys', x86['sys']),
              ('a', edit_cell(x86['cell-a'], lambda c: add_region(
                  c, 0x3a900000, 0x3a900000, 0x10000, RW))),
              ('b', edit_cell(x86['cell-b'], lambda c: add_region(
                  c, 0x3a900000, 0x3a900000, 0x10000, RW)))],
             0),
        Case('partly overlapping ROOTSHARED regions are allowed',
             [('sys', arm64['sys']),
              ('a', edit_cell(arm64['cell-a'], lambda c: add_region(
                  c, 0x70800000, 0x70800000, 0x4000,
                  RW | abi.MEM_ROOTSHARED))),
              ('b', edit_cell(arm64['cell-b'], lambda c: add_region(
                  c, 0x70802000, 0x70802000, 0x4000,
                  RW | abi.MEM_ROOTSHARED)))],
             0),
        Case('partly overlapping, only one side ROOTSHARED',
             [('sys', arm64['sys']),
              ('a', edit_cell(arm64['cell-a'], lambda c: add_region(
                  c, 0x70800000, 0x70800000, 0x4000,
                  RW | abi.MEM_ROOTSHARED))),
              ('b', edit_cell(arm64['cell-b'], lambda c: add_region(
                  c, 0x70802000, 0x70802000, 0x4000, RW)))],
             1, 'memory region 7 (phys 0x70802000-0x70805fff) overlaps '
             'memory region 7 (phys 0x70800000-0x70803fff) of cell'),
        _cell_a_region_case(
            'cell region overlaps the hypervisor', x86,
            lambda c: set_region(c, 0, phys_start=0x3a500000),
            'memory region 0 (phys 0x3a500000-0x3a5fffff) overlaps the '
            'hypervisor memory (phys 0x3a000000-0x3a5fffff)'),
        _cell_a_region_case(
            'cell region runs into the hypervisor from below', x86,
            lambda c: set_region(c, 0, phys_start=0x39f80000),
            'memory region 0 (phys 0x39f80000-0x3a07ffff) overlaps the '
            'hypervisor memory (phys 0x3a000000-0x3a5fffff)'),
        Case('root cell region overlaps the hypervisor',
             [('sys', edit_system(x86['sys'], lambda s: set_region(
                 s.root_cell, 2, phys_start=0x3a400000, size=0x4e00000)))],
             1, 'root cell memory region 2 (phys 0x3a400000-0x3f1fffff) '
             'overlaps the hypervisor memory (phys 0x3a000000-0x3a5fffff)'),
        # Memory the root never had is a cell's to take, as in Jailhouse.
        _cell_a_region_case(
            'cell region outside the root cell is accepted', x86,
            lambda c: set_region(c, 0, phys_start=0x80000000), (), rc=0),
        _cell_a_region_case(
            'cell region partly outside the root cell is accepted', x86,
            lambda c: set_region(c, 0, phys_start=0x3f100000,
                                 virt_start=0x200000, size=0x200000),
            (), rc=0),
        Case('cells over the same memory outside the root',
             [('sys', x86['sys']),
              ('a', edit_cell(x86['cell-a'], lambda c: set_region(
                  c, 0, phys_start=0x80000000))),
              ('b', edit_cell(x86['cell-b'], lambda c: set_region(
                  c, 0, phys_start=0x80080000)))],
             1, 'memory region 0 (phys 0x80080000-0x8017ffff) overlaps '
             'memory region 0 (phys 0x80000000-0x800fffff) of cell'),
        # The root's HPET (0xfed00000, 0x400 bytes) is a sub-page region:
        # trapped for the root, it cannot be taken from it.
        _cell_a_region_case(
            'cell region over a sub-page region the root keeps', x86,
            lambda c: add_region(c, 0xfed00000, 0xfed00000, 0x1000,
                                 RW | abi.MEM_IO),
            'memory region 6 (phys 0xfed00000-0xfed00fff) overlaps root '
            'cell sub-page memory region 3 (phys 0xfed00000-0xfed003ff), '
            'which the root cell keeps'),
        _cell_a_region_case(
            'a sub-page region the root keeps, shared with the root', x86,
            lambda c: add_region(c, 0xfed00000, 0xfed00000, 0x1000,
                                 RW | abi.MEM_IO | abi.MEM_ROOTSHARED),
            (), rc=0),
        _cell_a_region_case(
            'a sub-page cell region inside one the root keeps', x86,
            lambda c: add_region(c, 0xfed00000, 0xfed00000, 0x400,
                                 RW | abi.MEM_IO),
            (), rc=0),
        Case('cell region covered by two adjacent root regions',
             [('sys', arm64['sys']),
              ('b', edit_cell(arm64['cell-b'], lambda c: add_region(
                  c, 0x6ff00000, 0x1000000, 0x200000, RW)))],
             0),
        _cell_a_region_case(
            'comm region needs no root memory', x86,
            lambda c: set_region(c, comm_index(c), phys_start=0x3a000000),
            (), rc=0),
    ]


def _cpu_cases(x86, arm64, arm):
    return [
        Case('x86 cell with CPU 0',
             [('sys', x86['sys']),
              ('cell', edit_cell(x86['cell-a'],
                                 lambda c: set_cpus(c, {0, 1})))],
             1, "cell 'fixture-a' uses CPU 0, which on x86 must stay with "
             "the root cell"),
        Case('arm64 cell with CPU 0 is fine',
             [('sys', arm64['sys']),
              ('cell', edit_cell(arm64['cell-a'],
                                 lambda c: set_cpus(c, {0, 2})))],
             0),
        Case('cell CPU not in the root cell',
             [('sys', arm['sys']),
              ('cell', edit_cell(arm['cell-a'],
                                 lambda c: set_cpus(c, {2, 5, 6})))],
             1, "uses CPU(s) 5-6, which are not in the root cell's CPU set "
             "0-3"),
        Case('CPU shared between non-root cells',
             [('sys', x86['sys']), ('a', x86['cell-a']),
              ('b', edit_cell(x86['cell-b'],
                              lambda c: set_cpus(c, {1, 2})))],
             1, "cell 'fixture-b' shares CPU(s) 1 with cell 'fixture-a'"),
        Case('cell without CPUs',
             [('sys', x86['sys']),
              ('cell', edit_cell(x86['cell-a'],
                                 lambda c: set_cpus(c, set())))],
             1, "cell 'fixture-a' has no CPUs"),
        Case('arm64 CPU set of 4 bytes',
             [('sys', arm64['sys']),
              ('cell', edit_cell(arm64['cell-a'],
                                 lambda c: set_cpus(c, {2}, 4)))],
             1, 'CPU set size 4 is not a multiple of the 8-byte unsigned '
             'long of arm64'),
        Case('ARMv7 CPU set of 4 bytes is one word',
             [('sys', arm['sys']), ('cell', arm['cell-a'])], 0),
        # The hypervisor traps it for the root cell as for any other
        # (tests/scenarios/arm/45-root-subpage.sh enables with one).
        Case('ARMv7 root cell with a sub-page MMIO region is fine',
             [('sys', edit_system(arm['sys'], lambda s: add_region(
                 s.root_cell, 0x1c28c00, 0x1c28c00, 0x400,
                 RW | abi.MEM_IO | abi.MEM_IO_32)))],
             0),
    ]


def _comm_cases(x86):
    def drop_comm_flag(cell):
        index = comm_index(cell)
        set_region(cell, index, flags=cell.memory_regions[index].flags &
                   ~abi.MEM_COMM_REGION)

    def second_comm(cell):
        add_region(cell, 0, 0x200000, 0x1000, RW | abi.MEM_COMM_REGION)

    return [
        _cell_a_region_case(
            'cell without comm region (warning)', x86, drop_comm_flag,
            "cell 'fixture-a' has no comm region", rc=0, warnings=1),
        _cell_a_region_case(
            'comm region of two pages', x86,
            lambda c: set_region(c, comm_index(c), size=0x2000),
            'comm region, memory region 1 (virt 0x100000-0x101fff), is '
            '0x2000 bytes; it must be exactly one page (0x1000)'),
        _cell_a_region_case(
            'two comm regions', x86, second_comm,
            "cell 'fixture-a' has 2 comm regions (memory regions 1, 6), at "
            "most one is allowed"),
    ]


def _flag_cases(x86):
    def long_name(cell):
        cell.desc = cell.desc.copy(name=b'n' * 32)

    return [
        Case('unknown system flags',
             [('sys', patch_system(x86['sys'], 'flags', 0x3, 'I'))],
             1, 'unknown system flags 0x2'),
        _cell_a_region_case(
            'unknown cell flags', x86,
            lambda c: setattr(c, 'desc', c.desc.copy(
                flags=c.flags | 0x100 | 0x8)),
            "unknown cell flags 0x108 in cell 'fixture-a'"),
        _cell_a_region_case(
            'cell name without NUL', x86, long_name,
            'cell name is not NUL-terminated'),
        Case('two cells of the same name',
             [('sys', x86['sys']), ('a', x86['cell-a']),
              ('b', edit_cell(x86['cell-b'], lambda c: setattr(
                  c, 'desc', c.desc.copy(name=b'fixture-a'))))],
             1, "cell name 'fixture-a' is also used by"),
        _cell_a_region_case(
            'cell named like the root cell', x86,
            lambda c: setattr(c, 'desc', c.desc.copy(name=b'fixture-x86')),
            "cell name 'fixture-x86' is the name of the root cell"),
    ]


def _hypervisor_cases(x86):
    def system_case(name, change, text):
        return Case(name, [('sys', edit_system(x86['sys'], change))], 1,
                    text)

    return [
        system_case('hypervisor memory unaligned',
                    lambda s: set_hypervisor_memory(
                        s, phys_start=0x3a000800, size=0x5ff000),
                    'hypervisor memory (phys 0x3a000800-0x3a5ff7ff): '
                    'phys_start 0x3a000800 is not page aligned'),
        system_case('hypervisor memory not a page multiple',
                    lambda s: set_hypervisor_memory(s, size=0x5ff800),
                    'size 0x5ff800 is not a multiple of the page size'),
        system_case('hypervisor memory empty',
                    lambda s: set_hypervisor_memory(s, size=0),
                    'hypervisor memory is empty (size 0)'),
        system_case('hypervisor memory beyond the physical address width',
                    lambda s: set_hypervisor_memory(
                        s, phys_start=(1 << 52) - 0x1000),
                    'hypervisor memory (phys 0xffffffffff000-0x100000005fefff)'
                    ' lies beyond the physical address width of x86'),
    ]


def _platform_cases(x86, arm64):
    """Regions over the hypervisor's devices, resources the root cannot
    give, and the note about DMA without an IOMMU."""
    def pin(cell, number):
        cell.irqchips.append(abi.IRQCHIP.make(
            address=0x08000000, pin_base=number, pin_bitmap=(1, 0, 0, 0)))

    def vtd_unit(system):
        unit = abi.IOMMU.make(type=abi.IOMMU_INTEL, base=0xfed90000,
                              size=0x1000).pack()
        raw = system.header.iommu_units
        system.header = system.header.copy(
            iommu_units=unit + raw[len(unit):])

    def amdvi_unit(system):
        unit = abi.IOMMU.make(type=abi.IOMMU_AMD, base=0xfed80000,
                              size=0x4000).pack()
        raw = system.header.iommu_units
        system.header = system.header.copy(
            iommu_units=unit + raw[len(unit):])

    def root_pci_device(system):
        system.root_cell.pci_devices.append(abi.PCI_DEVICE.make(
            type=abi.PCI_TYPE_DEVICE, bdf=0x18))

    return [
        _cell_a_region_case(
            'cell region over the xAPIC', x86,
            lambda c: add_region(c, 0x3a900000, 0xfee00000, 0x1000, RW),
            "cell 'fixture-a': memory region 6 (virt 0xfee00000-0xfee00fff)"
            " covers the xAPIC (0xfee00000-0xfee00fff)"),
        Case('root region over the MMCONFIG window',
             [('sys', edit_system(x86['sys'], lambda s: add_region(
                 s.root_cell, 0xbff00000, 0xbff00000, 0x100000,
                 RW | abi.MEM_IO)))],
             1, 'covers the PCI MMCONFIG window (0xb0000000-0xbfffffff)'),
        Case('root region over its IOAPIC page',
             [('sys', edit_system(x86['sys'], lambda s: (
                 s.root_cell.irqchips.append(abi.IRQCHIP.make(
                     address=0xfec00000, id=0xff00, pin_base=0,
                     pin_bitmap=(0xffffff, 0, 0, 0))),
                 add_region(s.root_cell, 0xfec00000, 0xfec00000, 0x1000,
                            RW | abi.MEM_IO))))],
             1, 'covers the IOAPIC (0xfec00000-0xfec00fff)'),
        Case('cell region over the GIC distributor',
             [('sys', arm64['sys']),
              ('b', edit_cell(arm64['cell-b'], lambda c: add_region(
                  c, 0x70800000, 0x08000000, 0x1000, RW)))],
             1, "covers the GIC distributor (0x8000000-0x800ffff)"),
        _cell_a_region_case(
            'cell I/O port the root cell has not', x86,
            lambda c: c.pio_regions.append(abi.PIO.make(base=0x64,
                                                        length=1)),
            "cell 'fixture-a': I/O port 0x64 (and 0 more) is not the root "
            "cell's to give"),
        Case('cell interrupt pin the root cell has not',
             [('sys', arm64['sys']),
              ('b', edit_cell(arm64['cell-b'], lambda c: pin(c, 200)))],
             1, "interrupt pin 200 of chip 0x8000000 (and 0 more) is not "
             "the root cell's to give"),
        Case('two cells with one interrupt pin',
             [('sys', arm64['sys']), ('a', arm64['cell-a']),
              ('b', edit_cell(arm64['cell-b'], lambda c: pin(c, 132)))],
             1, "interrupt pin 132 of chip 0x8000000 (and 0 more) is also "
             "cell 'fixture-a'"),
        Case('more memory regions than the hypervisor supports',
             [('sys', x86['sys']),
              ('cell', edit_cell(x86['cell-a'], lambda c: [
                  add_region(c, 0x3a900000 + n * 0x1000,
                             0x40000000 + n * 0x1000, 0x1000, RW)
                  for n in range(1024)]))],
             1, "cell 'fixture-a' has 1030 memory regions; the hypervisor "
             "supports at most 1024"),
        Case('DMA-capable device: isolation needs the IOMMU',
             [('sys', edit_system(x86['sys'], root_pci_device))],
             0, "cell 'fixture-x86' has 1 DMA-capable PCI device(s) (first "
             "00:03.0): without an IOMMU the hypervisor supports, their DMA "
             "can read and write ANY memory"),
        Case('DMA-capable device behind VT-d',
             [('sys', edit_system(x86['sys'], lambda s: (
                 vtd_unit(s), root_pci_device(s))))],
             0, "cell 'fixture-x86' has 1 DMA-capable PCI device(s) (first "
             "00:03.0): the VT-d unit(s) confine their DMA"),
        Case('DMA-capable device behind AMD-Vi',
             [('sys', edit_system(x86['sys'], lambda s: (
                 amdvi_unit(s), root_pci_device(s))))],
             0, "cell 'fixture-x86' has 1 DMA-capable PCI device(s) (first "
             "00:03.0): the AMD-Vi unit(s) confine their DMA"),
        Case('root region over the AMD-Vi unit',
             [('sys', edit_system(x86['sys'], lambda s: (
                 amdvi_unit(s), add_region(s.root_cell, 0xfed80000,
                                           0xfed80000, 0x4000,
                                           RW | abi.MEM_IO))))],
             1, "covers the IOMMU (0xfed80000-0xfed83fff)"),
        Case('cell region over the VT-d unit',
             [('sys', edit_system(x86['sys'], vtd_unit)),
              ('a', edit_cell(x86['cell-a'], lambda c: add_region(
                  c, 0xfed90000, 0x200000, 0x1000, RW | abi.MEM_IO)))],
             1, "covers the IOMMU (0xfed90000-0xfed90fff)"),
        Case('root region over the VT-d unit',
             [('sys', edit_system(x86['sys'], lambda s: (
                 vtd_unit(s), add_region(s.root_cell, 0xfed90000,
                                         0xfed90000, 0x1000,
                                         RW | abi.MEM_IO))))],
             1, "covers the IOMMU (0xfed90000-0xfed90fff)"),
    ]


def _aarch32(cell):
    cell.desc = cell.desc.copy(flags=cell.flags | abi.CELL_AARCH32)


def _clean_cases(x86, arm64, arm):
    return [Case('%s fixtures are clean' % fx.srcarch,
                 [('sys', fx['sys']), ('a', fx['cell-a']),
                  ('b', fx['cell-b'])], 0)
            for fx in (x86, arm64, arm)] + [
        # An AArch32 cell on arm64 (the hypervisor checks the CPU).
        Case('arm64 AArch32 cell is clean',
             [('sys', arm64['sys']),
              ('a', edit_cell(arm64['cell-a'], _aarch32))], 0)]


def _cli_tests(ctx):
    def no_arguments():
        result = run_tool(ctx, [])
        expect_equal(result.rc, 2, 'exit status (%s)' % result)
        expect('a system config (SYSCONFIG) is required' in result.stderr,
               str(result))

    def bad_option():
        result = run_tool(ctx, ['--frobnicate', 'x'])
        expect_equal(result.rc, 2, 'exit status (%s)' % result)
        expect(len(result.stderr.splitlines()) == 1, 'one line: %s' % result)

    def unreadable():
        missing = os.path.join(ctx.tmpdir, 'missing.cell')
        result = run_tool(ctx, [ctx.fixture_path('x86', 'sys.cell'),
                                missing])
        expect_equal(result.rc, 2, 'exit status (%s)' % result)
        expect('cannot read %s' % missing in result.stderr, str(result))
        expect(result.stdout == '', 'no report: %s' % result)

    def help_text():
        result = run_tool(ctx, ['--help'])
        expect_equal(result.rc, 0, 'exit status (%s)' % result)
        expect('SYSCONFIG' in result.stdout and 'CELLCONFIG' in
               result.stdout, str(result))

    def installed_layout():
        # Installed as /usr/libexec/jailhouse/jailhouse-config-check with
        # the package beside it, and possibly called through a link.
        libexec = os.path.join(ctx.tmpdir, 'libexec', 'jailhouse')
        tools = os.path.dirname(ctx.tool)
        shutil.copytree(os.path.join(tools, 'pyjailhouse'),
                        os.path.join(libexec, 'pyjailhouse'),
                        ignore=shutil.ignore_patterns('__pycache__'))
        script = os.path.join(libexec, 'jailhouse-config-check')
        shutil.copy(ctx.tool, script)
        link = os.path.join(ctx.tmpdir, 'link-to-check')
        os.symlink(script, link)
        result = run_tool(ctx, [ctx.fixture_path('arm', 'sys.cell')],
                          tool=link)
        expect_equal(result.rc, 0, 'exit status (%s)' % result)

    return [('cli: no arguments', no_arguments),
            ('cli: unknown option', bad_option),
            ('cli: unreadable file', unreadable),
            ('cli: --help', help_text),
            ('cli: installed layout through a link', installed_layout)]


def tests(ctx):
    x86, arm64, arm = (Fixtures(ctx, a) for a in ('x86', 'arm64', 'arm'))
    cases = (_clean_cases(x86, arm64, arm) +
             _header_cases(x86, arm64, arm) + _size_cases(x86, arm64) +
             _region_shape_cases(x86, arm64) + _overlap_cases(x86, arm64) +
             _cpu_cases(x86, arm64, arm) + _comm_cases(x86) +
             _flag_cases(x86) + _hypervisor_cases(x86) +
             _platform_cases(x86, arm64))
    return ([('corpus: ' + case.name, lambda c=case: c.run(ctx))
             for case in cases] + _cli_tests(ctx))
