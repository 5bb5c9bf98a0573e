/* SPDX-License-Identifier: GPL-2.0 */
/* AArch64 values of arm-common/setup.c. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <asm/sysregs.h>

#ifndef __ASSEMBLY__
struct cell;

unsigned long arm64_cell_hcr(const struct cell *cell, unsigned long hcr);
#endif

/* EL2 stage 1: 48-bit VA, 4 levels. */
#define ARM_HYP_PAGING		arm64_hyp_paging
/* Cells' EL1 runs AArch64, except in AArch32 cells (aarch32.c). */
#define ARM_HCR_CELL(cell, hcr)	arm64_cell_hcr(cell, hcr)
#define ARM_VTCR_CELL		VTCR_EL2_CELL

#endif /* !_ASM_SETUP_H */
