// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the uart-demo inmate on the BPI-M2 Ultra as QEMU's
 * bpim2u emulates it (configs/arm/bananapi-m2-ultra.c): console lines on
 * a UART of its own, so that it can run next to gic-demo (tests of two
 * cells at once, and of isolation with code of the test's own).
 *
 * One CPU (CPU 2), 64 KiB of RAM after gic-demo's, the comm region at
 * 0x80000000. UART7 (DW-8250, 0x01c29c00, free on this board) is a
 * sub-page region: UART4..6 share its page, so every access is trapped
 * and checked against the UART's 1 KiB, 32-bit accesses only. It owns no
 * interrupts (output is polled).
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
			.address = 0x01c29c00,
			.size = 0x400,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		1 << 2,
	},

	.mem_regions = {
		/* UART7, free on this board */ {
			.phys_start = 0x01c29c00,
			.virt_start = 0x01c29c00,
			.size = 0x400,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32,
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
