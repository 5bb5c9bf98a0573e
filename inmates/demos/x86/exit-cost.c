// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * What one exit of each kind costs, for tests/bench/latency.sh: the x86
 * counterpart of demos/arm64/exit-cost.c. Under QEMU's -icount every
 * instruction executed, the hypervisor's included, moves the TSC on by
 * the same amount of virtual time, so a batch of trapping operations
 * timed with it shows how many instructions each one took; run bare and
 * in a cell, the difference is the hypervisor's share.
 *
 * Kinds, each a batch of ops=N (default 100) operations, repeated
 * batches=N times (default 15) of which the shortest counts:
 *
 *   base       a load from memory: the loop itself
 *   apic-read  a read of the xAPIC version register (an MMIO exit)
 *   eoi        an xAPIC EOI with nothing in service
 *   hypercall  JAILHOUSE_HC_HYPERVISOR_GET_INFO (not with "bare" on the
 *              command line: VMMCALL has no taker in plain QEMU)
 *   hc-nosys   a hypercall code the hypervisor does not know: the same
 *              exit with the shortest dispatch (-ENOSYS)
 *   hc-cpustat JAILHOUSE_HC_CPU_GET_INFO of a statistics counter of this
 *              CPU: the longest read-only dispatch (CPU ownership checks)
 *   ipi        a fixed IPI to this CPU until its handler has run (the
 *              xAPIC's ICR read and two writes, the handler's EOI)
 *
 * Each result is one line, "Exit cost: <kind> <ops> ops <ns> ns", then
 * "Stopped exit-cost demo". Unless bare, it then waits for the shutdown
 * request, which it approves.
 */
#include <inmate.h>

#define IPI_VECTOR	40
#define APIC_VERSION	0x30
#define APIC_FIXED	0
#define HC_UNKNOWN	0xffff
#define MAX_CPU_ID	256

static volatile unsigned long ipis_seen;
static volatile __u32 plain_word;
static unsigned long ops, batches;
static __u32 self;
static unsigned long own_cpu;

static void ipi_handler(unsigned int vector)
{
	(void)vector;
	ipis_seen++;
	apic_eoi();
}

static void op_base(void)
{
	(void)plain_word;
}

static void op_apic_read(void)
{
	(void)apic_read(APIC_VERSION);
}

static void op_eoi(void)
{
	apic_eoi();
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

static void op_ipi(void)
{
	unsigned long before = ipis_seen;

	apic_send_ipi(self, APIC_FIXED | IPI_VECTOR);
	while (ipis_seen == before)
		cpu_relax();
}

/* Whether a self-IPI arrives at all, within a bounded wait. */
static bool ipi_works(void)
{
	unsigned long before = ipis_seen, n;

	apic_send_ipi(self, APIC_FIXED | IPI_VECTOR);
	for (n = 0; n < 1000000 && ipis_seen == before; n++)
		cpu_relax();
	return ipis_seen != before;
}

/* The shortest of the batches, in TSC ticks. */
static __u64 measure(void (*op)(void))
{
	__u64 start, best = ~0ULL;
	unsigned long b, n;

	for (b = 0; b < batches; b++) {
		start = rdtsc();
		for (n = 0; n < ops; n++)
			op();
		best = MIN(best, rdtsc() - start);
	}
	return best;
}

static void report(const char *kind, void (*op)(void))
{
	__u64 ticks = measure(op);

	printk("Exit cost: %s %lu ops %llu ns\n", kind, ops,
	       (unsigned long long)(ticks * 1000000ULL / tsc_khz));
}

void inmate_main(void)
{
	bool bare = cmdline_parse_bool("bare");

	ops = cmdline_parse_int("ops", 100);
	batches = cmdline_parse_int("batches", 15);
	if (!ops || !batches)
		ops = batches = 1;
	if (comm_region_valid() && comm_region->tsc_khz)
		tsc_khz = comm_region->tsc_khz;
	else
		tsc_khz = tsc_calibrate();
	if (!tsc_khz) {
		printk("FAILED: TSC frequency unknown\n");
		return;
	}
	self = apic_id();
	int_set_handler(IPI_VECTOR, ipi_handler);
	printk("Exit cost demo: TSC %lu kHz\n", tsc_khz);

	report("base", op_base);
	report("apic-read", op_apic_read);
	report("eoi", op_eoi);
	if (!bare) {
		report("hypercall", op_hypercall);
		report("hc-nosys", op_hc_nosys);
		if (find_own_cpu())
			report("hc-cpustat", op_hc_cpustat);
		else
			printk("Exit cost: hc-cpustat: no CPU of its own\n");
	}
	irq_enable();
	if (ipi_works())
		report("ipi", op_ipi);
	else
		printk("Exit cost: ipi not delivered\n");
	irq_disable();

	printk("Stopped exit-cost demo\n");
	if (!bare && comm_region_valid())
		while (!comm_region_shutdown_requested())
			delay_us(1000);
	if (!bare && comm_region_valid())
		comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
