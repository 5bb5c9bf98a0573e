# SPDX-License-Identifier: GPL-2.0
"""Numbers and struct layouts of the Jailhouse config format, revision 14.

Everything here is an interface fact (see the ABI notes of the project);
the binary parser and the checks take their knowledge from this module
only."""

from .layout import Layout

CONFIG_REVISION = 14
SYSTEM_SIGNATURE = b'JHSYS'
CELL_SIGNATURE = b'JHCLL'
CELL_NAME_MAXLEN = 31
MAX_IOMMU_UNITS = 8
IOMMU_AMD = 1
IOMMU_INTEL = 2
PAGE_SIZE = 0x1000

ARCH_X86 = 0
ARCH_ARM = 1
ARCH_ARM64 = 2
ARCH_NAMES = {ARCH_X86: 'x86', ARCH_ARM: 'arm', ARCH_ARM64: 'arm64'}
# The CPU bitmap is an array of C unsigned long, whose size follows the
# architecture the config was compiled for.
CPU_WORD_SIZE = {ARCH_X86: 8, ARCH_ARM: 4, ARCH_ARM64: 8}

CELL_PASSIVE_COMMREG = 0x1
CELL_TEST_DEVICE = 0x2
CELL_AARCH32 = 0x4
CELL_VIRTUAL_CONSOLE_PERMITTED = 0x40000000
CELL_VIRTUAL_CONSOLE_ACTIVE = 0x80000000
CELL_FLAGS_KNOWN = (CELL_PASSIVE_COMMREG | CELL_TEST_DEVICE | CELL_AARCH32 |
                    CELL_VIRTUAL_CONSOLE_PERMITTED |
                    CELL_VIRTUAL_CONSOLE_ACTIVE)

SYS_VIRTUAL_DEBUG_CONSOLE = 0x1
SYS_FLAGS_KNOWN = SYS_VIRTUAL_DEBUG_CONSOLE

MEM_READ = 0x1
MEM_WRITE = 0x2
MEM_EXECUTE = 0x4
MEM_DMA = 0x8
MEM_IO = 0x10
MEM_COMM_REGION = 0x20
MEM_LOADABLE = 0x40
MEM_ROOTSHARED = 0x80
MEM_NO_HUGEPAGES = 0x100
MEM_IO_UNALIGNED = 0x8000
MEM_IO_8 = 1 << 16
MEM_IO_16 = 2 << 16
MEM_IO_32 = 4 << 16
MEM_IO_64 = 8 << 16
MEM_FLAGS_KNOWN = (MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA | MEM_IO |
                   MEM_COMM_REGION | MEM_LOADABLE | MEM_ROOTSHARED |
                   MEM_NO_HUGEPAGES | MEM_IO_UNALIGNED | MEM_IO_8 |
                   MEM_IO_16 | MEM_IO_32 | MEM_IO_64)
MEM_FLAG_NAMES = [
    (MEM_READ, 'READ'), (MEM_WRITE, 'WRITE'), (MEM_EXECUTE, 'EXECUTE'),
    (MEM_DMA, 'DMA'), (MEM_IO, 'IO'), (MEM_COMM_REGION, 'COMM_REGION'),
    (MEM_LOADABLE, 'LOADABLE'), (MEM_ROOTSHARED, 'ROOTSHARED'),
    (MEM_NO_HUGEPAGES, 'NO_HUGEPAGES'), (MEM_IO_UNALIGNED, 'IO_UNALIGNED'),
    (MEM_IO_8, 'IO_8'), (MEM_IO_16, 'IO_16'), (MEM_IO_32, 'IO_32'),
    (MEM_IO_64, 'IO_64'),
]

PCI_TYPE_DEVICE = 1
PCI_TYPE_BRIDGE = 2
PCI_TYPE_IVSHMEM = 3

CONSOLE = Layout('jailhouse_console', [
    ('address', 'Q'), ('size', 'I'), ('type', 'H'), ('flags', 'H'),
    ('divider', 'I'), ('gate_nr', 'I'), ('clock_reg', 'Q'),
])

