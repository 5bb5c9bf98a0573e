# SPDX-License-Identifier: GPL-2.0
"""Checks that need the system config: the system header itself, and how
each non-root cell fits into the root cell and next to the other cells.
A cell's memory need not be the root cell's (Jailhouse accepts memory the
root never had); it must not be the hypervisor's, another cell's, or a
sub-page region the root keeps, as the hypervisor's cell_check.c says."""

from . import abi, cpuset
from .check_cell import check_cell, is_comm_region
from .check_platform import (check_hypervisor_width, check_pins_between,
                             check_regions, check_resources, note_dma)
from .regions import overlaps
from .report import describe_region, hexrange


def check_system(system, out):
    """The system file on its own, including its root cell."""
    unknown = system.flags & ~abi.SYS_FLAGS_KNOWN
    if unknown:
        out.error('unknown system flags 0x%x' % unknown)
    hv_mem = system.hypervisor_memory
    what = 'hypervisor memory (phys %s)' % hexrange(hv_mem.phys_start,
                                                    hv_mem.size)
    if hv_mem.size == 0:
        out.error('hypervisor memory is empty (size 0)')
    mask = abi.PAGE_SIZE - 1
    if hv_mem.phys_start & mask:
        out.error('%s: phys_start 0x%x is not page aligned' %
                  (what, hv_mem.phys_start))
    if hv_mem.size & mask:
        out.error('%s: size 0x%x is not a multiple of the page size 0x%x' %
                  (what, hv_mem.size, abi.PAGE_SIZE))
    check_hypervisor_width(system, out)
    root = system.root_cell
    check_cell(root, out, root=True)
    check_regions(system, root, out)
    note_dma(system, root, out)
    for index, region in enumerate(root.memory_regions):
        if _hits_hypervisor(system, region):
            out.error('root cell %s overlaps the %s' %
                      (describe_region(index, region), what))


def _hits_hypervisor(system, region):
    hv_mem = system.hypervisor_memory
    return (not is_comm_region(region) and
            overlaps(region.phys_start, region.size,
                     hv_mem.phys_start, hv_mem.size))


def check_cell_in_system(system, cell, out):
    """One non-root cell against the system; False when the architectures
    differ and the comparisons would be meaningless."""
    if cell.architecture != system.architecture:
        out.error('cell %r is for architecture %s, the system config for '
                  '%s' % (cell.name, abi.ARCH_NAMES[cell.architecture],
                          abi.ARCH_NAMES[system.architecture]))
        return False
    check_cell(cell, out)
    check_regions(system, cell, out)
    check_resources(system, cell, out)
    note_dma(system, cell, out)
    if cell.name == system.root_cell.name:
        out.error('cell name %r is the name of the root cell' % cell.name)
    cpus = cell.cpus
    if system.architecture == abi.ARCH_X86 and 0 in cpus:
        out.error('cell %r uses CPU 0, which on x86 must stay with the '
                  'root cell' % cell.name)
    foreign = cpus - system.root_cell.cpus
    if foreign:
        out.error('cell %r uses CPU(s) %s, which are not in the root '
                  'cell\'s CPU set %s' %
                  (cell.name, cpuset.format_list(foreign),
                   cpuset.format_list(system.root_cell.cpus)))
    hv_mem = system.hypervisor_memory
    for index, region in enumerate(cell.memory_regions):
        # A comm region is allocated by the hypervisor, not taken from
        # the root cell's memory.
        if is_comm_region(region) or region.size == 0:
            continue
        what = describe_region(index, region)
        if _hits_hypervisor(system, region):
            out.error('%s overlaps the hypervisor memory (phys %s)' %
                      (what, hexrange(hv_mem.phys_start, hv_mem.size)))
        _check_root_keeps(system.root_cell, what, region, out)
    return True


def _is_subpage(region):
    return bool((region.virt_start | region.size) & (abi.PAGE_SIZE - 1))


def _check_root_keeps(root, what, region, out):
    """Memory the root cell never had may go to a cell, as in Jailhouse;
    but the root's sub-page regions are trapped, not mapped, so a cell
    region that would be taken from the root cannot lie over one."""
    if region.flags & abi.MEM_ROOTSHARED or _is_subpage(region):
        return
    for index, kept in enumerate(root.memory_regions):
        if (not is_comm_region(kept) and _is_subpage(kept) and
                overlaps(region.phys_start, region.size,
                         kept.phys_start, kept.size)):
            out.error('%s overlaps root cell sub-page %s, which the root '
                      'cell keeps (share it with ROOTSHARED)' %
                      (what, describe_region(index, kept)))
            return


def check_between_cells(cells):
    """Non-root cells against each other; `cells` is [(path, cell, out)]
    for the cells that passed check_cell_in_system()."""
    for pos, (path_a, cell_a, _) in enumerate(cells):
        for path_b, cell_b, out_b in cells[pos + 1:]:
            other = 'cell %r (%s)' % (cell_a.name, path_a)
            if cell_a.name == cell_b.name:
                # The driver looks cells up by name and refuses a second.
                out_b.error('cell name %r is also used by %s' %
                            (cell_b.name, path_a))
            shared = cell_a.cpus & cell_b.cpus
            if shared:
                out_b.error('cell %r shares CPU(s) %s with %s' %
                            (cell_b.name, cpuset.format_list(shared), other))
            _check_memory_between(cell_a, cell_b, other, out_b)
            check_pins_between(cell_a, cell_b, other, out_b)


def _shared_legitimately(a, b):
    # The same range in both cells is how shared memory (ivshmem) and
    # shared devices are set up; regions both sides declare ROOTSHARED
    # are meant to stay shared as well.
    same = a.phys_start == b.phys_start and a.size == b.size
    both_rootshared = a.flags & b.flags & abi.MEM_ROOTSHARED
    return same or both_rootshared


def _check_memory_between(cell_a, cell_b, other, out_b):
    for index_a, a in enumerate(cell_a.memory_regions):
        if is_comm_region(a):
            continue
        for index_b, b in enumerate(cell_b.memory_regions):
            if is_comm_region(b) or _shared_legitimately(a, b):
                continue
            if overlaps(a.phys_start, a.size, b.phys_start, b.size):
                out_b.error('%s overlaps %s of %s' %
                            (describe_region(index_b, b),
                             describe_region(index_a, a), other))
