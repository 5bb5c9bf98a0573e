// SPDX-License-Identifier: GPL-2.0
/*
 * The core's clock from the generic timer: the physical count, which
 * runs at CNTFRQ_EL0 ticks per second on every CPU alike.
 */
#include <core/arch.h>

#define NSEC_PER_SEC	1000000000ULL

u64 arch_time_ns(void)
{
	u64 count, freq;

	asm volatile("isb; mrs %0, cntpct_el0" : "=r" (count) : : "memory");
	asm volatile("mrs %0, cntfrq_el0" : "=r" (freq));
	if (!freq)
		return count;
	/* In two steps, so that count * 10^9 cannot overflow. */
	return count / freq * NSEC_PER_SEC +
		count % freq * NSEC_PER_SEC / freq;
}
