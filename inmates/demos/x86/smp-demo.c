// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Starts every other CPU of the cell and lets each report with its APIC
 * ID; then the first CPU sends each of the others a fixed IPI, once by
 * physical and, in a cell (x2APIC), once by logical (cluster) destination,
 * and says whether they arrived. Then it idles until a shutdown request.
 * The CPU count comes from the comm region, or from "cpus=N" on the
 * command line outside a cell.
 *
 * "ipi-apic=N" (a test of the hypervisor's IPI filter) then sends one
 * IPI to the CPU with x2APIC ID N, which in a cell is a CPU that is not
 * the cell's: the hypervisor must stop the cell before the line after
 * it. "ipi-kind=" picks it: fixed (default), nmi, init or startup.
 */
#include <inmate.h>

#define MAX_CPUS		16
#define ICR_VECTOR_TEST		0x40
#define ICR_VECTOR_PING		0x41
#define ICR_DEST_LOGICAL	(1U << 11)
#define ICR_DM_NMI		(4U << 8)
#define ICR_DM_INIT		(5U << 8)
#define ICR_DM_STARTUP		(6U << 8)
#define ICR_LEVEL_ASSERT	(1U << 14)

static volatile unsigned int cpu_apic_id[MAX_CPUS];
static volatile unsigned int pings[MAX_CPUS];

static void ping_irq(unsigned int vector)
{
	unsigned int n;

	(void)vector;
	for (n = 1; n < MAX_CPUS; n++)
		if (cpu_apic_id[n] == apic_id())
			__atomic_add_fetch(&pings[n], 1, __ATOMIC_SEQ_CST);
	apic_eoi();
}

/* Other CPUs: report, then take interrupts for good. */
static void ap_main(unsigned int index)
{
	if (index < MAX_CPUS)
		cpu_apic_id[index] = apic_id();
	printk("CPU %u (APIC ID %u) reports\n", index, apic_id());
	for (;;)
		asm volatile("sti; hlt" : : : "memory");
}

/* x2APIC logical destination of an APIC ID: cluster, member bit. */
static __u32 logical_dest(__u32 id)
{
	return ((id >> 4) << 16) | (1U << (id & 0xf));
}

/* Waits up to a second for what CPU n does (it counts first, then runs). */
static bool wait_for(volatile unsigned int *what, unsigned int count)
{
	__u64 deadline = time_ns() + 1000 * NS_PER_MSEC;

	while (*what < count && time_ns() < deadline)
		cpu_relax();
	return *what >= count;
}

static void ping_others(unsigned int started)
{
	unsigned int n;
	bool phys, logical;

	for (n = 1; n <= started && n < MAX_CPUS; n++) {
		/* No cell CPU but the first has APIC ID 0. */
		wait_for(&cpu_apic_id[n], 1);
		apic_send_ipi(cpu_apic_id[n], ICR_VECTOR_PING);
		phys = wait_for(&pings[n], 1);
		if (!apic_is_x2apic()) {
			printk("SMP demo: IPI to CPU %u (APIC ID %u): physical "
			       "%s\n", n, cpu_apic_id[n],
			       phys ? "arrived" : "LOST");
			continue;
		}
		apic_send_ipi(logical_dest(cpu_apic_id[n]),
			      ICR_DEST_LOGICAL | ICR_VECTOR_PING);
		logical = wait_for(&pings[n], 2);
		printk("SMP demo: IPIs to CPU %u (APIC ID %u): physical %s, "
		       "logical %s\n", n, cpu_apic_id[n],
		       phys ? "arrived" : "LOST", logical ? "arrived" : "LOST");
	}
}

static void ipi_foreign(__u32 dest)
{
	char kind[16] = "fixed";
	__u32 icr = ICR_VECTOR_TEST;

	cmdline_parse_str("ipi-kind", kind, sizeof(kind));
	if (!strcmp(kind, "nmi"))
		icr = ICR_DM_NMI;
	else if (!strcmp(kind, "init"))
		icr = ICR_DM_INIT | ICR_LEVEL_ASSERT;
	else if (!strcmp(kind, "startup"))
		icr = ICR_DM_STARTUP;
	printk("SMP demo: sending a %s IPI to APIC ID %u\n", kind, dest);
	apic_send_ipi(dest, icr);
	printk("SMP demo: the %s IPI to APIC ID %u went through\n", kind,
	       dest);
}

void inmate_main(void)
{
	long long foreign = cmdline_parse_int("ipi-apic", -1);
	unsigned int cpus, started;
	bool requested = false;

	if (comm_region_valid())
		cpus = comm_region->num_cpus;
	else
		cpus = cmdline_parse_int("cpus", 0);

	int_set_handler(ICR_VECTOR_PING, ping_irq);
	printk("SMP demo: CPU 0 (APIC ID %u) starting %u other CPU(s)\n",
	       apic_id(), cpus ? cpus - 1 : 0);
	started = smp_start_cpus(ap_main, cpus ? cpus - 1 : 0);
	printk("SMP demo: %u of %u CPUs online\n", started + 1, cpus);
	ping_others(started);
	if (foreign >= 0)
		ipi_foreign(foreign);

	for (;;) {
		if (cmdline_parse_bool("exit"))
			break;
		if (comm_region_shutdown_requested()) {
			requested = true;
			break;
		}
		delay_us(1000);
	}
	printk("Stopped SMP demo\n");
	if (requested)
		comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
