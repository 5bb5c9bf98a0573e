/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Program status as SPSR_EL2 and the ARMv7 SPSR_hyp save it. The mask
 * bits are shared; the mode field, Thumb and IT bits are those of an
 * AArch32 guest (any guest on ARMv7, a JAILHOUSE_CELL_AARCH32 cell on
 * arm64, where bit 4 set marks AArch32).
 */
#ifndef _ARM_COMMON_PSR_H
#define _ARM_COMMON_PSR_H

#include <core/types.h>

#define PSR_F_BIT		(1U << 6)
#define PSR_I_BIT		(1U << 7)
#define PSR_A_BIT		(1U << 8)

/* AArch32 state (bit 4 of the mode field, on arm64 "nRW"). */
#define PSR_AARCH32		(1U << 4)
#define PSR_MODE_MASK		0x1fU
#define PSR_MODE_USR		0x10U
#define PSR_MODE_FIQ		0x11U
#define PSR_MODE_IRQ		0x12U
#define PSR_MODE_SVC		0x13U
#define PSR_MODE_MON		0x16U
#define PSR_MODE_ABT		0x17U
#define PSR_MODE_HYP		0x1aU
#define PSR_MODE_UND		0x1bU
#define PSR_MODE_SYS		0x1fU
#define PSR_T_BIT		(1U << 5)

/* IT[7:2] in bits 15:10, IT[1:0] in bits 26:25. */
#define PSR_IT_HIGH_MASK	0xfc00U
#define PSR_IT_LOW_MASK		0x06000000U

static inline u32 psr_it_state(u32 psr)
{
	return ((psr >> 8) & 0xfc) | ((psr >> 25) & 3);
}

static inline u32 psr_with_it_state(u32 psr, u32 it)
{
	psr &= ~(PSR_IT_HIGH_MASK | PSR_IT_LOW_MASK);
	return psr | ((it & 0xfc) << 8) | ((it & 3) << 25);
}

/*
 * The status after an AArch32 instruction inside an IT block completed
 * (ARM ARM ITAdvance()): the condition mask shifts on, and the block ends
 * when its last three mask bits are gone. The hypervisor skips trapped
 * instructions, so it must do what the CPU would have done.
 */
static inline u32 psr_it_advance(u32 psr)
{
	u32 it = psr_it_state(psr);

	if (!(it & 7))
		return psr_with_it_state(psr, 0);
	return psr_with_it_state(psr, (it & 0xe0) | ((it << 1) & 0x1f));
}

#endif /* !_ARM_COMMON_PSR_H */
