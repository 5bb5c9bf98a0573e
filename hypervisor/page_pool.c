// SPDX-License-Identifier: GPL-2.0
/*
 * Page pool allocator: first fit over a bitmap, one bit per 4 KiB page.
 * Callers take the pool lock; pools are only touched on management paths
 * (setup, cell create/destroy), never on hot exit paths.
 */
#include <core/bitmap.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/spinlock.h>
#include <core/string.h>

struct page_pool mem_pool;
struct page_pool remap_pool;

static DEFINE_SPINLOCK(pool_lock);

void page_pool_init(struct page_pool *pool, const char *name,
		    unsigned long base, unsigned long num_pages,
		    unsigned long *used_map)
{
	pool->name = name;
	pool->base = base;
	pool->phys_base = 0;
	pool->backed = false;
	pool->pages = num_pages;
	pool->used_pages = 0;
	pool->used_map = used_map;
	memset(used_map, 0, BITMAP_WORDS(num_pages) * sizeof(unsigned long));
}

void page_pool_set_phys(struct page_pool *pool, u64 phys_base)
{
	pool->phys_base = phys_base;
	pool->backed = true;
}

int page_pool_init_self_hosted(struct page_pool *pool, const char *name,
			       void *base, u64 phys_base,
			       unsigned long num_pages)
{
	unsigned long map_bytes = BITMAP_WORDS(num_pages) * sizeof(long);
	unsigned long map_pages = PAGES(map_bytes);
	unsigned long n;

	if (num_pages <= map_pages)
		return -ENOMEM;

	page_pool_init(pool, name, (unsigned long)base, num_pages, base);
	page_pool_set_phys(pool, phys_base);
	for (n = 0; n < map_pages; n++)
		bitmap_set_bit(pool->used_map, n);
	pool->used_pages = map_pages;
	return 0;
}

/* Page frame number of pool page 0 in the space where alignment counts. */
static u64 first_frame(const struct page_pool *pool)
{
	return (pool->backed ? pool->phys_base : pool->base) >> PAGE_SHIFT;
}

/* Smallest index >= start whose frame is a multiple of align. */
static unsigned long align_index(const struct page_pool *pool,
				 unsigned long start, unsigned long align)
{
	u64 frame = first_frame(pool) + start;

	return start + (unsigned long)(ALIGN_UP(frame, (u64)align) - frame);
}

static long find_run(const struct page_pool *pool, unsigned long num,
		     unsigned long align)
{
	unsigned long start = 0, busy;

	for (;;) {
		start = bitmap_next_clear(pool->used_map, pool->pages, start);
		start = align_index(pool, start, align);
		if (start >= pool->pages || pool->pages - start < num)
			return -ENOMEM;
		busy = bitmap_next_set(pool->used_map, start + num, start);
		if (busy == start + num)
			return start;
		start = busy + 1;
	}
}

void *page_alloc_aligned(struct page_pool *pool, unsigned long num,
			 unsigned long align_pages)
{
	unsigned long n;
	long start;

	if (num == 0)
		return NULL;
	if (align_pages == 0)
		align_pages = 1;
	if (align_pages & (align_pages - 1))
		return NULL;

	spin_lock(&pool_lock);
	start = find_run(pool, num, align_pages);
	if (start >= 0) {
		for (n = start; n < start + num; n++)
			bitmap_set_bit(pool->used_map, n);
		pool->used_pages += num;
	}
	spin_unlock(&pool_lock);

	if (start < 0)
		return NULL;
	return (void *)(pool->base + ((unsigned long)start << PAGE_SHIFT));
}

void *page_alloc(struct page_pool *pool, unsigned long num)
{
	return page_alloc_aligned(pool, num, 1);
}

void *page_zalloc(struct page_pool *pool, unsigned long num)
{
	void *page;

	if (!pool->backed)
		return NULL;
	page = page_alloc(pool, num);
	if (page)
		memset(page, 0, num * PAGE_SIZE);
	return page;
}

void page_free(struct page_pool *pool, void *addr, unsigned long num)
{
	unsigned long first, n;

	if (!addr || !page_pool_contains(pool, addr))
		return;
	first = ((unsigned long)addr - pool->base) >> PAGE_SHIFT;
	if (num > pool->pages - first)
		num = pool->pages - first;

	spin_lock(&pool_lock);
	for (n = first; n < first + num; n++) {
		if (!bitmap_test(pool->used_map, n))
			continue;
		bitmap_clear_bit(pool->used_map, n);
		pool->used_pages--;
	}
	spin_unlock(&pool_lock);
}

bool page_pool_contains(const struct page_pool *pool, const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= pool->base && (a - pool->base) >> PAGE_SHIFT < pool->pages;
}

u64 page_pool_virt2phys(const struct page_pool *pool, const void *addr)
{
	return pool->phys_base + ((unsigned long)addr - pool->base);
}

void *page_pool_phys2virt(const struct page_pool *pool, u64 phys)
{
	return (void *)(pool->base + (unsigned long)(phys - pool->phys_base));
}
