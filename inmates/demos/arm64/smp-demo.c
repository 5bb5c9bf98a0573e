// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Two CPUs of one cell: CPU 0 (the one the cell starts) switches the
 * other on with PSCI CPU_ON, the two bounce SGIs back and forth (and one
 * goes to "all but self"), the other CPU switches itself off with
 * CPU_OFF; AFFINITY_INFO is checked at
 * every step, and CPU_ON must fail where it has to (a CPU that is on, one
 * outside the cell; in a cell also an entry outside the cell's memory,
 * and an SMC32 call must ignore the upper halves of its arguments).
 * Everything is done in rounds, so that a CPU is started again after it
 * went off. Each finding is one line, and every
 * line that is not as it should be counts as an error in the last line:
 *
 *   SMP demo: done, run 1, 0 errors
 *
 * Command line: sgis=N per round (default 100), rounds=N (default 2),
 * run=N (only a label for the first and last line), mpidr=M (the other
 * CPU, default: the second one AFFINITY_INFO finds), foreign=M (a CPU
 * outside the cell, default: the first one AFFINITY_INFO refuses), hold
 * (switch the other CPU on once more at the end and leave it on, for a
 * test of the cell's reset), early (with mpidr=: switch the other CPU on
 * and off first thing, before the hypervisor may be done resetting it),
 * psci=hvc (for plain QEMU).
 *
 * In a cell, the demo then waits for the shutdown request, which it
 * approves; outside one it stops there.
 */
#include <inmate.h>

#define SGI_PING	1	/* CPU 0 to 1, answered with a pong */
#define SGI_PONG	2	/* CPU 1 to 0 */
#define SGI_STOP	3	/* CPU 0 to 1: the round is over */
#define SGI_BCAST	4	/* CPU 0 to all others: CPU 1 only */

#define UP_TIMEOUT_US	2000000
#define SGI_TIMEOUT_US	2000000
#define OFF_TIMEOUT_US	2000000

/*
 * Every variable shared by the two CPUs has one writer, so that plain
 * stores suffice (the MMU is off: no exclusive accesses). The round
 * number in them tells a fresh value from one of an earlier round.
 */
static unsigned int round_now;			/* CPU 0 */
static unsigned int stop_round;			/* CPU 0 */
static unsigned int ready_round, done_round;	/* CPU 1 */
static unsigned long ap_psci, ap_sgis;		/* CPU 1 */
static unsigned int early_up;			/* CPU 1 */
static unsigned long received[SMP_MAX_CPUS];	/* each CPU its own */
static unsigned long stray[SMP_MAX_CPUS];	/* each CPU its own */
static unsigned long bcast;			/* CPU 1 */
static unsigned int unexpected[SMP_MAX_CPUS];	/* the CPU of that index */

static unsigned int errors;

/*
 * Both CPUs take all four, so that an SGI that reaches the wrong CPU is
 * counted as stray there rather than left pending unseen.
 */
static void enable_sgis(void)
{
	unsigned int sgi;

	for (sgi = SGI_PING; sgi <= SGI_BCAST; sgi++)
		gic_enable_irq(sgi);
}

static void irq_handler(unsigned int irq)
{
	unsigned int me = smp_cpu_index();

	if (me >= SMP_MAX_CPUS)
		return;
	if (me == 0 && irq == SGI_PONG) {
		received[0]++;
	} else if (me == 1 && irq == SGI_PING) {
		received[1]++;
		if (!gic_send_sgi(0, SGI_PONG))
			stray[1]++;
	} else if (me == 1 && irq == SGI_BCAST) {
		bcast++;
	} else if (!(me == 1 && irq == SGI_STOP)) {
		stray[me]++;
	}
}

