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
#define EC_HVC32		0x12
#define EC_SMC32		0x13
#define EC_HVC64		0x16
#define EC_SMC64		0x17
#define EC_SYS64		0x18
#define EC_IABT_LOW		0x20
#define EC_DABT_LOW		0x24
#define EC_DABT_CUR		0x25

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
