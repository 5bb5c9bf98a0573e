// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-2 translation of a cell from its config: memory regions map to
 * their guest-physical address, I/O regions as device memory, and the
 * GIC's registers trap. The root cell additionally sees the virtual
 * console page of the hypervisor, read-only, for the driver to stream.
 * Each cell's translations are tagged with its id as VMID.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/paging.h>
#include <core/printk.h>
#include <core/string.h>
#include <arm-common/cell.h>
#include <arm-common/gic.h>
#include <arm-common/hv.h>
#include <arm-common/paging_formats.h>
#include <asm/sysregs.h>

/* VTTBR_EL2 holds an 8-bit VMID. */
#define MAX_VMID		255

static unsigned long region_flags(const struct jailhouse_memory *mem)
{
	unsigned long flags = 0;

	if (mem->flags & JAILHOUSE_MEM_READ)
		flags |= PAGE_FLAG_READ;
	if (mem->flags & JAILHOUSE_MEM_WRITE)
		flags |= PAGE_FLAG_WRITE;
	if (mem->flags & JAILHOUSE_MEM_EXECUTE)
		flags |= PAGE_FLAG_EXEC;
	if (mem->flags & JAILHOUSE_MEM_IO)
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

static int map_regions(struct cell *cell)
{
	const struct jailhouse_cell_desc *cfg = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cfg);
	unsigned int n;
	int err;

	for (n = 0; n < cfg->num_memory_regions; n++, mem++) {
		/* Sub-page regions and comm regions come with cell support. */
		if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem) ||
		    (mem->flags & JAILHOUSE_MEM_COMM_REGION)) {
			printk("Cell \"%s\": memory region %u is not supported yet\n",
			       cfg->name, n);
			return -EINVAL;
		}
		/* Write-only makes no sense and stage 2 cannot express it. */
		if (!(mem->flags & JAILHOUSE_MEM_READ))
			continue;
		err = paging_map(&cell->arch->stage2, mem->virt_start,
				 mem->phys_start, mem->size,
				 region_flags(mem));
		if (err)
			return err;
	}
	return 0;
}

int arch_cell_init(struct cell *cell)
{
	struct arch_cell *ac;
	int err;

	ac = page_zalloc(&mem_pool, PAGES(sizeof(*ac)));
	if (!ac)
		return -ENOMEM;
	cell->arch = ac;

	err = paging_init(&ac->stage2, &arm_stage2_paging, &mem_pool);
	if (err)
		return err;
	err = map_regions(cell);
	if (err)
		return err;

	if (cell == &root_cell) {
		u64 console = hv_virt2phys(&virt_console);

		err = paging_map(&ac->stage2, console, console, PAGE_SIZE,
				 PAGE_FLAG_READ);
		if (err)
			return err;
	}
	return gic_cell_init(cell);
}

u64 arm_cell_vttbr(const struct cell *cell)
{
	return paging_root_phys(&cell->arch->stage2) | ((u64)cell->id << 48);
}

/*
 * Drop the cell's translations on every CPU: broadcast TLB maintenance
 * works on the VMID of this CPU's VTTBR_EL2, so borrow it for a moment.
 */
static void flush_cell_tlb(const struct cell *cell)
{
	u64 vttbr = read_sysreg(vttbr_el2);

	write_sysreg(vttbr_el2, arm_cell_vttbr(cell));
	isb();
	flush_guest_tlb_all();
	write_sysreg(vttbr_el2, vttbr);
	isb();
}

int arch_cell_create(struct cell *cell)
{
	const char *name = cell->config->name;
	struct arch_cell *ac;
	unsigned int cpu;

	if (cell->id > MAX_VMID) {
		printk("Cell \"%s\": id %u is beyond the VMIDs (CPU %u)\n",
		       name, cell->id, this_cpu()->cpu_id);
		return -EINVAL;
	}
	for_each_cpu_of(cpu, cell) {
		if (cpu >= hypervisor_header.max_cpus ||
		    !per_cpu(cpu)->arch.known) {
			printk("Cell \"%s\": CPU %u never came into the "
			       "hypervisor\n", name, cpu);
			return -EINVAL;
		}
	}

	ac = page_zalloc(&mem_pool, PAGES(sizeof(*ac)));
	if (!ac)
		return -ENOMEM;
	cell->arch = ac;
	return paging_init(&ac->stage2, &arm_stage2_paging, &mem_pool) ?:
		gic_cell_init(cell);
}

void arch_cell_destroy(struct cell *cell)
{
	struct arch_cell *ac = cell->arch;

	if (!ac)
		return;
	if (ac->stage2.root) {
		gic_cell_exit(cell);
		/* The next cell with this id must not see these. */
		flush_cell_tlb(cell);
		paging_destroy(&ac->stage2);
	}
	page_free(&mem_pool, ac, PAGES(sizeof(*ac)));
	cell->arch = NULL;
}

int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	int err;

	if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem)) {
		printk("Cell \"%s\": sub-page region at 0x%llx is not "
		       "supported (CPU %u)\n", cell->config->name,
		       mem->phys_start, this_cpu()->cpu_id);
		return -EINVAL;
	}
	err = paging_map(&cell->arch->stage2, mem->virt_start,
			 mem->phys_start, mem->size, region_flags(mem));
	if (cell == &root_cell)
		flush_cell_tlb(cell);
	return err;
}

int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem)
{
	int err = paging_unmap(&cell->arch->stage2, mem->virt_start,
			       mem->size);

	/* Root CPUs running on may still hold the old translations. */
	flush_cell_tlb(cell);
	return err;
}

void arch_comm_region_init(struct cell *cell,
			   struct jailhouse_comm_region *comm)
{
	const struct jailhouse_system *sys = system_config_location();

	comm->gic_version = sys->platform_info.arm.gic_version;
	comm->gicd_base = sys->platform_info.arm.gicd_base;
	comm->gicc_base = sys->platform_info.arm.gicc_base;
	comm->gicr_base = sys->platform_info.arm.gicr_base;
	comm->vpci_irq_base = cell->config->vpci_irq_base;
}
