// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * What one exit of each kind costs, for tests/bench/latency.sh. Under
 * QEMU's -icount every instruction executed, the hypervisor's included,
 * moves the generic timer on by the same amount of virtual time, so a
 * batch of trapping operations timed with the counter shows how many
 * instructions each one took. Run bare and in a cell, the difference is
 * the hypervisor's share.
 *
 * Kinds, each a batch of ops=N (default 100) operations, repeated
 * batches=N times (default 15) of which the shortest counts (another
 * vCPU that runs in between lengthens a batch, never shortens it):
 *
 *   base       a load from memory: the loop itself
 *   mmio       a read of GICD_TYPER (in a cell: the distributor traps)
 *   hypercall  JAILHOUSE_HC_HYPERVISOR_GET_INFO (not with "bare" on the
 *              command line: HVC has no taker in plain QEMU)
 *   hc-nosys   a hypercall code the hypervisor does not know: the same
 *              trap and return with the shortest dispatch (-ENOSYS)
 *   hc-cpustat JAILHOUSE_HC_CPU_GET_INFO of a statistics counter of this
 *              CPU: the longest read-only dispatch (CPU ownership checks)
 *   sgi        an SGI to this CPU until its handler has run (GICv3: the
 *              ICC_SGI1R_EL1 trap; GICv2: the GICD_SGIR write; then the
 *              interrupt exit and its injection)
 *
 * Each result is one line, "Exit cost: <kind> <ops> ops <ns> ns", then
 * "Stopped exit-cost demo". Unless bare, it then waits for the shutdown
 * request, which it approves.
 */
#include <inmate.h>

#define SGI_BENCH	1
#define GICD_TYPER	0x4
#define HC_UNKNOWN	0xffff
#define MAX_CPU_ID	256

static volatile unsigned long sgis_seen;
static volatile __u32 plain_word;
static unsigned long ops, batches, own_cpu;

static void irq_handler(unsigned int irq)
{
	if (irq == SGI_BENCH)
		sgis_seen++;
	else
		printk("Unexpected IRQ %u\n", irq);
}

static void op_base(void)
{
	(void)plain_word;
}

static void op_mmio(void)
{
	(void)mmio_read32(gicd_base + GICD_TYPER);
}

static void op_hypercall(void)
{
	jailhouse_call_arg1(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_NUM_CELLS);
}

static void op_hc_nosys(void)
{
	jailhouse_call_arg1(HC_UNKNOWN, 0);
}

static void op_hc_cpustat(void)
{
	jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, own_cpu,
			    JAILHOUSE_CPU_INFO_STAT_BASE);
}

/*
 * The hypervisor's number of this CPU: a cell may query only its own
 * CPUs, so the first one it may query is its first.
 */
static bool find_own_cpu(void)
{
	for (own_cpu = 0; own_cpu < MAX_CPU_ID; own_cpu++)
		if ((int)jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, own_cpu,
					     JAILHOUSE_CPU_INFO_STATE) >= 0)
			return true;
	return false;
}

static void op_sgi(void)
{
	unsigned long before = sgis_seen;

	gic_send_sgi(0, SGI_BENCH);
	while (sgis_seen == before)
		cpu_relax();
}

/*
 * Whether an SGI to this CPU arrives at all: a one-CPU GICv2 model has no
 * target bit to name it by (ITARGETSR reads as zero).
 */
static bool sgi_works(void)
{
	unsigned long before = sgis_seen, n;

	if (!gic_send_sgi(0, SGI_BENCH))
		return false;
	for (n = 0; n < 1000000 && sgis_seen == before; n++)
		cpu_relax();
	return sgis_seen != before;
}

/* The shortest of the batches, in ns. */
static __u64 measure(void (*op)(void))
{
	__u64 start, best = ~0ULL;
	unsigned long b, n;

	for (b = 0; b < batches; b++) {
		start = timer_get_ticks();
		for (n = 0; n < ops; n++)
			op();
		best = MIN(best, timer_get_ticks() - start);
	}
	return timer_ticks_to_ns(best);
}

static void report(const char *kind, void (*op)(void))
{
	printk("Exit cost: %s %lu ops %llu ns\n", kind, ops,
	       (unsigned long long)measure(op));
}

void inmate_main(void)
{
	bool bare = cmdline_parse_bool("bare");

	ops = cmdline_parse_int("ops", 100);
	batches = cmdline_parse_int("batches", 15);
	if (!ops || !batches)
		ops = batches = 1;

	if (gic_setup(irq_handler)) {
		printk("FAILED: no usable GIC (version %s)\n", gic_name());
		return;
	}
	gic_enable_irq(SGI_BENCH);
	printk("Exit cost demo: %s, timer %lu Hz\n", gic_name(),
	       timer_get_frequency());

	report("base", op_base);
	report("mmio", op_mmio);
	if (!bare) {
		report("hypercall", op_hypercall);
		report("hc-nosys", op_hc_nosys);
		if (find_own_cpu())
			report("hc-cpustat", op_hc_cpustat);
		else
			printk("Exit cost: hc-cpustat: no CPU of its own\n");
	}
	irq_enable();
	if (sgi_works())
		report("sgi", op_sgi);
	else
		printk("Exit cost: sgi cannot be sent to this CPU\n");
	irq_disable();

	printk("Stopped exit-cost demo\n");
	if (!bare && comm_region_valid())
		while (comm_region_poll(true) != JAILHOUSE_MSG_SHUTDOWN_REQUEST)
			delay_us(1000);
}