static void ap_main(unsigned int index)
{
	unsigned int round = READ_ONCE(round_now);
	unsigned long sgis_before = gic_sgis_sent();

	received[index] = 0;
	stray[index] = 0;
	bcast = 0;
	enable_sgis();
	printk("CPU %u: up on MPIDR 0x%llx, %s interface set up\n", index,
	       mpidr_self(), gic_name());
	dsb(sy);
	WRITE_ONCE(ready_round, round);

	/* Masked while checking, so that the waking SGI cannot slip by. */
	while (READ_ONCE(stop_round) != round) {
		irq_enable_and_wait();
		irq_disable();
	}

	printk("CPU %u: got %lu pings, sent %lu pongs, %lu stray\n", index,
	       received[index], gic_sgis_sent() - sgis_before, stray[index]);
	WRITE_ONCE(ap_sgis, gic_sgis_sent());
	/* The CPU_OFF the library makes when this returns. */
	WRITE_ONCE(ap_psci, psci_calls() + 1);
	dsb(sy);
	WRITE_ONCE(done_round, round);
}

/* Entry for CPU_ON calls that must fail: it must never run. */
static void stray_main(unsigned int index)
{
	WRITE_ONCE(unexpected[index], 1);
}

/* Entry for "early": show up and go off again. */
static void early_main(unsigned int index)
{
	(void)index;
	WRITE_ONCE(early_up, 1);
	/* The CPU_OFF the library makes when this returns. */
	WRITE_ONCE(ap_psci, psci_calls() + 1);
}

/* Entry for "hold": stay on until the cell is reset. */
static void hold_main(unsigned int index)
{
	(void)index;
	for (;;)
		asm volatile("wfi" : : : "memory");
}

static void expect(bool ok, const char *what)
{
	if (ok)
		return;
	errors++;
	printk("SMP demo: error: %s\n", what);
}

static bool wait_flag(unsigned int *flag, unsigned int value,
		      unsigned long timeout_us)
{
	__u64 end = timer_get_ticks() +
		timer_ns_to_ticks(timeout_us * NS_PER_USEC);

	while (READ_ONCE(*flag) != value) {
		if (timer_get_ticks() > end)
			return false;
		cpu_relax();
	}
	return true;
}

/* AFFINITY_INFO until it says OFF (CPU_OFF may still be under way). */
static long wait_off(__u64 mpidr)
{
	__u64 end = timer_get_ticks() +
		timer_ns_to_ticks(OFF_TIMEOUT_US * NS_PER_USEC);
	long ret;

	do {
		ret = psci_affinity_info(mpidr);
		if (ret != PSCI_AFFINITY_ON && ret != PSCI_AFFINITY_ON_PENDING)
			break;
		delay_us(1000);
	} while (timer_get_ticks() < end);
	return ret;
}

/*
 * CPU 0 pings, CPU 1 answers each ping with a pong from its handler.
 * Then one SGI to "all but self", which in the cell is CPU 1 alone.
 */
static void ping_pong(unsigned int round, unsigned int sgis)
{
	unsigned long got;
	unsigned int sent;
	__u64 end;

	received[0] = 0;
	stray[0] = 0;
	irq_enable();
	for (sent = 0; sent < sgis; sent++) {
		if (!gic_send_sgi(1, SGI_PING))
			break;
		end = timer_get_ticks() +
			timer_ns_to_ticks(SGI_TIMEOUT_US * NS_PER_USEC);
		/* One at a time: each pong must come back before the next. */
		while (READ_ONCE(received[0]) <= sent &&
		       timer_get_ticks() < end)
			cpu_relax();
		if (READ_ONCE(received[0]) <= sent) {
			sent++;
			break;
		}
	}
	got = READ_ONCE(received[0]);

	gic_send_sgi_others(SGI_BCAST);
	end = timer_get_ticks() +
		timer_ns_to_ticks(SGI_TIMEOUT_US * NS_PER_USEC);
	while (!READ_ONCE(bcast) && timer_get_ticks() < end)
		cpu_relax();
	/* Time for a copy that should not come, to this CPU or a 2nd one. */
	delay_us(10000);
	irq_disable();

	printk("SMP demo: r%u: %u pings sent, %lu pongs back, %lu stray, "
	       "broadcast to CPU 1: %lu\n", round, sent, got, stray[0],
	       READ_ONCE(bcast));
	expect(got == sgis && !stray[0], "ping-pong incomplete");
	expect(READ_ONCE(bcast) == 1, "broadcast SGI not seen once");

	WRITE_ONCE(stop_round, round);
	if (!gic_send_sgi(1, SGI_STOP))
		expect(false, "no stop SGI");
}

