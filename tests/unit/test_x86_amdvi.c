// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-Vi host page-table entries against the bit layout of the AMD
 * IOMMU specification: permissions in every entry, NextLevel naming the
 * level a table entry points to.
 */
#include <string.h>

#include <core/paging.h>
#include <core/errno.h>
#include <x86/amd_iommu.h>
#include <x86/amd_iommu_ir.h>
#include <x86/paging_formats.h>

#include "test_pool.h"
#include "unit.h"

#define RW		(PAGE_FLAG_READ | PAGE_FLAG_WRITE)
#define POOL_PHYS	0x7000000ULL
#define IR		(1ULL << 61)
#define IW		(1ULL << 62)
#define NEXT(l)		((u64)(l) << 9)

TEST(amdvi_entry_bits)
{
	const struct paging_format *f = &amdvi_4level_paging;

	EXPECT_EQ(f->make_leaf(0x5000, RW | PAGE_FLAG_EXEC, true),
		  0x5001ULL | IR | IW);
	/* A 2 MiB leaf is NextLevel 0 in the PD, nothing else differs. */
	EXPECT_EQ(f->make_leaf(0x40200000, PAGE_FLAG_READ, false),
		  0x40200001ULL | IR);
	EXPECT_EQ(f->make_table_at(0x9000, 1), 0x9001ULL | IR | IW | NEXT(3));
	EXPECT_EQ(f->make_table_at(0x9000, 3), 0x9001ULL | IR | IW | NEXT(1));
	EXPECT_TRUE(f->entry_is_table(0x9001ULL | NEXT(2)));
	EXPECT_FALSE(f->entry_is_table(0x40200001ULL | IR));
	EXPECT_FALSE(f->entry_valid(0x9000ULL | IR | IW));
	EXPECT_EQ(f->leaf_flags(0x5001ULL | IR | IW, true), RW);
	EXPECT_EQ(f->leaf_flags(0x5001ULL | IR, false), PAGE_FLAG_READ);
}

/* The walk the unit does: root level 4, then 3, 2, 1 down to 4 KiB. */
TEST(amdvi_tables_name_each_level)
{
	struct paging_structures pg;
	struct paging_walk walk;
	struct page_pool pool;
	pt_entry_t *pdpt, *pd;

	test_pool_create(&pool, 8, POOL_PHYS);
	ASSERT_EQ(paging_init(&pg, &amdvi_4level_paging, &pool), 0);
	pg.max_page_size = 2ULL << 20;
	ASSERT_EQ(paging_map(&pg, 0x200000, 0x600000, 0x200000, RW), 0);
	ASSERT_EQ(paging_map(&pg, 0x1000, 0x3000, 0x1000, PAGE_FLAG_READ), 0);
	EXPECT_EQ(pg.root[0] & NEXT(7), NEXT(3));
	pdpt = page_pool_phys2virt(&pool, pg.root[0] & ~0xfffULL & ~(IR | IW));
	EXPECT_EQ(pdpt[0] & NEXT(7), NEXT(2));
	pd = page_pool_phys2virt(&pool, pdpt[0] & ~0xfffULL & ~(IR | IW));
	EXPECT_EQ(pd[0] & NEXT(7), NEXT(1));
	EXPECT_EQ(pd[1], 0x600001ULL | IR | IW);
	ASSERT_EQ(paging_walk(&pg, 0x1abc, &walk), 0);
	EXPECT_EQ(walk.phys, 0x3abcULL);
	EXPECT_EQ(walk.flags, (unsigned long)PAGE_FLAG_READ);
	paging_destroy(&pg);
	EXPECT_EQ(pool.used_pages, 0UL);
	test_pool_destroy(&pool);
}

