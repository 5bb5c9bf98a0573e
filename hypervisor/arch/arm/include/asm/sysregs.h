/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARMv7 (virtualization extensions, LPAE) system registers of HYP mode
 * as coprocessor 15 encodings (ARM ARM B4.1; GICv3's AArch32 registers,
 * IHI 0069 chapter 12), under the names of <arm-common/subarch.h> and
 * their ARMv7 names. A 32-bit register is SYSREG32(opc1, CRn, CRm, opc2)
 * (MRC/MCR), a 64-bit one SYSREG64(opc1, CRm) (MRRC/MCRR).
 */
#ifndef _ASM_SYSREGS_H
#define _ASM_SYSREGS_H

/* Hypervisor control and syndrome. */
#define SYSREG_HCR		SYSREG32(4, c1, c1, 0)
#define SYSREG_HCR2		SYSREG32(4, c1, c1, 4)
#define SYSREG_HDCR		SYSREG32(4, c1, c1, 1)
#define SYSREG_HCPTR		SYSREG32(4, c1, c1, 2)
#define SYSREG_HSTR		SYSREG32(4, c1, c1, 3)
#define SYSREG_HSCTLR		SYSREG32(4, c1, c0, 0)
#define SYSREG_HSR		SYSREG32(4, c5, c2, 0)
#define SYSREG_HDFAR		SYSREG32(4, c6, c0, 0)
#define SYSREG_HIFAR		SYSREG32(4, c6, c0, 2)
#define SYSREG_HPFAR		SYSREG32(4, c6, c0, 4)
#define SYSREG_HVBAR		SYSREG32(4, c12, c0, 0)
#define SYSREG_HTPIDR		SYSREG32(4, c13, c0, 2)

/* HYP stage 1 (the hypervisor's tables). */
#define SYSREG_HTCR		SYSREG32(4, c2, c0, 2)
#define SYSREG_HTTBR		SYSREG64(4, c2)
/* The hypervisor's own translation table base, by its shared name. */
#define SYSREG_HYP_TTBR		SYSREG_HTTBR
#define SYSREG_HMAIR0		SYSREG32(4, c10, c2, 0)
#define SYSREG_HMAIR1		SYSREG32(4, c10, c2, 1)

/* Stage 2 of the guests. */
#define SYSREG_VTCR		SYSREG32(4, c2, c1, 2)
#define SYSREG_VTTBR		SYSREG64(6, c2)
#define SYSREG_VPIDR		SYSREG32(4, c0, c0, 0)
#define SYSREG_VMPIDR		SYSREG32(4, c0, c0, 5)

/* Identification and the guest's system control. */
#define SYSREG_MIDR		SYSREG32(0, c0, c0, 0)
#define SYSREG_MPIDR		SYSREG32(0, c0, c0, 5)
#define SYSREG_CTR		SYSREG32(0, c0, c0, 1)
#define SYSREG_ID_PFR1		SYSREG32(0, c0, c1, 1)
#define SYSREG_ID_MMFR0		SYSREG32(0, c0, c1, 4)
#define SYSREG_SCTLR		SYSREG32(0, c1, c0, 0)

/* Generic timer. */
#define SYSREG_CNTHCTL		SYSREG32(4, c14, c1, 0)
#define SYSREG_CNTVOFF		SYSREG64(4, c14)
#define SYSREG_CNTV_CTL		SYSREG32(0, c14, c3, 1)
#define SYSREG_CNTP_CTL		SYSREG32(0, c14, c2, 1)

/* The names arm-common uses for the fault address registers. */
#define SYSREG_FAR		SYSREG_HDFAR

/* GICv3 physical CPU interface. */
#define SYSREG_ICC_PMR		SYSREG32(0, c4, c6, 0)
#define SYSREG_ICC_IAR1		SYSREG32(0, c12, c12, 0)
#define SYSREG_ICC_EOIR1	SYSREG32(0, c12, c12, 1)
#define SYSREG_ICC_DIR		SYSREG32(0, c12, c11, 1)
#define SYSREG_ICC_BPR1		SYSREG32(0, c12, c12, 3)
#define SYSREG_ICC_CTLR		SYSREG32(0, c12, c12, 4)
#define SYSREG_ICC_SRE		SYSREG32(0, c12, c12, 5)
#define SYSREG_ICC_IGRPEN1	SYSREG32(0, c12, c12, 7)
#define SYSREG_ICC_HSRE		SYSREG32(4, c12, c9, 5)
#define SYSREG_ICC_SGI1R	SYSREG64(0, c12)

