/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade / Jailhouse-compatible interface, arm64 part: hypercall
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
#define JAILHOUSE_NUM_CPU_STATS			9

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

/* Code in x0, arguments in x1 and x2, result in x0; x3 is clobbered. */
static inline __u64 jailhouse_call_arg2(__u64 num, __u64 arg1, __u64 arg2)
{
	register __u64 x0 asm("x0") = num;
	register __u64 x1 asm("x1") = arg1;
	register __u64 x2 asm("x2") = arg2;

	asm volatile("hvc #0x4a48"
		     : "+r" (x0), "+r" (x1), "+r" (x2)
		     : : "x3", "memory");
	return x0;
}

static inline __u64 jailhouse_call_arg1(__u64 num, __u64 arg1)
{
	return jailhouse_call_arg2(num, arg1, 0);
}

static inline __u64 jailhouse_call(__u64 num)
{
	return jailhouse_call_arg2(num, 0, 0);
}

#endif /* !_JAILHOUSE_ASM_HYPERCALL_H */
