// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the e1000-demo inmate on the x86 test machine with
 * VT-d (qemu-x86-vtd.c): the 82574L network controller (QEMU's e1000e)
 * at 00:02.0, which the cell takes from the root cell. Its RAM is
 * DMA-able, so the device's rings and buffers live there and nothing else
 * is reachable; BAR0 (128 KiB of registers) appears where the firmware put
 * it (0xfeb40000); the cell programs the MSI and MSI-X capabilities
 * itself. The MSI-X table (BAR3, 0xfeb90000) is not mapped: the
 * hypervisor keeps it and unmasks only vectors aimed at the cell's CPU.
 * It runs beside the pci-demo cell.
 *
 * One CPU (CPU 3), 1 MiB of RAM at guest-physical 0, the comm region at
 * 0x100000, COM2 as console, the PM timer port readable.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_pio pio_regions[2];
	struct jailhouse_pci_device pci_devices[1];
	struct jailhouse_pci_capability pci_caps[4];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "e1000-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_pio_regions = ARRAY_SIZE(config.pio_regions),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.num_pci_caps = ARRAY_SIZE(config.pci_caps),

		.console = {
			.address = 0x2f8,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_PIO |
				 JAILHOUSE_CON_REGDIST_1,
		},
	},

	.cpus = {
		1 << 3,
	},

	.mem_regions = {
		/* RAM */ {
			.phys_start = 0x3ac00000,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */ {
			.virt_start = 0x00100000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
		/* 82574L (00:02.0) BAR0 */ {
			.phys_start = 0xfeb40000,
			.virt_start = 0xfeb40000,
			.size = 0x20000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
	},

	.pio_regions = {
		PIO_RANGE(0x2f8, 8),	/* COM2 */
		PIO_RANGE(0x608, 4),	/* ACPI PM timer */
	},

	.pci_devices = {
		/* 00:02.0 82574L */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = 0x02 << 3,
			.caps_start = 0,
			.num_caps = 4,
			.num_msi_vectors = 1,
			.msi_64bits = 1,
			.num_msix_vectors = 5,
			.msix_region_size = 0x1000,
			.msix_address = 0xfeb90000,
		},
	},

	.pci_caps = {
		{ .id = PCI_CAP_ID_MSIX, .start = 0xa0, .len = 12,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
		{ .id = PCI_CAP_ID_PM, .start = 0xc8, .len = 8,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
		/* the cell programs its MSI */
		{ .id = PCI_CAP_ID_MSI, .start = 0xd0, .len = 14,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
		{ .id = PCI_CAP_ID_EXP, .start = 0xe0, .len = 20, },
	},
};
