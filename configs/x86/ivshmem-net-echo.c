// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the ivshmem-net-echo inmate on the x86 test machine:
 * peer 1 of the ivshmem-net link 00:0f.0 (protocol VETH), whose peer 0
 * is the root cell (configs/x86/qemu-x86.c holds the same regions).
 *
 * One CPU (CPU 3), 1 MiB of RAM from the root cell's reservation at
 * guest-physical 0, the comm region at 0x100000, COM2 as console, the PM
 * timer. The shared memory appears at its physical address: state table
 * (read-only), read/write section, the output sections of both peers,
 * only this cell's own one writable.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define SHM_FLAGS	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED)

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[6];
	struct jailhouse_pio pio_regions[2];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "ivshmem-net-echo",
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
		1 << 3,
	},

	.mem_regions = {
		/* RAM */ {
			.phys_start = 0x3ac00000,
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
			.phys_start = 0x3f000000,
			.virt_start = 0x3f000000,
			.size = 0x1000,
			.flags = SHM_FLAGS,
		},
		/* ivshmem read/write section */ {
			.phys_start = 0x3f001000,
			.virt_start = 0x3f001000,
			.size = 0x1000,
			.flags = SHM_FLAGS | JAILHOUSE_MEM_WRITE,
		},
		/* ivshmem output section of peer 0 (the root) */ {
			.phys_start = 0x3f002000,
			.virt_start = 0x3f002000,
			.size = 0x7f000,
			.flags = SHM_FLAGS,
		},
		/* ivshmem output section of peer 1 (this cell) */ {
			.phys_start = 0x3f081000,
			.virt_start = 0x3f081000,
			.size = 0x7f000,
			.flags = SHM_FLAGS | JAILHOUSE_MEM_WRITE,
		},
	},

	.pio_regions = {
		PIO_RANGE(0x2f8, 8),	/* COM2 */
		PIO_RANGE(0x608, 4),	/* ACPI PM timer */
	},

	.pci_devices = {
		/* 00:0f.0 ivshmem-net, peer 1 of 2 */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.bdf = 0x0f << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,
			.num_msix_vectors = 1,
			.shmem_regions_start = 2,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
