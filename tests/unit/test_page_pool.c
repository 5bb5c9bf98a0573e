// SPDX-License-Identifier: GPL-2.0
/* Page pool: exhaustion, reuse, alignment and usage counters. */
#include <stdlib.h>
#include <string.h>

#include <core/bitmap.h>
#include <core/page_pool.h>

#include "unit.h"

/* A fake physical base that is only 4 KiB aligned, unlike the host memory. */
#define FAKE_PHYS	0x7f0001000ULL
#define POOL_PAGES	100

static unsigned long map[BITMAP_WORDS(POOL_PAGES)];

static void *backed_pool(struct page_pool *pool, u64 phys)
{
	void *mem = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);

	page_pool_init(pool, "test", (unsigned long)mem, POOL_PAGES, map);
	page_pool_set_phys(pool, phys);
	return mem;
}

TEST(bitmap_search)
{
	unsigned long bits[3] = { 0 };

	EXPECT_EQ(bitmap_next_set(bits, 150, 0), 150);
	EXPECT_EQ(bitmap_next_clear(bits, 150, 7), 7);
	bitmap_set_bit(bits, 70);
	bitmap_set_bit(bits, 149);
	EXPECT_EQ(bitmap_next_set(bits, 150, 0), 70);
	EXPECT_EQ(bitmap_next_set(bits, 150, 71), 149);
	EXPECT_EQ(bitmap_next_set(bits, 149, 71), 149);
	bits[0] = ~0UL;
	EXPECT_EQ(bitmap_next_clear(bits, 150, 0), 64);
	EXPECT_TRUE(bitmap_test(bits, 63));
	bitmap_clear_bit(bits, 63);
	EXPECT_FALSE(bitmap_test(bits, 63));
	EXPECT_EQ(bitmap_next_clear(bits, 150, 0), 63);
}

TEST(pool_exhaust_and_reuse)
{
	struct page_pool pool;
	void *mem = backed_pool(&pool, FAKE_PHYS);
	void *pages[POOL_PAGES];
	unsigned int n;

	for (n = 0; n < POOL_PAGES; n++) {
		pages[n] = page_alloc(&pool, 1);
		ASSERT_NE(pages[n], NULL);
		EXPECT_EQ(pages[n], (char *)mem + n * PAGE_SIZE);
	}
	EXPECT_EQ(pool.used_pages, POOL_PAGES);
	EXPECT_EQ(page_alloc(&pool, 1), NULL);

	page_free(&pool, pages[42], 1);
	EXPECT_EQ(pool.used_pages, POOL_PAGES - 1);
	EXPECT_EQ(page_alloc(&pool, 2), NULL);
	EXPECT_EQ(page_alloc(&pool, 1), pages[42]);

	for (n = 0; n < POOL_PAGES; n++)
		page_free(&pool, pages[n], 1);
	EXPECT_EQ(pool.used_pages, 0);
	free(mem);
}

TEST(pool_contiguous_runs)
{
	struct page_pool pool;
	void *mem = backed_pool(&pool, FAKE_PHYS);
	char *a, *b, *c, *d;

	a = page_alloc(&pool, 10);
	b = page_alloc(&pool, 10);
	c = page_alloc(&pool, 10);
	EXPECT_EQ(b, a + 10 * PAGE_SIZE);
	EXPECT_EQ(c, b + 10 * PAGE_SIZE);
	page_free(&pool, b, 10);
	/* An 11-page run does not fit into the hole and goes after c. */
	d = page_alloc(&pool, 11);
	EXPECT_EQ(d, c + 10 * PAGE_SIZE);
	page_free(&pool, d, 11);
	d = page_alloc(&pool, 10);
	EXPECT_EQ(d, b);
	EXPECT_EQ(pool.used_pages, 30);
	EXPECT_EQ(page_alloc(&pool, POOL_PAGES - 29), NULL);
	EXPECT_NE(page_alloc(&pool, POOL_PAGES - 30), NULL);
	EXPECT_EQ(pool.used_pages, POOL_PAGES);
	page_free(&pool, mem, POOL_PAGES);
	EXPECT_EQ(pool.used_pages, 0);
	EXPECT_EQ(page_alloc(&pool, 0), NULL);
	EXPECT_EQ(page_alloc(&pool, POOL_PAGES + 1), NULL);
	EXPECT_EQ(pool.used_pages, 0);
	free(mem);
}

TEST(pool_alignment_is_physical)
{
	struct page_pool pool;
	void *mem = backed_pool(&pool, FAKE_PHYS);
	unsigned long align;
	void *p;

	for (align = 1; align <= 32; align <<= 1) {
		p = page_alloc_aligned(&pool, 3, align);
		ASSERT_NE(p, NULL);
		EXPECT_EQ(page_pool_virt2phys(&pool, p) % (align * PAGE_SIZE),
			  0);
		EXPECT_EQ(page_pool_phys2virt(&pool,
					      page_pool_virt2phys(&pool, p)),
			  p);
	}
	/* Not a power of two: refused. */
	EXPECT_EQ(page_alloc_aligned(&pool, 1, 3), NULL);
	/* 64-page alignment leaves no room for 64 pages in 100. */
	page_free(&pool, mem, POOL_PAGES);
	EXPECT_EQ(page_alloc_aligned(&pool, 64, 64), NULL);
	EXPECT_NE(page_alloc_aligned(&pool, 36, 64), NULL);
	EXPECT_EQ(pool.used_pages, 36);
	free(mem);
}

TEST(pool_remap_window_alignment_is_virtual)
{
	static unsigned long rmap[BITMAP_WORDS(64)];
	struct page_pool pool;
	unsigned long p;

	/* No backing: any address will do, nothing is dereferenced. */
	page_pool_init(&pool, "remap", 0xffff000000003000UL, 64, rmap);
	p = (unsigned long)page_alloc_aligned(&pool, 1, 4);
	EXPECT_EQ(p, 0xffff000000004000UL);
	EXPECT_EQ(page_zalloc(&pool, 1), NULL);
	EXPECT_EQ(pool.used_pages, 1);
	page_free(&pool, (void *)p, 1);
	EXPECT_EQ(pool.used_pages, 0);
}

TEST(pool_double_free_and_foreign_pointer)
{
	struct page_pool pool;
	void *mem = backed_pool(&pool, FAKE_PHYS);
	void *p = page_alloc(&pool, 4);
	int outside;

	page_free(&pool, p, 2);
	page_free(&pool, p, 4);
	EXPECT_EQ(pool.used_pages, 0);
	p = page_alloc(&pool, 1);
	page_free(&pool, &outside, 1);
	page_free(&pool, NULL, 1);
	EXPECT_EQ(pool.used_pages, 1);
	free(mem);
}

TEST(pool_self_hosted_bitmap)
{
	struct page_pool pool;
	unsigned long pages = 40000;
	void *mem = aligned_alloc(PAGE_SIZE, pages * PAGE_SIZE);
	void *p;

	ASSERT_EQ(page_pool_init_self_hosted(&pool, "mem", mem, 0x100000,
					     pages), 0);
	/* 40000 bits take two pages. */
	EXPECT_EQ(pool.used_pages, 2);
	p = page_zalloc(&pool, 1);
	EXPECT_EQ(p, (char *)mem + 2 * PAGE_SIZE);
	EXPECT_EQ(((unsigned char *)p)[100], 0);
	page_free(&pool, p, 1);
	EXPECT_EQ(pool.used_pages, 2);
	EXPECT_EQ(page_pool_init_self_hosted(&pool, "tiny", mem, 0, 1),
		  -12);
	free(mem);
}
