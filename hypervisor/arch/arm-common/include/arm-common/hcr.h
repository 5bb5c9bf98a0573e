/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypervisor configuration register bits the hypervisor sets: the same
 * positions in HCR_EL2 and the ARMv7 HCR (ARM ARM D13.2.46, B4.1.65).
 * Bits only AArch64 has (HCR_EL2.RW) are in arm64's <asm/sysregs.h>.
 */
#ifndef _ARM_COMMON_HCR_H
#define _ARM_COMMON_HCR_H

/* Stage 2 on. */
#define HCR_VM			(1UL << 0)
/* Set/way cache maintenance by the guest acts as clean+invalidate. */
#define HCR_SWIO		(1UL << 1)
/* Physical FIQs, IRQs and SErrors go to the hypervisor. */
#define HCR_FMO			(1UL << 3)
#define HCR_IMO			(1UL << 4)
#define HCR_AMO			(1UL << 5)
/* WFI traps. */
#define HCR_TWI			(1UL << 13)
/* SMC traps: the root's PSCI calls reach the hypervisor first. */
#define HCR_TSC			(1UL << 19)

#endif /* !_ARM_COMMON_HCR_H */
