// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the tiny-demo inmate on the Bochs Intel test machine
 * (bochs-x86.c, 3 CPUs): tiny-demo.c with CPU 1 instead of CPU 2 and the
 * PIIX4 PM timer port.
 *
 * One CPU (CPU 1), 1 MiB of RAM from the root cell's reservation at
 * guest-physical 0, the comm region at 0x100000 where x86 inmates look for
 * it, and COM2 (0x2f8, QEMU's second serial port) as its own console so the
 * root keeps COM1. The PM timer port is readable for time measurement.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[2];
	struct jailhouse_pio pio_regions[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "tiny-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_pio_regions = ARRAY_SIZE(config.pio_regions),

		.console = {
			.address = 0x2f8,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_PIO |
				 JAILHOUSE_CON_REGDIST_1,
		},
	},

	.cpus = {
		1 << 1,
	},

	.mem_regions = {
		/* RAM */ {
			.phys_start = 0x3a700000,
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
	},

	.pio_regions = {
		PIO_RANGE(0x2f8, 8),	/* COM2 */
		PIO_RANGE(0xb008, 4),	/* ACPI PM timer (PIIX4) */
	},
};
