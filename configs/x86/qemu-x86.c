// SPDX-License-Identifier: GPL-2.0
/*
 * System config of the x86 test machine: QEMU q35, 4 CPUs, 1 GiB of RAM,
 * AMD SVM with nested paging, booted with memmap=82M$0x3a000000.
 *
 * The 82 MiB reservation holds the hypervisor (first 6 MiB) and, after it,
 * the RAM that non-root cells take from the root cell. Addresses are those
 * QEMU 7.2 gives this machine (/proc/iomem, /proc/ioports, PCI config
 * space of a booted guest).
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/*
 * qemu-x86-ir.c reuses this config for the same machine with a VT-d unit
 * remapping interrupts and Linux in x2APIC mode (make check-x86-ir).
 */
#ifndef ROOT_APIC_MODE
#define ROOT_APIC_MODE JAILHOUSE_APIC_MODE_XAPIC
#endif

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[20];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio_regions[2];
	struct jailhouse_pci_device pci_devices[8];
	struct jailhouse_pci_capability pci_caps[6];
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
			.pci_mmconfig_base = 0xb0000000,
			.pci_mmconfig_end_bus = 0xff,
#ifdef ROOT_IOMMU_UNIT
			.iommu_units = {
				ROOT_IOMMU_UNIT,
			},
#endif
			.x86 = {
				.pm_timer_address = 0x608,
				.apic_mode = ROOT_APIC_MODE,
			},
		},
		.root_cell = {
			.name = "QEMU-VM",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pio_regions = ARRAY_SIZE(config.pio_regions),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_pci_caps = ARRAY_SIZE(config.pci_caps),
		},
	},

	.cpus = {
		0xf,
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
			.size = 0x4a00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/*
		 * Its last MiB: the ivshmem link 00:0e.0 with the cells
		 * ivshmem-demo (peer 1) and ivshmem-demo-2 (peer 2),
		 * configs/x86/ivshmem-demo*.c: state table, read/write
		 * section, then the output sections of peer 0 (the root,
		 * writable) and peers 1 and 2 (read-only here).
		 */ {
			.phys_start = 0x3f100000,
			.virt_start = 0x3f100000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0x3f101000,
			.virt_start = 0x3f101000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x3f102000,
			.virt_start = 0x3f102000,
			.size = 0x54000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x3f156000,
			.virt_start = 0x3f156000,
			.size = 0x54000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0x3f1aa000,
			.virt_start = 0x3f1aa000,
			.size = 0x54000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* RAM above the reservation, ACPI tables at its end */ {
			.phys_start = 0x3f200000,
			.virt_start = 0x3f200000,
			.size = 0xe00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* VGA framebuffer (00:01.0 BAR0) */ {
			.phys_start = 0xfd000000,
			.virt_start = 0xfd000000,
			.size = 0x1000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* BARs of e1000e (00:02.0), VGA (00:01.0), AHCI (00:1f.2) */ {
			.phys_start = 0xfeb40000,
			.virt_start = 0xfeb40000,
			.size = 0x96000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* HPET */ {
			.phys_start = 0xfed00000,
			.virt_start = 0xfed00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* ICH9 root complex register block */ {
			.phys_start = 0xfed1c000,
			.virt_start = 0xfed1c000,
			.size = 0x4000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* BIOS flash */ {
			.phys_start = 0xfffc0000,
			.virt_start = 0xfffc0000,
			.size = 0x40000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/*
		 * The reservation's second-to-last MiB: the ivshmem-net link
		 * 00:0f.0 with the cell ivshmem-net-echo (peer 1),
		 * configs/x86/ivshmem-net-echo.c: state table, read/write
		 * section, output sections of peer 0 (the root, writable)
		 * and peer 1 (read-only here). Regions 16-19.
		 */ {
			.phys_start = 0x3f000000,
			.virt_start = 0x3f000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0x3f001000,
			.virt_start = 0x3f001000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x3f002000,
			.virt_start = 0x3f002000,
			.size = 0x7f000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x3f081000,
			.virt_start = 0x3f081000,
			.size = 0x7f000,
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
		/* 00:01.0 VGA */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = 0x01 << 3,
		},
		/* 00:02.0 e1000e */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = 0x02 << 3,
			.caps_start = 0,
			.num_caps = 4,
			.num_msi_vectors = 1,
			.msi_64bits = 1,
			.num_msix_vectors = 5,
			.msix_region_size = 0x1000,
			.msix_address = 0xfebd0000,
		},
		/* 00:1f.0 ISA bridge (LPC) */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = (0x1f << 3) | 0,
		},
		/* 00:1f.2 AHCI */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = (0x1f << 3) | 2,
			.caps_start = 4,
			.num_caps = 2,
			.num_msi_vectors = 1,
			.msi_64bits = 1,
		},
		/* 00:1f.3 SMBus */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = (0x1f << 3) | 3,
		},
		/* 00:0e.0 ivshmem, peer 0 of 3 (ivshmem-demo, -demo-2) */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.bdf = 0x0e << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,
			.num_msix_vectors = 1,
			.shmem_regions_start = 5,
			.shmem_dev_id = 0,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* 00:0f.0 ivshmem-net, peer 0 of 2 (ivshmem-net-echo) */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.bdf = 0x0f << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,
			.num_msix_vectors = 1,
			.shmem_regions_start = 16,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},

	.pci_caps = {
		/* e1000e */
		{ .id = PCI_CAP_ID_PM, .start = 0xc8, .len = 8,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
		{ .id = PCI_CAP_ID_MSI, .start = 0xd0, .len = 14,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
		{ .id = PCI_CAP_ID_EXP, .start = 0xe0, .len = 0x14, },
		{ .id = PCI_CAP_ID_MSIX, .start = 0xa0, .len = 12,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
		/* AHCI */
		{ .id = PCI_CAP_ID_MSI, .start = 0x80, .len = 14,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
		{ .id = PCI_CAP_ID_SATA, .start = 0xa8, .len = 2, },
	},
};
