/* SPDX-License-Identifier: GPL-2.0 */
/* ARMv7 values of arm-common/setup.c. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

/* HYP stage 1: LPAE, 32-bit VA, 3 levels. */
#define ARM_HYP_PAGING		arm_lpae_hyp_paging
/* PL1 is AArch32 anyway: HCR is the same for every cell. */
#define ARM_HCR_CELL(cell, hcr)	(hcr)
/*
 * VTCR for the 40-bit IPA stage-2 format: T0SZ -8, start at level 1,
 * walks inner shareable write-back; bit 31 RES1.
 */
#define ARM_VTCR_CELL		0x80003558

#endif /* !_ASM_SETUP_H */
