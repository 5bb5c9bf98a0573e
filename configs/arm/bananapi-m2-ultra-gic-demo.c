// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the gic-demo inmate on the BPI-M2 Ultra as QEMU's
 * bpim2u emulates it (configs/arm/bananapi-m2-ultra.c): timer interrupts
 * through the GIC-400 with jitter figures.
 *
 * One CPU (CPU 3), 64 KiB of RAM at guest-physical 0 from the root's
 * region for cells, the comm region at 0x80000000. It shares UART0, the
 * Linux console, with the root cell: a sub-page region of the UART's
 * 1 KiB (UART1..3 share its page), trapped and checked access by access,
 * 32-bit accesses only (the DW-8250's registers are 4 bytes apart). The
 * timer is a private interrupt (PPI): no distributor pins.
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
		.name = "gic-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),

		.console = {
			.address = 0x01c28000,
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
		/* UART0 (the Linux console), shared with the root cell */ {
			.phys_start = 0x01c28000,
			.virt_start = 0x01c28000,
			.size = 0x400,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32 |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM */ {
			.phys_start = 0x70600000,
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
