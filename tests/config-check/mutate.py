# SPDX-License-Identifier: GPL-2.0
"""Derive broken configs from good compiled ones.

Header fields are patched at the offsets pyjailhouse's layouts give, and
array edits go through the parser and writer, so every broken file keeps
the real layout of the compiled fixture it came from."""

import struct

from pyjailhouse import abi, config, cpuset


def patch(data, layout, field, value, fmt):
    """Overwrite one header field (struct format `fmt`) in the raw bytes."""
    offset = layout.offset_of(field)
    raw = struct.pack('<' + fmt, value)
    return data[:offset] + raw + data[offset + len(raw):]


def patch_system(data, field, value, fmt):
    return patch(data, abi.SYSTEM, field, value, fmt)


def patch_cell(data, field, value, fmt):
    return patch(data, abi.CELL_DESC, field, value, fmt)


def edit_cell(data, change):
    """Parse a cell file, let `change(cell)` edit it, write it back with
    the descriptor's counts following the arrays."""
    cell = config.parse_cell(data).config
    change(cell)
    cell.sync_counts()
    return cell.to_bytes()


def edit_system(data, change):
    """Like edit_cell() for a system file; `change(system)` may edit the
    header (system.header) and the root cell (system.root_cell)."""
    system = config.parse_system(data).config
    change(system)
    system.root_cell.sync_counts()
    return system.to_bytes()


def set_region(cell, index, **fields):
    cell.memory_regions[index] = cell.memory_regions[index].copy(**fields)


def add_region(cell, phys, virt, size, flags):
    cell.memory_regions.append(abi.MEMORY.make(
        phys_start=phys, virt_start=virt, size=size, flags=flags))


def set_cpus(cell, cpus, size=None):
    cell.cpu_bitmap = cpuset.encode(cpus, cell.word_size,
                                    size or len(cell.cpu_bitmap))


def set_hypervisor_memory(system, **fields):
    system.header = system.header.copy(
        hypervisor_memory=system.hypervisor_memory.copy(**fields))


def comm_index(cell):
    for index, region in enumerate(cell.memory_regions):
        if region.flags & abi.MEM_COMM_REGION:
            return index
    raise LookupError('fixture cell %r has no comm region' % cell.name)
