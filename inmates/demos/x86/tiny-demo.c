// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Smallest useful x86 inmate: says hello, shows what the comm region
 * told it, measures a short PM-timer delay, then idles and approves the
 * first shutdown request.
 */
#include <inmate.h>

void inmate_main(void)
{
	__u64 start, end;

	printk("Hello from this tiny cell!\n");
	if (comm_region_valid())
		printk("Comm region: %u CPU(s), PM timer port 0x%x\n",
		       comm_region->num_cpus, comm_region->pm_timer_address);
	else
		printk("Comm region: not present (started outside a cell)\n");

	start = pm_timer_read_ns();
	delay_us(10000);
	end = pm_timer_read_ns();
	printk("PM timer: 10 ms delay took %llu us\n",
	       (end - start) / NS_PER_USEC);

	while (comm_region_poll(true) != JAILHOUSE_MSG_SHUTDOWN_REQUEST) {
		if (cmdline_parse_bool("exit"))
			break;
		delay_us(1000);
	}
	printk("Stopped tiny demo\n");
}