CELL_DESC = Layout('jailhouse_cell_desc', [
    ('signature', '5s'), ('architecture', 'B'), ('revision', 'H'),
    ('name', '32s'), ('id', 'I'), ('flags', 'I'), ('cpu_set_size', 'I'),
    ('num_memory_regions', 'I'), ('num_cache_regions', 'I'),
    ('num_irqchips', 'I'), ('num_pio_regions', 'I'),
    ('num_pci_devices', 'I'), ('num_pci_caps', 'I'),
    ('num_stream_ids', 'I'), ('vpci_irq_base', 'I'),
    ('cpu_reset_address', 'Q'), ('msg_reply_timeout', 'Q'),
    ('console', CONSOLE),
])

MEMORY = Layout('jailhouse_memory', [
    ('phys_start', 'Q'), ('virt_start', 'Q'), ('size', 'Q'), ('flags', 'Q'),
])

CACHE = Layout('jailhouse_cache', [
    ('start', 'I'), ('size', 'I'), ('type', 'B'), ('padding', 'B'),
    ('flags', 'H'),
])

IRQCHIP = Layout('jailhouse_irqchip', [
    ('address', 'Q'), ('id', 'I'), ('pin_base', 'I'), ('pin_bitmap', '4I'),
])

PIO = Layout('jailhouse_pio', [('base', 'H'), ('length', 'H')])

PCI_DEVICE = Layout('jailhouse_pci_device', [
    ('type', 'B'), ('iommu', 'B'), ('domain', 'H'), ('bdf', 'H'),
    ('bar_mask', '6I'), ('caps_start', 'H'), ('num_caps', 'H'),
    ('num_msi_vectors', 'B'), ('msi_bits', 'B'), ('num_msix_vectors', 'H'),
    ('msix_region_size', 'H'), ('msix_address', 'Q'),
    ('shmem_regions_start', 'I'), ('shmem_dev_id', 'B'),
    ('shmem_peers', 'B'), ('shmem_protocol', 'H'),
])

PCI_CAPABILITY = Layout('jailhouse_pci_capability', [
    ('id', 'H'), ('start', 'H'), ('len', 'H'), ('flags', 'H'),
])

# The union of the two stream id forms is kept as its 32-bit value.
STREAM_ID = Layout('jailhouse_stream_id', [('id', 'I')])

# The union at offset 16 differs between IOMMU types; none of the checks
# look into it, so it stays raw bytes.
IOMMU = Layout('jailhouse_iommu', [
    ('type', 'I'), ('base', 'Q'), ('size', 'I'), ('arch', '12s'),
])

PLATFORM_X86 = Layout('platform_x86', [
    ('pm_timer_address', 'H'), ('apic_mode', 'B'), ('padding', 'B'),
    ('vtd_interrupt_limit', 'I'), ('tsc_khz', 'I'), ('apic_khz', 'I'),
    ('reserved', '28s'),
])

PLATFORM_ARM = Layout('platform_arm', [
    ('maintenance_irq', 'B'), ('gic_version', 'B'), ('padding', '2s'),
    ('gicd_base', 'Q'), ('gicc_base', 'Q'), ('gich_base', 'Q'),
    ('gicv_base', 'Q'), ('gicr_base', 'Q'),
])

PLATFORM_ARCH_SIZE = 44

SYSTEM = Layout('jailhouse_system', [
    ('signature', '5s'), ('architecture', 'B'), ('revision', 'H'),
    ('flags', 'I'), ('hypervisor_memory', MEMORY),
    ('debug_console', CONSOLE), ('pci_mmconfig_base', 'Q'),
    ('pci_mmconfig_end_bus', 'B'), ('pci_is_virtual', 'B'),
    ('pci_domain', 'H'),
    ('iommu_units', '%ds' % (IOMMU.size * MAX_IOMMU_UNITS)),
    ('arch', '%ds' % PLATFORM_ARCH_SIZE), ('root_cell', CELL_DESC),
])

# The arrays that follow a cell descriptor, in file order:
# (count field of the descriptor, element layout, attribute name).
CELL_ARRAYS = [
    ('num_memory_regions', MEMORY, 'memory_regions'),
    ('num_cache_regions', CACHE, 'cache_regions'),
    ('num_irqchips', IRQCHIP, 'irqchips'),
    ('num_pio_regions', PIO, 'pio_regions'),
    ('num_pci_devices', PCI_DEVICE, 'pci_devices'),
    ('num_pci_caps', PCI_CAPABILITY, 'pci_caps'),
    ('num_stream_ids', STREAM_ID, 'stream_ids'),
]
