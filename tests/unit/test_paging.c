// SPDX-License-Identifier: GPL-2.0
/*
 * Generic page-table behaviour, run against every format: page size
 * choice, walks, splitting on partial unmap, freeing of empty tables.
 */
#include <string.h>

#include <core/errno.h>
#include <core/paging.h>
#include <arm-common/paging_formats.h>
#include <x86/paging_formats.h>

#include "test_pool.h"
#include "unit.h"

#define SZ_4K	0x1000ULL
#define SZ_2M	0x200000ULL
#define SZ_1G	0x40000000ULL

/* Physical base of table memory: below every format's PA limit. */
#define TABLE_PHYS	0x3456780000ULL

struct fmt_case {
	const struct paging_format *fmt;
	/* A 1 GiB aligned virtual address with room for 2 GiB after it. */
	u64 virt;
	/* A 1 GiB aligned physical address of mapped memory. */
	u64 phys;
	/* Tables from root to a 4K / 2M / 1G leaf, root not counted. */
	unsigned int tables_4k, tables_2m, tables_1g;
};

static const struct fmt_case cases[] = {
	{ &x86_64_paging, 0xffffff8040000000ULL, 0x2c0000000ULL, 3, 2, 1 },
	{ &amd_npt_paging, 0x40000000ULL, 0x1c0000000ULL, 3, 2, 1 },
	{ &intel_ept_paging, 0x80000000ULL, 0x100000000ULL, 3, 2, 1 },
	{ &arm64_hyp_paging, 0x7f80000000ULL, 0x40000000ULL, 3, 2, 1 },
	{ &arm_lpae_hyp_paging, 0x40000000ULL, 0xc0000000ULL, 2, 1, 0 },
	{ &arm_stage2_paging, 0x8000000000ULL, 0x80000000ULL, 2, 1, 0 },
};

#define FOR_EACH_CASE(c) \
	for (c = cases; c < cases + ARRAY_ELEMS(cases); c++)

struct env {
	struct page_pool pool;
	struct paging_structures pg;
	unsigned long baseline;
};

static int env_setup(struct env *e, const struct fmt_case *c,
		     unsigned long pages)
{
	test_pool_create(&e->pool, pages, TABLE_PHYS);
	if (paging_init(&e->pg, c->fmt, &e->pool))
		return -1;
	e->baseline = e->pool.used_pages;
	return 0;
}

static void env_teardown(struct env *e)
{
	paging_destroy(&e->pg);
	EXPECT_EQ(e->pool.used_pages, 0);
	test_pool_destroy(&e->pool);
}

/* Walk and compare; reports the format on mismatch. */
static void check_walk(const struct env *e, u64 virt, u64 phys, u64 size,
		       unsigned long flags, int line)
{
	struct paging_walk w = { 0 };
	int err = paging_walk(&e->pg, virt, &w);

	if (err || w.phys != phys || w.page_size != size || w.flags != flags)
		unit_fail(__FILE__, line,
			  "%s: walk 0x%llx: err %d phys 0x%llx size 0x%llx "
			  "flags 0x%lx, want phys 0x%llx size 0x%llx "
			  "flags 0x%lx", e->pg.fmt->name,
			  (unsigned long long)virt, err,
			  (unsigned long long)w.phys,
			  (unsigned long long)w.page_size, w.flags,
			  (unsigned long long)phys, (unsigned long long)size,
			  flags);
}

#define CHECK_WALK(e, v, p, s, f)	check_walk(e, v, p, s, f, __LINE__)

static void check_unmapped(const struct env *e, u64 virt, int line)
{
	struct paging_walk w;
	int err = paging_walk(&e->pg, virt, &w);

	if (err != -ENOENT)
		unit_fail(__FILE__, line, "%s: 0x%llx still mapped (%d)",
			  e->pg.fmt->name, (unsigned long long)virt, err);
}

#define CHECK_UNMAPPED(e, v)	check_unmapped(e, v, __LINE__)

#define RW	(PAGE_FLAG_READ | PAGE_FLAG_WRITE)

