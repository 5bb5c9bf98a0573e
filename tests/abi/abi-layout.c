// SPDX-License-Identifier: GPL-2.0
/*
 * Every size and offset of Documentation/jailhouse-abi.md, checked when
 * this file is compiled (for x86_64, aarch64 and armv7), plus the few
 * facts a compiler cannot assert (bit-field placement), checked when it
 * runs.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/ioctl.h>

_Bool jailhouse_use_vmcall;

#define SIZE(type, n)							\
	_Static_assert(sizeof(type) == (n), "size of " #type)
#define OFF(type, field, n)						\
	_Static_assert(offsetof(type, field) == (n),			\
		       "offset of " #type "." #field)

#if defined(__x86_64__) || defined(__aarch64__)
#define LONG64 1
#elif defined(__arm__)
#define LONG64 0
#else
#error "unknown target"
#endif
/* 64-bit value, ARMv7 value (the image header's two columns) */
#define W(v64, v32)	(LONG64 ? (v64) : (v32))

/* section 2: config binary */
SIZE(struct jailhouse_console, 32);
OFF(struct jailhouse_console, address, 0);
OFF(struct jailhouse_console, size, 8);
OFF(struct jailhouse_console, type, 12);
OFF(struct jailhouse_console, flags, 14);
OFF(struct jailhouse_console, divider, 16);
OFF(struct jailhouse_console, gate_nr, 20);
OFF(struct jailhouse_console, clock_reg, 24);

SIZE(struct jailhouse_cell_desc, 132);
OFF(struct jailhouse_cell_desc, signature, 0);
OFF(struct jailhouse_cell_desc, architecture, 5);
OFF(struct jailhouse_cell_desc, revision, 6);
OFF(struct jailhouse_cell_desc, name, 8);
OFF(struct jailhouse_cell_desc, id, 40);
OFF(struct jailhouse_cell_desc, flags, 44);
OFF(struct jailhouse_cell_desc, cpu_set_size, 48);
OFF(struct jailhouse_cell_desc, num_memory_regions, 52);
OFF(struct jailhouse_cell_desc, num_cache_regions, 56);
OFF(struct jailhouse_cell_desc, num_irqchips, 60);
OFF(struct jailhouse_cell_desc, num_pio_regions, 64);
OFF(struct jailhouse_cell_desc, num_pci_devices, 68);
OFF(struct jailhouse_cell_desc, num_pci_caps, 72);
OFF(struct jailhouse_cell_desc, num_stream_ids, 76);
OFF(struct jailhouse_cell_desc, vpci_irq_base, 80);
OFF(struct jailhouse_cell_desc, cpu_reset_address, 84);
OFF(struct jailhouse_cell_desc, msg_reply_timeout, 92);
OFF(struct jailhouse_cell_desc, console, 100);

SIZE(struct jailhouse_memory, 32);
OFF(struct jailhouse_memory, phys_start, 0);
OFF(struct jailhouse_memory, virt_start, 8);
OFF(struct jailhouse_memory, size, 16);
OFF(struct jailhouse_memory, flags, 24);

SIZE(struct jailhouse_cache, 12);
OFF(struct jailhouse_cache, start, 0);
OFF(struct jailhouse_cache, size, 4);
OFF(struct jailhouse_cache, type, 8);
OFF(struct jailhouse_cache, flags, 10);

SIZE(struct jailhouse_irqchip, 32);
OFF(struct jailhouse_irqchip, address, 0);
OFF(struct jailhouse_irqchip, id, 8);
OFF(struct jailhouse_irqchip, pin_base, 12);
OFF(struct jailhouse_irqchip, pin_bitmap, 16);

SIZE(struct jailhouse_pio, 4);
OFF(struct jailhouse_pio, base, 0);
OFF(struct jailhouse_pio, length, 2);

SIZE(struct jailhouse_pci_device, 56);
OFF(struct jailhouse_pci_device, type, 0);
OFF(struct jailhouse_pci_device, iommu, 1);
OFF(struct jailhouse_pci_device, domain, 2);
OFF(struct jailhouse_pci_device, bdf, 4);
OFF(struct jailhouse_pci_device, bar_mask, 6);
OFF(struct jailhouse_pci_device, caps_start, 30);
OFF(struct jailhouse_pci_device, num_caps, 32);
OFF(struct jailhouse_pci_device, num_msi_vectors, 34);
OFF(struct jailhouse_pci_device, num_msix_vectors, 36);
OFF(struct jailhouse_pci_device, msix_region_size, 38);
OFF(struct jailhouse_pci_device, msix_address, 40);
OFF(struct jailhouse_pci_device, shmem_regions_start, 48);
OFF(struct jailhouse_pci_device, shmem_dev_id, 52);
OFF(struct jailhouse_pci_device, shmem_peers, 53);
OFF(struct jailhouse_pci_device, shmem_protocol, 54);

