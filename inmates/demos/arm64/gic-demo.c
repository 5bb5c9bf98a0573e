// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Generic timer interrupts through the GIC at 10 Hz, each one's lateness
 * against its programmed deadline reported as jitter. The deadline is
 * absolute (compare value), so errors do not add up.
 *
 * Command line: ticks=N stops after N interrupts (tests); otherwise it
 * runs until a shutdown request arrives, which it approves.
 */
#include <inmate.h>

#define PERIOD_NS	(100 * NS_PER_MSEC)

static __u64 deadline, period;
static long long jitter_min = 1LL << 62, jitter_max = -(1LL << 62);
static volatile unsigned long ticks;

static void irq_handler(unsigned int irq)
{
	__u64 now = timer_get_ticks();
	long long jitter;

	if (irq != TIMER_IRQ_VIRT) {
		printk("Unexpected IRQ %u\n", irq);
		return;
	}
	jitter = now >= deadline ? (long long)timer_ticks_to_ns(now - deadline)
				 : -(long long)timer_ticks_to_ns(deadline - now);
	if (jitter < jitter_min)
		jitter_min = jitter;
	if (jitter > jitter_max)
		jitter_max = jitter;
	printk("Timer fired, jitter: %6lld ns, min: %6lld ns, max: %6lld ns\n",
	       jitter, jitter_min, jitter_max);

	/* Moving the compare value also drops the level-triggered line. */
	deadline += period;
	timer_set_deadline(deadline);
	ticks++;
}

void inmate_main(void)
{
	unsigned long limit = cmdline_parse_int("ticks", 0);

	printk("Initializing the GIC...\n");
	if (gic_setup(irq_handler)) {
		printk("FAILED: no usable GIC (version %s)\n", gic_name());
		return;
	}
	printk("%s: distributor 0x%lx\n", gic_name(), gicd_base);
	gic_enable_irq(TIMER_IRQ_VIRT);

	printk("Initializing the timer...\n");
	printk("Timer frequency: %lu Hz\n", timer_get_frequency());
	period = timer_ns_to_ticks(PERIOD_NS);
	deadline = timer_get_ticks() + period;
	timer_set_deadline(deadline);

	for (;;) {
		irq_enable_and_wait();
		irq_disable();
		if (comm_region_valid() && comm_region_shutdown_requested())
			break;
		if (limit && ticks >= limit)
			break;
	}
	timer_stop();
	/* Approved only afterwards: the cell stops once it is. */
	printk("Stopped GIC demo\n");
	if (comm_region_valid())
		comm_region_poll(true);
}
