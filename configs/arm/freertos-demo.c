// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the FreeRTOS demo (inmates/freertos, built with
 * `make freertos FREERTOS_KERNEL=... ARCH=arm`) on the ARMv7 test machine,
 * QEMU virt (configs/arm/qemu-arm.c). *
 * One CPU (CPU 3), 1 MiB of RAM at guest-physical 0 (image, the
 * 192 KiB FreeRTOS heap and the stacks take about 300 KiB), the comm
 * region at 0x80000000 where ARM inmates look for it. The tick is the
 * virtual generic timer, a private interrupt: no distributor pins.
 *
 * Its console is its own UART: the second PL011 at 0x09040000, which QEMU
 * virt has only when started with a second -serial (ci/run-qemu.sh gives
 * it one, written to <log>.uart1). The root cell does not map it.
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
			.address = 0x09040000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		1 << 3,
	},

	.mem_regions = {
		/* second PL011, the cell's own */ {
			.phys_start = 0x09040000,
			.virt_start = 0x09040000,
			.size = 0x1000,
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
