// SPDX-License-Identifier: GPL-2.0
/*
 * TSC and local APIC timer frequencies for the comm regions of cells:
 * an inmate needs them to turn nanoseconds into timer ticks. Where the
 * system config gives 0, the first CPU measures both once during setup
 * against the ACPI PM timer (fixed 3.579545 MHz, port from the config).
 *
 * The APIC timer measured is that CPU's own, which Linux is using: its
 * registers are saved and the remaining count is put back afterwards, so
 * Linux sees at most a tick that comes a few milliseconds late.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/hypervisor.h>
#include <core/printk.h>
#include <x86/apic.h>
#include <x86/clock.h>
#include <x86/io.h>
#include <x86/processor.h>
#include <x86/setup.h>

#define PM_TIMER_HZ		3579545ULL
#define PM_TIMER_MASK		0x00ffffffU
/* 10 ms: a tick of the PM timer is then 0.003 % of the window. */
#define WINDOW_PM_TICKS		((u32)(PM_TIMER_HZ / 100))
/* A port that never changes is not a PM timer; give up after this. */
#define MAX_SPINS		100000000UL

#define APIC_REG_LVT_TIMER	0x320
#define APIC_REG_TMICT		0x380
#define APIC_REG_TMCCT		0x390
#define APIC_REG_TDCR		0x3e0
#define APIC_LVT_MASKED		BIT(16)
#define APIC_LVT_MODE_MASK	(3U << 17)
#define APIC_LVT_PERIODIC	(1U << 17)
#define APIC_LVT_TSC_DEADLINE	(2U << 17)
#define APIC_TDCR_DIV_1		0xb
#define MSR_TSC_DEADLINE	0x6e0

u32 x86_tsc_khz, x86_apic_khz;

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	asm volatile("lfence; rdtsc" : "=a" (lo), "=d" (hi) : : "memory");
	return ((u64)hi << 32) | lo;
}

static u32 pm_read(u16 port)
{
	return inl(port) & PM_TIMER_MASK;
}

/* Divisor encoded in a TDCR value (bits 0, 1 and 3). */
static u32 tdcr_divisor(u32 tdcr)
{
	u32 code = ((tdcr & 8) >> 1) | (tdcr & 3);

	return code == 7 ? 1 : 2U << code;
}

/* Linux's timer state on this CPU, to be put back after measuring. */
struct apic_timer_state {
	u32 lvt, tdcr, initial, current;
	u64 deadline;
};

static void timer_save(struct apic_timer_state *s)
{
	s->lvt = apic_reg_read(APIC_REG_LVT_TIMER);
	s->tdcr = apic_reg_read(APIC_REG_TDCR);
	s->initial = apic_reg_read(APIC_REG_TMICT);
	s->current = apic_reg_read(APIC_REG_TMCCT);
	if ((s->lvt & APIC_LVT_MODE_MASK) == APIC_LVT_TSC_DEADLINE)
		s->deadline = read_msr(MSR_TSC_DEADLINE);
}

/* ticks: APIC timer ticks at divisor 1 that the measurement took. */
static void timer_restore(const struct apic_timer_state *s, u64 ticks)
{
	u64 spent = ticks / tdcr_divisor(s->tdcr);

	apic_reg_write(APIC_REG_TMICT, 0);
	apic_reg_write(APIC_REG_TDCR, s->tdcr);
	apic_reg_write(APIC_REG_LVT_TIMER, s->lvt);
	switch (s->lvt & APIC_LVT_MODE_MASK) {
	case APIC_LVT_TSC_DEADLINE:
		write_msr(MSR_TSC_DEADLINE, s->deadline);
		break;
	case APIC_LVT_PERIODIC:
		/* A fresh period: TMICT is also the reload value. */
		apic_reg_write(APIC_REG_TMICT, s->initial);
		break;
	default:
		/* One-shot: what was left, or at once if it ran out since. */
		if (s->current)
			apic_reg_write(APIC_REG_TMICT, s->current > spent ?
				       s->current - spent : 1);
		break;
	}
}

void clock_measure(void)
{
	const struct jailhouse_system *sys = system_config_location();
	u16 port = sys->platform_info.x86.pm_timer_address;
	struct apic_timer_state saved = { 0 };
	u32 start, now, elapsed, left;
	unsigned long spins = 0;
	u64 tsc0, tsc1;

	x86_tsc_khz = sys->platform_info.x86.tsc_khz;
	x86_apic_khz = sys->platform_info.x86.apic_khz;
	if (x86_tsc_khz && x86_apic_khz)
		return;
	if (!port) {
		printk("No PM timer in the config: TSC and APIC timer "
		       "frequencies unknown to cells\n");
		return;
	}

	timer_save(&saved);
	apic_reg_write(APIC_REG_LVT_TIMER, APIC_LVT_MASKED);
	apic_reg_write(APIC_REG_TDCR, APIC_TDCR_DIV_1);

	/* Begin on a tick edge of the PM timer, which saves a tick. */
	start = pm_read(port);
	while ((now = pm_read(port)) == start && ++spins < MAX_SPINS)
		cpu_relax();
	tsc0 = rdtsc();
	apic_reg_write(APIC_REG_TMICT, 0xffffffff);
	do {
		elapsed = (pm_read(port) - now) & PM_TIMER_MASK;
	} while (elapsed < WINDOW_PM_TICKS && ++spins < MAX_SPINS);
	tsc1 = rdtsc();
	left = apic_reg_read(APIC_REG_TMCCT);

	timer_restore(&saved, 0xffffffffULL - left);
	if (spins >= MAX_SPINS) {
		printk("PM timer at port 0x%x does not count: TSC and APIC "
		       "timer frequencies unknown to cells\n", port);
		return;
	}

	if (!x86_tsc_khz)
		x86_tsc_khz = (tsc1 - tsc0) * PM_TIMER_HZ / 1000 / elapsed;
	if (!x86_apic_khz)
		x86_apic_khz = (0xffffffffULL - left) * PM_TIMER_HZ / 1000 /
			elapsed;
	printk("TSC: %u kHz, APIC timer: %u kHz (measured against the PM "
	       "timer)\n", x86_tsc_khz, x86_apic_khz);
}

u64 arch_time_ns(void)
{
	u64 tsc = rdtsc();

	/* Unmeasured: count a TSC tick as a nanosecond, 1 GHz or faster. */
	if (!x86_tsc_khz)
		return tsc;
	/* In two steps: tsc * 1000000 would overflow after an hour. */
	return tsc / x86_tsc_khz * 1000000ULL +
		tsc % x86_tsc_khz * 1000000ULL / x86_tsc_khz;
}
