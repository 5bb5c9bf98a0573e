// SPDX-License-Identifier: GPL-2.0
/*
 * Windows onto cell memory. The cell's config says where its guest-
 * physical memory is backed; the pages are mapped into the remap pool's
 * window for as long as the caller needs them. Device registers of
 * sub-page regions pass through the same window, from any CPU at any
 * time: the window's page tables change under a lock.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/remap.h>
#include <core/spinlock.h>

static DEFINE_SPINLOCK(window_lock);

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

/*
 * Map the pages around [phys, phys + size) into a free part of the
 * window, as device memory or not; NULL with the error in *err.
 */
static void *map_window(u64 phys, u64 size, bool device, int *err)
{
	unsigned long pages = PAGES((phys & ~PAGE_MASK) + size);
	char *window;

	spin_lock(&window_lock);
	window = page_alloc(&remap_pool, pages);
	if (!window) {
		spin_unlock(&window_lock);
		*err = -ENOMEM;
		return NULL;
	}
	*err = device ?
		arch_map_device_hv((unsigned long)window, phys & PAGE_MASK,
				   pages * PAGE_SIZE) :
		arch_map_hv((unsigned long)window, phys & PAGE_MASK,
			    pages * PAGE_SIZE);
	if (*err) {
		arch_unmap_hv((unsigned long)window, pages * PAGE_SIZE);
		page_free(&remap_pool, window, pages);
		window = NULL;
	}
	spin_unlock(&window_lock);
	return window ? window + (phys & ~PAGE_MASK) : NULL;
}

void *remap_cell_memory(const struct cell *cell, u64 gpa, u64 size,
			int *err)
{
	const struct jailhouse_memory *mem;

	mem = size ? ram_region(cell->config, gpa, size) : NULL;
	if (!mem) {
		*err = -EINVAL;
		return NULL;
	}
	return map_window(mem->phys_start + (gpa - mem->virt_start), size,
			  false, err);
}

void *remap_device(u64 phys, u64 size, int *err)
{
	return map_window(phys, size, true, err);
}

void remap_release(void *addr, u64 size)
{
	unsigned long offset = (unsigned long)addr & ~PAGE_MASK;
	unsigned long pages = PAGES(offset + size);
	char *window = (char *)addr - offset;

	spin_lock(&window_lock);
	arch_unmap_hv((unsigned long)window, pages * PAGE_SIZE);
	page_free(&remap_pool, window, pages);
	spin_unlock(&window_lock);
}
