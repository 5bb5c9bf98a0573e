/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 part of a cell: its nested page tables, its DMA tables and the
 * permission maps its CPUs run with (geometry by the vendor, x86/vcpu.h).
 */
#ifndef _X86_CELL_H
#define _X86_CELL_H

#include <jailhouse/cell-config.h>
#include <core/paging.h>
#include <core/types.h>

struct cell;

struct arch_cell {
	struct paging_structures npt;
	/* What the cell's devices reach (x86/iommu.h); no root: no IOMMU. */
	struct paging_structures dma;
	/* vcpu_iopm_pages and vcpu_msrpm_pages long */
	u8 *iopm;
	u8 *msrpm;
};

/* npt.c: empty nested tables in the vendor's format. */
int npt_init(struct arch_cell *ac);
/* npt.c: the nested tables from the config's regions. */
int npt_cell_init(struct cell *cell, struct arch_cell *ac);
/* PAGE_FLAG_* for a config region's JAILHOUSE_MEM_* flags. */
unsigned long npt_region_flags(u64 mem_flags);

/* pio.c: the ports of the config pass, others trap. */
int pio_init_bitmap(struct arch_cell *ac,
		    const struct jailhouse_cell_desc *config);

/* msr.c: the root cell traps a few MSRs only. */
int msr_init_bitmap(struct arch_cell *ac);
/* Non-root cells: every MSR traps except the CPU's own working set. */
int msr_init_bitmap_cell(struct arch_cell *ac);

#endif /* _X86_CELL_H */
