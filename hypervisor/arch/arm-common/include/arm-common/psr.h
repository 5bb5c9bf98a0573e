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

/* Condition flags N, Z, C, V in bits 31:28. */
#define PSR_N_BIT		(1U << 31)
#define PSR_Z_BIT		(1U << 30)
#define PSR_C_BIT		(1U << 29)
#define PSR_V_BIT		(1U << 28)

/* Condition code "always" (AL), and 1111, which is unconditional too. */
#define COND_AL			0xeU

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

/*
 * Whether an AArch32 condition code passes with the flags of psr (ARM ARM
 * ConditionHolds()): bits 3:1 pick the test, bit 0 inverts it, except
 * for 1111, which always passes.
 */
static inline bool psr_condition_holds(u32 psr, u32 cond)
{
	bool n = psr & PSR_N_BIT, z = psr & PSR_Z_BIT;
	bool c = psr & PSR_C_BIT, v = psr & PSR_V_BIT;
	bool res;

	switch ((cond >> 1) & 7) {
	case 0: res = z; break;
	case 1: res = c; break;
	case 2: res = n; break;
	case 3: res = v; break;
	case 4: res = c && !z; break;
	case 5: res = n == v; break;
	case 6: res = n == v && !z; break;
	default: return true;
	}
	return (cond & 1) ? !res : res;
}

/*
 * The condition of a trapped AArch32 instruction: the syndrome's when it
 * says it is valid (cond_valid), else the one of the current Thumb IT
 * block, else "always" (ARM ARM: CV may be 0 only for Thumb code).
 */
static inline u32 psr_trap_condition(u32 psr, bool cond_valid, u32 cond)
{
	u32 it = psr_it_state(psr);

	if (cond_valid)
		return cond;
	return (it & 0xf) ? it >> 4 : COND_AL;
}

#endif /* !_ARM_COMMON_PSR_H */
