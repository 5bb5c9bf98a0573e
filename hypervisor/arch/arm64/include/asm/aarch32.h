/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AArch32 cells on arm64 (aarch32.c): the state their CPUs start in and
 * the CPU feature they need.
 */
#ifndef _ASM_AARCH32_H
#define _ASM_AARCH32_H

#include <core/types.h>
#include <arm-common/psr.h>

struct cell;

/* SVC mode, asynchronous aborts, IRQs and FIQs masked: as ARMv7 cells. */
#define AARCH32_START_PSR	(PSR_MODE_SVC | PSR_A_BIT | PSR_I_BIT | \
				 PSR_F_BIT)
/* AArch32 SCTLR with MMU and caches off: its RES1 bits and the defaults. */
#define AARCH32_SCTLR_RESET	0x00c50078

/* ID_AA64PFR0_EL1.EL1 (bits 7:4): 2 means AArch64 and AArch32. */
#define ID_AA64PFR0_EL1_SHIFT	4
#define ID_AA64PFR0_AARCH32	2

static inline bool aarch32_el1_supported(u64 pfr0)
{
	return ((pfr0 >> ID_AA64PFR0_EL1_SHIFT) & 0xf) >= ID_AA64PFR0_AARCH32;
}

/* Called by each CPU at its start: records whether EL1 has AArch32. */
void aarch32_note_cpu(unsigned int cpu_id);

/* SPSR, SCTLR_EL1 and ELR for the first entry of a CPU of cell. */
void arm64_set_guest_entry(const struct cell *cell, unsigned long entry);

#endif /* !_ASM_AARCH32_H */
