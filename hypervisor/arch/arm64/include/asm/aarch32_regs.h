/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the registers of an AArch32 guest are while EL2 runs AArch64:
 * the architecture keeps every AArch32 register, banked copies included,
 * in a fixed AArch64 X register (ARM ARM D1.20.1). A syndrome names the
 * register as the guest's mode sees it; this says which X register that
 * is.
 */
#ifndef _ASM_AARCH32_REGS_H
#define _ASM_AARCH32_REGS_H

#include <core/types.h>
#include <arm-common/psr.h>

/* No X register: R15 (PC), and modes an EL1 guest cannot be in. */
#define AARCH32_NO_XREG		31

/* R13 (SP) of each mode; User and System share theirs. */
static inline unsigned int aarch32_sp_xreg(u32 mode)
{
	switch (mode) {
	case PSR_MODE_USR:
	case PSR_MODE_SYS: return 13;
	case PSR_MODE_HYP: return 15;
	case PSR_MODE_IRQ: return 17;
	case PSR_MODE_SVC: return 19;
	case PSR_MODE_ABT: return 21;
	case PSR_MODE_UND: return 23;
	case PSR_MODE_FIQ: return 29;
	default: return AARCH32_NO_XREG;
	}
}

/* R14 (LR) of each mode; Hyp mode uses User's. */
static inline unsigned int aarch32_lr_xreg(u32 mode)
{
	switch (mode) {
	case PSR_MODE_USR:
	case PSR_MODE_SYS:
	case PSR_MODE_HYP: return 14;
	case PSR_MODE_IRQ: return 16;
	case PSR_MODE_SVC: return 18;
	case PSR_MODE_ABT: return 20;
	case PSR_MODE_UND: return 22;
	case PSR_MODE_FIQ: return 30;
	default: return AARCH32_NO_XREG;
	}
}

/*
 * The X register holding AArch32 register n of mode (the PSR's mode
 * field, bit 4 set). R0..R7 are shared; FIQ mode banks R8..R12 in
 * X24..X28.
 */
static inline unsigned int aarch32_xreg(u32 mode, unsigned int n)
{
	if (n < 8)
		return n;
	if (n < 13)
		return mode == PSR_MODE_FIQ ? n + 16 : n;
	if (n == 13)
		return aarch32_sp_xreg(mode);
	return n == 14 ? aarch32_lr_xreg(mode) : AARCH32_NO_XREG;
}

#endif /* !_ASM_AARCH32_REGS_H */
