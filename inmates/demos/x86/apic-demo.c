// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Local APIC timer at 10 Hz and the delay of each interrupt: how much the
 * hypervisor disturbs a real-time cell. "jitter" is how late the handler
 * runs after the timer expired.
 *
 * The handler's first instruction of its own reads the TSC; only then
 * does it touch the APIC (the EOI, re-arming the timer). Under a
 * hypervisor that emulates APIC registers, those accesses exit, but after
 * the timestamp: they cannot lengthen the figure. The timer's count
 * register is never read (QEMU aborts on that MSR read under -icount).
 *
 * The timer runs one-shot towards deadlines on a 100 ms grid in TSC
 * cycles. A deadline becomes a count of APIC timer ticks through the
 * ratio of the two clocks; calibrated frequencies are some ppm off, a
 * bias of hundreds of ns over a period, and it would differ between bare
 * metal and a cell (each calibrates on its own). So the ratio is measured
 * on the timer itself: a short and a long one-shot, each armed right
 * after reading the TSC; the interrupt's delivery costs both the same, so
 * the difference of their arrival times is the difference of their counts
 * in TSC cycles. The shortest of three runs each is taken: a late
 * interrupt can only lengthen a run. Re-arming every tick keeps a wrong
 * ratio from adding up over the ticks.
 *
 * Command line: ticks=N stops after N interrupts (tests); otherwise it
 * runs until a shutdown request arrives, which it approves after saying
 * goodbye.
 */
#include <inmate.h>

#define TIMER_VECTOR	32
#define PERIOD_MS	100
#define RATIO_RUNS	3

/* TSC cycles per APIC timer ticks: tsc_per / apic_per. */
static __u64 tsc_per, apic_per;
static __u64 grid, due, period_tsc;
static long long jitter_min = 1LL << 62, jitter_max = -(1LL << 62);
static volatile __u64 fired_tsc;
static volatile unsigned long fired, ticks;
static bool measuring;

static void arm_at(__u64 deadline)
{
	__u64 now = rdtsc(), count = 1;

	if (deadline > now)
		count = (deadline - now) * apic_per / tsc_per;
	if (!count)
		count = 1;
	if (count > 0xffffffff)
		count = 0xffffffff;
	apic_write(APIC_TMICT, count);
	/* The count is rounded down: expect the expiry it really gives. */
	due = now + count * tsc_per / apic_per;
}

/* The next grid point ahead; a handler late by whole periods skips some. */
static void arm_next(void)
{
	__u64 now = rdtsc();

	do {
		grid += period_tsc;
	} while (grid <= now);
	arm_at(grid);
}

/*
 * Rounded to the nearest ns: a frequency a few ppm off (the hypervisor
 * calibrates it anew at every enable) must not move a figure by 1 ns.
 */
static long long tsc_to_ns(long long cycles)
{
	long long khz = tsc_khz, ns = cycles * (long long)NS_PER_MSEC;

	return (ns + (ns < 0 ? -khz : khz) / 2) / khz;
}

static void report(__u64 now)
{
	long long jitter = tsc_to_ns((long long)(now - due));

	if (jitter < jitter_min)
		jitter_min = jitter;
	if (jitter > jitter_max)
		jitter_max = jitter;
	printk("Timer fired, jitter: %6lld ns, min: %6lld ns, max: %6lld ns\n",
	       jitter, jitter_min, jitter_max);
	ticks++;
}

static void timer_irq(unsigned int vector)
{
	__u64 now = rdtsc();

	fired_tsc = now;
	fired++;
	if (measuring) {
		report(now);
		arm_next();
	}
	apic_eoi();
}

/* TSC cycles from arming a one-shot of COUNT ticks to its handler. */
static __u64 oneshot_cycles(__u32 count)
{
	unsigned long seen = fired;
	__u64 start = rdtsc();

	apic_write(APIC_TMICT, count);
	while (fired == seen) {
		irq_enable_and_wait();
		irq_disable();
	}
	return fired_tsc - start;
}

static void measure_ratio(void)
{
	__u32 short_count = apic_khz, long_count = (PERIOD_MS + 1) * apic_khz;
	__u64 s = ~0ULL, l = ~0ULL, c;
	int i;

	for (i = 0; i < RATIO_RUNS; i++) {
		c = oneshot_cycles(short_count);
		s = c < s ? c : s;
		c = oneshot_cycles(long_count);
		l = c < l ? c : l;
	}
	tsc_per = l - s;
	apic_per = long_count - short_count;
	/* Only a timer that does not count could give this. */
	if (l <= s) {
		printk("Timer ratio unmeasurable, using the frequencies\n");
		tsc_per = tsc_khz;
		apic_per = apic_khz;
	}
}

/*
 * The seeds' output names both frequencies as calibrated; when the
 * hypervisor measured them already (comm region), say who did.
 */
static void get_frequencies(void)
{
	const char *source = "";

	if (comm_region_valid() && comm_region->tsc_khz &&
	    comm_region->apic_khz) {
		tsc_khz = comm_region->tsc_khz;
		apic_khz = comm_region->apic_khz;
		source = " (by the hypervisor)";
	} else {
		tsc_khz = tsc_calibrate();
		apic_khz = apic_timer_calibrate();
	}
	printk("Calibrated TSC frequency: %lu.%03lu MHz%s\n", tsc_khz / 1000,
	       tsc_khz % 1000, source);
	printk("Calibrated APIC frequency: %lu kHz%s\n", apic_khz, source);
}

static void start_timer(void)
{
	int_set_handler(TIMER_VECTOR, timer_irq);
	apic_write(APIC_TDCR, APIC_TDCR_DIV_1);
	apic_write(APIC_LVT_TIMER, TIMER_VECTOR);
	measure_ratio();
	period_tsc = (__u64)PERIOD_MS * tsc_khz;
	measuring = true;
	grid = rdtsc();
	arm_next();
}

void inmate_main(void)
{
	unsigned long limit = cmdline_parse_int("ticks", 0);
	bool requested = false;

	printk("APIC demo, console %s\n", console_name());
	get_frequencies();
	if (!apic_khz || !tsc_khz) {
		printk("FAILED: APIC timer or TSC frequency unknown (no PM "
		       "timer to calibrate against)\n");
		return;
	}
	start_timer();

	for (;;) {
		irq_enable_and_wait();
		irq_disable();
		if (comm_region_valid() && comm_region_shutdown_requested()) {
			requested = true;
			break;
		}
		if (limit && ticks >= limit)
			break;
	}
	apic_timer_stop();
	printk("Stopped APIC demo\n");
	if (requested)
		comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
