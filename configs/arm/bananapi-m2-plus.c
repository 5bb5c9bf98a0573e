// SPDX-License-Identifier: GPL-2.0
/*
 * System config of the Banana Pi BPI-M2+ (Allwinner H3: 4 Cortex-A7 CPUs,
 * GIC-400 at 0x01c81000) as QEMU 10's orangepi-pc machine runs it with
 * the kernel package's sun8i-h3-bananapi-m2-plus.dtb: 1 GiB of DRAM at
 * 0x40000000, the armmp-lpae kernel booted with mem=768M (hypervisor at
 * 0x70000000, the rest up to 0x80000000 for cells:
 * bananapi-m2-plus-*.c). Where the root cell touches it, the H3's memory
 * map is the R40's (bananapi-m2-ultra.c): SRAM A1 at 0, the SoC's devices
 * from 0x01000000 with the GIC's frames at the same addresses, the R_
 * devices at 0x01f00000. The debug console is UART0 (DW-8250, 32-bit
 * registers 4 bytes apart), the Linux console.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[5];
	struct jailhouse_irqchip irqchips[2];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x70000000,
			.size = 0x600000,
		},
		.debug_console = {
			.address = 0x01c28000,
			.size = 0x400,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.arm = {
				.gic_version = 2,
				.gicd_base = 0x01c81000,
				.gicc_base = 0x01c82000,
				.gich_base = 0x01c84000,
				.gicv_base = 0x01c86000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "bananapi-m2-plus",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		/* SRAM */ {
			.phys_start = 0x00000000,
			.virt_start = 0x00000000,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/* SoC devices up to the GIC (CCU, PIO, timers, UARTs, MMC, ...) */ {
			.phys_start = 0x01000000,
			.virt_start = 0x01000000,
			.size = 0x00c80000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* SoC devices after the GIC */ {
			.phys_start = 0x01c91000,
			.virt_start = 0x01c91000,
			.size = 0x0036f000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* RAM used by Linux (mem=768M) */ {
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x30000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM for cells, after the hypervisor's */ {
			.phys_start = 0x70600000,
			.virt_start = 0x70600000,
			.size = 0xfa00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
	},

	.irqchips = {
		/* GIC distributor: all 224 SPIs, 128 per entry */ {
			.address = 0x01c81000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x01c81000,
			.pin_base = 160,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},
};
