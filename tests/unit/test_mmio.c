// SPDX-License-Identifier: GPL-2.0
/*
 * The core MMIO dispatcher (hypervisor/mmio.c): the table stays sorted
 * through inserts and removals, overlaps and a full table are refused,
 * only an access wholly inside a region reaches its handler (with the
 * address made relative), lookups stay right while a writer changes the
 * table, and sub-page regions let through only what their flags allow.
 *
 * Sub-page accesses reach fake_phys (arch_stubs.c) through the remap
 * pool; the region's guest address differs from its physical one so
 * that a missed translation shows.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/mmio.h>
#include <core/page_pool.h>

#include "arch_stubs.h"
#include "test_pool.h"
#include "test_units.h"
#include "unit.h"

#define MAX_TEST_REGIONS	8
#define SUBPAGE_GUEST		0xfe000f00ULL
#define SUBPAGE_PHYS		(FAKE_PHYS_BASE + 0x3f00)

struct test_cfg {
	struct jailhouse_cell_desc desc;
	struct jailhouse_memory mem[3];
} __attribute__((packed));

static struct test_cfg cfg;
static struct cell cell;
static struct page_pool saved_mem, saved_remap;

/* Handler calls: which handler, with what relative address. */
static unsigned int calls;
static unsigned long last_arg;
static u64 last_offset;

static enum mmio_result record(void *arg, struct mmio_access *acc)
{
	calls++;
	last_arg = (unsigned long)arg;
	last_offset = acc->address;
	acc->value = (unsigned long)arg;
	return (unsigned long)arg == 99 ? MMIO_ERROR : MMIO_HANDLED;
}

/* A cell whose table holds `regions` entries (from the test units). */
static int make_cell(unsigned int regions, unsigned int num_mem)
{
	saved_mem = mem_pool;
	saved_remap = remap_pool;
	test_pool_create(&mem_pool, 16, 0x200000);
	test_pool_create(&remap_pool, 4, 0);
	cfg.desc.num_memory_regions = num_mem;
	strcpy(cfg.desc.name, "mmio-test");
	cell = (struct cell){ .id = 1, .config = &cfg.desc };
	test_units_arm(true);
	/* Three test units, each counting this many regions. */
	test_unit_regions = regions;
	return mmio_cell_init(&cell);
}

static void drop_cell(void)
{
	mmio_cell_exit(&cell);
	test_units_arm(false);
	test_pool_destroy(&mem_pool);
	test_pool_destroy(&remap_pool);
	mem_pool = saved_mem;
	remap_pool = saved_remap;
	memset(&cfg, 0, sizeof(cfg));
}

static enum mmio_result access(u64 addr, unsigned int size, bool write,
			       u64 *value)
{
	struct mmio_access acc = {
		.address = addr, .size = size, .is_write = write,
		.value = value ? *value : 0,
	};
	enum mmio_result res = mmio_handle_access(&cell, &acc);

	if (value)
		*value = acc.value;
	return res;
}

static bool table_sorted(void)
{
	unsigned int n;

	for (n = 1; n < cell.mmio.num_regions; n++)
		if (cell.mmio.locations[n - 1].start +
		    cell.mmio.locations[n - 1].size >
		    cell.mmio.locations[n].start)
			return false;
	return true;
}

TEST(mmio_table_sized_by_units_and_subpages)
{
	unsigned long used;

	/* 3 units x 2 regions, plus one sub-page region of the config. */
	cfg.mem[0] = (struct jailhouse_memory){
		.phys_start = SUBPAGE_PHYS, .virt_start = SUBPAGE_GUEST,
		.size = 0x100, .flags = JAILHOUSE_MEM_IO | JAILHOUSE_MEM_READ,
	};
	cfg.mem[1] = (struct jailhouse_memory){
		.phys_start = 0x1000, .virt_start = 0x1000, .size = 0x1000,
		.flags = JAILHOUSE_MEM_IO | JAILHOUSE_MEM_READ,
	};
	ASSERT_EQ(make_cell(2, 2), 0);
	EXPECT_EQ(cell.mmio.max_regions, 3 * 2 + 1);
	EXPECT_EQ(cell.mmio.num_regions, 0);
	used = mem_pool.used_pages;
	EXPECT_EQ(used, 1);
	drop_cell();

	/* Nothing to trap: no table, no page. */
	ASSERT_EQ(make_cell(0, 0), 0);
	EXPECT_EQ(cell.mmio.max_regions, 0);
	EXPECT_EQ(mem_pool.used_pages, 0);
	EXPECT_EQ(access(0x1000, 4, false, NULL), MMIO_UNHANDLED);
	drop_cell();

	/* Past the limit, whatever the pool could hold. */
	EXPECT_EQ(make_cell(MMIO_MAX_REGIONS / 3 + 1, 0), -E2BIG);
	EXPECT_EQ(mem_pool.used_pages, 0);
	drop_cell();
}

