// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * PL1 virtual generic timer (PPI 27) through CP15: CNTFRQ, CNTVCT,
 * CNTV_CVAL and CNTV_CTL, the AArch32 views of what arm64 reads with mrs.
 */
#include <inmate.h>

#define CNT_CTL_ENABLE		(1 << 0)
#define CNT_CTL_IMASK		(1 << 1)

unsigned long timer_get_frequency(void)
{
	unsigned long frq;

	asm volatile("mrc p15, 0, %0, c14, c0, 0" : "=r" (frq));
	return frq;
}

__u64 timer_get_ticks(void)
{
	__u64 cnt;

	/* Keep the counter read from being hoisted above earlier code. */
	isb();
	asm volatile("mrrc p15, 1, %Q0, %R0, c14" : "=r" (cnt));
	return cnt;
}

__u64 timer_ticks_to_ns(__u64 ticks)
{
	__u64 hz = timer_get_frequency();

	return ticks / hz * NS_PER_SEC + ticks % hz * NS_PER_SEC / hz;
}

__u64 timer_ns_to_ticks(__u64 ns)
{
	__u64 hz = timer_get_frequency();

	return ns / NS_PER_SEC * hz + ns % NS_PER_SEC * hz / NS_PER_SEC;
}

void timer_set_deadline(__u64 ticks)
{
	asm volatile("mcrr p15, 3, %Q0, %R0, c14" : : "r" (ticks));
	asm volatile("mcr p15, 0, %0, c14, c3, 1" : : "r" (CNT_CTL_ENABLE));
	isb();
}

void timer_stop(void)
{
	asm volatile("mcr p15, 0, %0, c14, c3, 1" : : "r" (CNT_CTL_IMASK));
	isb();
}

void delay_us(unsigned long us)
{
	__u64 end = timer_get_ticks() + timer_ns_to_ticks(us * NS_PER_USEC);

	while (timer_get_ticks() < end)
		cpu_relax();
}
