# SPDX-License-Identifier: GPL-2.0
"""`jailhouse config create` (tools/pyjailhouse/config_create.py) on the
files of the x86 test machine (tests/config-create/qemu-x86-vtd): the
tables it parses, the config it writes (built like the shipped ones and
checked), its refusals; and an AMD-Vi machine made from the same files
with an IVRS in place of the DMAR. Scenario 52-config-create-own-boot
enables the hypervisor with the written config."""

import os
import shutil
import struct
import subprocess
import sys

from harness import expect, expect_equal
from pyjailhouse import abi, acpi_tables, config, iomem

FIXTURE = 'qemu-x86-vtd'
TABLES = 'sys/firmware/acpi/tables'


def _paths(ctx):
    top = os.path.dirname(ctx.shipped)
    return (top, os.path.join(top, 'tests', 'config-create', FIXTURE),
            os.path.join(top, 'tools', 'jailhouse-config-create'))


def _table(ctx, name):
    with open(os.path.join(_paths(ctx)[1], TABLES, name), 'rb') as f:
        return f.read()


def _create(ctx, args):
    return subprocess.run([sys.executable, _paths(ctx)[2]] + args,
                          capture_output=True, text=True, timeout=60)


def _build(ctx, root, name):
    """Create, compile and objcopy a config from root: the .cell path."""
    top = _paths(ctx)[0]
    src = os.path.join(ctx.tmpdir, name + '.c')
    obj, cell = src[:-2] + '.o', src[:-2] + '.cell'
    res = _create(ctx, ['-r', root, src])
    expect(res.returncode == 0, 'create failed: %s' % res.stderr)
    cc = subprocess.run(['gcc', '-ffreestanding', '-nostdinc', '-O2', '-Wall',
                         '-Wextra', '-Werror', '-fno-common',
                         '-fno-zero-initialized-in-bss',
                         '-I' + os.path.join(top, 'include'),
                         '-I' + os.path.join(top, 'include', 'arch', 'x86'),
                         '-c', src, '-o', obj], capture_output=True,
                        text=True)
    expect(cc.returncode == 0, 'does not compile: %s' % cc.stderr)
    subprocess.run(['objcopy', '-O', 'binary', '-j', '.data', '-j',
                    '.rodata', obj, cell], check=True)
    return cell


def _parse(cell):
    with open(cell, 'rb') as f:
        return config.parse_system(f.read()).config


def test_tables(ctx):
    expect_equal(acpi_tables.madt_ioapics(_table(ctx, 'APIC')),
                 [(0, 0xfec00000, 0)], 'MADT IOAPICs')
    expect_equal(acpi_tables.mcfg_window(_table(ctx, 'MCFG')),
                 (0xb0000000, 0, 0xff), 'MCFG window')
    expect_equal(acpi_tables.fadt_pm_timer(_table(ctx, 'FACP')), 0x608,
                 'FADT PM timer')
    units, _ = acpi_tables.dmar_units(_table(ctx, 'DMAR'))
    # QEMU lists each device in the unit's scope rather than setting
    # INCLUDE_PCI_ALL.
    expect_equal([(u['base'], u['size'], u['flags'] & 1, u['ioapics'],
                   sorted(u['devices'])) for u in units],
                 [(0xfed90000, 0x1000, 0, {0: 0xff00},
                   [0x0, 0x8, 0x10, 0x28, 0xf8, 0xfa, 0xfb])], 'DMAR units')


def _overlaps(regions, lo, hi):
    return [r for r in regions
            if r.phys_start < hi and r.phys_start + r.size > lo]


def test_vtd_config(ctx, cell=None):
    cell = cell or _build(ctx, _paths(ctx)[1], 'vtd')
    res = subprocess.run([sys.executable, ctx.tool, cell],
                         capture_output=True, text=True, timeout=60)
    expect(res.returncode == 0, 'config check: %s' % res.stdout)
    sysc = _parse(cell)
    root = sysc.root_cell
    expect_equal(sorted(root.cpus), [0, 1, 2, 3], 'CPUs')
    hv = sysc.hypervisor_memory
    expect_equal((hv.phys_start, hv.size), (0x3a000000, 0x600000),
                 'hypervisor memory')
    expect_equal(sysc.header.pci_mmconfig_base, 0xb0000000, 'ECAM')
    expect_equal(sysc.platform().pm_timer_address, 0x608, 'PM timer')
    unit = sysc.iommu_units()[0]
    expect_equal((unit.type, unit.base), (2, 0xfed90000), 'VT-d unit')
    for lo, hi, what in ((0x3a000000, 0x3a600000, 'hypervisor'),
                         (0xfec00000, 0xfec01000, 'IOAPIC'),
                         (0xfee00000, 0xfee01000, 'local APIC'),
                         (0xb0000000, 0xc0000000, 'ECAM'),
                         (0xfed90000, 0xfed91000, 'VT-d unit')):
        expect(not _overlaps(root.memory_regions, lo, hi),
               '%s mapped to the root cell' % what)
    ram = [r for r in root.memory_regions if r.flags & abi.MEM_DMA]
    expect(any(r.phys_start == 0x3a600000 and r.size == 0x4c00000
               for r in ram), 'the rest of memmap= is no RAM region')
    expect_equal([d.bdf for d in root.pci_devices],
                 [0x0, 0x8, 0x10, 0x28, 0xf8, 0xfa, 0xfb], 'PCI devices')
    expect_equal([c.id for c in root.irqchips], [0xff00], 'IOAPIC id')


