/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest registers as the EL2 vectors save them (FRAME_SIZE in
 * <asm/layout.h>), and access to them by the register numbers that
 * syndromes use.
 */
#ifndef _ASM_TRAP_FRAME_H
#define _ASM_TRAP_FRAME_H

#include <core/types.h>

struct trap_frame {
	unsigned long x[31];
	unsigned long pad;
};

/* Register 31 in a load/store syndrome is the zero register. */
static inline unsigned long trap_reg(const struct trap_frame *f,
				     unsigned int n)
{
	return n < 31 ? f->x[n] : 0;
}

static inline void trap_set_reg(struct trap_frame *f, unsigned int n,
				unsigned long val)
{
	if (n < 31)
		f->x[n] = val;
}

#endif /* !_ASM_TRAP_FRAME_H */
