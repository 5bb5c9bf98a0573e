// SPDX-License-Identifier: GPL-2.0
/*
 * The x86 state of cells other than the root: nested page tables that
 * the core fills region by region, the I/O and MSR permission maps, and
 * the x86 part of the comm region.
 *
 * A non-root cell has an x2APIC (apic.c, msr.c); where the CPU has none,
 * the xAPIC page is there as well, reads going to the hardware, writes
 * trapping. I/O ports of its
 * config pass through; the root keeps access to them too, because the
 * ports cells typically list (the PM timer, a spare UART) are ones Linux
 * reads for its clock or probes at most.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <x86/apic.h>
#include <x86/cell.h>
#include <x86/clock.h>
#include <x86/iommu.h>
#include <x86/paging_formats.h>
#include <x86/setup.h>
#include <x86/vcpu.h>

/* A CPU that lost its APIC (apic_cpu_reset) could never start. */
static int check_cpus_usable(const struct cell *cell)
{
	unsigned int n;

	for_each_cpu_of(n, cell) {
		if (!per_cpu(n)->arch.apic_lost)
			continue;
		printk("Cell \"%s\": CPU %u lost its APIC and can run no "
		       "cell\n", cell->config->name, n);
		return -EBUSY;
	}
	return 0;
}

int arch_cell_create(struct cell *cell)
{
	struct arch_cell *ac;
	int err;

	/* Linux cannot give away its boot CPU. */
	if (cell_owns_cpu(cell, 0)) {
		printk("Cell \"%s\": CPU 0 must stay in the root cell\n",
		       cell->config->name);
		return -EINVAL;
	}
	err = check_cpus_usable(cell);
	if (err)
		return err;

	ac = page_zalloc(&mem_pool, PAGES(sizeof(*ac)));
	if (!ac)
		return -ENOMEM;
	cell->arch = ac;

	err = npt_init(ac);
	if (err)
		return err;
	/*
	 * The xAPIC page stays unmapped: every access traps (apic.c), in
	 * x2APIC mode to fail, else to keep reserved registers from the APIC.
	 */
	err = pio_init_bitmap(ac, cell->config);
	if (err)
		return err;
	return msr_init_bitmap_cell(ac);
}

void arch_cell_destroy(struct cell *cell)
{
	struct arch_cell *ac = cell->arch;

	if (!ac)
		return;
	if (ac->npt.root)
		paging_destroy(&ac->npt);
	page_free(&mem_pool, ac->iopm, vcpu_iopm_pages);
	page_free(&mem_pool, ac->msrpm, vcpu_msrpm_pages);
	page_free(&mem_pool, ac, PAGES(sizeof(*ac)));
	cell->arch = NULL;
}

/* The cell's devices follow its CPUs (x86/iommu.h). */
int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	int err = paging_map(&cell->arch->npt, mem->virt_start,
			     mem->phys_start, mem->size,
			     npt_region_flags(mem->flags));

	return err ? err : iommu_map_memory_region(cell, mem);
}

int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem)
{
	int err = paging_unmap(&cell->arch->npt, mem->virt_start, mem->size);

	return err ? err : iommu_unmap_memory_region(cell, mem);
}

void arch_flush_cell_memory(struct cell *cell)
{
	/* Caches are coherent for every access a cell can make here. */
	(void)cell;
}

void arch_comm_region_init(struct cell *cell,
			   struct jailhouse_comm_region *comm)
{
	const struct jailhouse_system *sys = system_config_location();

	comm->pm_timer_address = sys->platform_info.x86.pm_timer_address;
	comm->num_cpus = cell_num_cpus(cell);
	comm->tsc_khz = x86_tsc_khz;
	comm->apic_khz = x86_apic_khz;
}
