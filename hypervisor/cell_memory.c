// SPDX-License-Identifier: GPL-2.0
/*
 * What the root cell sees of the memory that cells own. The root cell's
 * second-stage mapping of a range is always recomputed from scratch: map
 * the root's regions, then punch out what non-root cells own now. That
 * keeps the page tables canonical (huge pages come back once a hole is
 * gone), so the page pool returns to the same usage whatever order cells
 * come and go in.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/cell_memory.h>
#include <core/hypervisor.h>
#include <core/pci_dev.h>
#include <core/printk.h>
#include <core/config_check.h>
#include <core/sort.h>

/*
 * Recomputed ranges are widened to this, so that huge pages that a hole
 * split can be joined again. 1 GiB covers every block size in use.
 */
#define RESTORE_GRANULE		(1ULL << 30)

/* Intersect region mem with [start, end) into out; false if empty. */
static bool clip(const struct jailhouse_memory *mem, u64 start, u64 end,
		 struct jailhouse_memory *out)
{
	u64 lo = MAX(mem->phys_start, start);
	u64 hi = MIN(mem->phys_start + mem->size, end);

	if (lo >= hi)
		return false;
	*out = *mem;
	out->phys_start = lo;
	out->virt_start = mem->virt_start + (lo - mem->phys_start);
	out->size = hi - lo;
	return true;
}

/*
 * Whether the root currently loses this region of a non-root cell. A
 * sub-page region is never taken: the root's mappings are whole pages,
 * the cell's registers share one with others (core/mmio.h).
 */
static bool withheld_from_root(const struct cell *cell,
			       const struct jailhouse_memory *mem)
{
	if ((mem->flags & (JAILHOUSE_MEM_COMM_REGION |
			   JAILHOUSE_MEM_ROOTSHARED)) ||
	    JAILHOUSE_MEMORY_IS_SUBPAGE(mem))
		return false;
	return !(cell->loadable && (mem->flags & JAILHOUSE_MEM_LOADABLE));
}

/*
 * Whether the root's second-stage tables hold region r of its config:
 * sub-page regions are trapped instead, regions it cannot read are not
 * mapped at all.
 */
static bool root_maps(const struct jailhouse_memory *r)
{
	return (r->flags & JAILHOUSE_MEM_READ) &&
		!JAILHOUSE_MEMORY_IS_SUBPAGE(r);
}

/*
 * Whether any of mem lies in memory the root maps. A cell may hold memory
 * the root never had (as in Jailhouse): the root's view of that part
 * never changes, it is neither taken nor given back.
 */
static bool touches_root(const struct jailhouse_memory *mem)
{
	const struct jailhouse_cell_desc *root = root_cell.config;
	const struct jailhouse_memory *r = jailhouse_cell_mem_regions(root);
	unsigned int n;

	for (n = 0; n < root->num_memory_regions; n++, r++)
		if (root_maps(r) && mem->phys_start < r->phys_start + r->size &&
		    r->phys_start < mem->phys_start + mem->size)
			return true;
	return false;
}

/* Whether a cell withholds any of physical [phys, phys + size). */
static bool withheld(u64 phys, u64 size)
{
	const struct jailhouse_memory *mem;
	const struct cell *cell;
	unsigned int n;

	for (cell = root_cell.next; cell; cell = cell->next) {
		mem = jailhouse_cell_mem_regions(cell->config);
		for (n = 0; n < cell->config->num_memory_regions; n++, mem++)
			if (withheld_from_root(cell, mem) &&
			    phys < mem->phys_start + mem->size &&
			    mem->phys_start < phys + size)
				return true;
	}
	return false;
}

bool root_owns_now(u64 gpa, u64 size)
{
	const struct jailhouse_cell_desc *root = root_cell.config;
	const struct jailhouse_memory *r = jailhouse_cell_mem_regions(root);
	unsigned int n;

	for (n = 0; n < root->num_memory_regions; n++, r++) {
		if (!(r->flags & JAILHOUSE_MEM_READ) ||
		    (r->flags & (JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION)))
			continue;
		if (size && gpa >= r->virt_start && size <= r->size &&
		    gpa - r->virt_start <= r->size - size)
			return !withheld(r->phys_start +
					 (gpa - r->virt_start), size);
	}
	return false;
}

