// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the uart-demo inmate on the ARMv7 test machine (QEMU
 * virt, configs/arm/qemu-arm.c), the ARMv7 build of the demo: console
 * lines only, so that it can run next to gic-demo (tests of two cells at
 * once, and of isolation with code of the test's own in this cell).
 *
 * One CPU (CPU 2), 64 KiB of RAM right after gic-demo's at guest-physical
 * 0, the comm region at 0x80000000. It shares QEMU virt's single PL011
 * with the root cell and owns no interrupts. Unlike gic-demo's, its UART
 * region is a sub-page one, the 256 bytes of registers the PL011 driver
 * uses, 32-bit accesses only: each access is trapped and checked (the
 * isolation test's byte outside a sub-page region).
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
		.name = "uart-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),

		.console = {
			.address = 0x09000000,
			.size = 0x100,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		1 << 2,
	},

	.mem_regions = {
		/* UART registers, shared with the root cell */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x100,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32 |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM */ {
			.phys_start = 0x70610000,
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
	},
};
