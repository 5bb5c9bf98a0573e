// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the FreeRTOS demo (inmates/freertos, built with
 * `make freertos FREERTOS_KERNEL=... ARCH=arm`) on the Banana Pi BPI-M2+
 * (Allwinner H3: 4 Cortex-A7 CPUs, GIC-400 at 0x01c81000, DRAM at
 * 0x40000000; QEMU's orangepi-pc is the same SoC). Its root cell is
 * booted with mem=768M and the hypervisor at 0x70000000, as on the
 * BPI-M2 Ultra. *
 * One CPU (CPU 3), 1 MiB of RAM at guest-physical 0 (image, the
 * 192 KiB FreeRTOS heap and the stacks take about 300 KiB), the comm
 * region at 0x80000000 where ARM inmates look for it. The tick is the
 * virtual generic timer, a private interrupt: no distributor pins.
 *
 * Its console is its own UART: UART3 at 0x01c28c00 (8250/DesignWare,
 * registers 4 bytes apart, 32-bit accesses). UART0-3 share one page with
 * the root's console UART0, so UART3 is a sub-page region: the
 * hypervisor forwards each access after checking it lies in those
 * 1 KiB.
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
			.address = 0x01c28c00,
			.size = 0x400,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		1 << 3,
	},

	.mem_regions = {
		/* UART3, a sub-page region (UART0-3 share a page) */ {
			.phys_start = 0x01c28c00,
			.virt_start = 0x01c28c00,
			.size = 0x400,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32,
		},
		/* RAM */ {
			.phys_start = 0x70700000,
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