TEST(paging_map_each_page_size)
{
	const struct fmt_case *c;
	struct env e;

	FOR_EACH_CASE(c) {
		ASSERT_EQ(env_setup(&e, c, 64), 0);

		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys + SZ_4K, SZ_4K,
				     RW), 0);
		EXPECT_EQ(e.pool.used_pages - e.baseline, c->tables_4k);
		CHECK_WALK(&e, c->virt + 0x123, c->phys + SZ_4K + 0x123,
			   SZ_4K, RW);
		CHECK_UNMAPPED(&e, c->virt + SZ_4K);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt, SZ_4K), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);
		CHECK_UNMAPPED(&e, c->virt);

		ASSERT_EQ(paging_map(&e.pg, c->virt + SZ_2M, c->phys + SZ_2M,
				     SZ_2M, RW), 0);
		EXPECT_EQ(e.pool.used_pages - e.baseline, c->tables_2m);
		CHECK_WALK(&e, c->virt + SZ_2M + 0x1234f,
			   c->phys + SZ_2M + 0x1234f, SZ_2M, RW);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt + SZ_2M, SZ_2M), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);

		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_1G, RW), 0);
		EXPECT_EQ(e.pool.used_pages - e.baseline, c->tables_1g);
		CHECK_WALK(&e, c->virt + 0x3abcd123, c->phys + 0x3abcd123,
			   SZ_1G, RW);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt, SZ_1G), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);

		env_teardown(&e);
	}
}

TEST(paging_cross_boundary_range)
{
	const struct fmt_case *c;
	struct env e;
	u64 v, p;

	FOR_EACH_CASE(c) {
		ASSERT_EQ(env_setup(&e, c, 64), 0);
		/* 2 small pages, one 2M page, 2 small pages. */
		v = c->virt + SZ_2M - 2 * SZ_4K;
		p = c->phys + SZ_2M - 2 * SZ_4K;
		ASSERT_EQ(paging_map(&e.pg, v, p, SZ_2M + 4 * SZ_4K, RW), 0);
		CHECK_UNMAPPED(&e, v - SZ_4K);
		CHECK_WALK(&e, v, p, SZ_4K, RW);
		CHECK_WALK(&e, v + SZ_4K, p + SZ_4K, SZ_4K, RW);
		CHECK_WALK(&e, c->virt + SZ_2M + 5, c->phys + SZ_2M + 5,
			   SZ_2M, RW);
		CHECK_WALK(&e, c->virt + 2 * SZ_2M + SZ_4K,
			   c->phys + 2 * SZ_2M + SZ_4K, SZ_4K, RW);
		CHECK_UNMAPPED(&e, c->virt + 2 * SZ_2M + 2 * SZ_4K);
		EXPECT_EQ(paging_unmap(&e.pg, v, SZ_2M + 4 * SZ_4K), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);

		/* Virt and phys differ in 2M alignment: small pages only. */
		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys + SZ_4K,
				     2 * SZ_2M, RW), 0);
		CHECK_WALK(&e, c->virt + SZ_2M, c->phys + SZ_2M + SZ_4K,
			   SZ_4K, RW);
		CHECK_WALK(&e, c->virt + 2 * SZ_2M - SZ_4K,
			   c->phys + 2 * SZ_2M, SZ_4K, RW);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt, 2 * SZ_2M), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);

		/* Crossing a 1G boundary (and a root entry on x86/arm64). */
		v = c->virt + SZ_1G - SZ_2M;
		ASSERT_EQ(paging_map(&e.pg, v, c->phys, 2 * SZ_2M, RW), 0);
		CHECK_WALK(&e, v, c->phys, SZ_2M, RW);
		CHECK_WALK(&e, v + SZ_2M, c->phys + SZ_2M, SZ_2M, RW);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt, 2 * SZ_1G), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);
		env_teardown(&e);
	}
}

