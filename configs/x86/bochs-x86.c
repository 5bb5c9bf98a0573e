// SPDX-License-Identifier: GPL-2.0
/*
 * System config of the emulated Intel test machine: Bochs 2.7 (i440FX,
 * PIIX4 ACPI with the PM timer at 0xb008), 3 CPUs with VT-x and EPT,
 * 1 GiB of RAM, booted from a GRUB ISO with memmap=82M$0x3a000000
 * (ci/run-bochs.sh).
 *
 * The RAM layout and reservation are those of qemu-x86.c, so that the
 * demo cell configs fit both machines.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[9];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio_regions[2];
	struct jailhouse_pci_device pci_devices[4];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x3a000000,
			.size = 0x600000,
		},
		.debug_console = {
			.address = 0x3f8,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_PIO |
				 JAILHOUSE_CON_REGDIST_1,
		},
		.platform_info = {
			/* i440FX has no MMCONFIG: mechanism #1 only */
			.x86 = {
				.pm_timer_address = 0xb008,
				.apic_mode = JAILHOUSE_APIC_MODE_XAPIC,
			},
		},
		.root_cell = {
			.name = "Bochs-VM",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pio_regions = ARRAY_SIZE(config.pio_regions),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		},
	},

	.cpus = {
		0x7,
	},

	.mem_regions = {
		/* Low RAM (real-mode IVT, BIOS data, trampolines) */ {
			.phys_start = 0x0,
			.virt_start = 0x0,
			.size = 0xa0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* Legacy VGA window */ {
			.phys_start = 0xa0000,
			.virt_start = 0xa0000,
			.size = 0x20000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* Option ROMs and BIOS: Linux scans them for tables */ {
			.phys_start = 0xc0000,
			.virt_start = 0xc0000,
			.size = 0x40000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* RAM below the reservation */ {
			.phys_start = 0x100000,
			.virt_start = 0x100000,
			.size = 0x39f00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/*
		 * The reservation after the hypervisor: RAM that non-root
		 * cells are built from. Linux does not use it (memmap=).
		 */ {
			.phys_start = 0x3a600000,
			.virt_start = 0x3a600000,
			.size = 0x4c00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM above the reservation, ACPI tables at its end */ {
			.phys_start = 0x3f200000,
			.virt_start = 0x3f200000,
			.size = 0xe00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* Bochs VBE linear framebuffer (00:02.0 BAR0) */ {
			.phys_start = 0xe0000000,
			.virt_start = 0xe0000000,
			.size = 0x1000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* HPET (absent in some Bochs builds: reads as ones) */ {
			.phys_start = 0xfed00000,
			.virt_start = 0xfed00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* BIOS */ {
			.phys_start = 0xfffc0000,
			.virt_start = 0xfffc0000,
			.size = 0x40000,
			.flags = JAILHOUSE_MEM_READ,
		},
	},

	.irqchips = {
		/* IOAPIC: the root owns all 24 pins */ {
			.address = 0xfec00000,
			.id = 0xff00,
			.pin_bitmap = {
				0xffffff,
			},
		},
	},

	.pio_regions = {
		/* Everything but PCI config space (0xcf8-0xcff) */
		PIO_RANGE(0x0, 0xcf8),
		PIO_RANGE(0xd00, 0xf300),
	},

	.pci_devices = {
		/* 00:00.0 host bridge */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = 0x00 << 3,
		},
		/* 00:01.0 PIIX3 ISA bridge */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = (0x01 << 3) | 0,
		},
		/* 00:01.1 IDE */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = (0x01 << 3) | 1,
		},
		/* 00:01.3 PIIX4 ACPI */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = (0x01 << 3) | 3,
		},
	},
};
