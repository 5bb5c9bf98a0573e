/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU area: one per possible CPU, behind the image. It will hold the
 * CPU's stack, state and exit statistics; arch state is added through
 * struct arch_per_cpu once the arch defines it.
 */
#ifndef _CORE_PERCPU_H
#define _CORE_PERCPU_H

#include <core/page_pool.h>
#include <core/types.h>

#define PERCPU_STACK_SIZE	(4 * PAGE_SIZE)
/* Per-CPU counters, reported through CPU_GET_INFO (abi.md section 5). */
#define PERCPU_NUM_STATS	16

struct per_cpu {
	u8 stack[PERCPU_STACK_SIZE];
	unsigned int cpu_id;
	u32 stats[PERCPU_NUM_STATS];
} __aligned(PAGE_SIZE);

#endif /* _CORE_PERCPU_H */
