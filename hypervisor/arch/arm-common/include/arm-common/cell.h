/* SPDX-License-Identifier: GPL-2.0 */
/* ARM state of a cell (struct arch_cell behind the core's cell->arch). */
#ifndef _ARM_COMMON_CELL_H
#define _ARM_COMMON_CELL_H

#include <core/paging.h>

struct cell;

struct arch_cell {
	struct paging_structures stage2;
	/* The cell id, tagging its stage-2 translations in the TLBs. */
	u16 vmid;
};

/* VTTBR_EL2 / VTTBR value of the cell: its stage-2 root, id as VMID. */
u64 arm_cell_vttbr(const struct cell *cell);

#endif /* !_ARM_COMMON_CELL_H */
