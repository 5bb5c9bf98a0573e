/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU area: one per possible CPU, behind the image. It holds the
 * CPU's stack, its generic state and exit statistics, and the arch state
 * (struct arch_per_cpu from the arch's <asm/percpu.h>).
 */
#ifndef _CORE_PERCPU_H
#define _CORE_PERCPU_H

#include <jailhouse/hypercall.h>
#include <core/page_pool.h>
#include <core/types.h>
#include <asm/percpu.h>

#define PERCPU_STACK_SIZE	(4 * PAGE_SIZE)
/* Per-CPU counters, reported through CPU_GET_INFO (jailhouse-abi.md). */
#define PERCPU_NUM_STATS	16

BUILD_BUG_ON(JAILHOUSE_NUM_CPU_STATS > PERCPU_NUM_STATS);

struct cell;

struct per_cpu {
	/* First: the arch entry code finds the stack top at this offset. */
	u8 stack[PERCPU_STACK_SIZE];
	unsigned int cpu_id;
	struct cell *cell;
	/* The CPU stopped on a fatal error. */
	bool failed;
	/* Set by a successful DISABLE: the CPU goes back to Linux. */
	bool shutdown;
	/*
	 * Management by another CPU (management.c): while suspend_cpu is
	 * set the CPU waits in the hypervisor and says so in cpu_suspended;
	 * requests (CPU_REQ_*) are taken when it leaves. A parked CPU runs
	 * no guest code until a reset request.
	 */
	bool suspend_cpu;
	bool cpu_suspended;
	u32 requests;
	/* Set while the CPU carries out requests it has taken. */
	bool requests_busy;
	bool parked;
	u32 stats[PERCPU_NUM_STATS];
	struct arch_per_cpu arch;
} __aligned(PAGE_SIZE);

/* The area of a CPU id below hypervisor_header.max_cpus. */
struct per_cpu *per_cpu(unsigned int cpu);

#endif /* _CORE_PERCPU_H */
