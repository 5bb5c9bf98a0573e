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
#include <core/remap.h>
#include <core/string.h>
#include <arm-common/cell.h>
#include <arm-common/hv.h>
#include <arm-common/paging_formats.h>
#include <arm-common/subarch.h>

/* VTTBR holds an 8-bit VMID. */
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
		/* Sub-page regions trap: the core's dispatcher has them. */
		if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem))
			continue;
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION) {
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

static u64 stage2_vttbr(const struct arch_cell *ac)
{
	return paging_root_phys(&ac->stage2) | ((u64)ac->vmid << 48);
}

u64 arm_cell_vttbr(const struct cell *cell)
{
	return stage2_vttbr(cell->arch);
}

/*
 * Drop the cell's translations on every CPU: broadcast TLB maintenance
 * works on the VMID of this CPU's VTTBR, so borrow it for a moment.
 */
static void flush_vmid_tlb(const struct arch_cell *ac)
{
	u64 vttbr = sysreg_read(VTTBR);

	sysreg_write(VTTBR, stage2_vttbr(ac));
	isb();
	flush_guest_tlb_all();
	sysreg_write(VTTBR, vttbr);
	isb();
}

static void flush_cell_tlb(const struct cell *cell)
{
	flush_vmid_tlb(cell->arch);
}

/*
 * Break-before-make for the page-table library: the whole VMID goes,
 * as a range of IPAs could take one TLBI per page.
 */
static void stage2_invalidate(const struct paging_structures *pg,
			      u64 virt, u64 size)
{
	(void)virt;
	(void)size;
	flush_vmid_tlb(container_of(pg, struct arch_cell, stage2));
}

static int stage2_init(struct cell *cell, struct arch_cell *ac)
{
	int err = paging_init(&ac->stage2, &arm_stage2_paging, &mem_pool);

	ac->vmid = cell->id;
	ac->stage2.invalidate = stage2_invalidate;
	return err;
}

int arch_cell_init(struct cell *cell)
{
	struct arch_cell *ac;
	int err;

	ac = page_zalloc(&mem_pool, PAGES(sizeof(*ac)));
	if (!ac)
		return -ENOMEM;
	cell->arch = ac;

	err = stage2_init(cell, ac);
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
	return 0;
}

int arch_cell_create(struct cell *cell)
{
	const char *name = cell->config->name;
	struct arch_cell *ac;
	unsigned int cpu;
	int err;

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

	err = arm_cell_check_state(cell);
	if (err)
		return err;

	ac = page_zalloc(&mem_pool, PAGES(sizeof(*ac)));
	if (!ac)
		return -ENOMEM;
	cell->arch = ac;
	return stage2_init(cell, ac);
}

void arch_cell_destroy(struct cell *cell)
{
	struct arch_cell *ac = cell->arch;

	if (!ac)
		return;
	if (ac->stage2.root) {
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

/* Remap window use per step: 1 MiB. */
#define FLUSH_CHUNK		(256 * PAGE_SIZE)

/*
 * Cells start with stage 1 off, so their CPUs read memory, not caches;
 * the root cell wrote their image through cacheable mappings. Each RAM
 * region is cleaned and invalidated through the remap window.
 */
void arch_flush_cell_memory(struct cell *cell)
{
	const struct jailhouse_cell_desc *cfg = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cfg);
	unsigned int n;
	u64 off, len;
	void *va;
	int err;

	for (n = 0; n < cfg->num_memory_regions; n++, mem++) {
		if (!(mem->flags & JAILHOUSE_MEM_READ) ||
		    (mem->flags & (JAILHOUSE_MEM_IO |
				   JAILHOUSE_MEM_COMM_REGION)))
			continue;
		for (off = 0; off < mem->size; off += len) {
			len = mem->size - off;
			if (len > FLUSH_CHUNK)
				len = FLUSH_CHUNK;
			va = remap_cell_memory(cell, mem->virt_start + off,
					       len, &err);
			if (!va) {
				printk("Cell \"%s\": cannot map region %u for "
				       "cache maintenance (%d)\n", cfg->name,
				       n, err);
				break;
			}
			dcache_flush_poc(va, len);
			remap_release(va, len);
		}
	}
	dcache_flush_poc(cell->comm_region, PAGE_SIZE);
}
