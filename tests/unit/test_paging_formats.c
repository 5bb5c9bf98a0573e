// SPDX-License-Identifier: GPL-2.0
/*
 * Raw entry encodings against the CPU manuals' bit layouts, so that a
 * format cannot pass the generic tests by being merely self-consistent.
 */
#include <core/paging.h>
#include <arm-common/paging_formats.h>
#include <x86/paging_formats.h>

#include "test_pool.h"
#include "unit.h"

#define RW	(PAGE_FLAG_READ | PAGE_FLAG_WRITE)
#define RX	(PAGE_FLAG_READ | PAGE_FLAG_EXEC)

TEST(format_x86_64_bits)
{
	const struct paging_format *f = &x86_64_paging;

	/* P | RW, NX set because not executable. */
	EXPECT_EQ(f->make_leaf(0x12345000, RW, true), 0x8000000012345003ULL);
	/* 2M leaf: PS; read-only executable. */
	EXPECT_EQ(f->make_leaf(0x40200000, RX, false), 0x40200081ULL);
	/* Uncached: PCD | PWT. */
	EXPECT_EQ(f->make_leaf(0xfee00000, RW | PAGE_FLAG_DEVICE, true),
		  0x80000000fee0001bULL);
	EXPECT_EQ(f->make_table(0x7000), 0x7003ULL);
	EXPECT_TRUE(f->entry_is_table(0x7003));
	EXPECT_FALSE(f->entry_is_table(0x40200081ULL));
	EXPECT_FALSE(f->entry_valid(0x7002));
	EXPECT_EQ(f->entry_phys(0x800fffffffffffffULL), 0xffffffffff000ULL);
}

TEST(format_amd_npt_user_bit_everywhere)
{
	const struct paging_format *f = &amd_npt_paging;
	struct paging_structures pg;
	struct page_pool pool;
	pt_entry_t *table;
	unsigned int level;

	EXPECT_EQ(f->make_leaf(0x1000, RW | PAGE_FLAG_EXEC, true), 0x1007ULL);
	EXPECT_EQ(f->make_table(0x2000), 0x2007ULL);

	test_pool_create(&pool, 8, 0x5000000);
	ASSERT_EQ(paging_init(&pg, f, &pool), 0);
	ASSERT_EQ(paging_map(&pg, 0, 0x3000, 0x1000, RW), 0);
	table = pg.root;
	for (level = 0; level < 3; level++) {
		EXPECT_EQ(table[0] & 0xfff, 0x7);
		table = page_pool_phys2virt(&pool, table[0] & ~0xfffULL);
	}
	EXPECT_EQ(table[0], 0x8000000000003007ULL);
	paging_destroy(&pg);
	test_pool_destroy(&pool);
}

TEST(format_intel_ept_bits)
{
	const struct paging_format *f = &intel_ept_paging;

	/* R | W, WB type (6 << 3), ignore PAT. */
	EXPECT_EQ(f->make_leaf(0x5000, RW, true), 0x5073ULL);
	/* 1G leaf, RX, uncached. */
	EXPECT_EQ(f->make_leaf(0x40000000, RX | PAGE_FLAG_DEVICE, false),
		  0x400000c5ULL);
	EXPECT_EQ(f->make_table(0x9000), 0x9007ULL);
	EXPECT_FALSE(f->entry_valid(0x5000));
	EXPECT_EQ(f->leaf_flags(0x400000c5ULL, false),
		  RX | PAGE_FLAG_DEVICE);
}

TEST(format_arm_stage1_bits)
{
	const struct paging_format *f = &arm64_hyp_paging;

	/* Page: 0b11, AttrIdx 0, AP[1], inner shareable, AF, XN. */
	EXPECT_EQ(f->make_leaf(0x40001000, RW, true), 0x0040000040001743ULL);
	/* Block: 0b01, read-only (AP[2]), executable. */
	EXPECT_EQ(f->make_leaf(0x40200000, RX, false), 0x402007c1ULL);
	/* Device: AttrIdx 1, not shareable-marked, XN. */
	EXPECT_EQ(f->make_leaf(0x9000000, RW | PAGE_FLAG_DEVICE, true),
		  0x0040000009000447ULL);
	EXPECT_EQ(f->make_table(0x1234000), 0x1234003ULL);
	EXPECT_TRUE(f->entry_is_table(0x1234003ULL));
	EXPECT_FALSE(f->entry_is_table(0x402007c1ULL));
	EXPECT_EQ(arm_lpae_hyp_paging.make_leaf(0x40001000, RW, true),
		  0x0040000040001743ULL);
}

TEST(format_arm_stage2_bits)
{
	const struct paging_format *f = &arm_stage2_paging;

	/* Page: S2AP RW, MemAttr 0b1111, inner shareable, AF, XN. */
	EXPECT_EQ(f->make_leaf(0x40001000, RW, true), 0x00400000400017ffULL);
	/* Block, read-only, executable. */
	EXPECT_EQ(f->make_leaf(0x40000000, RX, false), 0x4000077dULL);
	/* Device nGnRE: MemAttr 0b0001. */
	EXPECT_EQ(f->make_leaf(0x8000000, RW | PAGE_FLAG_DEVICE, true),
		  0x00400000080004c7ULL);
	EXPECT_EQ(f->leaf_flags(0x00400000080004c7ULL, true),
		  RW | PAGE_FLAG_DEVICE);
}
