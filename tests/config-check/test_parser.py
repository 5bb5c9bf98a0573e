# SPDX-License-Identifier: GPL-2.0
"""Unit tests of pyjailhouse's binary parser against configs compiled by
the real compilers of all three architectures."""

import os

from harness import Failure, expect, expect_equal
from pyjailhouse import abi, config, cpuset

ARCHES = {'x86': abi.ARCH_X86, 'arm64': abi.ARCH_ARM64, 'arm': abi.ARCH_ARM}
# sizeof(unsigned long) of each compiler: the probes' CPU set is two words.
WORD = {'x86': 8, 'arm64': 8, 'arm': 4}


def _read(ctx, srcarch, name):
    with open(ctx.fixture_path(srcarch, name), 'rb') as stream:
        return stream.read()


def _fields(record, expected, what):
    for name, value in expected.items():
        expect_equal(getattr(record, name), value, '%s.%s' % (what, name))


def test_probe_cell(ctx, srcarch):
    parsed = config.parse_cell(_read(ctx, srcarch, 'probe/probe-cell.cell'))
    expect_equal(parsed.trailing, 0, 'trailing bytes')
    cell = parsed.config
    _fields(cell.desc, {
        'architecture': ARCHES[srcarch], 'revision': 14, 'id': 0x11223344,
        'flags': 0x80000002, 'cpu_set_size': 2 * WORD[srcarch],
        'num_memory_regions': 2, 'num_cache_regions': 1, 'num_irqchips': 1,
        'num_pio_regions': 2, 'num_pci_devices': 1, 'num_pci_caps': 2,
        'num_stream_ids': 3, 'vpci_irq_base': 0x55,
        'cpu_reset_address': 0x1122334455667788,
        'msg_reply_timeout': 0x0102030405060708}, 'cell')
    expect_equal(cell.name, 'probe-cell', 'name')
    _fields(cell.desc.console, {
        'address': 0xa1a2a3a4a5a6a7a8, 'size': 0xb1b2b3b4, 'type': 0xa,
        'flags': 0x2001, 'divider': 0xc1c2c3c4, 'gate_nr': 0xd1d2d3d4,
        'clock_reg': 0xe1e2e3e4e5e6e7e8}, 'console')
    # {0xa, 1} in unsigned long words: the second word starts at CPU 32 on
    # ARMv7 and at CPU 64 on the 64-bit architectures.
    expect_equal(cell.cpus, {1, 3, WORD[srcarch] * 8}, 'cpus')
    _fields(cell.memory_regions[0], {
        'phys_start': 0x1000000000, 'virt_start': 0x2000, 'size': 0x3000,
        'flags': abi.MEM_READ | abi.MEM_IO_64}, 'memory_regions[0]')
    _fields(cell.memory_regions[1], {
        'phys_start': 0x4000, 'virt_start': 0x5000000000, 'size': 0x6000,
        'flags': abi.MEM_COMM_REGION}, 'memory_regions[1]')
    _fields(cell.cache_regions[0], {
        'start': 0x71, 'size': 0x72, 'type': 2, 'flags': 1}, 'cache')
    _fields(cell.irqchips[0], {
        'address': 0x8100000081, 'id': 0x82, 'pin_base': 0x83,
        'pin_bitmap': (0x84, 0x85, 0x86, 0x87)}, 'irqchip')
    expect_equal([(p.base, p.length) for p in cell.pio_regions],
                 [(0x91, 0x92), (0x93, 0x94)], 'pio regions')
    _fields(cell.pci_devices[0], {
        'type': abi.PCI_TYPE_BRIDGE, 'iommu': 0xa1, 'domain': 0xa2,
        'bdf': 0xa3, 'bar_mask': (0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9),
        'caps_start': 0xaa, 'num_caps': 0xab, 'num_msi_vectors': 0xac,
        'msi_bits': 0x3, 'num_msix_vectors': 0xad, 'msix_region_size': 0xae,
        'msix_address': 0xaf000000af, 'shmem_regions_start': 0xb0,
        'shmem_dev_id': 0xb1, 'shmem_peers': 0xb2,
        'shmem_protocol': 0xc003}, 'pci device')
    expect_equal([(c.id, c.start, c.len, c.flags) for c in cell.pci_caps],
                 [(0x05, 0xc1, 0xc2, 1), (0x8010, 0xc3, 0xc4, 0)],
                 'pci caps')
    expect_equal([s.id for s in cell.stream_ids],
                 [0xd1, 0xd2 | 0xd3 << 16, 0xd4d5d6d7], 'stream ids')


