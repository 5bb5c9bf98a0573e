/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exception syndrome as ESR_EL2 and the ARMv7 HSR give it: exception
 * class, instruction length and the class's ISS (ARM ARM D17.2.40,
 * B3.13.6). Both use the same layout for the classes listed here.
 */
#ifndef _ARM_COMMON_SYNDROME_H
#define _ARM_COMMON_SYNDROME_H

#define ESR_EC_SHIFT		26
#define ESR_EC(esr)		(((esr) >> ESR_EC_SHIFT) & 0x3f)
/* The trapped instruction was 32 bits long (else a 16-bit Thumb one). */
#define ESR_IL			(1UL << 25)
#define ESR_ISS(esr)		((esr) & 0x1ffffff)

/* Exception classes. */
#define EC_UNKNOWN		0x00
#define EC_WFX			0x01
#define EC_CP15_32		0x03
#define EC_CP15_64		0x04
#define EC_CP14_64		0x0c
#define EC_HVC32		0x12
#define EC_SMC32		0x13
#define EC_HVC64		0x16
#define EC_SMC64		0x17
#define EC_SYS64		0x18
#define EC_IABT_LOW		0x20
#define EC_DABT_LOW		0x24
#define EC_DABT_CUR		0x25

/*
 * Classes 0x01..0x0e and SMC32 of an AArch32 guest: the condition code
 * (COND) of the instruction, valid when CV is set. A trapped instruction
 * whose condition fails must not take effect (ARM ARM D17.2.37). An
 * SMC32 says with CCKNOWNPASS that its condition passed.
 */
#define ISS_CV			(1UL << 24)
#define ISS_COND(iss)		(((iss) >> 20) & 0xf)
#define ISS_SMC_CCKNOWNPASS	(1UL << 19)

/* MCRR/MRRC (EC_CP15_64): Opc1, Rt2, Rt, CRm, direction (1: read). */
#define ISS_CP64_MASK		0xf001e
#define ISS_CP64_RT2(iss)	(((iss) >> 10) & 0xf)
#define ISS_CP64_RT(iss)	(((iss) >> 5) & 0xf)
#define ISS_CP64_READ		(1UL << 0)
/* ICC_SGI1R: Opc1 0, CRm 12. */
#define ISS_CP64_ICC_SGI1R	(12 << 1)

/* HVC: the immediate of the instruction. */
#define ISS_HVC_IMM(iss)	((iss) & 0xffff)

/*
 * Data abort: instruction syndrome valid, access size (log2), sign
 * extension, transfer register, 64-bit register (AArch64 only, RES0 in
 * the HSR), stage-2 fault on a stage-1 walk, write.
 */
#define ISS_DABT_ISV		(1UL << 24)
#define ISS_DABT_SAS(iss)	(((iss) >> 22) & 3)
#define ISS_DABT_SSE		(1UL << 21)
#define ISS_DABT_SRT(iss)	(((iss) >> 16) & 0x1f)
#define ISS_DABT_SF		(1UL << 15)
#define ISS_DABT_S1PTW		(1UL << 7)
#define ISS_DABT_WNR		(1UL << 6)

/* HPFAR: bits 47:12 (ARMv7: 39:12) of the faulting IPA in bits 43:4. */
#define HPFAR_IPA(hpfar, far)	((((u64)(hpfar) & 0xffffffffff0ULL) << 8) | \
				 ((far) & 0xfff))

#endif /* !_ARM_COMMON_SYNDROME_H */
