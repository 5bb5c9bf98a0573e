// SPDX-License-Identifier: GPL-2.0
/*
 * VT-d root and context tables (x86/vtd.h): 256 root entries, one per
 * bus, each pointing at 256 context entries, one per device and
 * function. Entries are 128 bits; the hypervisor uses legacy mode only.
 */
#include <core/errno.h>
#include <core/page_pool.h>
#include <x86/vtd.h>

#define VTD_PRESENT		BIT_ULL(0)
#define VTD_ADDR		GENMASK_ULL(51, 12)
#define VTD_CTX_DID_SHIFT	8

int vtd_tables_init(struct vtd_tables *t, struct page_pool *pool)
{
	t->pool = pool;
	t->root = page_zalloc(pool, 1);
	return t->root ? 0 : -ENOMEM;
}

u64 vtd_tables_root_phys(const struct vtd_tables *t)
{
	return page_pool_virt2phys(t->pool, t->root);
}

static u64 *context_table(const struct vtd_tables *t, unsigned int bus)
{
	u64 lo = t->root[bus * 2];

	if (!(lo & VTD_PRESENT))
		return NULL;
	return page_pool_phys2virt(t->pool, lo & VTD_ADDR);
}

static u64 *context_table_get(struct vtd_tables *t, unsigned int bus)
{
	u64 *ctx = context_table(t, bus);

	if (ctx)
		return ctx;
	ctx = page_zalloc(t->pool, 1);
	if (!ctx)
		return NULL;
	t->root[bus * 2 + 1] = 0;
	t->root[bus * 2] = page_pool_virt2phys(t->pool, ctx) | VTD_PRESENT;
	return ctx;
}

int vtd_tables_set(struct vtd_tables *t, u16 bdf, u64 slptr, u16 did,
		   u8 aw)
{
	u64 *ctx = context_table_get(t, bdf >> 8);
	volatile u64 *entry;

	if (!ctx)
		return -ENOMEM;
	entry = &ctx[(bdf & 0xff) * 2];
	entry[0] = 0;
	entry[1] = aw | ((u64)did << VTD_CTX_DID_SHIFT);
	entry[0] = (slptr & VTD_ADDR) | VTD_PRESENT;
	return 0;
}

void vtd_tables_clear(struct vtd_tables *t, u16 bdf)
{
	u64 *ctx = context_table(t, bdf >> 8);
	volatile u64 *entry;

	if (!ctx)
		return;
	entry = &ctx[(bdf & 0xff) * 2];
	entry[0] = 0;
	entry[1] = 0;
}

void vtd_tables_entry(const struct vtd_tables *t, u16 bdf, u64 entry[2])
{
	const u64 *ctx = context_table(t, bdf >> 8);

	entry[0] = ctx ? ctx[(bdf & 0xff) * 2] : 0;
	entry[1] = ctx ? ctx[(bdf & 0xff) * 2 + 1] : 0;
}

void vtd_tables_destroy(struct vtd_tables *t)
{
	unsigned int bus;

	if (!t->root)
		return;
	for (bus = 0; bus < 256; bus++)
		page_free(t->pool, context_table(t, bus), 1);
	page_free(t->pool, t->root, 1);
	t->root = NULL;
}
