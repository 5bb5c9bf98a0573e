// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Starts every other CPU of the cell and lets each report with its APIC
 * ID, then idles until a shutdown request. The CPU count comes from the
 * comm region, or from "cpus=N" on the command line outside a cell.
 */
#include <inmate.h>

static void ap_main(unsigned int index)
{
	printk("CPU %u (APIC ID %u) reports\n", index, apic_id());
}

void inmate_main(void)
{
	unsigned int cpus, started;

	if (comm_region_valid())
		cpus = comm_region->num_cpus;
	else
		cpus = cmdline_parse_int("cpus", 0);

	printk("SMP demo: CPU 0 (APIC ID %u) starting %u other CPU(s)\n",
	       apic_id(), cpus ? cpus - 1 : 0);
	started = smp_start_cpus(ap_main, cpus ? cpus - 1 : 0);
	printk("SMP demo: %u of %u CPUs online\n", started + 1, cpus);

	while (comm_region_poll(true) != JAILHOUSE_MSG_SHUTDOWN_REQUEST) {
		if (cmdline_parse_bool("exit"))
			break;
		delay_us(1000);
	}
	printk("Stopped SMP demo\n");
}