def test_probe_system(ctx, srcarch):
    parsed = config.parse_system(_read(ctx, srcarch, 'probe/probe-sys.cell'))
    expect_equal(parsed.trailing, 0, 'trailing bytes')
    system = parsed.config
    expect_equal(system.architecture, ARCHES[srcarch], 'architecture')
    expect_equal(system.flags, abi.SYS_VIRTUAL_DEBUG_CONSOLE, 'flags')
    _fields(system.hypervisor_memory, {
        'phys_start': 0x1100000000, 'virt_start': 0x12, 'size': 0x13000,
        'flags': 0x14}, 'hypervisor_memory')
    _fields(system.header.debug_console, {
        'address': 0x21, 'size': 0x22, 'type': 9, 'flags': 0x1000,
        'divider': 0x23, 'gate_nr': 0x24, 'clock_reg': 0x2500000025},
        'debug_console')
    _fields(system.header, {
        'pci_mmconfig_base': 0x3100000031, 'pci_mmconfig_end_bus': 0x32,
        'pci_is_virtual': 1, 'pci_domain': 0x33}, 'platform_info')
    units = system.iommu_units()
    _fields(units[0], {'type': 1, 'base': 0x4100000041, 'size': 0x42},
            'iommu_units[0]')
    expect_equal(units[0].arch[:8], bytes.fromhex('4300444546000000'),
                 'iommu_units[0].amd')
    _fields(units[7], {'type': 4, 'base': 0x47, 'size': 0x48},
            'iommu_units[7]')
    expect_equal(units[7].arch, bytes.fromhex('49000000490000004a000000'),
                 'iommu_units[7].tipvu')
    platform = system.platform()
    if srcarch == 'x86':
        _fields(platform, {
            'pm_timer_address': 0x51, 'apic_mode': 2,
            'vtd_interrupt_limit': 0x52, 'tsc_khz': 0x53,
            'apic_khz': 0x54}, 'platform x86')
    else:
        _fields(platform, {
            'maintenance_irq': 0x61, 'gic_version': 3, 'gicd_base': 0x62,
            'gicc_base': 0x63, 'gich_base': 0x64, 'gicv_base': 0x65,
            'gicr_base': 0x6600000066}, 'platform arm')
    root = system.root_cell
    expect_equal(root.name, 'probe-root', 'root cell name')
    expect_equal(root.desc.vpci_irq_base, 0x71, 'root vpci_irq_base')
    expect_equal(root.desc.cpu_set_size, WORD[srcarch], 'root cpu_set_size')
    expect_equal(root.cpus, {0, 2}, 'root cpus')
    _fields(root.memory_regions[0], {
        'phys_start': 0x81000, 'virt_start': 0x82000, 'size': 0x83000,
        'flags': 1}, 'root memory_regions[0]')


def test_round_trip(ctx, srcarch):
    """Parsing and writing back gives the same bytes for every fixture:
    the corpus depends on it."""
    directory = os.path.join(ctx.fixtures, srcarch)
    names = sorted(os.listdir(directory)) + [
        'probe/' + name for name in sorted(os.listdir(
            os.path.join(directory, 'probe')))]
    names = [name for name in names if name.endswith('.cell')]
    expect(len(names) >= 5, 'too few fixtures in %s' % directory)
    for name in names:
        data = _read(ctx, srcarch, name)
        parse = (config.parse_system if config.is_system(data)
                 else config.parse_cell)
        expect_equal(parse(data).config.to_bytes(), data, name)


def test_fixture_words(ctx, srcarch):
    """The fixtures' CPU set is one C unsigned long: 4 bytes on ARMv7."""
    data = _read(ctx, srcarch, 'sys.cell')
    root = config.parse_system(data).config.root_cell
    expect_equal(root.desc.cpu_set_size, WORD[srcarch], 'cpu_set_size')
    expect_equal(root.word_size, WORD[srcarch], 'word size')
    expect_equal(root.cpus, {0, 1, 2, 3}, 'cpus')


def test_cpuset_words():
    # Bit 0 of the second word is CPU 32 with 4-byte words, but the same
    # bytes read as one 8-byte word give the same CPU: little endian makes
    # the two agree byte for byte.
    data = bytes.fromhex('0100000001000000')
    expect_equal(cpuset.decode(data, 4), {0, 32}, '4-byte words')
    expect_equal(cpuset.decode(data, 8), {0, 32}, '8-byte word')
    expect_equal(cpuset.encode({0, 32}, 4), data, 'encode 4-byte words')
    expect_equal(cpuset.encode({1}, 4), bytes.fromhex('02000000'),
                 'one ARMv7 word')
    expect_equal(cpuset.encode({1}, 8), bytes.fromhex('0200000000000000'),
                 'one 64-bit word')
    # A size that is not whole words is decoded by zero padding.
    expect_equal(cpuset.decode(bytes.fromhex('0180'), 8), {0, 15},
                 'partial word')
    expect_equal(cpuset.format_list({0, 1, 2, 5, 7, 8}), '0-2,5,7-8',
                 'format_list')


def test_format_errors(ctx):
    data = _read(ctx, 'x86', 'cell-a.cell')
    cases = [
        (config.parse_cell, data[:100], 'shorter than the 132-byte'),
        (config.parse_cell, data[:-4], 'truncated: %d bytes, but the header '
         'declares %d' % (len(data) - 4, len(data))),
        (config.parse_system, data, "bad signature 'JHCLL'"),
    ]
    for parse, image, text in cases:
        try:
            parse(image)
        except config.ConfigFormatError as err:
            expect(any(text in p for p in err.problems),
                   '%r not in %r' % (text, err.problems))
        else:
            raise Failure('no ConfigFormatError for %r' % text)
    parsed = config.parse_cell(data + b'\xff' * 3)
    expect_equal(parsed.trailing, 3, 'trailing bytes')


def tests(ctx):
    found = []
    for srcarch in ('x86', 'arm64', 'arm'):
        for test in (test_probe_cell, test_probe_system, test_round_trip,
                     test_fixture_words):
            found.append(('parser: %s %s' % (test.__name__[5:], srcarch),
                          lambda t=test, a=srcarch: t(ctx, a)))
    found.append(('parser: cpuset words', test_cpuset_words))
    found.append(('parser: format errors', lambda: test_format_errors(ctx)))
    return found
