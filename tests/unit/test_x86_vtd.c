// SPDX-License-Identifier: GPL-2.0
/*
 * VT-d pieces that need no unit: the second-level entry encoding, the
 * root and context tables, and fault records, against the bit layouts
 * of the VT-d specification.
 */
#include <string.h>

#include <core/errno.h>
#include <core/paging.h>
#include <x86/paging_formats.h>
#include <x86/vtd.h>

#include "test_pool.h"
#include "unit.h"

#define RW	(PAGE_FLAG_READ | PAGE_FLAG_WRITE)
#define POOL_PHYS	0x7000000ULL

TEST(vtd_second_level_bits)
{
	const struct paging_format *f = &vtd_sl_4level_paging;

	/* R | W, nothing else: no execute or memory type bits. */
	EXPECT_EQ(f->make_leaf(0x5000, RW | PAGE_FLAG_EXEC, true), 0x5003ULL);
	/* 2 MiB read-only leaf: R and the super page bit. */
	EXPECT_EQ(f->make_leaf(0x40200000, PAGE_FLAG_READ, false),
		  0x40200081ULL);
	EXPECT_EQ(f->make_table(0x9000), 0x9003ULL);
	EXPECT_TRUE(f->entry_is_table(0x9003));
	EXPECT_FALSE(f->entry_is_table(0x40200081ULL));
	EXPECT_FALSE(f->entry_valid(0x9000));
	EXPECT_EQ(f->leaf_flags(0x5003, true), RW);
	EXPECT_EQ(f->leaf_flags(0x40200081ULL, false), PAGE_FLAG_READ);
}

TEST(vtd_three_levels_map_1g_at_the_root)
{
	struct paging_structures pg;
	struct paging_walk walk;
	struct page_pool pool;

	test_pool_create(&pool, 8, POOL_PHYS);
	ASSERT_EQ(paging_init(&pg, &vtd_sl_3level_paging, &pool), 0);
	pg.max_page_size = 1ULL << 30;
	ASSERT_EQ(paging_map(&pg, 0x40000000, 0x80000000, 1ULL << 30, RW),
		  0);
	EXPECT_EQ(pg.root[1], 0x80000083ULL);
	/* 39 bits reach 512 GiB, not more. */
	EXPECT_NE(paging_map(&pg, 1ULL << 39, 0, 0x1000, RW), 0);
	ASSERT_EQ(paging_map(&pg, 0x1000, 0x3000, 0x1000, PAGE_FLAG_READ), 0);
	ASSERT_EQ(paging_walk(&pg, 0x1abc, &walk), 0);
	EXPECT_EQ(walk.phys, 0x3abcULL);
	EXPECT_EQ(walk.flags, (unsigned long)PAGE_FLAG_READ);
	paging_destroy(&pg);
	EXPECT_EQ(pool.used_pages, 0UL);
	test_pool_destroy(&pool);
}

TEST(vtd_context_entries)
{
	struct vtd_tables t;
	struct page_pool pool;
	u64 entry[2];
	u64 *ctx;

	test_pool_create(&pool, 8, POOL_PHYS);
	ASSERT_EQ(vtd_tables_init(&t, &pool), 0);
	EXPECT_EQ(vtd_tables_root_phys(&t) & 0xfff, 0ULL);

	/* 00:05.0 in domain 2, 4-level tables at 0x123000. */
	ASSERT_EQ(vtd_tables_set(&t, 0x28, 0x123000, 2, VTD_AW_48), 0);
	EXPECT_EQ(pool.used_pages, 2UL);
	/* Root entry of bus 0: present, pointing at its context table. */
	EXPECT_EQ(t.root[0] & 1, 1ULL);
	EXPECT_EQ(t.root[1], 0ULL);
	ctx = page_pool_phys2virt(&pool, t.root[0] & ~0xfffULL);
	/* Entry 0x28: low half SLPTPTR | P, high half DID << 8 | AW. */
	EXPECT_EQ(ctx[0x28 * 2], 0x123001ULL);
	EXPECT_EQ(ctx[0x28 * 2 + 1], 0x202ULL);
	vtd_tables_entry(&t, 0x28, entry);
	EXPECT_EQ(entry[0], 0x123001ULL);
	/* Same bus: no new table; bus 3: one more. */
	ASSERT_EQ(vtd_tables_set(&t, 0x29, 0x456000, 7, VTD_AW_39), 0);
	EXPECT_EQ(pool.used_pages, 2UL);
	EXPECT_EQ(ctx[0x29 * 2 + 1], 0x701ULL);
	ASSERT_EQ(vtd_tables_set(&t, 0x0310, 0x456000, 7, VTD_AW_39), 0);
	EXPECT_EQ(pool.used_pages, 3UL);

	/* A cleared device faults: entry not present. */
	vtd_tables_clear(&t, 0x28);
	vtd_tables_entry(&t, 0x28, entry);
	EXPECT_EQ(entry[0] | entry[1], 0ULL);
	/* Bus 9 has no table: nothing there, nothing allocated. */
	vtd_tables_clear(&t, 0x0900);
	vtd_tables_entry(&t, 0x0900, entry);
	EXPECT_EQ(entry[0], 0ULL);
	EXPECT_EQ(pool.used_pages, 3UL);

	vtd_tables_destroy(&t);
	EXPECT_EQ(pool.used_pages, 0UL);
	EXPECT_TRUE(t.root == NULL);
	test_pool_destroy(&pool);
}

TEST(vtd_context_table_allocation_fails_cleanly)
{
	struct vtd_tables t;
	struct page_pool pool;

	test_pool_create(&pool, 1, POOL_PHYS);
	ASSERT_EQ(vtd_tables_init(&t, &pool), 0);
	EXPECT_EQ(vtd_tables_set(&t, 0x28, 0x1000, 1, VTD_AW_48), -ENOMEM);
	EXPECT_EQ(t.root[0], 0ULL);
	vtd_tables_destroy(&t);
	EXPECT_EQ(pool.used_pages, 0UL);
	test_pool_destroy(&pool);
}

TEST(vtd_fault_records)
{
	struct vtd_fault f;

	/* F, read (T = 1), reason 6, source 00:05.0, offset bits dropped. */
	ASSERT_TRUE(vtd_fault_decode(0x3a000abcULL,
				     (1ULL << 63) | (1ULL << 62) |
				     (6ULL << 32) | 0x28, &f));
	EXPECT_EQ(f.bdf, 0x28);
	EXPECT_FALSE(f.is_write);
	EXPECT_EQ(f.reason, 6);
	EXPECT_EQ(f.address, 0x3a000000ULL);
	/* Write (T = 0), reason 5, bus 2. */
	ASSERT_TRUE(vtd_fault_decode(0xfffff000ULL, (1ULL << 63) |
				     (5ULL << 32) | 0x0218, &f));
	EXPECT_TRUE(f.is_write);
	EXPECT_EQ(f.bdf, 0x0218);
	EXPECT_EQ(f.reason, 5);
	/* Without F the record is empty. */
	EXPECT_FALSE(vtd_fault_decode(0x1000, (6ULL << 32) | 0x28, &f));
	EXPECT_TRUE(vtd_fault_reason(5)[0] != '\0');
	EXPECT_TRUE(vtd_fault_reason(0x7f)[0] == '\0');
	EXPECT_STREQ(vtd_fault_reason(0x26),
		     "interrupt from a device the entry does not name");
	EXPECT_STREQ(vtd_fault_reason(0x25), "compatibility-format interrupt");
}
