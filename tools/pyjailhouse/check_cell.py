# SPDX-License-Identifier: GPL-2.0
"""Checks that look at one cell on its own: flags, CPU set size, the shape
of each memory region, overlaps inside the cell and the comm region."""

from . import abi
from .regions import overlaps
from .report import describe_region, hexrange


# What the hypervisor accepts per config (hypervisor/include/core/
# config_check.h, CONFIG_MAX_*).
LIMITS = [('memory_regions', 'memory regions', 1024),
          ('cache_regions', 'cache regions', 64),
          ('irqchips', 'irqchips', 64),
          ('pio_regions', 'PIO regions', 256),
          ('pci_devices', 'PCI devices', 1024),
          ('pci_caps', 'PCI capabilities', 4096),
          ('stream_ids', 'stream ids', 1024)]


def _check_limits(cell, out):
    for attr, what, limit in LIMITS:
        count = len(getattr(cell, attr))
        if count > limit:
            out.error('cell %r has %d %s; the hypervisor supports at most '
                      '%d' % (cell.name, count, what, limit))


def is_comm_region(region):
    return bool(region.flags & abi.MEM_COMM_REGION)


def check_cell(cell, out, root=False):
    """Report the problems of `cell` to the collector `out`."""
    unknown = cell.flags & ~abi.CELL_FLAGS_KNOWN
    if unknown:
        out.error('unknown cell flags 0x%x in cell %r' % (unknown, cell.name))
    if b'\0' not in cell.desc.name:
        out.error('cell name is not NUL-terminated (at most %d characters)'
                  % abi.CELL_NAME_MAXLEN)
    _check_limits(cell, out)
    _check_cpu_set(cell, out, root)
    shmem = _ivshmem_regions(cell, out)
    for index, region in enumerate(cell.memory_regions):
        _check_region_shape(index, region, out, index in shmem)
    _check_overlaps(cell, out)
    if not root:
        _check_comm_region(cell, out)


def _check_cpu_set(cell, out, root):
    size = cell.desc.cpu_set_size
    word = cell.word_size
    if size % word:
        out.error('CPU set size %d is not a multiple of the %d-byte '
                  'unsigned long of %s' %
                  (size, word, abi.ARCH_NAMES[cell.architecture]))
    if not cell.cpus:
        out.error('%s has no CPUs' %
                  ('the root cell' if root else 'cell %r' % cell.name))


def _ivshmem_regions(cell, out):
    """Indices of the memory regions that belong to ivshmem devices.

    An ivshmem device owns a block of regions: state table, read/write
    section, then one output section per peer.  Sections may be unused,
    so empty regions are normal inside such a block."""
    indices = set()
    count = len(cell.memory_regions)
    for number, device in enumerate(cell.pci_devices):
        if device.type != abi.PCI_TYPE_IVSHMEM:
            continue
        first = device.shmem_regions_start
        last = first + 2 + device.shmem_peers - 1
        if last >= count:
            out.error('PCI device %d (ivshmem, bdf 0x%x) needs memory '
                      'regions %d-%d, but the cell has %d' %
                      (number, device.bdf, first, last, count))
        indices.update(range(first, min(last, count - 1) + 1))
    return indices


def _check_region_shape(index, region, out, in_shmem):
    what = describe_region(index, region)
    unknown = region.flags & ~abi.MEM_FLAGS_KNOWN
    if unknown:
        out.error('%s has unknown flags 0x%x' % (what, unknown))
    if region.size == 0:
        if in_shmem:
            return
        # Jailhouse's own configs keep all-zero entries as placeholders
        # (its hypervisor maps nothing for them): worth a word, no more.
        if region.phys_start == region.virt_start == region.flags == 0:
            out.warning('%s is an unused all-zero entry; it maps nothing'
                        % what)
        else:
            out.error('%s is empty (size 0)' % what)
        return
    if max(region.phys_start, region.virt_start) + region.size > 1 << 64:
        out.error('%s runs past the end of the 64-bit address space' % what)
    # MMIO regions may cover less than a page: the hypervisor traps and
    # forwards each access instead of mapping the page.
    if region.flags & abi.MEM_IO:
        return
    mask = abi.PAGE_SIZE - 1
    if region.phys_start & mask:
        out.error('%s: phys_start 0x%x is not page aligned' %
                  (what, region.phys_start))
    if region.virt_start & mask:
        out.error('%s: virt_start 0x%x is not page aligned' %
                  (what, region.virt_start))
    if region.size & mask:
        out.error('%s: size 0x%x is not a multiple of the page size 0x%x' %
                  (what, region.size, abi.PAGE_SIZE))


def _check_overlaps(cell, out):
    regions = list(enumerate(cell.memory_regions))
    for pos, (index_a, a) in enumerate(regions):
        for index_b, b in regions[pos + 1:]:
            # A comm region has no physical backing (its phys_start is
            # meaningless), so it only counts in the guest address space.
            if (not is_comm_region(a) and not is_comm_region(b) and
                    overlaps(a.phys_start, a.size, b.phys_start, b.size)):
                out.error('%s overlaps %s' % (
                    describe_region(index_b, b),
                    describe_region(index_a, a)))
            if overlaps(a.virt_start, a.size, b.virt_start, b.size):
                out.error('%s overlaps %s in the guest address space' % (
                    describe_region(index_b, b, 'virt'),
                    describe_region(index_a, a, 'virt')))


def _check_comm_region(cell, out):
    comm = [(index, region)
            for index, region in enumerate(cell.memory_regions)
            if is_comm_region(region)]
    if not comm:
        # Inmates find the comm region at a fixed address; a cell without
        # one cannot be asked to shut down, but may still be intended.
        out.warning('cell %r has no comm region (a memory region flagged '
                    'COMM_REGION)' % cell.name)
    if len(comm) > 1:
        out.error('cell %r has %d comm regions (memory regions %s), '
                  'at most one is allowed' %
                  (cell.name, len(comm),
                   ', '.join(str(index) for index, _ in comm)))
    for index, region in comm:
        if region.size != abi.PAGE_SIZE:
            out.error('comm region, memory region %d (virt %s), is 0x%x '
                      'bytes; it must be exactly one page (0x%x)' %
                      (index, hexrange(region.virt_start, region.size),
                       region.size, abi.PAGE_SIZE))