def _refused(ctx, args, rc, text):
    res = _create(ctx, args)
    expect_equal(res.returncode, rc, 'exit status (%s)' % res.stderr)
    expect(text in res.stderr, '%r not in %r' % (text, res.stderr))


def _copy_root(ctx, name):
    root = os.path.join(ctx.tmpdir, name)
    shutil.copytree(_paths(ctx)[1], root)
    return root


def test_refusals(ctx):
    fixture = _paths(ctx)[1]
    out = os.path.join(ctx.tmpdir, 'refused.c')
    _refused(ctx, ['-r', fixture, '--mem-hv', '100M', out], 1,
             'larger than the memmap= reservation')
    _refused(ctx, ['-r', fixture, '--mem-hv', 'lots', out], 2,
             'not a size')
    _refused(ctx, ['-r', os.path.join(ctx.tmpdir, 'none'), out], 1,
             'cannot read')
    root = _copy_root(ctx, 'no-memmap')
    with open(os.path.join(root, 'proc', 'cmdline'), 'w') as f:
        f.write('console=ttyS0\n')
    _refused(ctx, ['-r', root, out], 1, 'no memmap=')
    expect(not os.path.exists(out), 'a refused run wrote a file')


def test_iomem_pages(ctx):
    text = ('00000000-00000fff : Reserved\n'
            '00001000-0009fbff : System RAM\n'
            '0009fc00-0009ffff : Reserved\n'
            'c0000000-febfffff : PCI Bus 0000:00\n'
            '  fe000000-fe000fff : 0000:00:03.0\n'
            '  fe001000-fe0017ff : 0000:00:04.0\n'
            '  fe001800-fe001fff : 0000:00:04.0\n'
            'fec00000-fec003ff : IOAPIC 0\n'
            '100000000-13fffffff : System RAM\n'
            'fd00000000-ffffffffff : Reserved\n')
    regs = iomem.merge(iomem.regions(iomem.parse(text)))
    got = [(r.start, r.end, r.kind, r.comment) for r in regs]
    expect_equal(got, [
        (0x0, 0x1000, iomem.RAM, 'Reserved'),
        (0x1000, 0xa0000, iomem.RAM, 'System RAM, Reserved'),
        (0xfe000000, 0xfe002000, iomem.IO, 'BARs of 00:03.0, 00:04.0'),
        (0x100000000, 0x140000000, iomem.RAM, 'System RAM')],
        'regions')
    kept = iomem.cut(regs, 0x2000, 0x3000)
    expect_equal([(r.start, r.end) for r in kept][:3],
                 [(0x0, 0x1000), (0x1000, 0x2000), (0x3000, 0xa0000)],
                 'a cut splits a region')


def _ivrs(base, bdf, cap, ioapic_id, ioapic_sid):
    entries = struct.pack('<BHBI', 3, 0, 0, 0) + \
        struct.pack('<BHBI', 4, 0xffff, 0, 0) + \
        struct.pack('<BHBBHB', 0x48, 0, 0xd7, ioapic_id, ioapic_sid, 1)
    ivhd = struct.pack('<BBHHHQHHI', 0x10, 0xb0, 24 + len(entries), bdf,
                       cap, base, 0, 0, 0x80048824) + entries
    body = struct.pack('<I8s', 0x203041, b'') + ivhd
    header = struct.pack('<4sIBB6s8sI4sI', b'IVRS', 36 + len(body), 1, 0,
                         b'STCKAD', b'TESTIVRS', 1, b'TEST', 1)
    return header + body


def test_amdvi_config(ctx):
    table = _ivrs(0xfed80000, 0x18, 0x40, 0, 0xa0)
    units = acpi_tables.ivrs_units(table)
    expect_equal([(u['base'], u['bdf'], u['cap'], u['ioapics'])
                  for u in units], [(0xfed80000, 0x18, 0x40, {0: 0xa0})],
                 'IVRS units')
    root = _copy_root(ctx, 'amdvi')
    os.remove(os.path.join(root, TABLES, 'DMAR'))
    with open(os.path.join(root, TABLES, 'IVRS'), 'wb') as f:
        f.write(table)
    sysc = _parse(_build(ctx, root, 'amdvi'))
    unit = sysc.iommu_units()[0]
    expect_equal((unit.type, unit.base, unit.size), (1, 0xfed80000, 0x4000),
                 'AMD-Vi unit')
    expect_equal(struct.unpack_from('<HB', unit.arch), (0x18, 0x40),
                 'AMD-Vi bdf and capability')
    expect_equal([c.id for c in sysc.root_cell.irqchips], [0xa0],
                 'IOAPIC id from the IVRS')
    expect(not _overlaps(sysc.root_cell.memory_regions, 0xfed80000,
                         0xfed84000), 'AMD-Vi unit mapped to the root')


def tests(ctx):
    if not os.path.isdir(_paths(ctx)[1]):
        print('SKIP: config create: no %s fixture' % FIXTURE)
        return []
    return [('config create: ACPI tables of the test machine',
             lambda: test_tables(ctx)),
            ('config create: VT-d machine, built and checked',
             lambda: test_vtd_config(ctx)),
            ('config create: refusals', lambda: test_refusals(ctx)),
            ('config create: /proc/iomem to pages',
             lambda: test_iomem_pages(ctx)),
            ('config create: AMD-Vi machine (IVRS)',
             lambda: test_amdvi_config(ctx))]
