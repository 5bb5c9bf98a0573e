/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stage 1 of the arm64 inmate library (mmu.c, start.S): an identity map
 * of the low 4 GiB with the image and the comm region as Normal
 * write-back memory and everything else as Device memory, so that the
 * inmate sees its RAM and the comm region cacheable and coherent with
 * the hypervisor, and can use exclusive accesses there.
 *
 * The first CPU builds the tables and fills struct mmu_regs before it
 * turns its own MMU on; every CPU then loads the same values with
 * mmu_cpu_on() in start.S. "mmu=off" on the command line keeps the MMU
 * (and so the caches) off on all CPUs, as the library ran before.
 */
#ifndef _INMATE_MMU_H
#define _INMATE_MMU_H

/* struct mmu_regs as start.S reads it. */
#define MMU_REGS_ON		0
#define MMU_REGS_MAIR		8
#define MMU_REGS_TCR		16
#define MMU_REGS_TTBR0		24

/* SCTLR_EL1: what mmu_cpu_on() sets and clears; all else stays. */
#define SCTLR_M			(1 << 0)
#define SCTLR_C			(1 << 2)
#define SCTLR_I			(1 << 12)
#define SCTLR_WXN		(1 << 19)
#define SCTLR_MMU_ON		(SCTLR_M | SCTLR_C | SCTLR_I)

#ifndef __ASSEMBLY__

#include <stdbool.h>
#include <jailhouse/types.h>

/*
 * Written by the first CPU with its MMU still off, so that a CPU that
 * starts later, reading with its MMU off, finds the values in memory and
 * not only in another CPU's cache. Never written again.
 */
struct mmu_regs {
	__u64 on;
	__u64 mair;
	__u64 tcr;
	__u64 ttbr0;
};

extern struct mmu_regs mmu_regs;

/* From start.S on the first CPU, after .bss is cleared. */
void mmu_setup(void);
/* Whether this CPU runs with stage 1 and the caches on. */
bool mmu_enabled(void);
/* Why the MMU is off ("mmu=off", ...), or NULL while it is on. */
const char *mmu_off_reason(void);
/* [start, end) as Normal memory from now on (MMU on only; false if not). */
bool mmu_map_normal(unsigned long start, unsigned long end);

#endif /* !__ASSEMBLY__ */

#endif /* !_INMATE_MMU_H */
