// SPDX-License-Identifier: GPL-2.0
/*
 * Where the interrupt remapping tables of cells' devices live (x86/
 * amd_iommu_ir.h). A table covers every index a message can select
 * (AMDVI_IRT_ENTRIES), so that a device writing its own message into the
 * interrupt range never makes the unit read past the table, whatever
 * IntTabLen a unit honours.
 */
#include <core/errno.h>
#include <core/page_pool.h>
#include <x86/amd_iommu.h>
#include <x86/amd_iommu_ir.h>

/* Devices of non-root cells with a table, all cells together. */
#define MAX_IRT_DEVICES		64

static struct {
	const struct cell *cell;
	u16 bdf;
	u32 *table;
} irts[MAX_IRT_DEVICES];

int amdvi_irt_alloc(const struct cell *cell, u16 bdf)
{
	unsigned int n;

	for (n = 0; n < MAX_IRT_DEVICES && irts[n].table; n++)
		;
	if (n == MAX_IRT_DEVICES)
		return -ENOSPC;
	irts[n].table = page_zalloc(&mem_pool, AMDVI_IRT_PAGES);
	if (!irts[n].table)
		return -ENOMEM;
	irts[n].cell = cell;
	irts[n].bdf = bdf;
	return 0;
}

u32 *amdvi_irt_of(const struct cell *cell, u16 bdf)
{
	unsigned int n;

	for (n = 0; n < MAX_IRT_DEVICES; n++)
		if (irts[n].table && irts[n].cell == cell &&
		    irts[n].bdf == bdf)
			return irts[n].table;
	return NULL;
}

int amdvi_irt_set(const struct cell *cell, u16 bdf, unsigned int index,
		  u32 irte)
{
	u32 *table = amdvi_irt_of(cell, bdf);

	if (!table)
		return -ENODEV;
	if (index >= AMDVI_IRT_USABLE)
		return -ENOSPC;
	table[index] = irte;
	return 0;
}

void amdvi_irt_free_cell(const struct cell *cell)
{
	unsigned int n;

	for (n = 0; n < MAX_IRT_DEVICES; n++) {
		if (!irts[n].table || irts[n].cell != cell)
			continue;
		page_free(&mem_pool, irts[n].table, AMDVI_IRT_PAGES);
		irts[n].table = NULL;
		irts[n].cell = NULL;
	}
}