SIZE(struct jailhouse_pci_capability, 8);
OFF(struct jailhouse_pci_capability, id, 0);
OFF(struct jailhouse_pci_capability, start, 2);
OFF(struct jailhouse_pci_capability, len, 4);
OFF(struct jailhouse_pci_capability, flags, 6);

SIZE(struct jailhouse_iommu, 28);
OFF(struct jailhouse_iommu, type, 0);
OFF(struct jailhouse_iommu, base, 4);
OFF(struct jailhouse_iommu, size, 12);
OFF(struct jailhouse_iommu, amd.bdf, 16);
OFF(struct jailhouse_iommu, amd.base_cap, 18);
OFF(struct jailhouse_iommu, amd.msi_cap, 19);
OFF(struct jailhouse_iommu, amd.features, 20);
OFF(struct jailhouse_iommu, tipvu.tlb_base, 16);
OFF(struct jailhouse_iommu, tipvu.tlb_size, 24);

SIZE(union jailhouse_stream_id, 4);
OFF(union jailhouse_stream_id, mmu500.id, 0);
OFF(union jailhouse_stream_id, mmu500.mask_out, 2);

SIZE(struct jailhouse_system, 488);
OFF(struct jailhouse_system, signature, 0);
OFF(struct jailhouse_system, architecture, 5);
OFF(struct jailhouse_system, revision, 6);
OFF(struct jailhouse_system, flags, 8);
OFF(struct jailhouse_system, hypervisor_memory, 12);
OFF(struct jailhouse_system, debug_console, 44);
OFF(struct jailhouse_system, platform_info, 76);
OFF(struct jailhouse_system, platform_info.pci_mmconfig_base, 76);
OFF(struct jailhouse_system, platform_info.pci_mmconfig_end_bus, 84);
OFF(struct jailhouse_system, platform_info.pci_is_virtual, 85);
OFF(struct jailhouse_system, platform_info.pci_domain, 86);
OFF(struct jailhouse_system, platform_info.iommu_units, 88);
OFF(struct jailhouse_system, platform_info.x86.pm_timer_address, 312);
OFF(struct jailhouse_system, platform_info.x86.apic_mode, 314);
OFF(struct jailhouse_system, platform_info.x86.vtd_interrupt_limit, 316);
OFF(struct jailhouse_system, platform_info.x86.tsc_khz, 320);
OFF(struct jailhouse_system, platform_info.x86.apic_khz, 324);
OFF(struct jailhouse_system, platform_info.arm.maintenance_irq, 312);
OFF(struct jailhouse_system, platform_info.arm.gic_version, 313);
OFF(struct jailhouse_system, platform_info.arm.gicd_base, 316);
OFF(struct jailhouse_system, platform_info.arm.gicc_base, 324);
OFF(struct jailhouse_system, platform_info.arm.gich_base, 332);
OFF(struct jailhouse_system, platform_info.arm.gicv_base, 340);
OFF(struct jailhouse_system, platform_info.arm.gicr_base, 348);
OFF(struct jailhouse_system, root_cell, 356);

/* section 3: ioctls */
SIZE(struct jailhouse_cell_id, 40);
OFF(struct jailhouse_cell_id, id, 0);
OFF(struct jailhouse_cell_id, name, 8);
SIZE(struct jailhouse_cell_create, 16);
SIZE(struct jailhouse_preload_image, 32);
SIZE(struct jailhouse_cell_load, 48);
OFF(struct jailhouse_cell_load, num_preload_images, 40);
OFF(struct jailhouse_cell_load, image, 48);
_Static_assert(JAILHOUSE_ENABLE == W(0x40080000u, 0x40040000u), "ENABLE");
_Static_assert(JAILHOUSE_DISABLE == 0x1, "DISABLE");
_Static_assert(JAILHOUSE_CELL_CREATE == 0x40100002u, "CELL_CREATE");
_Static_assert(JAILHOUSE_CELL_LOAD == 0x40300003u, "CELL_LOAD");
_Static_assert(JAILHOUSE_CELL_START == 0x40280004u, "CELL_START");
_Static_assert(JAILHOUSE_CELL_DESTROY == 0x40280005u, "CELL_DESTROY");

