/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest registers as the EL2 vectors save them (FRAME_SIZE in
 * <asm/layout.h>), and access to them by the register numbers that
 * syndromes use: X registers of an AArch64 guest, the mode's AArch32
 * registers of an AArch32 one (<asm/aarch32_regs.h>).
 */
#ifndef _ASM_TRAP_FRAME_H
#define _ASM_TRAP_FRAME_H

#include <core/types.h>
#include <asm/aarch32_regs.h>

struct trap_frame {
	unsigned long x[31];
	/*
	 * Mode field of the guest's PSR when it ran AArch32 (bit 4 set),
	 * else 0; the trap entry fills it before any handler reads
	 * registers. Also keeps the frame 16-byte aligned.
	 */
	unsigned long aarch32_mode;
};

/* The X register a syndrome's register number n means; 31: none. */
static inline unsigned int trap_xreg(const struct trap_frame *f,
				     unsigned int n)
{
	return f->aarch32_mode ? aarch32_xreg(f->aarch32_mode, n) : n;
}

/*
 * Register 31 in a load/store syndrome is the zero register. An AArch32
 * guest sees the low halves only; the upper ones are not its.
 */
static inline unsigned long trap_reg(const struct trap_frame *f,
				     unsigned int n)
{
	unsigned int x = trap_xreg(f, n);

	if (x >= 31)
		return 0;
	return f->aarch32_mode ? (u32)f->x[x] : f->x[x];
}

static inline void trap_set_reg(struct trap_frame *f, unsigned int n,
				unsigned long val)
{
	unsigned int x = trap_xreg(f, n);

	if (x < 31)
		f->x[x] = f->aarch32_mode ? (u32)val : val;
}

#endif /* !_ASM_TRAP_FRAME_H */
