// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the smp-demo inmate on the ARMv7 test machine (QEMU
 * virt, configs/arm/qemu-arm.c), the ARMv7 build of the demo: two
 * CPUs of one cell, started with PSCI and talking through SGIs.
 *
 * CPUs 2 and 3; 128 KiB of RAM at guest-physical 0 from the root
 * config's region for cells, after gic-demo's and uart-demo's so that
 * its memory never overlaps theirs; the comm region at 0x80000000. It
 * shares QEMU virt's single PL011 with the root cell. SGIs are private
 * to the cell's CPUs, so it needs no distributor pins.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "smp-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),

		.console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		1 << 2 | 1 << 3,
	},

	.mem_regions = {
		/* UART, shared with the root cell */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM: image, .bss and a stack per CPU */ {
			.phys_start = 0x70620000,
			.virt_start = 0,
			.size = 0x00020000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */ {
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},
};
