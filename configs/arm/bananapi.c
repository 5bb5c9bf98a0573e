// SPDX-License-Identifier: GPL-2.0
/*
 * System config of the Banana Pi M1 (Allwinner A20: 2 Cortex-A7 CPUs,
 * GIC-400, 1 GiB of DRAM at 0x40000000), from the SoC's documented
 * memory map. The last 64 MiB of DRAM, 0x7c000000-0x7fffffff, hold the
 * hypervisor: boot Linux with mem=960M. Checked by `jailhouse config
 * check` only; QEMU has no A20 machine. The hypervisor's debug console
 * is UART0 (8250 with 32-bit register spacing).
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x7c000000,
			.size = 0x4000000,
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
			.name = "Banana-Pi",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},

	.cpus = {
		0x3,
	},

	.mem_regions = {
		/* SRAM A1-A4 (boot ROM's work memory) */ {
			.phys_start = 0x00000000,
			.virt_start = 0x00000000,
			.size = 0x0000c000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/*
		 * SoC devices below the GIC: SRAM and DRAM controllers, DMA,
		 * MMC, USB, EMAC, CCU, PIO, timers at 0x01c20c00, UARTs at
		 * 0x01c28000, I2C, SPI and the rest up to 0x01c7ffff.
		 */ {
			.phys_start = 0x01c00000,
			.virt_start = 0x01c00000,
			.size = 0x00080000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* Display engine, CSI and the rest above the GIC */ {
			.phys_start = 0x01e00000,
			.virt_start = 0x01e00000,
			.size = 0x00200000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* RAM used by Linux (mem=960M) */ {
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x3c000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
	},

	.irqchips = {
		/* GIC distributor: the A20's 128 shared interrupts */ {
			.address = 0x01c81000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},
};
