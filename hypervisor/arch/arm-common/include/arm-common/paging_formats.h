/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page-table formats of ARM's long-descriptor translation (VMSAv8-64 with
 * 4 KiB granule, and ARMv7 LPAE, which shares the descriptor layout).
 *
 * Stage-1 leaves use attribute index 0 for normal write-back memory and 1
 * for device nGnRE memory: the arch code programs MAIR_EL2 / HMAIR0 so.
 */
#ifndef _ARM_COMMON_PAGING_FORMATS_H
#define _ARM_COMMON_PAGING_FORMATS_H

#include <core/paging.h>

#define ARM_MAIR_IDX_NORMAL	0
#define ARM_MAIR_IDX_DEVICE	1

/* AArch64 EL2 stage 1: 48-bit VA, 4 levels (TCR_EL2.T0SZ = 16). */
extern const struct paging_format arm64_hyp_paging;
/* ARMv7 HYP mode stage 1 (LPAE): 32-bit VA, 3 levels, 40-bit PA. */
extern const struct paging_format arm_lpae_hyp_paging;
/*
 * Stage 2 of both: 40-bit IPA, 3 levels starting at level 1 with two
 * concatenated root tables (VTCR T0SZ = 24 / -8, SL0 = 1). It covers all
 * of QEMU virt's memory map (high PCI windows up to 1 TiB), needs no
 * more than a 40-bit PA range (Cortex-A15/A7/A57 and later), and one
 * format serves ARMv7 and ARMv8 alike.
 */
extern const struct paging_format arm_stage2_paging;

#endif /* _ARM_COMMON_PAGING_FORMATS_H */