TEST(paging_partial_unmap_splits_huge_pages)
{
	const unsigned long flags = PAGE_FLAG_READ | PAGE_FLAG_EXEC;
	const struct fmt_case *c;
	struct env e;

	FOR_EACH_CASE(c) {
		ASSERT_EQ(env_setup(&e, c, 64), 0);

		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_2M, flags),
			  0);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt + SZ_4K, SZ_4K), 0);
		EXPECT_EQ(e.pool.used_pages - e.baseline, c->tables_4k);
		CHECK_WALK(&e, c->virt, c->phys, SZ_4K, flags);
		CHECK_UNMAPPED(&e, c->virt + SZ_4K);
		CHECK_WALK(&e, c->virt + 2 * SZ_4K + 7,
			   c->phys + 2 * SZ_4K + 7, SZ_4K, flags);
		CHECK_WALK(&e, c->virt + SZ_2M - SZ_4K,
			   c->phys + SZ_2M - SZ_4K, SZ_4K, flags);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt, SZ_2M), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);

		/* 1G page split down two levels. */
		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_1G, flags),
			  0);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt + 3 * SZ_2M + SZ_4K,
				       SZ_4K), 0);
		EXPECT_EQ(e.pool.used_pages - e.baseline, c->tables_4k);
		CHECK_WALK(&e, c->virt, c->phys, SZ_2M, flags);
		CHECK_WALK(&e, c->virt + 3 * SZ_2M, c->phys + 3 * SZ_2M,
			   SZ_4K, flags);
		CHECK_UNMAPPED(&e, c->virt + 3 * SZ_2M + SZ_4K);
		CHECK_WALK(&e, c->virt + SZ_1G - 1, c->phys + SZ_1G - 1,
			   SZ_2M, flags);
		/* Unmapping in pieces frees the split tables again. */
		EXPECT_EQ(paging_unmap(&e.pg, c->virt, 3 * SZ_2M + SZ_4K), 0);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt + 3 * SZ_2M + SZ_4K,
				       SZ_1G - 3 * SZ_2M - SZ_4K), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);
		env_teardown(&e);
	}
}

TEST(paging_overwrite_and_limits)
{
	const struct fmt_case *c;
	struct env e;

	FOR_EACH_CASE(c) {
		ASSERT_EQ(env_setup(&e, c, 64), 0);

		/* Small pages replaced by one 2M page: tables go away. */
		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys, 16 * SZ_4K,
				     RW), 0);
		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys + SZ_2M, SZ_2M,
				     PAGE_FLAG_READ), 0);
		EXPECT_EQ(e.pool.used_pages - e.baseline, c->tables_2m);
		CHECK_WALK(&e, c->virt + SZ_4K, c->phys + SZ_2M + SZ_4K,
			   SZ_2M, PAGE_FLAG_READ);

		/* NO_HUGE is honoured and not stored. */
		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_2M,
				     RW | PAGE_FLAG_NO_HUGE), 0);
		CHECK_WALK(&e, c->virt + SZ_2M - 1, c->phys + SZ_2M - 1,
			   SZ_4K, RW);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt, SZ_2M), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);

		/* A CPU without 1G pages gets 2M ones. */
		e.pg.max_page_size = SZ_2M;
		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_1G, RW), 0);
		CHECK_WALK(&e, c->virt + SZ_1G - 1, c->phys + SZ_1G - 1,
			   SZ_2M, RW);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt, SZ_1G), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);

		EXPECT_EQ(paging_map(&e.pg, c->virt + 1, c->phys, SZ_4K, RW),
			  -EINVAL);
		EXPECT_EQ(paging_map(&e.pg, c->virt, c->phys + 8, SZ_4K, RW),
			  -EINVAL);
		EXPECT_EQ(paging_map(&e.pg, c->virt, c->phys, 100, RW),
			  -EINVAL);
		EXPECT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_4K,
				     PAGE_FLAG_WRITE), -EINVAL);
		EXPECT_EQ(paging_map(&e.pg, c->virt,
				     1ULL << c->fmt->pa_bits, SZ_4K, RW),
			  -EINVAL);
		EXPECT_EQ(e.pool.used_pages, e.baseline);
		env_teardown(&e);
	}
}

