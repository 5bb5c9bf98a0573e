/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest registers as the ARMv7 HYP vectors save them, and access to them
 * by the register numbers that syndromes use (<arm-common/subarch.h>).
 * r0..r12 are the same in every guest mode and live in the frame; SP and
 * LR are banked per mode and stay in the CPU.
 */
#ifndef _ASM_TRAP_FRAME_H
#define _ASM_TRAP_FRAME_H

#include <core/types.h>

struct trap_frame {
	unsigned long r[13];
	/* Keeps the frame a multiple of 8 bytes, as AAPCS wants the stack. */
	unsigned long pad;
};

/*
 * r13/r14 of the mode the guest was in when it trapped (SPSR_hyp.M), read
 * and written with the banked-register MRS/MSR; the ARMv7 entry code
 * provides these. r15 is not a transfer register a trap can name.
 */
unsigned long arm_guest_banked_reg(unsigned int n);
void arm_guest_set_banked_reg(unsigned int n, unsigned long val);

static inline unsigned long trap_reg(const struct trap_frame *f,
				     unsigned int n)
{
	return n < 13 ? f->r[n] : arm_guest_banked_reg(n);
}

static inline void trap_set_reg(struct trap_frame *f, unsigned int n,
				unsigned long val)
{
	if (n < 13)
		f->r[n] = val;
	else
		arm_guest_set_banked_reg(n, val);
}

#endif /* !_ASM_TRAP_FRAME_H */