TEST(mmio_sorted_insert_and_remove)
{
	static const u64 starts[] = { 0x5000, 0x1000, 0x9000, 0x3000, 0x7000 };
	unsigned int n;
	u64 value;

	ASSERT_EQ(make_cell(3, 0), 0);
	for (n = 0; n < ARRAY_ELEMS(starts); n++)
		ASSERT_EQ(mmio_region_register(&cell, starts[n], 0x1000,
					       record, (void *)(starts[n] >> 12)),
			  0);
	EXPECT_EQ(cell.mmio.num_regions, 5);
	EXPECT_TRUE(table_sorted());
	for (n = 0; n < 5; n++)
		EXPECT_EQ(cell.mmio.locations[n].start, 0x1000 + n * 0x2000);

	/* Each region's handler, with the address relative to it. */
	for (n = 0; n < ARRAY_ELEMS(starts); n++) {
		calls = 0;
		EXPECT_EQ(access(starts[n] + 0x10 * n, 4, false, &value),
			  MMIO_HANDLED);
		EXPECT_EQ(calls, 1);
		EXPECT_EQ(value, starts[n] >> 12);
		EXPECT_EQ(last_offset, 0x10 * n);
	}

	/* Out of the middle, the ends; unknown starts change nothing. */
	mmio_region_unregister(&cell, 0x5000);
	mmio_region_unregister(&cell, 0x1000);
	mmio_region_unregister(&cell, 0x9000);
	mmio_region_unregister(&cell, 0x3004);
	mmio_region_unregister(&cell, 0x4000);
	EXPECT_EQ(cell.mmio.num_regions, 2);
	EXPECT_EQ(cell.mmio.locations[0].start, 0x3000);
	EXPECT_EQ(cell.mmio.locations[1].start, 0x7000);
	EXPECT_EQ(access(0x5000, 4, false, NULL), MMIO_UNHANDLED);
	EXPECT_EQ(access(0x1ffc, 4, false, NULL), MMIO_UNHANDLED);
	EXPECT_EQ(access(0x9000, 1, false, NULL), MMIO_UNHANDLED);
	EXPECT_EQ(access(0x7ff8, 8, false, &value), MMIO_HANDLED);
	EXPECT_EQ(value, 7);
	EXPECT_EQ(last_offset, 0xff8);

	/* A freed slot takes a region again, in order. */
	EXPECT_EQ(mmio_region_register(&cell, 0x5000, 0x10, record,
				       (void *)5), 0);
	EXPECT_TRUE(table_sorted());
	EXPECT_EQ(cell.mmio.locations[1].start, 0x5000);
	drop_cell();
}

TEST(mmio_overlaps_and_bad_ranges_refused)
{
	ASSERT_EQ(make_cell(3, 0), 0);
	ASSERT_EQ(mmio_region_register(&cell, 0x2000, 0x1000, record,
				       (void *)1), 0);
	ASSERT_EQ(mmio_region_register(&cell, 0x4000, 0x1000, record,
				       (void *)2), 0);
	/* Same start, inside, over either end, over a whole one. */
	EXPECT_EQ(mmio_region_register(&cell, 0x2000, 0x10, record, NULL),
		  -EEXIST);
	EXPECT_EQ(mmio_region_register(&cell, 0x2800, 0x10, record, NULL),
		  -EEXIST);
	EXPECT_EQ(mmio_region_register(&cell, 0x1800, 0x801, record, NULL),
		  -EEXIST);
	EXPECT_EQ(mmio_region_register(&cell, 0x2fff, 0x2, record, NULL),
		  -EEXIST);
	EXPECT_EQ(mmio_region_register(&cell, 0x3000, 0x1001, record, NULL),
		  -EEXIST);
	EXPECT_EQ(mmio_region_register(&cell, 0x1000, 0x10000, record, NULL),
		  -EEXIST);
	/* Empty or wrapping. */
	EXPECT_EQ(mmio_region_register(&cell, 0x8000, 0, record, NULL),
		  -EINVAL);
	EXPECT_EQ(mmio_region_register(&cell, ~0ULL - 0xff, 0x200, record,
				       NULL), -EINVAL);
	EXPECT_EQ(cell.mmio.num_regions, 2);
	/* Touching neighbours on both sides is fine; so is the top end. */
	EXPECT_EQ(mmio_region_register(&cell, 0x3000, 0x1000, record,
				       (void *)3), 0);
	EXPECT_EQ(mmio_region_register(&cell, ~0ULL - 0xff, 0x100, record,
				       (void *)4), 0);
	EXPECT_EQ(access(~0ULL - 3, 4, false, NULL), MMIO_HANDLED);
	EXPECT_EQ(last_arg, 4);
	EXPECT_TRUE(table_sorted());
	drop_cell();
}