int root_memory_withhold(const struct jailhouse_memory *mem, u64 start,
			 u64 end)
{
	const struct jailhouse_cell_desc *root = root_cell.config;
	const struct jailhouse_memory *r = jailhouse_cell_mem_regions(root);
	struct jailhouse_memory part;
	unsigned int n;
	int err;

	for (n = 0; n < root->num_memory_regions; n++, r++) {
		if (!root_maps(r) ||
		    !clip(mem, MAX(start, r->phys_start),
			  MIN(end, r->phys_start + r->size), &part))
			continue;
		part.virt_start = r->virt_start +
			(part.phys_start - r->phys_start);
		err = arch_unmap_memory_region(&root_cell, &part);
		if (err)
			return err;
	}
	return 0;
}

/* Physical [start, end) as the root cell should see it now. */
static int restore_range(u64 start, u64 end)
{
	const struct jailhouse_cell_desc *root = root_cell.config;
	const struct jailhouse_memory *mem;
	struct jailhouse_memory part;
	const struct jailhouse_memory *r;
	struct cell *cell;
	unsigned int n;
	int err;

	r = jailhouse_cell_mem_regions(root);
	for (n = 0; n < root->num_memory_regions; n++, r++) {
		if (!root_maps(r) || !clip(r, start, end, &part))
			continue;
		err = arch_map_memory_region(&root_cell, &part);
		if (err)
			return err;
	}

	for (cell = root_cell.next; cell; cell = cell->next) {
		mem = jailhouse_cell_mem_regions(cell->config);
		for (n = 0; n < cell->config->num_memory_regions; n++, mem++) {
			if (!withheld_from_root(cell, mem))
				continue;
			err = root_memory_withhold(mem, start, end);
			if (err)
				return err;
		}
		err = pci_msix_withhold(cell, start, end);
		if (err)
			return err;
	}
	return 0;
}

/*
 * The granule around mem, but never into the hypervisor's memory: the
 * arch keeps its own mappings there (the console ring of the root).
 */
static void restore_bounds(const struct jailhouse_memory *mem, u64 *start,
			   u64 *end)
{
	const struct jailhouse_memory *hv =
		&system_config_location()->hypervisor_memory;
	u64 hv_end = hv->phys_start + hv->size;

	*start = ALIGN_DOWN(mem->phys_start, RESTORE_GRANULE);
	*end = ALIGN_UP(mem->phys_start + mem->size, RESTORE_GRANULE);
	if (hv->phys_start < *end && hv_end > *start) {
		if (hv->phys_start >= mem->phys_start + mem->size)
			*end = hv->phys_start;
		else
			*start = MAX(*start, hv_end);
	}
}

/* The cell's regions to update, by physical start (management lock). */
static u16 by_phys[CONFIG_MAX_MEM_REGIONS];

static bool phys_less(const void *ctx, u16 a, u16 b)
{
	const struct jailhouse_memory *mem = ctx;

	return mem[a].phys_start < mem[b].phys_start;
}

static unsigned int regions_to_update(const struct cell *cell,
				      u64 flags_mask)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	unsigned int n, count = 0;

	for (n = 0; n < cell->config->num_memory_regions; n++)
		if (!(mem[n].flags & JAILHOUSE_MEM_COMM_REGION) &&
		    (!flags_mask || (mem[n].flags & flags_mask)) &&
		    mem[n].size && touches_root(&mem[n]))
			by_phys[count++] = n;
	sort_indices(by_phys, count, phys_less, mem);
	return count;
}

static int restore_checked(u64 start, u64 end)
{
	int err = restore_range(start, end);

	if (err)
		printk("Updating the root cell's memory at 0x%llx-0x%llx "
		       "failed (%d)\n", start, end - 1, err);
	return err;
}

int root_memory_give_back(const struct jailhouse_memory *mem)
{
	u64 start, end;

	restore_bounds(mem, &start, &end);
	return restore_checked(start, end);
}

/*
 * Each granule is recomputed once, however many regions share it: in
 * order of their start, the windows of neighbouring regions merge. That
 * keeps a cell of many small regions from costing a recomputation (and
 * its map calls) per region.
 */
int root_memory_update(const struct cell *cell, u64 flags_mask)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	unsigned int n, count = regions_to_update(cell, flags_mask);
	u64 start, end, cur_start = 0, cur_end = 0;
	int err;

	for (n = 0; n < count; n++) {
		restore_bounds(&mem[by_phys[n]], &start, &end);
		if (cur_end && start <= cur_end) {
			cur_end = MAX(cur_end, end);
			continue;
		}
		if (cur_end) {
			err = restore_checked(cur_start, cur_end);
			if (err)
				return err;
		}
		cur_start = start;
		cur_end = end;
	}
	return cur_end ? restore_checked(cur_start, cur_end) : 0;
}
