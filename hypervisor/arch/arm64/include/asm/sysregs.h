/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AArch64 system registers the hypervisor programs, and the values it
 * uses (ARM ARM D13 and D17). Plain numbers where assembly needs them.
 * Also the register names <arm-common/subarch.h> asks for.
 */
#ifndef _ASM_SYSREGS_H
#define _ASM_SYSREGS_H

/* SCTLR_EL2: RES1 bits, plus M, C, SA and I for the hypervisor. */
#define SCTLR_EL2_RES1		0x30c50830
#define SCTLR_EL2_HV		(SCTLR_EL2_RES1 | 0x100d)
#define SCTLR_EL2_M		0x1

/* SCTLR_EL1 with the MMU and caches off: its RES1 bits only (v8.0). */
#define SCTLR_EL1_RESET		0x30d00800

/* MAIR_EL2: index 0 normal write-back, index 1 device nGnRE. */
#define MAIR_EL2_HV		0x04ff

/*
 * TCR_EL2: T0SZ 16 (48-bit VA), walks inner/outer write-back and inner
 * shareable, 4 KiB granule, RES1 bits 23 and 31. PS (bits 18:16) is
 * filled from ID_AA64MMFR0_EL1.PARange.
 */
#define TCR_EL2_HV		0x80803510
#define TCR_EL2_PS_SHIFT	16

/*
 * VTCR_EL2 for the 40-bit IPA stage-2 format: T0SZ 24, start at level 1
 * (SL0 1), write-back inner shareable walks, 4 KiB granule, PS 40 bits,
 * RES1 bit 31.
 */
#define VTCR_EL2_CELL		0x80023558

/* HCR_EL2 bits only AArch64 has; the shared ones: <arm-common/hcr.h>. */
#define HCR_RW			(1UL << 31)

/* SPSR for an entry to EL1h with D, A, I and F masked. */
#define SPSR_EL1H_MASKED	0x3c5

#ifndef __ASSEMBLY__

#include <core/types.h>

#define read_sysreg(reg) ({					\
	unsigned long __val;					\
	asm volatile("mrs %0, " #reg : "=r" (__val));		\
	__val;							\
})

#define write_sysreg(reg, val) do {				\
	unsigned long __val = (unsigned long)(val);		\
	asm volatile("msr " #reg ", %0" : : "r" (__val));	\
} while (0)

/* GICv3 system registers by encoding, for assemblers without GIC names. */
#define ICC_SRE_EL2		S3_4_C12_C9_5
#define ICC_PMR_EL1		S3_0_C4_C6_0
#define ICC_IAR1_EL1		S3_0_C12_C12_0
#define ICC_EOIR1_EL1		S3_0_C12_C12_1
#define ICC_DIR_EL1		S3_0_C12_C11_1
#define ICC_SGI1R_EL1		S3_0_C12_C11_5
#define ICC_BPR1_EL1		S3_0_C12_C12_3
#define ICC_CTLR_EL1		S3_0_C12_C12_4
#define ICC_IGRPEN1_EL1		S3_0_C12_C12_7
#define ICH_AP0R0_EL2		S3_4_C12_C8_0
#define ICH_AP1R0_EL2		S3_4_C12_C9_0
#define ICH_HCR_EL2		S3_4_C12_C11_0
#define ICH_VTR_EL2		S3_4_C12_C11_1
#define ICH_MISR_EL2		S3_4_C12_C11_2
#define ICH_ELRSR_EL2		S3_4_C12_C11_5
#define ICH_VMCR_EL2		S3_4_C12_C11_7
#define ICH_LR0_EL2		S3_4_C12_C12_0
#define ICH_LR1_EL2		S3_4_C12_C12_1
#define ICH_LR2_EL2		S3_4_C12_C12_2
#define ICH_LR3_EL2		S3_4_C12_C12_3
#define ICH_LR4_EL2		S3_4_C12_C12_4
#define ICH_LR5_EL2		S3_4_C12_C12_5
#define ICH_LR6_EL2		S3_4_C12_C12_6
#define ICH_LR7_EL2		S3_4_C12_C12_7
#define ICH_LR8_EL2		S3_4_C12_C13_0
#define ICH_LR9_EL2		S3_4_C12_C13_1
#define ICH_LR10_EL2		S3_4_C12_C13_2
#define ICH_LR11_EL2		S3_4_C12_C13_3
#define ICH_LR12_EL2		S3_4_C12_C13_4
#define ICH_LR13_EL2		S3_4_C12_C13_5
#define ICH_LR14_EL2		S3_4_C12_C13_6
#define ICH_LR15_EL2		S3_4_C12_C13_7

