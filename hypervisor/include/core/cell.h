/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cells as the core keeps them. So far there is only the root cell, made
 * from the system config; the arch hangs its per-cell state (second-stage
 * page tables, I/O permission maps) on it.
 */
#ifndef _CORE_CELL_H
#define _CORE_CELL_H

#include <jailhouse/cell-config.h>
#include <core/types.h>

struct arch_cell;

struct cell {
	unsigned int id;
	/* JAILHOUSE_CELL_RUNNING etc. */
	u32 state;
	const struct jailhouse_cell_desc *config;
	struct arch_cell *arch;
};

extern struct cell root_cell;

/* Whether cpu is in the CPU set of the cell's config. */
bool cell_owns_cpu(const struct cell *cell, unsigned int cpu);

#endif /* _CORE_CELL_H */
