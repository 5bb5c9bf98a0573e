// SPDX-License-Identifier: GPL-2.0
/*
 * System config of the ARMv7 test machine (make check-arm): QEMU virt
 * with virtualization=on and gic-version=2, 4 Cortex-A15 CPUs, 1 GiB of
 * RAM at 0x40000000, the armmp-lpae kernel booted with mem=768M so that
 * it leaves 0x70000000-0x7fffffff alone. The same machine map as the
 * arm64 one (configs/arm64/qemu-arm64-gicv2.c): GICv2 with its GICv2m
 * MSI frame, PL011 at 0x09000000 as the debug console. The second PL011
 * at 0x09040000 (there when QEMU gets a second -serial, as ci/run-qemu.sh
 * gives it) is the FreeRTOS cell's own UART.
 *
 * As on arm64, the hypervisor's virtual PCI host (ECAM at 0x09100000,
 * domain 1) carries the ivshmem link 00:00.0 of three peers (the root
 * cell and the cells ivshmem-demo and ivshmem-demo-2 of configs/arm, its
 * shared memory in the last MiB of RAM) and the ivshmem-net link 00:01.0.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[19];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pci_device pci_devices[2];
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
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			/*
			 * The virtual PCI host (ECAM, bus 0 only) of the
			 * hypervisor's ivshmem devices, in a gap of QEMU's
			 * device space; domain 0 is QEMU's physical host.
			 */
			.pci_mmconfig_base = 0x09100000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				.gic_version = 2,
				.gicd_base = 0x08000000,
				.gicc_base = 0x08010000,
				.gich_base = 0x08030000,
				.gicv_base = 0x08040000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "qemu-arm",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			/* INTA-INTD of the virtual host: SPIs 140-143. */
			.vpci_irq_base = 140 - 32,
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		/* GICv2m MSI frame: the root cell owns all MSIs. */ {
			.phys_start = 0x08020000,
			.virt_start = 0x08020000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* UART (PL011) */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* second UART (PL011), for the FreeRTOS cell */ {
			.phys_start = 0x09040000,
			.virt_start = 0x09040000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* RTC (PL031) */ {
			.phys_start = 0x09010000,
			.virt_start = 0x09010000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* fw_cfg */ {
			.phys_start = 0x09020000,
			.virt_start = 0x09020000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* GPIO (PL061) */ {
			.phys_start = 0x09030000,
			.virt_start = 0x09030000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* virtio-mmio transports */ {
			.phys_start = 0x0a000000,
			.virt_start = 0x0a000000,
			.size = 0x4000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* PCIe 32-bit MMIO window */ {
			.phys_start = 0x10000000,
			.virt_start = 0x10000000,
			.size = 0x2eff0000,
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
		/* RAM after the hypervisor, for non-root cells */ {
			.phys_start = 0x70600000,
			.virt_start = 0x70600000,
			.size = 0xf900000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/*
		 * The last MiB of RAM: ivshmem link 00:00.0 (INTx, 3 peers):
		 * state table, read/write section, output of peer 0 (the
		 * root cell), of peer 1 (cell ivshmem-demo) and of peer 2
		 * (ivshmem-demo-2).
		 */ {
			.phys_start = 0x7ff00000,
			.virt_start = 0x7ff00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0x7ff01000,
			.virt_start = 0x7ff01000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x7ff02000,
			.virt_start = 0x7ff02000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x7ff03000,
			.virt_start = 0x7ff03000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0x7ff04000,
			.virt_start = 0x7ff04000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/*
		 * ivshmem-net link 00:01.0 (VETH, INTx, 2 peers; peer 1
		 * is the cell ivshmem-net-echo): state table, read/write
		 * section, output of peer 0 (the root cell, 31 frame
		 * slots) and of peer 1.
		 */ {
			.phys_start = 0x7ff80000,
			.virt_start = 0x7ff80000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0x7ff81000,
			.virt_start = 0x7ff81000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x7ff82000,
			.virt_start = 0x7ff82000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x7ff92000,
			.virt_start = 0x7ff92000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ,
		},
	},

	.irqchips = {
		/* GIC distributor: all 224 SPIs, 128 per entry */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x08000000,
			.pin_base = 160,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.pci_devices = {
		/* 00:00.0 ivshmem, peer 0 of 3, INTx (pin A: SPI 140) */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0x00 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 10,
			.shmem_dev_id = 0,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* 00:01.0 ivshmem-net, peer 0 of 2, INTx (pin B: SPI 141) */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0x01 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 15,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
