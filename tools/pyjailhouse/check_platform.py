# SPDX-License-Identifier: GPL-2.0
"""Checks against the platform the system config describes, the same the
hypervisor makes (hypervisor/config_check.c, cell_check.c): no memory
region covers a device the hypervisor filters or uses itself, memory lies
within the physical address width, a cell's I/O ports and interrupt pins
are the root cell's to give, and pins belong to one cell only."""

from . import abi
from .check_cell import is_comm_region
from .regions import overlaps
from .report import describe_region, hexrange

XAPIC_BASE = 0xfee00000
PAGE = 0x1000
GICD_SIZE = 0x10000
GIC_CPU_FRAME_SIZE = 0x2000
GICR_SIZE_PER_CPU = 0x20000


def phys_limit(architecture):
    """One past the highest physical address (x86-64, AArch64: 52 bits;
    ARMv7 LPAE: 40 bits)."""
    return 1 << (40 if architecture == abi.ARCH_ARM else 52)


def device_frames(system):
    """[(name, start, size)] of the devices the hypervisor keeps."""
    frames = [('IOMMU', unit.base, unit.size)
              for unit in system.iommu_units() if unit.base and unit.size]
    header = system.header
    if system.architecture == abi.ARCH_X86:
        frames.append(('xAPIC', XAPIC_BASE, PAGE))
        frames += [('IOAPIC', chip.address, PAGE)
                   for chip in system.root_cell.irqchips if chip.address]
        if header.pci_mmconfig_base:
            frames.append(('PCI MMCONFIG window', header.pci_mmconfig_base,
                           (header.pci_mmconfig_end_bus + 1) << 20))
        return frames
    arm = system.platform()
    cpus = max(system.root_cell.cpus, default=-1) + 1
    for name, base, size in (
            ('GIC distributor', arm.gicd_base, GICD_SIZE),
            ('GIC CPU interface', arm.gicc_base, GIC_CPU_FRAME_SIZE),
            ('GIC virtualization frame', arm.gich_base, GIC_CPU_FRAME_SIZE),
            ('GIC virtualization frame', arm.gicv_base, GIC_CPU_FRAME_SIZE),
            ('GIC redistributor', arm.gicr_base, GICR_SIZE_PER_CPU * cpus)):
        if base:
            frames.append((name, base, size))
    return frames


def check_hypervisor_width(system, out):
    hv_mem = system.hypervisor_memory
    if hv_mem.phys_start + hv_mem.size > phys_limit(system.architecture):
        out.error('hypervisor memory (phys %s) lies beyond the physical '
                  'address width of %s' %
                  (hexrange(hv_mem.phys_start, hv_mem.size),
                   abi.ARCH_NAMES[system.architecture]))


def check_regions(system, cell, out):
    """Memory regions of `cell` (the root cell or another) against the
    hypervisor's devices, in both address spaces, and the address width."""
    frames = device_frames(system)
    limit = phys_limit(system.architecture)
    for index, region in enumerate(cell.memory_regions):
        if region.size == 0:
            continue
        spaces = [('virt', region.virt_start)]
        if not is_comm_region(region):
            spaces.append(('phys', region.phys_start))
        hits = [(space, name, base, size)
                for space, start in spaces
                for name, base, size in frames
                if overlaps(start, region.size, base, size)]
        if hits:
            space, name, base, size = hits[0]
            out.error('cell %r: %s covers the %s (%s): the hypervisor '
                      'must keep it' %
                      (cell.name, describe_region(index, region, space),
                       name, hexrange(base, size)))
        # Past 2^64 is reported already, as running off the address space.
        if (not is_comm_region(region) and
                limit < region.phys_start + region.size <= 1 << 64):
            out.error('cell %r: %s lies beyond the physical address width'
                      % (cell.name, describe_region(index, region)))


def _pins(cell):
    """{(chip address, pin)} the irqchip entries of `cell` name."""
    found = set()
    for chip in cell.irqchips:
        for bit in range(128):
            if (chip.pin_bitmap[bit // 32] >> (bit % 32)) & 1:
                found.add((chip.address, chip.pin_base + bit))
    return found


def _ports(cell):
    found = set()
    for pio in cell.pio_regions:
        found.update(range(pio.base, min(pio.base + pio.length, 0x10000)))
    return found


def check_resources(system, cell, out):
    """A non-root cell's pins and ports must be the root cell's."""
    foreign = sorted(_pins(cell) - _pins(system.root_cell))
    if foreign:
        address, pin = foreign[0]
        out.error('cell %r: interrupt pin %d of chip 0x%x (and %d more) is '
                  'not the root cell\'s to give' %
                  (cell.name, pin, address, len(foreign) - 1))
    ports = sorted(_ports(cell) - _ports(system.root_cell))
    if ports:
        out.error('cell %r: I/O port 0x%x (and %d more) is not the root '
                  'cell\'s to give' % (cell.name, ports[0], len(ports) - 1))


def check_pins_between(cell_a, cell_b, other, out_b):
    shared = sorted(_pins(cell_a) & _pins(cell_b))
    if shared:
        address, pin = shared[0]
        out_b.error('cell %r: interrupt pin %d of chip 0x%x (and %d more) '
                    'is also %s\'s' % (cell_b.name, pin, address,
                                       len(shared) - 1, other))


def dma_capable(cell):
    """The bdfs of PCI devices (not ivshmem) that can do DMA."""
    return [device.bdf for device in cell.pci_devices
            if device.type in (abi.PCI_TYPE_DEVICE, abi.PCI_TYPE_BRIDGE)]


IOMMU_MODELS = {abi.IOMMU_INTEL: 'VT-d', abi.IOMMU_AMD: 'AMD-Vi'}


def dma_remapped(system):
    """The model of the units that confine DMA (VT-d or AMD-Vi units in
    the config), or None."""
    for unit in system.iommu_units():
        if unit.base and unit.type in IOMMU_MODELS:
            return IOMMU_MODELS[unit.type]
    return None


def note_dma(system, cell, out):
    """What confines the DMA of the cell's devices, if anything."""
    devices = dma_capable(cell)
    if not devices:
        return
    first = devices[0]
    where = '%d DMA-capable PCI device(s) (first %02x:%02x.%x)' % (
        len(devices), first >> 8, (first >> 3) & 0x1f, first & 7)
    model = dma_remapped(system)
    if model:
        out.note('cell %r has %s: the %s unit(s) confine their DMA to '
                 'the cell\'s DMA-able memory regions' %
                 (cell.name, where, model))
        return
    out.note('cell %r has %s: without an IOMMU the hypervisor supports, '
             'their DMA can read and write ANY memory, the hypervisor\'s '
             'and other cells\' included, and send any MSI; isolation does '
             'not hold against them' % (cell.name, where))