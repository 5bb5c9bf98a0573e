// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the FreeRTOS demo (inmates/freertos, built with
 * `make freertos FREERTOS_KERNEL=... ARCH=arm`) on the Banana Pi M1
 * (Allwinner A20, configs/arm/bananapi.c; config check only, QEMU has no
 * A20 machine).
 *
 * One CPU (CPU 1 of 2), 1 MiB of RAM at guest-physical 0 taken from the
 * top of the root's RAM, 0x7bf00000 (keep it from Linux: mem=959M), the
 * comm region at 0x80000000 where ARM inmates look for it. The tick is
 * the virtual generic timer, a private interrupt: no distributor pins.
 *
 * Its console is its own UART: UART7 at 0x01c29c00 on the board's CON3
 * header (8250/DesignWare, registers 4 bytes apart, 32-bit accesses).
 * UARTs are 1 KiB apart, so UART4-7 share a page: the cell gets that
 * page, the root cell keeps UART0-3 (UART0 is its console).
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
		.name = "freertos-demo",
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
		1 << 1,
	},

	.mem_regions = {
		/* UART4-7, one page: the cell uses UART7 */ {
			.phys_start = 0x01c29000,
			.virt_start = 0x01c29000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32,
		},
		/* RAM */ {
			.phys_start = 0x7bf00000,
			.virt_start = 0,
			.size = 0x00100000,
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
