/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AMD-Vi interrupt remapping tables of the devices of non-root cells
 * (amd_iommu_ir.c): one table per device, the hypervisor's, filled from
 * the messages the cell programs once the core found them confined to
 * the cell (arch_msi_remap). The root cell's devices have none: their
 * messages pass untranslated, as before the hypervisor. Callers hold the
 * unit's lock.
 */
#ifndef _X86_AMD_IOMMU_IR_H
#define _X86_AMD_IOMMU_IR_H

#include <core/types.h>

struct cell;

/* A zeroed table (every entry aborts) for cell's device bdf. */
int amdvi_irt_alloc(const struct cell *cell, u16 bdf);
/* The table of cell's device bdf, NULL if it has none. */
u32 *amdvi_irt_of(const struct cell *cell, u16 bdf);
/*
 * Entry index of the table of cell's device bdf; -ENODEV where it has
 * none (not the cell's), -ENOSPC for an index a message cannot select
 * with the fixed delivery mode (AMDVI_IRT_USABLE and above).
 */
int amdvi_irt_set(const struct cell *cell, u16 bdf, unsigned int index,
		  u32 irte);
/* Free every table of cell; its devices no longer point at them. */
void amdvi_irt_free_cell(const struct cell *cell);

#endif /* _X86_AMD_IOMMU_IR_H */
