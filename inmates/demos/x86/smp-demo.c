// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Starts every other CPU of the cell and lets each report with its APIC
 * ID, then idles until a shutdown request. The CPU count comes from the
 * comm region, or from "cpus=N" on the command line outside a cell.
 *
 * "ipi-apic=N" (a test of the hypervisor's IPI filter) then sends a fixed
 * interrupt, an NMI, INIT and STARTUP to the CPU with APIC ID N, which in
 * a cell is a CPU that is not the cell's: the hypervisor must drop them.
 */
#include <inmate.h>

#define ICR_VECTOR_TEST		0x40
#define ICR_DM_NMI		(4U << 8)
#define ICR_DM_INIT		(5U << 8)
#define ICR_DM_STARTUP		(6U << 8)
#define ICR_LEVEL_ASSERT	(1U << 14)

static void ap_main(unsigned int index)
{
	printk("CPU %u (APIC ID %u) reports\n", index, apic_id());
}

static void ipi_foreign(__u32 dest)
{
	apic_send_ipi(dest, ICR_VECTOR_TEST);
	apic_send_ipi(dest, ICR_DM_NMI);
	apic_send_ipi(dest, ICR_DM_INIT | ICR_LEVEL_ASSERT);
	apic_send_ipi(dest, ICR_DM_STARTUP);
	printk("SMP demo: sent fixed, NMI, INIT and STARTUP IPIs to APIC ID "
	       "%u\n", dest);
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

	printk("SMP demo: CPU 0 (APIC ID %u) starting %u other CPU(s)\n",
	       apic_id(), cpus ? cpus - 1 : 0);
	started = smp_start_cpus(ap_main, cpus ? cpus - 1 : 0);
	printk("SMP demo: %u of %u CPUs online\n", started + 1, cpus);
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
