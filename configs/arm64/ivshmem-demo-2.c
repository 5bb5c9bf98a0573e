// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the ivshmem-demo inmate on the arm64 test machine: peer
 * 2 of the ivshmem link 00:00.0 of three peers, whose peer 0 is the
 * root cell and peer 1 the cell ivshmem-demo (configs/arm64/qemu-arm64.c
 * and qemu-arm64-gicv2.c hold the same shared regions). Works with either
 * root config: the GIC comes from the comm region.
 *
 * One CPU (CPU 2), 64 KiB of RAM at guest-physical 0, the comm region at
 * 0x80000000, the PL011 shared with the root cell. The shared memory
 * appears at its physical address: state table (read-only), read/write
 * section, the output sections of the three peers, only this cell's own
 * one writable. The device's INTA is SPI 148 (32 + vpci_irq_base), which
 * the cell takes from the root cell.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/* configs/arm/ivshmem-demo-2.c reuses this config for ARMv7, with other RAM. */
#ifndef CELL_ARCH
#define CELL_ARCH	JAILHOUSE_ARM64
#define CELL_RAM	0x70710000
#endif

#define SHM_FLAGS	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED)

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[8];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = CELL_ARCH,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "ivshmem-demo-2",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = 148 - 32,

		.console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		1 << 2,
	},

	.mem_regions = {
		/* UART, shared with the root cell */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM */ {
			.phys_start = CELL_RAM,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */ {
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
		/* ivshmem state table */ {
			.phys_start = 0x7ff00000,
			.virt_start = 0x7ff00000,
			.size = 0x1000,
			.flags = SHM_FLAGS,
		},
		/* ivshmem read/write section */ {
			.phys_start = 0x7ff01000,
			.virt_start = 0x7ff01000,
			.size = 0x1000,
			.flags = SHM_FLAGS | JAILHOUSE_MEM_WRITE,
		},
		/* ivshmem output section of peer 0 (the root) */ {
			.phys_start = 0x7ff02000,
			.virt_start = 0x7ff02000,
			.size = 0x1000,
			.flags = SHM_FLAGS,
		},
		/* ivshmem output section of peer 1 */ {
			.phys_start = 0x7ff03000,
			.virt_start = 0x7ff03000,
			.size = 0x1000,
			.flags = SHM_FLAGS,
		},
		/* ivshmem output section of peer 2 */ {
			.phys_start = 0x7ff04000,
			.virt_start = 0x7ff04000,
			.size = 0x1000,
			.flags = SHM_FLAGS | JAILHOUSE_MEM_WRITE,
		},
	},

	.irqchips = {
		/* GIC distributor: SPI 148 only */ {
			.address = 0x08000000,
			.pin_base = 128,
			.pin_bitmap = {
				1 << (148 - 128), 0, 0, 0,
			},
		},
	},

	.pci_devices = {
		/* 00:00.0 ivshmem, peer 2 of 3, INTx */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0x00 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 3,
			.shmem_dev_id = 2,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
