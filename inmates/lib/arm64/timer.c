// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * EL1 virtual generic timer (PPI 27). The virtual counter is what the
 * hypervisor leaves untouched for a cell; CNTFRQ gives its rate.
 */
#include <inmate.h>

#define CNT_CTL_ENABLE		(1 << 0)
#define CNT_CTL_IMASK		(1 << 1)

unsigned long timer_get_frequency(void)
{
	return read_sysreg(cntfrq_el0);
}

__u64 timer_get_ticks(void)
{
	/* Keep the counter read from being hoisted above earlier code. */
	isb();
	return read_sysreg(cntvct_el0);
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
	write_sysreg(cntv_cval_el0, ticks);
	write_sysreg(cntv_ctl_el0, CNT_CTL_ENABLE);
	isb();
}

void timer_stop(void)
{
	write_sysreg(cntv_ctl_el0, CNT_CTL_IMASK);
	isb();
}

void delay_us(unsigned long us)
{
	__u64 end = timer_get_ticks() + timer_ns_to_ticks(us * NS_PER_USEC);

	while (timer_get_ticks() < end)
		cpu_relax();
}
