// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Local APIC timer at 10 Hz with the delay of each interrupt measured
 * against the ACPI PM timer: how much the hypervisor disturbs a real-time
 * cell. Re-arming in one-shot mode towards an absolute schedule keeps
 * errors from adding up, so "jitter" is the lateness of each tick.
 *
 * Command line: ticks=N stops after N interrupts (tests); otherwise it
 * runs until a shutdown request arrives, which it approves.
 */
#include <inmate.h>

#define TIMER_VECTOR	32
#define PERIOD_NS	(100 * NS_PER_MSEC)

static __u64 expected;
static long long jitter_min = 1LL << 62, jitter_max = -(1LL << 62);
static volatile unsigned long ticks;

/* The only user of the PM timer once running, so no locking is needed. */
static void timer_irq(unsigned int vector)
{
	__u64 now = pm_timer_read_ns();
	long long jitter = (long long)(now - expected);

	if (jitter < jitter_min)
		jitter_min = jitter;
	if (jitter > jitter_max)
		jitter_max = jitter;
	printk("Timer fired, jitter: %6lld ns, min: %6lld ns, max: %6lld ns\n",
	       jitter, jitter_min, jitter_max);

	expected += PERIOD_NS;
	/* A late tick must not re-arm with a bogus huge delay. */
	apic_timer_oneshot(TIMER_VECTOR, expected > now ? expected - now : 1);
	ticks++;
	apic_eoi();
}

void inmate_main(void)
{
	unsigned long limit = cmdline_parse_int("ticks", 0);
	unsigned long khz;

	printk("APIC demo, console %s\n", console_name());
	if (!pm_timer_port) {
		printk("FAILED: no PM timer to measure against\n");
		return;
	}

	khz = tsc_calibrate();
	printk("Calibrated TSC frequency: %lu.%03lu MHz\n", khz / 1000,
	       khz % 1000);
	khz = apic_timer_calibrate();
	printk("Calibrated APIC frequency: %lu kHz\n", khz);

	int_set_handler(TIMER_VECTOR, timer_irq);
	expected = pm_timer_read_ns() + PERIOD_NS;
	apic_timer_oneshot(TIMER_VECTOR, PERIOD_NS);

	for (;;) {
		irq_enable_and_wait();
		irq_disable();
		if (comm_region_valid() &&
		    comm_region_poll(true) == JAILHOUSE_MSG_SHUTDOWN_REQUEST)
			break;
		if (limit && ticks >= limit)
			break;
	}
	apic_timer_stop();
	printk("Stopped APIC demo\n");
}
