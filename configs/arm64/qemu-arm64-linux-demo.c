// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for a non-root Linux on the arm64 test machine, booted
 * with `jailhouse cell linux` and the device tree dts/qemu-arm64-linux-
 * demo.dts (Documentation/linux-cell.md).
 *
 * CPUs 2 and 3, started with PSCI (SMC). 127 MiB of RAM, the top of the
 * root config's region for cells, mapped 1:1 so that the addresses in
 * the device tree are the physical ones; below it 128 KiB at guest-
 * physical 0 for the linux-loader inmate, which Linux does not get. QEMU
 * virt has a single PL011: the cell shares it with the root cell and
 * writes to it polling (earlycon on the kernel command line), without
 * its interrupt, which stays the root cell's. The timer and the SGIs are
 * private interrupts, so the cell needs no distributor pins. The
 * comm region is passive: Linux knows nothing of it, and the cell is
 * stopped without being asked. One page below the loader's is shared
 * with the root cell, for a test's marker.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[5];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "linux-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

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
		/*
		 * A page shared with the root cell, outside the cell's
		 * /memory: the test's initramfs leaves a marker there
		 * (tests/scenarios/arm64/73-cell-linux.sh).
		 */ {
			.phys_start = 0x77fdf000,
			.virt_start = 0x77fdf000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM for the linux-loader inmate */ {
			.phys_start = 0x77fe0000,
			.virt_start = 0,
			.size = 0x00020000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* RAM for Linux: kernel, device tree, initrd, the rest */ {
			.phys_start = 0x78000000,
			.virt_start = 0x78000000,
			.size = 0x07f00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */ {
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},
};
