// SPDX-License-Identifier: GPL-2.0
/*
 * The core's clock from the generic timer: the physical count, which
 * runs at CNTFRQ ticks per second on every CPU alike. No 64-bit division
 * here (no libgcc): nanoseconds per tick as a 32.32 fixed-point factor,
 * worked out once by shifting.
 */
#include <core/arch.h>

#define NSEC_PER_SEC	1000000000ULL

static u64 ns_per_tick_fp;

/* (NSEC_PER_SEC << 32) / freq by long division, freq below 2^32. */
static u64 factor_of(u32 freq)
{
	u64 rem = 0, quot = 0;
	int bit;

	for (bit = 63; bit >= 0; bit--) {
		/* Dividend bits: NSEC_PER_SEC shifted left by 32. */
		rem = rem << 1 |
			(bit >= 32 ? (NSEC_PER_SEC >> (bit - 32)) & 1 : 0);
		if (rem >= freq) {
			rem -= freq;
			quot |= 1ULL << bit;
		}
	}
	return quot;
}

/* count * factor >> 32 without a 128-bit product. */
static u64 scale(u64 count, u64 factor)
{
	u64 lo = (count & 0xffffffff) * (factor & 0xffffffff);
	u64 mid1 = (count & 0xffffffff) * (factor >> 32);
	u64 mid2 = (count >> 32) * (factor & 0xffffffff);
	u64 hi = (count >> 32) * (factor >> 32);

	return (hi << 32) + mid1 + mid2 + (lo >> 32);
}

u64 arch_time_ns(void)
{
	u64 count;
	u32 freq;

	asm volatile("isb; mrrc p15, 0, %Q0, %R0, c14" : "=r" (count) : :
		     "memory");
	if (!ns_per_tick_fp) {
		asm volatile("mrc p15, 0, %0, c14, c0, 0" : "=r" (freq));
		if (!freq)
			return count;
		ns_per_tick_fp = factor_of(freq);
	}
	return scale(count, ns_per_tick_fp);
}