/* GICv3 virtual interface control. */
#define SYSREG_ICH_AP0R0	SYSREG32(4, c12, c8, 0)
#define SYSREG_ICH_AP1R0	SYSREG32(4, c12, c9, 0)
#define SYSREG_ICH_HCR		SYSREG32(4, c12, c11, 0)
#define SYSREG_ICH_VTR		SYSREG32(4, c12, c11, 1)
#define SYSREG_ICH_MISR		SYSREG32(4, c12, c11, 2)
#define SYSREG_ICH_ELRSR	SYSREG32(4, c12, c11, 5)
#define SYSREG_ICH_VMCR		SYSREG32(4, c12, c11, 7)

/* List registers: ICH_LR<n> bits 31:0, ICH_LRC<n> bits 63:32. */
#define SYSREG_ICH_LR0		SYSREG32(4, c12, c12, 0)
#define SYSREG_ICH_LR1		SYSREG32(4, c12, c12, 1)
#define SYSREG_ICH_LR2		SYSREG32(4, c12, c12, 2)
#define SYSREG_ICH_LR3		SYSREG32(4, c12, c12, 3)
#define SYSREG_ICH_LR4		SYSREG32(4, c12, c12, 4)
#define SYSREG_ICH_LR5		SYSREG32(4, c12, c12, 5)
#define SYSREG_ICH_LR6		SYSREG32(4, c12, c12, 6)
#define SYSREG_ICH_LR7		SYSREG32(4, c12, c12, 7)
#define SYSREG_ICH_LR8		SYSREG32(4, c12, c13, 0)
#define SYSREG_ICH_LR9		SYSREG32(4, c12, c13, 1)
#define SYSREG_ICH_LR10		SYSREG32(4, c12, c13, 2)
#define SYSREG_ICH_LR11		SYSREG32(4, c12, c13, 3)
#define SYSREG_ICH_LR12		SYSREG32(4, c12, c13, 4)
#define SYSREG_ICH_LR13		SYSREG32(4, c12, c13, 5)
#define SYSREG_ICH_LR14		SYSREG32(4, c12, c13, 6)
#define SYSREG_ICH_LR15		SYSREG32(4, c12, c13, 7)
#define SYSREG_ICH_LRC0		SYSREG32(4, c12, c14, 0)
#define SYSREG_ICH_LRC1		SYSREG32(4, c12, c14, 1)
#define SYSREG_ICH_LRC2		SYSREG32(4, c12, c14, 2)
#define SYSREG_ICH_LRC3		SYSREG32(4, c12, c14, 3)
#define SYSREG_ICH_LRC4		SYSREG32(4, c12, c14, 4)
#define SYSREG_ICH_LRC5		SYSREG32(4, c12, c14, 5)
#define SYSREG_ICH_LRC6		SYSREG32(4, c12, c14, 6)
#define SYSREG_ICH_LRC7		SYSREG32(4, c12, c14, 7)
#define SYSREG_ICH_LRC8		SYSREG32(4, c12, c15, 0)
#define SYSREG_ICH_LRC9		SYSREG32(4, c12, c15, 1)
#define SYSREG_ICH_LRC10	SYSREG32(4, c12, c15, 2)
#define SYSREG_ICH_LRC11	SYSREG32(4, c12, c15, 3)
#define SYSREG_ICH_LRC12	SYSREG32(4, c12, c15, 4)
#define SYSREG_ICH_LRC13	SYSREG32(4, c12, c15, 5)
#define SYSREG_ICH_LRC14	SYSREG32(4, c12, c15, 6)
#define SYSREG_ICH_LRC15	SYSREG32(4, c12, c15, 7)

#ifndef __ASSEMBLY__

#include <core/types.h>

/*
 * sysreg_read(HCR) -> __sysreg_rd(SYSREG32(4, c1, c1, 0)): pasting the
 * prefix onto the expanded encoding picks the MRC or the MRRC form.
 */
