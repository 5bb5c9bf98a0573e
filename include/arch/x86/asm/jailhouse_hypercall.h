/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade / Jailhouse-compatible interface, x86 part: hypercall
 * instruction, CPUID leaves, statistics counters, comm region fields.
 * Included by <jailhouse/hypercall.h>; do not include directly.
 */
#ifndef _JAILHOUSE_ASM_HYPERCALL_H
#define _JAILHOUSE_ASM_HYPERCALL_H

/* Leaves a guest uses to detect the hypervisor ("Jailhouse\0\0\0"). */
#define JAILHOUSE_CPUID_SIGNATURE		0x40000000
#define JAILHOUSE_CPUID_FEATURES		0x40000001

#define JAILHOUSE_CPU_STAT_VMEXITS_PIO		4
#define JAILHOUSE_CPU_STAT_VMEXITS_XAPIC	5
#define JAILHOUSE_CPU_STAT_VMEXITS_CR		6
#define JAILHOUSE_CPU_STAT_VMEXITS_CPUID	7
#define JAILHOUSE_CPU_STAT_VMEXITS_XSETBV	8
#define JAILHOUSE_CPU_STAT_VMEXITS_EXCEPTION	9
#define JAILHOUSE_CPU_STAT_VMEXITS_MSR_OTHER	10
#define JAILHOUSE_CPU_STAT_VMEXITS_MSR_X2APIC_ICR 11
#define JAILHOUSE_NUM_CPU_STATS			12

/* Comm region, 76 bytes. */
struct jailhouse_comm_region {
	JAILHOUSE_COMM_REGION_COMMON_FIELDS
	__u16 pm_timer_address;
	__u16 num_cpus;
	__u32 tsc_khz;
	__u32 apic_khz;
} __attribute__((packed));

/* x86 keeps stores in order; only the compiler must not reorder them. */
#define jailhouse_comm_write_barrier()	asm volatile("" : : : "memory")

/*
 * Intel CPUs use vmcall, AMD CPUs vmmcall; the caller defines this flag
 * (e.g. from CPUID) before the first hypercall.
 */
extern _Bool jailhouse_use_vmcall;

/* Code in EAX, arguments in RDI/RSI (EDI/ESI), result in EAX. */
#define JAILHOUSE_HYPERCALL(result, ...)				\
	do {								\
		if (jailhouse_use_vmcall)				\
			asm volatile("vmcall" : "=a" (result)		\
				     : __VA_ARGS__ : "memory");		\
		else							\
			asm volatile("vmmcall" : "=a" (result)		\
				     : __VA_ARGS__ : "memory");		\
	} while (0)

static inline __u32 jailhouse_call(__u32 num)
{
	__u32 result;

	JAILHOUSE_HYPERCALL(result, "a" (num));
	return result;
}

static inline __u32 jailhouse_call_arg1(__u32 num, unsigned long arg1)
{
	__u32 result;

	JAILHOUSE_HYPERCALL(result, "a" (num), "D" (arg1));
	return result;
}

static inline __u32 jailhouse_call_arg2(__u32 num, unsigned long arg1,
					unsigned long arg2)
{
	__u32 result;

	JAILHOUSE_HYPERCALL(result, "a" (num), "D" (arg1), "S" (arg2));
	return result;
}

#endif /* !_JAILHOUSE_ASM_HYPERCALL_H */
