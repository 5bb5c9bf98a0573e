// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Smallest useful x86 inmate: says hello, shows what the comm region
 * told it, measures a short PM-timer delay, then idles and approves the
 * first shutdown request.
 *
 * Command line (besides the console keys): "exit" stops at once instead
 * of idling (tests outside a cell); "deny-shutdown" denies every shutdown
 * request, so the cell keeps running until destroyed; "lock" reports the
 * cell running/locked, which forbids creating and destroying other cells,
 * until a shutdown request comes, which it then approves; "answer=state"
 * takes a shutdown request by reporting the cell shut down in the comm
 * region instead of replying, as Jailhouse's apic-demo does.
 */
#include <inmate.h>

static void set_cell_state(__u32 state)
{
	/* The hypervisor reads the word as a whole. */
	WRITE_ONCE(*(__u32 *)((char *)comm_region +
			      offsetof(struct jailhouse_comm_region,
				       cell_state)), state);
}

void inmate_main(void)
{
	bool deny = cmdline_parse_bool("deny-shutdown");
	bool lock = cmdline_parse_bool("lock");
	char answer[8];
	bool by_state;
	bool requested = false;
	unsigned int denied = 0;
	__u64 start, end;

	by_state = cmdline_parse_str("answer", answer, sizeof(answer)) &&
		   !strcmp(answer, "state");
	printk("Hello from this tiny cell!\n");
	if (comm_region_valid())
		printk("Comm region: %u CPU(s), PM timer port 0x%x, "
		       "TSC %u kHz, APIC timer %u kHz\n",
		       comm_region->num_cpus, comm_region->pm_timer_address,
		       comm_region->tsc_khz, comm_region->apic_khz);
	else
		printk("Comm region: not present (started outside a cell)\n");

	start = pm_timer_read_ns();
	delay_us(10000);
	end = pm_timer_read_ns();
	printk("PM timer: 10 ms delay took %llu us\n",
	       (end - start) / NS_PER_USEC);

	if (lock && comm_region_valid()) {
		set_cell_state(JAILHOUSE_CELL_RUNNING_LOCKED);
		printk("Cell locked\n");
	}

	for (;;) {
		if (cmdline_parse_bool("exit"))
			break;
		if (comm_region_shutdown_requested()) {
			requested = !deny;
			if (requested)
				break;
			comm_region_reply(JAILHOUSE_MSG_REQUEST_DENIED);
			printk("Shutdown request %u denied\n", ++denied);
		}
		delay_us(1000);
	}
	if (lock && comm_region_valid()) {
		set_cell_state(JAILHOUSE_CELL_RUNNING);
		printk("Cell unlocked\n");
	}
	if (requested && by_state) {
		printk("Stopped tiny demo, reported shut down\n");
		set_cell_state(JAILHOUSE_CELL_SHUT_DOWN);
		return;
	}
	printk("Stopped tiny demo\n");
	if (requested)
		comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
