// SPDX-License-Identifier: GPL-2.0
/*
 * Nested page tables of a cell, built with the core paging library in the
 * vendor's format (AMD NPT, Intel EPT): every memory region of the config
 * at its guest-physical address. The hypervisor's own memory is never reachable.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/printk.h>
#include <x86/apic.h>
#include <x86/cell.h>
#include <x86/paging_formats.h>
#include <x86/setup.h>
#include <x86/vcpu.h>

unsigned long npt_region_flags(u64 mem_flags)
{
	unsigned long flags = 0;

	if (mem_flags & JAILHOUSE_MEM_READ)
		flags |= PAGE_FLAG_READ;
	if (mem_flags & JAILHOUSE_MEM_WRITE)
		flags |= PAGE_FLAG_WRITE;
	if (mem_flags & JAILHOUSE_MEM_EXECUTE)
		flags |= PAGE_FLAG_EXEC;
	if (mem_flags & JAILHOUSE_MEM_IO)
		flags |= PAGE_FLAG_DEVICE;
	if (mem_flags & JAILHOUSE_MEM_NO_HUGEPAGES)
		flags |= PAGE_FLAG_NO_HUGE;
	return flags;
}

/*
 * Device windows of the root cell: its local APIC read-only (writes trap,
 * apic.c). IOAPICs and PCI MMCONFIG stay unmapped: every access traps
 * (ioapic.c, pci.c).
 */
static int map_root_devices(struct paging_structures *npt)
{
	return paging_map(npt, XAPIC_BASE, XAPIC_BASE, PAGE_SIZE,
			  PAGE_FLAG_READ | PAGE_FLAG_DEVICE);
}

int npt_init(struct arch_cell *ac)
{
	int err = paging_init(&ac->npt, vcpu_npt_format, &mem_pool);

	if (err)
		return err;
	ac->npt.max_page_size = vcpu_npt_max_page_size();
	return 0;
}

int npt_cell_init(struct cell *cell, struct arch_cell *ac)
{
	const struct jailhouse_system *sys = system_config_location();
	const struct jailhouse_cell_desc *config = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(config);
	unsigned int n;
	int err;

	err = npt_init(ac);
	if (err)
		return err;

	for (n = 0; n < config->num_memory_regions; n++, mem++) {
		/* Sub-page regions are for MMIO emulation, not mappings. */
		if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem) ||
		    !(mem->flags & JAILHOUSE_MEM_READ))
			continue;
		err = paging_map(&ac->npt, mem->virt_start, mem->phys_start,
				 mem->size, npt_region_flags(mem->flags));
		if (err)
			goto error;
	}

	if (cell == &root_cell) {
		err = map_root_devices(&ac->npt);
		if (err)
			goto error;
		/* Whatever the config says, the hypervisor stays out... */
		err = paging_unmap(&ac->npt,
				   sys->hypervisor_memory.phys_start,
				   sys->hypervisor_memory.size);
		if (err)
			goto error;
		/* ...except its console ring, which the driver streams. */
		err = paging_map(&ac->npt, x86_hv_phys(&virt_console),
				 x86_hv_phys(&virt_console), PAGE_SIZE,
				 PAGE_FLAG_READ);
		if (err)
			goto error;
	}
	return 0;

error:
	printk("Building nested page tables of cell %u failed (%d)\n",
	       cell->id, err);
	paging_destroy(&ac->npt);
	return err;
}
