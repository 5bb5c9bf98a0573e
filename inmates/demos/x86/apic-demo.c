// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Local APIC timer at 10 Hz and the delay of each interrupt: how much the
 * hypervisor disturbs a real-time cell. "jitter" is how late the handler
 * runs after the timer expired.
 *
 * The timer runs in periodic mode, so a tick costs a single write to the
 * APIC (the EOI): under a hypervisor that traps APIC writes, that is one
 * exit per interrupt. The lateness is read off the timer itself: its
 * count restarted at expiry, so what it has counted down since is the
 * delay (reads of the APIC do not trap). No clock is compared with
 * another, so a frequency known only approximately does not make the
 * figures drift; a handler later than a whole period would be seen
 * modulo the period. Frequencies come from the comm region when the
 * hypervisor gives them, otherwise they are calibrated against the PM
 * timer.
 *
 * Command line: ticks=N stops after N interrupts (tests); otherwise it
 * runs until a shutdown request arrives, which it approves after saying
 * goodbye.
 */
#include <inmate.h>

#define TIMER_VECTOR	32
#define PERIOD_NS	(100 * NS_PER_MSEC)

static __u32 period_ticks;
static long long jitter_min = 1LL << 62, jitter_max = -(1LL << 62);
static volatile unsigned long ticks;

static void timer_irq(unsigned int vector)
{
	__u32 left = apic_read(APIC_TMCCT);
	long long jitter = (long long)((__u64)(period_ticks - left) *
				       NS_PER_MSEC / apic_khz);

	if (jitter < jitter_min)
		jitter_min = jitter;
	if (jitter > jitter_max)
		jitter_max = jitter;
	printk("Timer fired, jitter: %6lld ns, min: %6lld ns, max: %6lld ns\n",
	       jitter, jitter_min, jitter_max);
	ticks++;
	apic_eoi();
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

void inmate_main(void)
{
	unsigned long limit = cmdline_parse_int("ticks", 0);
	bool requested = false;

	printk("APIC demo, console %s\n", console_name());
	get_frequencies();
	if (!apic_khz) {
		printk("FAILED: APIC timer frequency unknown (no PM timer to "
		       "calibrate against)\n");
		return;
	}

	int_set_handler(TIMER_VECTOR, timer_irq);
	apic_timer_start_periodic(TIMER_VECTOR, PERIOD_NS);
	period_ticks = apic_read(APIC_TMICT);

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