/*
 * The names of <arm-common/subarch.h>: sysreg_read(NAME) and
 * sysreg_write(NAME, val) for arm-common, by AArch64 register.
 */
#define SYSREG_HCR		hcr_el2
#define SYSREG_VTCR		vtcr_el2
#define SYSREG_HYP_TTBR		ttbr0_el2
#define SYSREG_CNTHCTL		cnthctl_el2
#define SYSREG_CNTVOFF		cntvoff_el2
#define SYSREG_MIDR		midr_el1
#define SYSREG_MPIDR		mpidr_el1
#define SYSREG_FAR		far_el2
#define SYSREG_HPFAR		hpfar_el2
#define SYSREG_VTTBR		vttbr_el2
#define SYSREG_ICC_PMR		ICC_PMR_EL1
#define SYSREG_ICC_IAR1		ICC_IAR1_EL1
#define SYSREG_ICC_EOIR1	ICC_EOIR1_EL1
#define SYSREG_ICC_DIR		ICC_DIR_EL1
#define SYSREG_ICC_BPR1		ICC_BPR1_EL1
#define SYSREG_ICC_CTLR		ICC_CTLR_EL1
#define SYSREG_ICC_IGRPEN1	ICC_IGRPEN1_EL1
#define SYSREG_ICC_SGI1R	ICC_SGI1R_EL1
#define SYSREG_ICH_HCR		ICH_HCR_EL2
#define SYSREG_ICH_VTR		ICH_VTR_EL2
#define SYSREG_ICH_VMCR		ICH_VMCR_EL2
#define SYSREG_ICH_ELRSR	ICH_ELRSR_EL2
#define SYSREG_ICH_AP0R0	ICH_AP0R0_EL2
#define SYSREG_ICH_AP1R0	ICH_AP1R0_EL2

/* One more expansion, so that the encoding reaches read_sysreg. */
#define __sysreg_read(reg)		read_sysreg(reg)
#define __sysreg_write(reg, val)	write_sysreg(reg, val)
#define sysreg_read(name)		__sysreg_read(SYSREG_##name)
#define sysreg_write(name, val)		__sysreg_write(SYSREG_##name, val)

/* List register n, all 64 bits in one register on AArch64. */
static inline u64 ich_lr_read(unsigned int n)
{
	switch (n) {
	case 0: return read_sysreg(ICH_LR0_EL2);
	case 1: return read_sysreg(ICH_LR1_EL2);
	case 2: return read_sysreg(ICH_LR2_EL2);
	case 3: return read_sysreg(ICH_LR3_EL2);
	case 4: return read_sysreg(ICH_LR4_EL2);
	case 5: return read_sysreg(ICH_LR5_EL2);
	case 6: return read_sysreg(ICH_LR6_EL2);
	case 7: return read_sysreg(ICH_LR7_EL2);
	case 8: return read_sysreg(ICH_LR8_EL2);
	case 9: return read_sysreg(ICH_LR9_EL2);
	case 10: return read_sysreg(ICH_LR10_EL2);
	case 11: return read_sysreg(ICH_LR11_EL2);
	case 12: return read_sysreg(ICH_LR12_EL2);
	case 13: return read_sysreg(ICH_LR13_EL2);
	case 14: return read_sysreg(ICH_LR14_EL2);
	default: return read_sysreg(ICH_LR15_EL2);
	}
}

static inline void ich_lr_write(unsigned int n, u64 val)
{
	switch (n) {
	case 0: write_sysreg(ICH_LR0_EL2, val); break;
	case 1: write_sysreg(ICH_LR1_EL2, val); break;
	case 2: write_sysreg(ICH_LR2_EL2, val); break;
	case 3: write_sysreg(ICH_LR3_EL2, val); break;
	case 4: write_sysreg(ICH_LR4_EL2, val); break;
	case 5: write_sysreg(ICH_LR5_EL2, val); break;
	case 6: write_sysreg(ICH_LR6_EL2, val); break;
	case 7: write_sysreg(ICH_LR7_EL2, val); break;
	case 8: write_sysreg(ICH_LR8_EL2, val); break;
	case 9: write_sysreg(ICH_LR9_EL2, val); break;
	case 10: write_sysreg(ICH_LR10_EL2, val); break;
	case 11: write_sysreg(ICH_LR11_EL2, val); break;
	case 12: write_sysreg(ICH_LR12_EL2, val); break;
	case 13: write_sysreg(ICH_LR13_EL2, val); break;
	case 14: write_sysreg(ICH_LR14_EL2, val); break;
	default: write_sysreg(ICH_LR15_EL2, val); break;
	}
}

#endif /* !__ASSEMBLY__ */

#endif /* !_ASM_SYSREGS_H */