TEST(amdvi_device_table_entries)
{
	u64 dte[AMDVI_DTE_QWORDS] = { ~0ULL, ~0ULL, ~0ULL, ~0ULL };

	amdvi_dte_translate(dte, 0x12345000, 7);
	/* V, TV, Mode 4 (bits 11:9), root, IR, IW; DomainID in 79:64. */
	EXPECT_EQ(dte[0], 0x12345803ULL | IR | IW);
	EXPECT_EQ(dte[1], 7ULL);
	/* Interrupt half off: messages pass (amdvi_dte_remap_interrupts). */
	EXPECT_EQ(dte[2], 0ULL);
	EXPECT_EQ(dte[3], 0ULL);
	amdvi_dte_block(dte);
	/* Valid, so nothing passes untranslated; no permissions. */
	EXPECT_EQ(dte[0], 0x3ULL);
	EXPECT_EQ(dte[1], 0ULL);
}

TEST(amdvi_commands)
{
	u64 cmd[AMDVI_CMD_QWORDS];

	/* Store address 51:3 across dwords 0-1, opcode 1, data after. */
	amdvi_cmd_completion_wait(cmd, 0x1234567008ULL, 0xabcd);
	EXPECT_EQ(cmd[0], 0x1000001234567009ULL);
	EXPECT_EQ(cmd[1], 0xabcdULL);
	amdvi_cmd_inv_devtab_entry(cmd, 0x0028);
	EXPECT_EQ(cmd[0], 0x2000000000000028ULL);
	EXPECT_EQ(cmd[1], 0ULL);
	/* DomainID in dword 1, all pages with S and PDE. */
	amdvi_cmd_inv_domain(cmd, 3);
	EXPECT_EQ(cmd[0], 0x3000000300000000ULL);
	EXPECT_EQ(cmd[1], 0x7ffffffffffff003ULL);
	/* INVALIDATE_INTERRUPT_TABLE: opcode 5, DeviceID in bits 15:0. */
	amdvi_cmd_inv_int_table(cmd, 0x0028);
	EXPECT_EQ(cmd[0], 0x5000000000000028ULL);
	EXPECT_EQ(cmd[1], 0ULL);
}

/*
 * The interrupt half of a cell's device's entry: IV, IntTabLen 11 (2048
 * entries), the table root, IntCtl 2 (remap); INIT, ExtINT, NMI (bits
 * 56-58) and LINT0/1 (62, 63) do not pass. The DMA half is untouched.
 */
TEST(amdvi_device_table_interrupt_half)
{
	u64 dte[AMDVI_DTE_QWORDS];

	amdvi_dte_translate(dte, 0x12345000, 7);
	amdvi_dte_remap_interrupts(dte, 0x7654000);
	EXPECT_EQ(dte[0], 0x12345803ULL | IR | IW);
	EXPECT_EQ(dte[1], 7ULL);
	EXPECT_EQ(dte[2], 0x2000000007654017ULL);
	EXPECT_EQ(dte[2] & (7ULL << 56 | 3ULL << 62), 0ULL);
	EXPECT_EQ(dte[3], 0ULL);
	EXPECT_EQ(AMDVI_IRT_PAGES * 4096, AMDVI_IRT_ENTRIES * 4);
}

/*
 * 32-bit entries: RemapEn, IntType (bits 4:2, 1 arbitrated), DM (6),
 * destination 15:8, vector 23:16; the device sends the index as data.
 */
TEST(amdvi_interrupt_entries)
{
	u64 address;
	u32 data;

	EXPECT_EQ(amdvi_irte_for_msi(0xfee01000, 0x40), 0x00400101U);
	EXPECT_EQ(amdvi_irte_for_msi(0xfee02004, 0x141), 0x00410245U);
	/* Edge trigger and level bits of the data do not matter. */
	EXPECT_EQ(amdvi_irte_for_msi(0xfee03000, 0xc052), 0x00520301U);
	amdvi_msi_select(5, &address, &data);
	EXPECT_EQ(address, 0xfee00000ULL);
	EXPECT_EQ(data, 5U);
}

