// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The demo's comm-region task: polls the message the hypervisor posts
 * (every 10 ms) and answers it. A shutdown request stops every other task
 * cleanly first, then the tick, and only then is approved, because the
 * hypervisor stops the cell's CPU as soon as it reads the approval; with
 * "shutdown=refuse" on the command line it is denied and the demo goes on.
 * Without a comm region (plain QEMU) "seconds=N" stops the demo the same
 * way after N seconds.
 */
#include <inmate.h>

#include "demo.h"
#include "stockade-port.h"

#define POLL_MS			10
#define STOP_TIMEOUT_MS		2000
#define COMM_PRIORITY		(configMAX_PRIORITIES - 2)

static bool refuse;

/* Stops everything but this task; true when every task stopped. */
static bool clean_stop(const char *why)
{
	unsigned int done, all = demo_stoppable_count();

	demo_print("FreeRTOS demo: %s, stopping tasks\n", why);
	done = demo_stop_all(pdMS_TO_TICKS(STOP_TIMEOUT_MS));
	port_stop_tick();
	/* The others are gone or stuck: no lock needed from here on. */
	printk("FreeRTOS demo: %u of %u tasks stopped%s; queue: produced "
	       "%lu, consumed %lu\n", done, all,
	       done == all ? " cleanly" : ", FAILED", demo_produced(),
	       demo_consumed());
	printk("Stopped FreeRTOS demo\n");
	return done == all;
}

/* True once the cell has agreed to stop. */
static bool answer_message(void)
{
	switch (comm_region_msg()) {
	case JAILHOUSE_MSG_NONE:
		return false;
	case JAILHOUSE_MSG_SHUTDOWN_REQUEST:
		if (refuse) {
			demo_print("FreeRTOS demo: shutdown request refused "
				   "(shutdown=refuse)\n");
			comm_region_reply(JAILHOUSE_MSG_REQUEST_DENIED);
			return false;
		}
		clean_stop("shutdown requested");
		comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
		return true;
	default:
		comm_region_poll(true);
		return false;
	}
}

static void comm_task(void *arg)
{
	long long seconds = cmdline_parse_int("seconds", 0);
	bool have_comm = comm_region_valid();
	TickType_t start = xTaskGetTickCount();

	(void)arg;
	demo_print("FreeRTOS demo: comm region %s, shutdown requests %s\n",
		   have_comm ? "present" : "absent",
		   refuse ? "refused" : "approved after a clean stop");
	for (;;) {
		vTaskDelay(pdMS_TO_TICKS(POLL_MS));
		if (have_comm && answer_message())
			break;
		if (seconds > 0 && xTaskGetTickCount() - start >=
		    pdMS_TO_TICKS(seconds * 1000)) {
			clean_stop("time is up");
			break;
		}
	}
	/* Approved (the CPU stops any moment) or finished: nothing left. */
	inmate_halt();
}

void demo_create_comm_task(void)
{
	char value[16];

	refuse = cmdline_parse_str("shutdown", value, sizeof(value)) &&
		 !strcmp(value, "refuse");
	if (xTaskCreate(comm_task, "comm-region", configMINIMAL_STACK_SIZE,
			NULL, COMM_PRIORITY, NULL) != pdPASS)
		printk("FreeRTOS demo: cannot create the comm-region task\n");
}
