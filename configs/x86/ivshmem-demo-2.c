// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the ivshmem-demo inmate on the x86 test machine: peer 2
 * of the ivshmem link 00:0e.0 of three peers, whose peer 0 is the root
 * cell and peer 1 the cell ivshmem-demo (configs/x86/qemu-x86.c holds
 * the same shared regions).
 *
 * One CPU (CPU 2), 1 MiB of RAM from the root cell's reservation at
 * guest-physical 0, the comm region at 0x100000, COM2 as console, the PM
 * timer. The shared memory appears at its physical address: state table
 * (read-only), read/write section, the output sections of the three
 * peers, only this cell's own one writable.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define SHM_FLAGS	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED)

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[7];
	struct jailhouse_pio pio_regions[2];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "ivshmem-demo-2",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_pio_regions = ARRAY_SIZE(config.pio_regions),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

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
			.phys_start = 0x3ab00000,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */ {
			.virt_start = 0x00100000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
		/* ivshmem state table */ {
			.phys_start = 0x3f100000,
			.virt_start = 0x3f100000,
			.size = 0x1000,
			.flags = SHM_FLAGS,
		},
		/* ivshmem read/write section */ {
			.phys_start = 0x3f101000,
			.virt_start = 0x3f101000,
			.size = 0x1000,
			.flags = SHM_FLAGS | JAILHOUSE_MEM_WRITE,
		},
		/* ivshmem output section of peer 0 (the root) */ {
			.phys_start = 0x3f102000,
			.virt_start = 0x3f102000,
			.size = 0x54000,
			.flags = SHM_FLAGS,
		},
		/* ivshmem output section of peer 1 */ {
			.phys_start = 0x3f156000,
			.virt_start = 0x3f156000,
			.size = 0x54000,
			.flags = SHM_FLAGS,
		},
		/* ivshmem output section of peer 2 */ {
			.phys_start = 0x3f1aa000,
			.virt_start = 0x3f1aa000,
			.size = 0x54000,
			.flags = SHM_FLAGS | JAILHOUSE_MEM_WRITE,
		},
	},

	.pio_regions = {
		PIO_RANGE(0x2f8, 8),	/* COM2 */
		PIO_RANGE(0x608, 4),	/* ACPI PM timer */
	},

	.pci_devices = {
		/* 00:0e.0 ivshmem, peer 2 of 3 */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.bdf = 0x0e << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,
			.num_msix_vectors = 1,
			.shmem_regions_start = 2,
			.shmem_dev_id = 2,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