TEST(mmio_full_table_refused)
{
	unsigned int n;

	ASSERT_EQ(make_cell(1, 0), 0);
	ASSERT_EQ(cell.mmio.max_regions, 3);
	for (n = 0; n < 3; n++)
		ASSERT_EQ(mmio_region_register(&cell, 0x10000 * (n + 1),
					       0x100, record, NULL), 0);
	EXPECT_EQ(mmio_region_register(&cell, 0x1000, 0x100, record, NULL),
		  -ENOSPC);
	EXPECT_EQ(cell.mmio.num_regions, 3);
	drop_cell();
}

TEST(mmio_access_must_lie_wholly_in_a_region)
{
	u64 value = 0x1234;

	ASSERT_EQ(make_cell(1, 0), 0);
	ASSERT_EQ(mmio_region_register(&cell, 0x8000000, 0x10000, record,
				       (void *)1), 0);
	ASSERT_EQ(mmio_region_register(&cell, 0x9000000, 0x1000, record,
				       (void *)99), 0);
	calls = 0;
	/* Straddling the end, starting just past it, or in front. */
	EXPECT_EQ(access(0x800fffe, 4, true, &value), MMIO_UNHANDLED);
	EXPECT_EQ(access(0x800fffc, 8, false, &value), MMIO_UNHANDLED);
	EXPECT_EQ(access(0x8010000, 1, false, &value), MMIO_UNHANDLED);
	EXPECT_EQ(access(0x7ffffff, 2, false, &value), MMIO_UNHANDLED);
	EXPECT_EQ(calls, 0);
	/* Untouched when unhandled. */
	EXPECT_EQ(value, 0x1234);

	EXPECT_EQ(access(0x800fffc, 4, false, &value), MMIO_HANDLED);
	EXPECT_EQ(last_offset, 0xfffc);
	/* The handler's refusal is the result. */
	EXPECT_EQ(access(0x9000ffc, 4, true, &value), MMIO_ERROR);
	EXPECT_EQ(last_offset, 0xffc);
	EXPECT_EQ(calls, 2);
	drop_cell();
}

/*
 * Lookups while a writer is at work: the reader must neither return a
 * half-moved entry nor miss a region that is there all along.
 */
struct reader_state {
	volatile bool stop;
	unsigned long lookups;
	unsigned long wrong;
};

static void *reader(void *arg)
{
	struct reader_state *st = arg;
	u64 value;

	while (!st->stop) {
		value = 0;
		/* 0x8000 stays registered; inserts shift it around. */
		if (access(0x8010, 4, false, &value) != MMIO_HANDLED ||
		    value != 8)
			st->wrong++;
		st->lookups++;
	}
	return NULL;
}

TEST(mmio_lookup_during_reconfiguration)
{
	struct reader_state st = { 0 };
	pthread_t thread;
	unsigned int round, n;

	ASSERT_EQ(make_cell(4, 0), 0);
	ASSERT_EQ(mmio_region_register(&cell, 0x8000, 0x100, record,
				       (void *)8), 0);
	ASSERT_EQ(pthread_create(&thread, NULL, reader, &st), 0);
	for (round = 0; round < 20000 || st.lookups < 20000; round++) {
		/* Regions in front of 0x8000 move its entry each time. */
		for (n = 0; n < 6; n++)
			mmio_region_register(&cell, n * 0x1000, 0x100, record,
					     (void *)(unsigned long)n);
		for (n = 0; n < 6; n++)
			mmio_region_unregister(&cell, n * 0x1000);
	}
	st.stop = true;
	pthread_join(thread, NULL);
	EXPECT_EQ(st.wrong, 0);
	EXPECT_LT(1000, st.lookups);
	EXPECT_EQ(cell.mmio.generation % 2, 0);
	drop_cell();
}