TEST(paging_address_space_limits)
{
	const struct fmt_case *c = &cases[0];
	struct env e;

	ASSERT_EQ(env_setup(&e, c, 16), 0);
	/* Non-canonical on x86-64. */
	EXPECT_EQ(paging_map(&e.pg, 0x0000800000000000ULL, 0, SZ_4K, RW),
		  -EINVAL);
	EXPECT_EQ(paging_map(&e.pg, 0xfff0000000000000ULL, 0, SZ_4K, RW),
		  -EINVAL);
	/* Running off the top of the lower half. */
	EXPECT_EQ(paging_map(&e.pg, 0x00007ffffffff000ULL, 0, 2 * SZ_4K, RW),
		  -EINVAL);
	/* The hypervisor's link address is fine, up to the very top. */
	EXPECT_EQ(paging_map(&e.pg, 0xfffffffff0000000ULL, 0x3a000000,
			     0x10000000, RW), 0);
	CHECK_WALK(&e, 0xfffffffffffff000ULL, 0x49fff000, SZ_2M, RW);
	CHECK_WALK(&e, 0xfffffffff0200000ULL, 0x3a200000, SZ_2M, RW);
	EXPECT_EQ(paging_unmap(&e.pg, 0xfffffffff0000000ULL, 0x10000000), 0);
	EXPECT_EQ(e.pool.used_pages, e.baseline);
	env_teardown(&e);

	/* ARMv7 HYP: 32-bit virtual addresses only. */
	c = &cases[4];
	ASSERT_EQ(env_setup(&e, c, 16), 0);
	EXPECT_EQ(paging_map(&e.pg, 0x100000000ULL, 0, SZ_4K, RW), -EINVAL);
	EXPECT_EQ(paging_map(&e.pg, 0xfffff000ULL, 0, 2 * SZ_4K, RW),
		  -EINVAL);
	EXPECT_EQ(paging_map(&e.pg, 0xfffff000ULL, 0xff00000000ULL, SZ_4K,
			     RW), 0);
	CHECK_WALK(&e, 0xfffff000ULL, 0xff00000000ULL, SZ_4K, RW);
	env_teardown(&e);
}

TEST(paging_out_of_memory)
{
	const struct fmt_case *c;
	struct env e;

	FOR_EACH_CASE(c) {
		/* Root plus one table: a 4K mapping cannot complete. */
		ASSERT_EQ(env_setup(&e, c, c->fmt == &arm_stage2_paging ?
				    3 : 2), 0);
		EXPECT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_4K, RW),
			  c->tables_4k > 1 ? -ENOMEM : 0);
		EXPECT_EQ(paging_unmap(&e.pg, c->virt, SZ_1G), 0);
		EXPECT_EQ(e.pool.used_pages, e.baseline);
		env_teardown(&e);
	}
}

TEST(paging_flag_round_trip)
{
	static const unsigned long flag_sets[] = {
		PAGE_FLAG_READ,
		PAGE_FLAG_READ | PAGE_FLAG_WRITE,
		PAGE_FLAG_READ | PAGE_FLAG_EXEC,
		PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_DEVICE,
		PAGE_FLAGS_STORED,
	};
	const struct fmt_case *c;
	unsigned int n;
	struct env e;

	FOR_EACH_CASE(c) {
		ASSERT_EQ(env_setup(&e, c, 16), 0);
		for (n = 0; n < ARRAY_ELEMS(flag_sets); n++) {
			ASSERT_EQ(paging_map(&e.pg, c->virt + n * SZ_2M,
					     c->phys, SZ_2M, flag_sets[n]), 0);
			ASSERT_EQ(paging_map(&e.pg, c->virt + SZ_1G +
					     n * SZ_4K, c->phys, SZ_4K,
					     flag_sets[n]), 0);
		}
		for (n = 0; n < ARRAY_ELEMS(flag_sets); n++) {
			CHECK_WALK(&e, c->virt + n * SZ_2M, c->phys, SZ_2M,
				   flag_sets[n]);
			CHECK_WALK(&e, c->virt + SZ_1G + n * SZ_4K, c->phys,
				   SZ_4K, flag_sets[n]);
		}
		env_teardown(&e);
	}
}

