// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the chaos inmate on the x86 test machine
 * (tests/scenarios/x86/67-*): tiny-demo's CPU, RAM, comm region and
 * ports, plus pin 5 of the IOAPIC, which nothing of QEMU's pc machine
 * drives. With one pin of its own the cell reaches the IOAPIC's register
 * window at all, so that its random writes meet the hypervisor's
 * filter: entries of the root's pins and routes out of the cell.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[2];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio_regions[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "chaos-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pio_regions = ARRAY_SIZE(config.pio_regions),

		.console = {
			.address = 0x2f8,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_PIO |
				 JAILHOUSE_CON_REGDIST_1,
		},
	},

	.cpus = {
		1 << 2,
	},

	.mem_regions = {
		/* RAM: tiny-demo's, the two never run at once */ {
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

	.irqchips = {
		/* IOAPIC, as in the root config: pin 5 */ {
			.address = 0xfec00000,
			.id = 0xff00,
			.pin_bitmap = {
				1 << 5,
			},
		},
	},

	.pio_regions = {
		PIO_RANGE(0x2f8, 8),	/* COM2 */
		PIO_RANGE(0x608, 4),	/* ACPI PM timer */
	},
};
