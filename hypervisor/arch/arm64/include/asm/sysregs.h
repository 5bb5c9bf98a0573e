/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AArch64 system registers the hypervisor programs, and the values it
 * uses (ARM ARM D13 and D17). Plain numbers where assembly needs them.
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

/* HCR_EL2 */
#define HCR_VM			(1UL << 0)
#define HCR_SWIO		(1UL << 1)
#define HCR_FMO			(1UL << 3)
#define HCR_IMO			(1UL << 4)
#define HCR_AMO			(1UL << 5)
#define HCR_TWI			(1UL << 13)
#define HCR_TSC			(1UL << 19)
#define HCR_RW			(1UL << 31)

/* SPSR for an entry to EL1h with D, A, I and F masked. */
#define SPSR_EL1H_MASKED	0x3c5

/* ESR_ELx */
#define ESR_EC_SHIFT		26
#define ESR_EC(esr)		(((esr) >> ESR_EC_SHIFT) & 0x3f)
#define ESR_IL			(1UL << 25)
#define ESR_ISS(esr)		((esr) & 0x1ffffff)

#define EC_UNKNOWN		0x00
#define EC_WFX			0x01
#define EC_HVC64		0x16
#define EC_SMC64		0x17
#define EC_SYS64		0x18
#define EC_IABT_LOW		0x20
#define EC_DABT_LOW		0x24
#define EC_DABT_CUR		0x25

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

static inline void isb(void)
{
	asm volatile("isb" : : : "memory");
}

/* Drop the EL1&0 translations of the current VMID on this CPU. */
static inline void flush_guest_tlb_local(void)
{
	asm volatile("dsb nshst\n\t"
		     "tlbi vmalls12e1\n\t"
		     "dsb nsh\n\t"
		     "isb" : : : "memory");
}

/* Drop the EL1&0 translations of the current VMID on every CPU. */
static inline void flush_guest_tlb_all(void)
{
	asm volatile("dsb ishst\n\t"
		     "tlbi vmalls12e1is\n\t"
		     "dsb ish\n\t"
		     "isb" : : : "memory");
}

static inline void flush_hyp_tlb_local(void)
{
	asm volatile("dsb nshst\n\t"
		     "tlbi alle2\n\t"
		     "dsb nsh\n\t"
		     "isb" : : : "memory");
}

/*
 * Write dirty lines of [start, start + size) back to memory (the point
 * of coherency) and drop them from every cache of the shareability
 * domain.
 */
static inline void dcache_flush_poc(const void *start, unsigned long size)
{
	/* CTR_EL0.DminLine: log2 of the smallest line in 4-byte words. */
	unsigned long line = 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
	unsigned long addr = (unsigned long)start & ~(line - 1);
	unsigned long end = (unsigned long)start + size;

	for (; addr < end; addr += line)
		asm volatile("dc civac, %0" : : "r" (addr) : "memory");
	asm volatile("dsb sy" : : : "memory");
}

#endif /* !__ASSEMBLY__ */

#endif /* !_ASM_SYSREGS_H */
