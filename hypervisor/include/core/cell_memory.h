/* SPDX-License-Identifier: GPL-2.0 */
/* The root cell's view of memory that cells own (cell_memory.c). */
#ifndef _CORE_CELL_MEMORY_H
#define _CORE_CELL_MEMORY_H

#include <jailhouse/cell-config.h>
#include <core/types.h>

struct cell;

/*
 * Whether the root cell can reach [gpa, gpa + size) of its guest-physical
 * memory now: inside one of its RAM regions and not in memory a cell
 * took from it. What the hypervisor reads on the root's behalf must pass.
 */
bool root_owns_now(u64 gpa, u64 size);

/*
 * Bring the root cell's mapping around the regions of cell (only those
 * with a flag of flags_mask, if not 0) in line with who owns what now:
 * the cell list and each cell's loadable state. Call after changing
 * those, with the root's other CPUs suspended.
 */
int root_memory_update(const struct cell *cell, u64 flags_mask);

/*
 * Take what of mem lies in physical [start, end) out of the root cell's
 * view, at the address the root knows each part by. The part outside the
 * root's regions is not the root's: nothing to take there. A region may
 * span several root regions.
 */
int root_memory_withhold(const struct jailhouse_memory *mem, u64 start,
			 u64 end);

/*
 * Recompute the root cell's view around mem, after something that kept
 * it from the root went away (the cell already off the list).
 */
int root_memory_give_back(const struct jailhouse_memory *mem);

#endif /* _CORE_CELL_MEMORY_H */
