// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the pci-demo inmate on the x86 test machine with VT-d
 * (qemu-x86-vtd.c): the tiny-demo cell plus the edu device at 00:05.0,
 * which the cell takes from the root cell. Its RAM is DMA-able, so edu
 * reaches it at the cell's guest-physical addresses and nothing else;
 * edu's BAR0 appears where the firmware put it (0xfea00000); the cell
 * programs edu's MSI capability itself.
 *
 * One CPU (CPU 2), 1 MiB of RAM at guest-physical 0, the comm region at
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
	struct jailhouse_pci_capability pci_caps[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "pci-demo",
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
		1 << 2,
	},

	.mem_regions = {
		/* RAM */ {
			.phys_start = 0x3a900000,
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
		/* edu (00:05.0) BAR0 */ {
			.phys_start = 0xfea00000,
			.virt_start = 0xfea00000,
			.size = 0x100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
	},

	.pio_regions = {
		PIO_RANGE(0x2f8, 8),	/* COM2 */
		PIO_RANGE(0x608, 4),	/* ACPI PM timer */
	},

	.pci_devices = {
		/* 00:05.0 edu */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = 0x05 << 3,
			.caps_start = 0,
			.num_caps = 1,
			.num_msi_vectors = 1,
			.msi_64bits = 1,
		},
	},

	.pci_caps = {
		/* edu: the cell programs its MSI */
		{ .id = PCI_CAP_ID_MSI, .start = 0x40, .len = 14,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
	},
};