/* Tables per device of a cell, all gone with the cell. */
TEST(amdvi_interrupt_tables)
{
	static const int cell_a, cell_b;
	const struct cell *a = (const void *)&cell_a;
	const struct cell *b = (const void *)&cell_b;
	unsigned int n;
	u32 *t;

	/* Room for three tables and a page. */
	test_pool_create(&mem_pool, 3 * AMDVI_IRT_PAGES + 1, POOL_PHYS);
	ASSERT_EQ(amdvi_irt_alloc(a, 0x28), 0);
	ASSERT_EQ(amdvi_irt_alloc(a, 0x10), 0);
	ASSERT_EQ(amdvi_irt_alloc(b, 0x30), 0);
	EXPECT_EQ(mem_pool.used_pages, 3UL * AMDVI_IRT_PAGES);
	t = amdvi_irt_of(a, 0x28);
	ASSERT_TRUE(t != NULL);
	for (n = 0; n < AMDVI_IRT_ENTRIES; n++)
		if (t[n])
			break;
	EXPECT_EQ(n, (unsigned int)AMDVI_IRT_ENTRIES);
	EXPECT_TRUE(amdvi_irt_of(b, 0x28) == NULL);
	EXPECT_TRUE(amdvi_irt_of(a, 0x30) == NULL);
	EXPECT_EQ(amdvi_irt_alloc(b, 0x38), -ENOMEM);
	/* Entries only in a device's own table, only where selectable. */
	EXPECT_EQ(amdvi_irt_set(a, 0x28, 255, 0x00400101), 0);
	EXPECT_EQ(t[255], 0x00400101U);
	EXPECT_EQ(amdvi_irt_set(a, 0x28, 256, 0x00400101), -ENOSPC);
	EXPECT_EQ(t[256], 0U);
	EXPECT_EQ(amdvi_irt_set(b, 0x28, 0, 0x00400101), -ENODEV);
	EXPECT_EQ(amdvi_irt_set(a, 0x38, 0, 0x00400101), -ENODEV);
	amdvi_irt_free_cell(a);
	EXPECT_TRUE(amdvi_irt_of(a, 0x28) == NULL);
	EXPECT_TRUE(amdvi_irt_of(b, 0x30) != NULL);
	EXPECT_EQ(mem_pool.used_pages, 1UL * AMDVI_IRT_PAGES);
	amdvi_irt_free_cell(b);
	EXPECT_EQ(mem_pool.used_pages, 0UL);
	test_pool_destroy(&mem_pool);
	memset(&mem_pool, 0, sizeof(mem_pool));
}

/* IO_PAGE_FAULT as the spec lays it out: code 2, RW in flag bit 21. */
TEST(amdvi_event_records)
{
	u64 write[AMDVI_EVENT_QWORDS] = {
		0x0028ULL | (2ULL << 60) | (1ULL << 53), 0x3a701000ULL };
	u64 read[AMDVI_EVENT_QWORDS] = { 0x0128ULL | (2ULL << 60),
					 0x3a000000ULL };
	u64 empty[AMDVI_EVENT_QWORDS] = { 0, 0 };
	struct amdvi_event ev;

	ASSERT_TRUE(amdvi_event_decode(write, &ev));
	EXPECT_EQ(ev.bdf, 0x28);
	EXPECT_EQ(ev.code, AMDVI_EVENT_IO_PAGE_FAULT);
	EXPECT_TRUE(ev.is_write);
	EXPECT_EQ(ev.address, 0x3a701000ULL);
	ASSERT_TRUE(amdvi_event_decode(read, &ev));
	EXPECT_EQ(ev.bdf, 0x128);
	EXPECT_FALSE(ev.is_write);
	EXPECT_FALSE(amdvi_event_decode(empty, &ev));
	EXPECT_STREQ(amdvi_event_reason(AMDVI_EVENT_IO_PAGE_FAULT),
		     "outside the cell's DMA memory");
	EXPECT_STREQ(amdvi_event_reason(0xf), "");
}

/* 128 entries of 32 bytes per page; the size field is pages - 1. */
TEST(amdvi_device_table_size)
{
	EXPECT_EQ(amdvi_devtab_pages(0), 1U);
	EXPECT_EQ(amdvi_devtab_pages(0x7f), 1U);
	EXPECT_EQ(amdvi_devtab_pages(0x80), 2U);
	EXPECT_EQ(amdvi_devtab_pages(0xfb), 2U);
	EXPECT_EQ(amdvi_devtab_pages(0xffff), 512U);
}