/* section 4: image header */
OFF(struct jailhouse_header, signature, 0);
OFF(struct jailhouse_header, core_size, 0x08);
OFF(struct jailhouse_header, percpu_size, W(0x10, 0x0c));
OFF(struct jailhouse_header, entry, W(0x18, 0x10));
OFF(struct jailhouse_header, console_page, W(0x20, 0x14));
OFF(struct jailhouse_header, gcov_info_head, W(0x28, 0x18));
OFF(struct jailhouse_header, max_cpus, W(0x30, 0x1c));
OFF(struct jailhouse_header, online_cpus, W(0x34, 0x20));
OFF(struct jailhouse_header, debug_console_base, W(0x38, 0x24));
OFF(struct jailhouse_header, arm_linux_hyp_vectors, W(0x40, 0x28));
OFF(struct jailhouse_header, arm_linux_hyp_abi, W(0x48, 0x30));
SIZE(struct jailhouse_header, W(0x50, 0x38));
SIZE(struct jailhouse_virt_console, 2056);
OFF(struct jailhouse_virt_console, tail, 4);
OFF(struct jailhouse_virt_console, content, 8);

/* section 6: comm region */
OFF(struct jailhouse_comm_region, signature, 0);
OFF(struct jailhouse_comm_region, revision, 6);
OFF(struct jailhouse_comm_region, cell_state, 8);
OFF(struct jailhouse_comm_region, msg_to_cell, 12);
OFF(struct jailhouse_comm_region, reply_from_cell, 16);
OFF(struct jailhouse_comm_region, flags, 20);
OFF(struct jailhouse_comm_region, console, 24);
OFF(struct jailhouse_comm_region, pci_mmconfig_base, 56);
#ifdef __x86_64__
SIZE(struct jailhouse_comm_region, 76);
OFF(struct jailhouse_comm_region, pm_timer_address, 64);
OFF(struct jailhouse_comm_region, num_cpus, 66);
OFF(struct jailhouse_comm_region, tsc_khz, 68);
OFF(struct jailhouse_comm_region, apic_khz, 72);
_Static_assert(JAILHOUSE_NUM_CPU_STATS == 12, "x86 statistics");
_Static_assert(JAILHOUSE_CPU_STAT_VMEXITS_MSR_X2APIC_ICR == 11, "x2apic");
#else
SIZE(struct jailhouse_comm_region, 100);
OFF(struct jailhouse_comm_region, gic_version, 64);
OFF(struct jailhouse_comm_region, gicd_base, 72);
OFF(struct jailhouse_comm_region, gicc_base, 80);
OFF(struct jailhouse_comm_region, gicr_base, 88);
OFF(struct jailhouse_comm_region, vpci_irq_base, 96);
_Static_assert(JAILHOUSE_CPU_STAT_VMEXITS_SMCCC == 8, "arm statistics");
#endif

/* sections 1, 5, 10: constants */
_Static_assert(JAILHOUSE_CONFIG_REVISION == 14, "revision");
_Static_assert(JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE == 0x80000000u, "flag");
_Static_assert(JAILHOUSE_MEM_IO_64 == 0x80000, "IO_64");
_Static_assert(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC == 8, "hypercall");
_Static_assert(JAILHOUSE_CPU_INFO_STAT_BASE == 1000, "stat base");
_Static_assert(JAILHOUSE_CELL_FAILED_COMM_REV == 4, "cell state");
_Static_assert(PCI_EXT_CAP_ID_ERR == 0x8001, "extended cap");
_Static_assert(COMM_REGION_ABI_REVISION == 2, "comm revision");

static int failed, passed;

static void expect(int ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("FAIL: %s\n", what);
	}
}

int main(void)
{
	struct jailhouse_pci_device dev;
	struct jailhouse_memory net[] = {
		JAILHOUSE_SHMEM_NET_REGIONS(0x100000, 1)
	};
	unsigned int masks[6] = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX;
	unsigned char *raw = (unsigned char *)&dev;

	/* The two MSI flag bits share byte 35: bit 0 and bit 1. */
	memset(&dev, 0, sizeof(dev));
	dev.msi_64bits = 1;
	expect(raw[35] == 0x01, "msi_64bits is bit 0 of byte 35");
	memset(&dev, 0, sizeof(dev));
	dev.msi_maskable = 1;
	expect(raw[35] == 0x02, "msi_maskable is bit 1 of byte 35");

	expect(ARRAY_SIZE(net) == 4, "shmem-net is 4 regions");
	expect(net[1].size == 0 && net[2].phys_start == 0x101000,
	       "shmem-net: empty r/w section, output 0 after the table");
	expect(!(net[2].flags & JAILHOUSE_MEM_WRITE) &&
	       (net[3].flags & JAILHOUSE_MEM_WRITE),
	       "shmem-net: only peer 1's own section is writable for it");
	expect(masks[0] == 0xfffff000 && masks[1] == 0xfffff000 &&
	       masks[2] == 0, "ivshmem MSI-X BAR mask");
	expect(sizeof(unsigned long) == (LONG64 ? 8 : 4),
	       "CPU bitmap word size");

	printf("%s: %d passed, %d failed\n", ABI_TARGET, passed, failed);
	return failed ? 1 : 0;
}