static void run_round(unsigned int round, __u64 other, unsigned int sgis)
{
	long ret;

	ret = psci_affinity_info(other);
	printk("SMP demo: r%u: AFFINITY_INFO(0x%llx) before CPU_ON: %s\n",
	       round, other, psci_affinity_name(ret));
	expect(ret == PSCI_AFFINITY_OFF, "other CPU not off");

	WRITE_ONCE(round_now, round);
	ret = smp_start_cpu(1, other, ap_main);
	printk("SMP demo: r%u: CPU_ON(0x%llx): %s\n", round, other,
	       psci_ret_name(ret));
	expect(ret == PSCI_SUCCESS, "CPU_ON failed");
	if (ret != PSCI_SUCCESS)
		return;
	if (!wait_flag(&ready_round, round, UP_TIMEOUT_US)) {
		expect(false, "CPU 1 did not come up");
		return;
	}

	ret = psci_affinity_info(other);
	printk("SMP demo: r%u: AFFINITY_INFO(0x%llx) after CPU_ON: %s\n",
	       round, other, psci_affinity_name(ret));
	expect(ret == PSCI_AFFINITY_ON, "other CPU not on");

	/* Index 2 is free: should the call wrongly succeed, it is seen. */
	ret = smp_start_cpu(2, other, stray_main);
	printk("SMP demo: r%u: CPU_ON(0x%llx) again: %s\n", round, other,
	       psci_ret_name(ret));
	expect(ret == PSCI_ALREADY_ON, "second CPU_ON not refused");

	ping_pong(round, sgis);

	if (!wait_flag(&done_round, round, UP_TIMEOUT_US)) {
		expect(false, "CPU 1 did not finish");
		return;
	}
	ret = wait_off(other);
	printk("SMP demo: r%u: AFFINITY_INFO(0x%llx) after CPU_OFF: %s\n",
	       round, other, psci_affinity_name(ret));
	expect(ret == PSCI_AFFINITY_OFF, "other CPU not off after CPU_OFF");
}

static void early_report(__u64 mpidr, long ret)
{
	bool up = ret == PSCI_SUCCESS &&
		wait_flag(&early_up, 1, UP_TIMEOUT_US);

	printk("SMP demo: early CPU_ON(0x%llx): %s, CPU 1 %s\n", mpidr,
	       psci_ret_name(ret), up ? "up" : "not up");
	expect(up, "early CPU_ON lost");
	if (up)
		expect(wait_off(mpidr) == PSCI_AFFINITY_OFF,
		       "early CPU not off");
}

/* Lowest Aff0 (same Aff1..3) not among the cell's CPUs. */
static __u64 outside_cpu(const __u64 *cpus, unsigned int n)
{
	__u64 cand;
	unsigned int aff0, i;

	for (aff0 = 0; aff0 < 256; aff0++) {
		cand = (cpus[0] & ~0xffULL) | aff0;
		for (i = 0; i < n && cpus[i] != cand; i++)
			;
		if (i == n)
			return cand;
	}
	return cpus[0] | 0xff;
}

/* Where no code of the cell can be: CPU_ON must refuse it. */
#define BAD_ENTRY	0xdead0000UL

