/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade / Jailhouse-compatible interface, ARMv7 part: hypercall
 * instruction, statistics counters, comm region fields.
 * Included by <jailhouse/hypercall.h>; do not include directly.
 */
#ifndef _JAILHOUSE_ASM_HYPERCALL_H
#define _JAILHOUSE_ASM_HYPERCALL_H

/* hvc immediate: "JH" */
#define JAILHOUSE_HVC_CODE			0x4a48

#define JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE	4
#define JAILHOUSE_CPU_STAT_VMEXITS_VIRQ		5
#define JAILHOUSE_CPU_STAT_VMEXITS_VSGI		6
#define JAILHOUSE_CPU_STAT_VMEXITS_PSCI		7
#define JAILHOUSE_CPU_STAT_VMEXITS_SMCCC	8
#define JAILHOUSE_CPU_STAT_VMEXITS_CP15		9
#define JAILHOUSE_NUM_CPU_STATS			10

/* Comm region, 100 bytes. */
struct jailhouse_comm_region {
	JAILHOUSE_COMM_REGION_COMMON_FIELDS
	__u8 gic_version;
	__u8 padding[7];
	__u64 gicd_base;
	__u64 gicc_base;
	__u64 gicr_base;
	__u32 vpci_irq_base;
} __attribute__((packed));

#define jailhouse_comm_write_barrier()	\
	asm volatile("dmb ishst" : : : "memory")

/* Code in r0, arguments in r1 and r2, result in r0; r3 is clobbered. */
static inline __u32 jailhouse_call_arg2(__u32 num, __u32 arg1, __u32 arg2)
{
	register __u32 r0 asm("r0") = num;
	register __u32 r1 asm("r1") = arg1;
	register __u32 r2 asm("r2") = arg2;

	asm volatile(".arch_extension virt\n\thvc #0x4a48"
		     : "+r" (r0), "+r" (r1), "+r" (r2)
		     : : "r3", "memory");
	return r0;
}

static inline __u32 jailhouse_call_arg1(__u32 num, __u32 arg1)
{
	return jailhouse_call_arg2(num, arg1, 0);
}

static inline __u32 jailhouse_call(__u32 num)
{
	return jailhouse_call_arg2(num, 0, 0);
}

#endif /* !_JAILHOUSE_ASM_HYPERCALL_H */
