/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside VT-d interrupt remapping (vtd_ir.c): the state of a unit whose
 * remapping the hypervisor took over, shared with the emulation of the
 * root cell's registers (vtd_ir_regs.c) and the cells' entries
 * (vtd_ir_cells.c). Everything here runs under vtd_ir_lock.
 */
#ifndef _X86_VTD_IR_H
#define _X86_VTD_IR_H

#include <core/spinlock.h>
#include <x86/vtd.h>
#include <x86/vtd_irte.h>

/* 512 entries (two pages): 2^(S + 1). */
#define IR_ENTRIES		512
#define IR_TABLE_S		8
#define IR_TABLE_PAGES		(IR_ENTRIES * 16 / PAGE_SIZE)
/* Linux's indexes that the table mirrors; the rest is for cells. */
#define ROOT_ENTRIES		256
/* The four fault and the four completion event registers. */
#define EVENT_REGS		4

struct vtd_ir {
	struct vtd_irte *table;
	/* Linux's register values, as it wrote them. */
	u64 irta;
	/* The table Linux latched last (SIRTP). */
	u64 irta_live;
	u64 iqa;
	/* Linux's queue head (and tail, once emulated): an index. */
	unsigned int iqh;
	u32 gsts;
	u32 ics;
	u32 fault_regs[EVENT_REGS];
	u32 completion_regs[EVENT_REGS];
	/* Entries changed since the last invalidation of the unit's cache. */
	bool dirty;
};

extern spinlock_t vtd_ir_lock;

/* The root cell's RAM at phys, NULL unless it has it (writable). */
void *vtd_ir_root_memory(u64 phys, bool write);
/* Put e at idx of the hypervisor's table (dirty if it changed). */
void vtd_ir_install(struct vtd_ir *ir, unsigned int idx,
		    const struct vtd_irte *e);
/* Check and copy Linux's entries; say: refusal lines. */
void vtd_ir_sync_range(const struct vtd_unit *u, struct vtd_ir *ir,
		       unsigned int first, unsigned long count, bool say);
/* Invalidate the unit's entry cache if entries changed. */
int vtd_ir_flush_entries(struct vtd_unit *u, struct vtd_ir *ir);

static inline unsigned int vtd_ir_queue_entries(const struct vtd_ir *ir)
{
	return 256U << (ir->iqa & VTD_IQA_QS_MASK);
}

#endif /* _X86_VTD_IR_H */