#define sysreg_read(name)		__sysreg_rd(SYSREG_##name)
#define sysreg_write(name, val)		__sysreg_wr(SYSREG_##name, val)
#define __sysreg_rd(enc)		__sysreg_rd2(enc)
#define __sysreg_wr(enc, val)		__sysreg_wr2(enc, val)
#define __sysreg_rd2(enc)		__sysreg_rd_##enc
#define __sysreg_wr2(enc, val)		__sysreg_wr_##enc, val)

#define __sysreg_rd_SYSREG32(op1, crn, crm, op2) ({			\
	u32 __v;							\
	asm volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2	\
		     : "=r" (__v));					\
	__v;								\
})
#define __sysreg_rd_SYSREG64(op1, crm) ({				\
	u64 __v;							\
	asm volatile("mrrc p15, " #op1 ", %Q0, %R0, " #crm		\
		     : "=r" (__v));					\
	__v;								\
})
/* The write forms take the value after the encoding's operands. */
#define __sysreg_wr_SYSREG32(op1, crn, crm, op2)			\
	__sysreg_wr32(#op1, #crn, #crm, #op2
#define __sysreg_wr_SYSREG64(op1, crm)					\
	__sysreg_wr64(#op1, #crm
#define __sysreg_wr32(op1, crn, crm, op2, val) do {			\
	u32 __v = (u32)(val);						\
	asm volatile("mcr p15, " op1 ", %0, " crn ", " crm ", " op2	\
		     : : "r" (__v) : "memory");				\
} while (0)
#define __sysreg_wr64(op1, crm, val) do {				\
	u64 __v = (u64)(val);						\
	asm volatile("mcrr p15, " op1 ", %Q0, %R0, " crm		\
		     : : "r" (__v) : "memory");				\
} while (0)

#define __ICH_LR_READ(n)						\
	case n:								\
		return sysreg_read(ICH_LR##n) |				\
			(u64)sysreg_read(ICH_LRC##n) << 32

/* List register n from its two halves. */
static inline u64 ich_lr_read(unsigned int n)
{
	switch (n) {
	__ICH_LR_READ(0); __ICH_LR_READ(1); __ICH_LR_READ(2);
	__ICH_LR_READ(3); __ICH_LR_READ(4); __ICH_LR_READ(5);
	__ICH_LR_READ(6); __ICH_LR_READ(7); __ICH_LR_READ(8);
	__ICH_LR_READ(9); __ICH_LR_READ(10); __ICH_LR_READ(11);
	__ICH_LR_READ(12); __ICH_LR_READ(13); __ICH_LR_READ(14);
	default:
		return sysreg_read(ICH_LR15) |
			(u64)sysreg_read(ICH_LRC15) << 32;
	}
}

/*
 * The state bits are in the high half: it goes in last when the entry
 * becomes valid and first when it ends, so the virtual interface never
 * sees a valid entry with half of another one in it.
 */
#define __ICH_LR_WRITE(n, val)						\
	case n:								\
		if ((val) >> 62) {					\
			sysreg_write(ICH_LR##n, (u32)(val));		\
			sysreg_write(ICH_LRC##n, (u32)((val) >> 32));	\
		} else {						\
			sysreg_write(ICH_LRC##n, (u32)((val) >> 32));	\
			sysreg_write(ICH_LR##n, (u32)(val));		\
		}							\
		break

static inline void ich_lr_write(unsigned int n, u64 val)
{
	switch (n) {
	__ICH_LR_WRITE(0, val); __ICH_LR_WRITE(1, val);
	__ICH_LR_WRITE(2, val); __ICH_LR_WRITE(3, val);
	__ICH_LR_WRITE(4, val); __ICH_LR_WRITE(5, val);
	__ICH_LR_WRITE(6, val); __ICH_LR_WRITE(7, val);
	__ICH_LR_WRITE(8, val); __ICH_LR_WRITE(9, val);
	__ICH_LR_WRITE(10, val); __ICH_LR_WRITE(11, val);
	__ICH_LR_WRITE(12, val); __ICH_LR_WRITE(13, val);
	__ICH_LR_WRITE(14, val);
	default:
		__ICH_LR_WRITE(15, val);
	}
}

#endif /* !__ASSEMBLY__ */

#endif /* !_ASM_SYSREGS_H */