static void error_cases(__u64 other, __u64 foreign)
{
	long ret;

	ret = smp_start_cpu(3, mpidr_self(), stray_main);
	printk("SMP demo: CPU_ON(0x%llx) self: %s\n", mpidr_self(),
	       psci_ret_name(ret));
	expect(ret == PSCI_ALREADY_ON, "CPU_ON of itself not refused");

	ret = smp_start_cpu(4, foreign, stray_main);
	printk("SMP demo: CPU_ON(0x%llx) outside: %s\n", foreign,
	       psci_ret_name(ret));
	expect(ret == PSCI_INVALID_PARAMETERS, "CPU_ON outside not refused");

	ret = psci_affinity_info(foreign);
	printk("SMP demo: AFFINITY_INFO(0x%llx) outside: %s\n", foreign,
	       psci_affinity_name(ret));
	expect(ret == PSCI_INVALID_PARAMETERS,
	       "AFFINITY_INFO outside not refused");

	/*
	 * What the hypervisor checks beyond plain QEMU's PSCI, which would
	 * start a CPU anywhere and read whole registers for SMC32 calls.
	 */
	if (!comm_region_valid())
		return;
	ret = psci_call(PSCI_CPU_ON, other, BAD_ENTRY, 0);
	printk("SMP demo: CPU_ON(0x%llx) at 0x%lx: %s\n", other, BAD_ENTRY,
	       psci_ret_name(ret));
	expect(ret == PSCI_INVALID_ADDRESS, "CPU_ON to a bad entry not refused");
	ret = psci_call(PSCI_AFFINITY_INFO_32, other | 0xdead000000000000ULL,
			0, 0);
	printk("SMP demo: AFFINITY_INFO_32(0x%llx, upper half set): %s\n",
	       other, psci_affinity_name(ret));
	expect(ret == PSCI_AFFINITY_OFF,
	       "SMC32 call read the upper half of its argument");
}

void inmate_main(void)
{
	unsigned int sgis = cmdline_parse_int("sgis", 100);
	unsigned int rounds = cmdline_parse_int("rounds", 2);
	unsigned int run = cmdline_parse_int("run", 1);
	long long early_mpidr = cmdline_parse_int("mpidr", -1);
	bool early = cmdline_parse_bool("early") && early_mpidr >= 0;
	__u64 cpus[SMP_MAX_CPUS], other, foreign;
	long version, early_ret = 0;
	unsigned int ncpus, n;

	/* Before anything else: the other CPU may not be reset yet. */
	if (early)
		early_ret = smp_start_cpu(1, early_mpidr, early_main);

	version = psci_call(PSCI_VERSION, 0, 0, 0);
	printk("SMP demo: run %u, CPU 0 on MPIDR 0x%llx, PSCI %ld.%ld via "
	       "%s\n", run, mpidr_self(), version >> 16, version & 0xffff,
	       psci_uses_hvc() ? "HVC" : "SMC");
	if (early)
		early_report(early_mpidr, early_ret);
	if (gic_setup(irq_handler)) {
		expect(false, "no usable GIC");
		goto done;
	}
	enable_sgis();

	ncpus = smp_find_cpus(cpus, SMP_MAX_CPUS);
	other = cmdline_parse_int("mpidr", ncpus > 1 ? cpus[1] : ~0ULL);
	foreign = cmdline_parse_int("foreign", outside_cpu(cpus, ncpus));
	printk("SMP demo: %s, %u CPUs in the cell, other 0x%llx, outside "
	       "0x%llx\n", gic_name(), ncpus, other, foreign);
	if (ncpus < 2) {
		expect(false, "no second CPU");
		goto done;
	}

	for (n = 1; n <= rounds; n++)
		run_round(n, other, sgis);
	error_cases(other, foreign);
	for (n = 0; n < SMP_MAX_CPUS; n++)
		expect(!READ_ONCE(unexpected[n]), "a refused CPU_ON started");

	if (cmdline_parse_bool("hold")) {
		WRITE_ONCE(round_now, rounds + 1);
		expect(smp_start_cpu(1, other, hold_main) == PSCI_SUCCESS &&
		       smp_wait_online(1, UP_TIMEOUT_US),
		       "held CPU did not start");
		printk("SMP demo: CPU 1 left on: %s\n",
		       psci_affinity_name(psci_affinity_info(other)));
	}

	/* What the hypervisor's exit counters of the cell must show. */
	printk("SMP demo: PSCI calls %lu, SGIs sent %lu\n",
	       psci_calls() + READ_ONCE(ap_psci),
	       gic_sgis_sent() + READ_ONCE(ap_sgis));
done:
	printk("SMP demo: done, run %u, %u errors\n", run, errors);
	if (!comm_region_valid())
		return;
	while (!comm_region_shutdown_requested())
		delay_us(10000);
	printk("Stopped SMP demo\n");
	comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
