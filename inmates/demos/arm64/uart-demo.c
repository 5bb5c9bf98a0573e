// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Console output only: greets on whatever UART the comm region or the
 * command line (con-type=PL011|8250 con-base=...) names, then prints a
 * numbered line every 100 ms until shut down (or count=N lines).
 */
#include <inmate.h>

void inmate_main(void)
{
	unsigned long count = cmdline_parse_int("count", 0);
	unsigned long n;

	printk("UART demo on %s console\n", console_name());
	for (n = 1; !count || n <= count; n++) {
		printk("Hello %lu from cell!\n", n);
		delay_us(100000);
		if (comm_region_valid() && comm_region_shutdown_requested())
			break;
	}
	/* Approved only afterwards: the cell stops once it is. */
	printk("Stopped UART demo\n");
	if (comm_region_valid())
		comm_region_poll(true);
}