TEST(paging_concatenated_root_alignment)
{
	const struct fmt_case *c = &cases[5];
	struct env e;

	/* The pool starts on an odd page: the 8K root must skip it. */
	test_pool_create(&e.pool, 8, TABLE_PHYS + SZ_4K);
	ASSERT_EQ(paging_init(&e.pg, c->fmt, &e.pool), 0);
	EXPECT_EQ(paging_root_phys(&e.pg) % (2 * SZ_4K), 0);
	EXPECT_EQ(e.pool.used_pages, 2);
	/* Root entries 512+ live in the second page. */
	ASSERT_EQ(paging_map(&e.pg, 0xff40000000ULL, 0x40000000, SZ_1G, RW),
		  0);
	EXPECT_NE(e.pg.root[1021], 0);
	CHECK_WALK(&e, 0xff40000010ULL, 0x40000010, SZ_1G, RW);
	paging_destroy(&e.pg);
	EXPECT_EQ(e.pool.used_pages, 0);
	test_pool_destroy(&e.pool);
}

/* What the break-before-make hook saw. */
static struct {
	unsigned int calls;
	/* Calls made while the range was still mapped: must stay 0. */
	unsigned int early;
	/* The last call, and the pool usage at the first one. */
	u64 virt, size;
	unsigned long first_pool_used;
	const struct page_pool *pool;
} bbm;

static void record_invalidate(const struct paging_structures *pg, u64 virt,
			      u64 size)
{
	struct paging_walk w;

	if (!bbm.calls++)
		bbm.first_pool_used = bbm.pool->used_pages;
	if (paging_walk(pg, virt, &w) == 0 ||
	    paging_walk(pg, virt + size - 1, &w) == 0)
		bbm.early++;
	bbm.virt = virt;
	bbm.size = size;
}

TEST(paging_break_before_make)
{
	const unsigned long ro = PAGE_FLAG_READ;
	const struct fmt_case *c;
	struct env e;

	FOR_EACH_CASE(c) {
		ASSERT_EQ(env_setup(&e, c, 64), 0);
		memset(&bbm, 0, sizeof(bbm));
		bbm.pool = &e.pool;
		e.pg.invalidate = record_invalidate;

		/* New and identical mappings need no invalidation. */
		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_2M, RW), 0);
		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_2M, RW), 0);
		EXPECT_EQ(bbm.calls, 0);

		/* Other flags: the old entry goes first. */
		ASSERT_EQ(paging_map(&e.pg, c->virt, c->phys, SZ_2M, ro), 0);
		EXPECT_EQ(bbm.calls, 1);
		EXPECT_EQ(bbm.virt, c->virt);
		EXPECT_EQ(bbm.size, SZ_2M);
		CHECK_WALK(&e, c->virt + 5, c->phys + 5, SZ_2M, ro);

		/* A split clears the block, then the 4K page goes. */
		ASSERT_EQ(paging_unmap(&e.pg, c->virt + SZ_4K, SZ_4K), 0);
		EXPECT_EQ(bbm.calls, 3);
		EXPECT_EQ(bbm.virt, c->virt + SZ_4K);
		EXPECT_EQ(bbm.size, SZ_4K);
		CHECK_WALK(&e, c->virt, c->phys, SZ_4K, ro);

		EXPECT_EQ(bbm.early, 0);

		/*
		 * The tables behind a cleared entry live until after the
		 * invalidation (upper levels that become empty follow).
		 */
		bbm.calls = 0;
		ASSERT_EQ(paging_unmap(&e.pg, c->virt, SZ_2M), 0);
		EXPECT_LE(1, bbm.calls);
		EXPECT_EQ(bbm.first_pool_used - e.baseline, c->tables_4k);
		EXPECT_EQ(e.pool.used_pages, e.baseline);
		EXPECT_EQ(bbm.early, 0);
		env_teardown(&e);
	}
}
