/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PSCI (ARM DEN 0022) as the root cell uses it through SMC, and the other
 * SMC calling convention services it may ask for (ARM DEN 0028).
 */
#ifndef _ARM_COMMON_PSCI_H
#define _ARM_COMMON_PSCI_H

#include <core/types.h>

struct per_cpu;
struct trap_frame;

#define PSCI_VERSION			0x84000000
#define PSCI_CPU_SUSPEND_32		0x84000001
#define PSCI_CPU_OFF			0x84000002
#define PSCI_CPU_ON_32			0x84000003
#define PSCI_AFFINITY_INFO_32		0x84000004
#define PSCI_MIGRATE_32			0x84000005
#define PSCI_MIGRATE_INFO_TYPE		0x84000006
#define PSCI_SYSTEM_OFF			0x84000008
#define PSCI_SYSTEM_RESET		0x84000009
#define PSCI_CPU_SUSPEND_64		0xc4000001
#define PSCI_CPU_ON_64			0xc4000003
#define PSCI_AFFINITY_INFO_64		0xc4000004
#define PSCI_MIGRATE_64			0xc4000005
#define PSCI_FEATURES			0x8400000a

#define SMCCC_VERSION			0x80000000
#define SMCCC_ARCH_FEATURES		0x80000001
#define SMCCC_VERSION_1_1		0x10001
/* PSCI 1.0: FEATURES is there. */
#define PSCI_VERSION_1_0		0x10000
/* MIGRATE_INFO_TYPE: no trusted OS that would need migrating. */
#define PSCI_TOS_NOT_PRESENT		2
#define PSCI_AFFINITY_ON		0
#define PSCI_AFFINITY_OFF		1
#define PSCI_AFFINITY_ON_PENDING	2

#define PSCI_SUCCESS			0
#define PSCI_NOT_SUPPORTED		(-1)
#define PSCI_INVALID_PARAMETERS		(-2)
#define PSCI_DENIED			(-3)
#define PSCI_ALREADY_ON			(-4)
#define PSCI_ON_PENDING			(-5)
#define PSCI_INVALID_ADDRESS		(-9)

/* Owning entity "standard secure service" (PSCI) in bits 29:24. */
#define SMCCC_OWNER(fid)		(((fid) >> 24) & 0x3f)
#define SMCCC_OWNER_ARCH		0
#define SMCCC_OWNER_STANDARD		4
/* Function id bit 30: SMC64 (else SMC32, 32-bit arguments). */
#define SMCCC_64BIT			(1UL << 30)

/* MPIDR affinity fields Aff3 and Aff2..Aff0. */
#define MPIDR_AFFINITY_MASK		0xff00ffffffULL

/*
 * Handle the SMC (or, for cells, HVC #0) of a CPU whose registers are in
 * f: x0/r0 is the function id, the result goes there. Returns the
 * statistics counter the call belongs to (JAILHOUSE_CPU_STAT_VMEXITS_PSCI
 * or _SMCCC).
 */
unsigned int psci_handle_smc(struct per_cpu *cpu, struct trap_frame *f);

#endif /* !_ARM_COMMON_PSCI_H */
