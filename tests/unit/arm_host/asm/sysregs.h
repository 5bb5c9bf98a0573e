/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A third side of <arm-common/subarch.h>, for the host tests: system
 * registers are variables (arm_host_subarch.c), so that arm-common files
 * that reach the CPU only through the contract run on the host as they
 * are. Found before arch/arm64/include by the ARM part of the Makefile.
 */
#ifndef _ASM_SYSREGS_H
#define _ASM_SYSREGS_H

#include <core/types.h>

enum host_sysreg {
	HOST_SYSREG_FAR,
	HOST_SYSREG_HPFAR,
	HOST_SYSREG_VTTBR,
	HOST_SYSREG_ICC_PMR,
	HOST_SYSREG_ICC_IAR1,
	HOST_SYSREG_ICC_EOIR1,
	HOST_SYSREG_ICC_DIR,
	HOST_SYSREG_ICC_BPR1,
	HOST_SYSREG_ICC_CTLR,
	HOST_SYSREG_ICC_IGRPEN1,
	HOST_SYSREG_ICC_SGI1R,
	HOST_SYSREG_ICH_HCR,
	HOST_SYSREG_ICH_VTR,
	HOST_SYSREG_ICH_VMCR,
	HOST_SYSREG_ICH_ELRSR,
	HOST_SYSREG_ICH_AP0R0,
	HOST_SYSREG_ICH_AP1R0,
	HOST_SYSREGS,
};

/* Current values; reads return them, writes set them. */
extern u64 host_sysregs[HOST_SYSREGS];
extern u64 host_ich_lr[16];
/* Every ICC_SGI1R write since the last host_subarch_reset(). */
extern u64 host_sgi1r_log[64];
extern unsigned int host_sgi1r_count;

u64 host_sysreg_read(enum host_sysreg reg);
void host_sysreg_write(enum host_sysreg reg, u64 val);

#define sysreg_read(name)	host_sysreg_read(HOST_SYSREG_##name)
#define sysreg_write(name, val)	host_sysreg_write(HOST_SYSREG_##name, \
						  (u64)(val))

static inline u64 ich_lr_read(unsigned int n)
{
	return host_ich_lr[n & 15];
}

static inline void ich_lr_write(unsigned int n, u64 val)
{
	host_ich_lr[n & 15] = val;
}

#endif /* !_ASM_SYSREGS_H */
