// SPDX-License-Identifier: GPL-2.0
/*
 * Windows onto cell memory. The cell's config says where its guest-
 * physical memory is backed; the pages are mapped into the remap pool's
 * window for as long as the caller needs them.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/remap.h>

/* The region that holds all of [gpa, gpa + size), RAM only. */
static const struct jailhouse_memory *
ram_region(const struct jailhouse_cell_desc *config, u64 gpa, u64 size)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(config);
	unsigned int n;

	for (n = 0; n < config->num_memory_regions; n++, mem++) {
		if (!(mem->flags & JAILHOUSE_MEM_READ) ||
		    (mem->flags & (JAILHOUSE_MEM_IO |
				   JAILHOUSE_MEM_COMM_REGION)))
			continue;
		if (gpa >= mem->virt_start && size <= mem->size &&
		    gpa - mem->virt_start <= mem->size - size)
			return mem;
	}
	return NULL;
}

void *remap_cell_memory(const struct cell *cell, u64 gpa, u64 size,
			int *err)
{
	const struct jailhouse_memory *mem;
	unsigned long pages;
	u64 phys;
	char *window;

	mem = size ? ram_region(cell->config, gpa, size) : NULL;
	if (!mem) {
		*err = -EINVAL;
		return NULL;
	}
	phys = mem->phys_start + (gpa - mem->virt_start);
	pages = PAGES((phys & ~PAGE_MASK) + size);

	window = page_alloc(&remap_pool, pages);
	if (!window) {
		*err = -ENOMEM;
		return NULL;
	}
	*err = arch_map_hv((unsigned long)window, phys & PAGE_MASK,
			   pages * PAGE_SIZE);
	if (*err) {
		arch_unmap_hv((unsigned long)window, pages * PAGE_SIZE);
		page_free(&remap_pool, window, pages);
		return NULL;
	}
	return window + (phys & ~PAGE_MASK);
}

void remap_release(void *addr, u64 size)
{
	unsigned long offset = (unsigned long)addr & ~PAGE_MASK;
	unsigned long pages = PAGES(offset + size);
	char *window = (char *)addr - offset;

	arch_unmap_hv((unsigned long)window, pages * PAGE_SIZE);
	page_free(&remap_pool, window, pages);
}
