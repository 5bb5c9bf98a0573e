// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Time sources: the ACPI PM timer (3.579545 MHz, 24 bits here) as the
 * reference, the TSC and the local APIC timer calibrated against it when
 * the comm region does not already give their frequencies.
 */
#include <inmate.h>

#define PM_TIMER_HZ		3579545ULL
#define PM_TIMER_MASK		0x00ffffffU
#define CALIBRATION_NS		(100 * NS_PER_MSEC)

__u16 pm_timer_port;
unsigned long tsc_khz;
unsigned long apic_khz;

static __u64 pm_ticks;		/* extended to 64 bits */
static __u32 pm_last;

static __u64 ticks_to_ns(__u64 ticks, __u64 hz)
{
	/* Split so that ticks * 1e9 cannot overflow for long uptimes. */
	return ticks / hz * NS_PER_SEC + ticks % hz * NS_PER_SEC / hz;
}

/* Must be called more often than every 4.6 s to see every wrap. */
__u64 pm_timer_read_ns(void)
{
	__u32 now;

	if (!pm_timer_port)
		return 0;
	now = inl(pm_timer_port) & PM_TIMER_MASK;
	pm_ticks += (now - pm_last) & PM_TIMER_MASK;
	pm_last = now;
	return ticks_to_ns(pm_ticks, PM_TIMER_HZ);
}

__u64 tsc_read_ns(void)
{
	if (!tsc_khz)
		return 0;
	return ticks_to_ns(rdtsc(), tsc_khz * 1000ULL);
}

__u64 time_ns(void)
{
	return pm_timer_port ? pm_timer_read_ns() : tsc_read_ns();
}

void delay_us(unsigned long us)
{
	__u64 end = time_ns() + us * NS_PER_USEC;

	while (time_ns() < end)
		cpu_relax();
}

unsigned long tsc_calibrate(void)
{
	__u64 t0, t1, c0, c1;

	if (!pm_timer_port)
		return tsc_khz;
	/* Start on a fresh PM timer tick to shave off one tick of error. */
	t0 = pm_timer_read_ns();
	while ((t1 = pm_timer_read_ns()) == t0)
		cpu_relax();
	c0 = rdtsc();
	do {
		t0 = pm_timer_read_ns();
	} while (t0 - t1 < CALIBRATION_NS);
	c1 = rdtsc();
	tsc_khz = (c1 - c0) * NS_PER_MSEC / (t0 - t1);
	return tsc_khz;
}

unsigned long apic_timer_calibrate(void)
{
	__u64 t0, t1;
	__u32 left;

	if (!pm_timer_port)
		return apic_khz;
	apic_write(APIC_TDCR, APIC_TDCR_DIV_1);
	apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
	t0 = pm_timer_read_ns();
	while ((t1 = pm_timer_read_ns()) == t0)
		cpu_relax();
	apic_write(APIC_TMICT, 0xffffffff);
	do {
		t0 = pm_timer_read_ns();
	} while (t0 - t1 < CALIBRATION_NS);
	left = apic_read(APIC_TMCCT);
	apic_write(APIC_TMICT, 0);
	apic_khz = (__u64)(0xffffffff - left) * NS_PER_MSEC / (t0 - t1);
	return apic_khz;
}

static __u32 ns_to_apic_ticks(__u64 ns)
{
	__u64 ticks = ns * apic_khz / NS_PER_MSEC;

	if (ticks > 0xffffffff)
		ticks = 0xffffffff;
	return ticks ? ticks : 1;
}

void apic_timer_start_periodic(__u8 vector, __u64 period_ns)
{
	apic_write(APIC_TDCR, APIC_TDCR_DIV_1);
	apic_write(APIC_LVT_TIMER, APIC_LVT_PERIODIC | vector);
	apic_write(APIC_TMICT, ns_to_apic_ticks(period_ns));
}

void apic_timer_oneshot(__u8 vector, __u64 delay_ns)
{
	apic_write(APIC_TDCR, APIC_TDCR_DIV_1);
	apic_write(APIC_LVT_TIMER, vector);
	apic_write(APIC_TMICT, ns_to_apic_ticks(delay_ns));
}

void apic_timer_stop(void)
{
	apic_write(APIC_TMICT, 0);
	apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
}
