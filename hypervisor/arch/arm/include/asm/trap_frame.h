/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest registers as the ARMv7 HYP vectors save them, and access to them
 * by the register numbers that syndromes use (<arm-common/subarch.h>).
 * The frame holds r0..r12 as HYP mode sees them (the user-mode bank)
 * and the user-mode LR, which HYP mode shares as its own LR and the
 * hypervisor's calls overwrite; what the guest's mode banks stays in the
 * CPU.
 */
#ifndef _ASM_TRAP_FRAME_H
#define _ASM_TRAP_FRAME_H

#include <core/types.h>

struct trap_frame {
	unsigned long r[13];
	/* LR_usr (also SYS mode's); 14 words keep AAPCS's 8-byte stack. */
	unsigned long lr_usr;
};

/*
 * Registers the CPU banks per mode, of the mode the guest trapped from
 * (SPSR_hyp.M): r8..r12 of FIQ mode, r13 and r14 of every mode, read and
 * written with the banked-register MRS/MSR (subarch.c), except the
 * user-mode LR, which is in the frame. r15 is not a
 * transfer register a trap can name; it reads as 0 and ignores writes.
 */
unsigned long arm_guest_reg(const struct trap_frame *f, unsigned int n);
void arm_guest_set_reg(struct trap_frame *f, unsigned int n,
		       unsigned long val);

static inline unsigned long trap_reg(const struct trap_frame *f,
				     unsigned int n)
{
	return n < 8 ? f->r[n] : arm_guest_reg(f, n);
}

static inline void trap_set_reg(struct trap_frame *f, unsigned int n,
				unsigned long val)
{
	if (n < 8)
		f->r[n] = val;
	else
		arm_guest_set_reg(f, n, val);
}

#endif /* !_ASM_TRAP_FRAME_H */
