/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page pools: a bitmap allocator of 4 KiB pages over one address range.
 *
 * The memory pool hands out real memory (the rest of the hypervisor region
 * after image, per-CPU areas and config). The remap pool hands out only
 * virtual addresses of a window that callers fill with temporary mappings.
 * Both keep usage counters that HYPERVISOR_GET_INFO reports.
 */
#ifndef _CORE_PAGE_POOL_H
#define _CORE_PAGE_POOL_H

#include <core/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGES(size)	DIV_ROUND_UP(size, PAGE_SIZE)

struct page_pool {
	const char *name;
	/* Virtual address of page 0 of the pool. */
	unsigned long base;
	/* Physical address of page 0; meaningful only if backed. */
	u64 phys_base;
	bool backed;
	unsigned long pages;
	unsigned long used_pages;
	/* One bit per page, set = in use. */
	unsigned long *used_map;
};

/* Size of the remap pool's window: 8 MiB of temporary mappings. */
#define REMAP_POOL_PAGES	2048

extern struct page_pool mem_pool;
extern struct page_pool remap_pool;

/*
 * Set up a pool over num_pages pages at base. used_map must hold num_pages
 * bits; it is cleared here. A backed pool translates to physical addresses
 * by the constant offset between base and phys_base.
 */
void page_pool_init(struct page_pool *pool, const char *name,
		    unsigned long base, unsigned long num_pages,
		    unsigned long *used_map);
void page_pool_set_phys(struct page_pool *pool, u64 phys_base);

/*
 * Set up a backed pool whose bitmap lives in its own first pages, which are
 * then counted as used. Returns -ENOMEM if the range cannot even hold the
 * bitmap.
 */
int page_pool_init_self_hosted(struct page_pool *pool, const char *name,
			       void *base, u64 phys_base,
			       unsigned long num_pages);

/*
 * Allocate num contiguous pages whose first page is aligned to align_pages
 * pages (a power of two; 0 or 1 = no constraint). Alignment is judged on
 * the physical address for backed pools, the virtual one otherwise. Memory
 * is not cleared. Returns NULL when no such run is free.
 */
void *page_alloc_aligned(struct page_pool *pool, unsigned long num,
			 unsigned long align_pages);
void *page_alloc(struct page_pool *pool, unsigned long num);
/* Like page_alloc, but the pages are zeroed (backed pools only). */
void *page_zalloc(struct page_pool *pool, unsigned long num);
/*
 * Free num pages at addr; NULL is ignored. Pages that are already free are
 * skipped so that a double free cannot corrupt the usage counter.
 */
void page_free(struct page_pool *pool, void *addr, unsigned long num);

/* Address translation of pages inside a backed pool. */
u64 page_pool_virt2phys(const struct page_pool *pool, const void *addr);
void *page_pool_phys2virt(const struct page_pool *pool, u64 phys);
bool page_pool_contains(const struct page_pool *pool, const void *addr);

#endif /* _CORE_PAGE_POOL_H */