struct blocked_state {
	volatile bool done;
	enum mmio_result res;
	u64 value;
};

static void *blocked_reader(void *arg)
{
	struct blocked_state *st = arg;

	st->value = 0;
	st->res = access(0x3000, 4, false, &st->value);
	st->done = true;
	return NULL;
}

TEST(mmio_lookup_waits_for_a_writer_mid_update)
{
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	struct blocked_state st = { 0 };
	pthread_t thread;

	ASSERT_EQ(make_cell(1, 0), 0);
	ASSERT_EQ(mmio_region_register(&cell, 0x3000, 0x100, record,
				       (void *)1), 0);
	/*
	 * A writer is mid-way (odd generation) through replacing the
	 * region's handler: the lookup must wait and see the new one.
	 */
	cell.mmio.generation++;
	cell.mmio.handlers[0].arg = (void *)0x5a5a;
	ASSERT_EQ(pthread_create(&thread, NULL, blocked_reader, &st), 0);
	nanosleep(&pause, NULL);
	EXPECT_FALSE(st.done);
	cell.mmio.handlers[0].arg = (void *)2;
	__atomic_store_n(&cell.mmio.generation, cell.mmio.generation + 1,
			 __ATOMIC_RELEASE);
	pthread_join(thread, NULL);
	EXPECT_TRUE(st.done);
	EXPECT_EQ(st.res, MMIO_HANDLED);
	EXPECT_EQ(st.value, 2);
	drop_cell();
}

TEST(mmio_is_subpage_only_for_unaligned_io)
{
	struct jailhouse_memory mem = {
		.phys_start = 0x1000, .virt_start = 0x1000, .size = 0x1000,
		.flags = JAILHOUSE_MEM_IO | JAILHOUSE_MEM_READ,
	};

	EXPECT_FALSE(mmio_is_subpage(&mem));
	mem.size = 0x100;
	EXPECT_TRUE(mmio_is_subpage(&mem));
	mem.size = 0x1000;
	mem.virt_start = 0x1800;
	EXPECT_TRUE(mmio_is_subpage(&mem));
	/* RAM is never emulated (config_check refuses it unaligned). */
	mem.flags = JAILHOUSE_MEM_READ;
	EXPECT_FALSE(mmio_is_subpage(&mem));
}

static u32 phys32(u64 phys)
{
	u32 v;

	memcpy(&v, fake_phys + (phys - FAKE_PHYS_BASE), sizeof(v));
	return v;
}

static void subpage_cell(u64 flags)
{
	cfg.mem[0] = (struct jailhouse_memory){
		.phys_start = SUBPAGE_PHYS, .virt_start = SUBPAGE_GUEST,
		.size = 0x100, .flags = JAILHOUSE_MEM_IO | flags,
	};
}

TEST(mmio_subpage_reaches_the_device)
{
	unsigned long remap_used;
	u64 value;

	subpage_cell(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE);
	ASSERT_EQ(make_cell(0, 1), 0);
	ASSERT_EQ(cell.mmio.max_regions, 1);
	ASSERT_EQ(mmio_subpage_register(&cell, &cfg.mem[0]), 0);
	remap_used = remap_pool.used_pages;

	memset(fake_phys + (SUBPAGE_PHYS - FAKE_PHYS_BASE), 0, 0x100);
	value = 0xa5a5a5a5;
	EXPECT_EQ(access(SUBPAGE_GUEST + 0x10, 4, true, &value),
		  MMIO_HANDLED);
	EXPECT_EQ(phys32(SUBPAGE_PHYS + 0x10), 0xa5a5a5a5);
	value = 0x77;
	EXPECT_EQ(access(SUBPAGE_GUEST + 0xff, 1, true, &value),
		  MMIO_HANDLED);
	EXPECT_EQ(fake_phys[SUBPAGE_PHYS - FAKE_PHYS_BASE + 0xff], 0x77);
	value = 0;
	EXPECT_EQ(access(SUBPAGE_GUEST + 0x12, 2, false, &value),
		  MMIO_HANDLED);
	EXPECT_EQ(value, 0xa5a5);
	value = 0;
	EXPECT_EQ(access(SUBPAGE_GUEST + 0xf8, 8, false, &value),
		  MMIO_HANDLED);
	EXPECT_EQ(value, 0x7700000000000000ULL);
	/* Every access gives its window back. */
	EXPECT_EQ(remap_pool.used_pages, remap_used);

	/* Outside: the page's other registers stay out of reach. */
	EXPECT_EQ(access(SUBPAGE_GUEST + 0x100, 1, false, &value),
		  MMIO_UNHANDLED);
	EXPECT_EQ(access(SUBPAGE_GUEST - 4, 4, false, &value),
		  MMIO_UNHANDLED);
	EXPECT_EQ(access(SUBPAGE_GUEST + 0xfc, 8, false, &value),
		  MMIO_UNHANDLED);
	drop_cell();
}

