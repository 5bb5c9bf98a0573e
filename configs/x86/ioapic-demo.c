// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for an ioapic-demo inmate on the x86 test machine: a cell
 * that takes an IOAPIC pin, here the ACPI SCI (GSI 9 on q35), and lets the
 * PM timer's overflow raise it. Jailhouse's ioapic-demo runs in it
 * unchanged (tests/scenarios/x86/69-upstream-inmates-*).
 *
 * One CPU (CPU 3, instead of apic-demo, with the same 1 MiB of RAM from
 * the root cell's reservation), the comm region at 0x100000, COM2 as its
 * console, the PM1 event block (status and enable, 0x600-0x603) and the PM
 * timer (0x608). Linux gives up its SCI for as long as the cell exists:
 * ACPI events (power button) do not reach it meanwhile, and it does not
 * take the pin up again after the cell is gone.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[2];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "ioapic-demo",
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
		1 << 3,
	},

	.mem_regions = {
		/* RAM */ {
			.phys_start = 0x3a600000,
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
		/* IOAPIC: pin 9, the ACPI SCI */ {
			.address = 0xfec00000,
			.id = 0xff00,
			.pin_bitmap = {
				1 << 9,
			},
		},
	},

	.pio_regions = {
		PIO_RANGE(0x2f8, 8),	/* COM2 */
		PIO_RANGE(0x600, 4),	/* ACPI PM1 status and enable */
		PIO_RANGE(0x608, 4),	/* ACPI PM timer */
	},
};
