/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Backed page pools over host memory for tests. The fake physical base
 * differs from the host address so that a missed phys/virt translation
 * dereferences garbage and trips the sanitizer.
 */
#ifndef _TEST_POOL_H
#define _TEST_POOL_H

#include <stdlib.h>

#include <core/bitmap.h>
#include <core/page_pool.h>

static inline void test_pool_create(struct page_pool *pool,
				    unsigned long pages, u64 phys)
{
	void *mem = aligned_alloc(PAGE_SIZE, pages * PAGE_SIZE);
	unsigned long *map = calloc(BITMAP_WORDS(pages), sizeof(long));

	page_pool_init(pool, "test", (unsigned long)mem, pages, map);
	page_pool_set_phys(pool, phys);
}

static inline void test_pool_destroy(struct page_pool *pool)
{
	free((void *)pool->base);
	free(pool->used_map);
}

#endif /* _TEST_POOL_H */