TEST(mmio_subpage_refuses_misaligned_and_wrong_width)
{
	unsigned int before;
	u64 value = 0x11;

	subpage_cell(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		     JAILHOUSE_MEM_IO_32 | JAILHOUSE_MEM_IO_8);
	ASSERT_EQ(make_cell(0, 1), 0);
	ASSERT_EQ(mmio_subpage_register(&cell, &cfg.mem[0]), 0);
	memset(fake_phys + (SUBPAGE_PHYS - FAKE_PHYS_BASE), 0, 0x100);

	before = arch_map_device_calls;
	EXPECT_EQ(access(SUBPAGE_GUEST + 4, 4, true, &value), MMIO_HANDLED);
	EXPECT_EQ(access(SUBPAGE_GUEST + 9, 1, true, &value), MMIO_HANDLED);
	EXPECT_EQ(arch_map_device_calls, before + 2);
	/* Widths the flags leave out. */
	EXPECT_EQ(access(SUBPAGE_GUEST + 8, 2, true, &value), MMIO_ERROR);
	EXPECT_EQ(access(SUBPAGE_GUEST + 8, 8, false, &value), MMIO_ERROR);
	/* Misaligned, even with JAILHOUSE_MEM_IO_UNALIGNED. */
	EXPECT_EQ(access(SUBPAGE_GUEST + 6, 4, true, &value), MMIO_ERROR);
	cfg.mem[0].flags |= JAILHOUSE_MEM_IO_UNALIGNED;
	EXPECT_EQ(access(SUBPAGE_GUEST + 2, 4, false, &value), MMIO_ERROR);
	/* Nothing reached the device. */
	EXPECT_EQ(arch_map_device_calls, before + 2);
	EXPECT_EQ(phys32(SUBPAGE_PHYS + 8), 0x1100);
	EXPECT_EQ(phys32(SUBPAGE_PHYS + 4), 0x11);
	drop_cell();
}

TEST(mmio_subpage_direction_by_flags)
{
	u64 value = 0x42;

	subpage_cell(JAILHOUSE_MEM_READ);
	ASSERT_EQ(make_cell(0, 1), 0);
	ASSERT_EQ(mmio_subpage_register(&cell, &cfg.mem[0]), 0);
	memset(fake_phys + (SUBPAGE_PHYS - FAKE_PHYS_BASE), 0x33, 0x100);
	EXPECT_EQ(access(SUBPAGE_GUEST, 1, true, &value), MMIO_ERROR);
	EXPECT_EQ(fake_phys[SUBPAGE_PHYS - FAKE_PHYS_BASE], 0x33);
	EXPECT_EQ(access(SUBPAGE_GUEST, 1, false, &value), MMIO_HANDLED);
	EXPECT_EQ(value, 0x33);

	/* Write-only. */
	cfg.mem[0].flags = JAILHOUSE_MEM_IO | JAILHOUSE_MEM_WRITE;
	EXPECT_EQ(access(SUBPAGE_GUEST, 1, false, &value), MMIO_ERROR);
	value = 0x44;
	EXPECT_EQ(access(SUBPAGE_GUEST, 1, true, &value), MMIO_HANDLED);
	EXPECT_EQ(fake_phys[SUBPAGE_PHYS - FAKE_PHYS_BASE], 0x44);
	drop_cell();
}

TEST(mmio_subpage_window_full_refused)
{
	u64 value = 0;

	subpage_cell(JAILHOUSE_MEM_READ);
	ASSERT_EQ(make_cell(0, 1), 0);
	ASSERT_EQ(mmio_subpage_register(&cell, &cfg.mem[0]), 0);
	/* Someone holds the whole window: refused, not a fault. */
	ASSERT_TRUE(page_alloc(&remap_pool, remap_pool.pages) != NULL);
	EXPECT_EQ(access(SUBPAGE_GUEST, 4, false, &value), MMIO_ERROR);
	drop_cell();
}
