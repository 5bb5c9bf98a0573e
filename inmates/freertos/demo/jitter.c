// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The demo's 1 kHz task at the highest priority: released every tick by
 * xTaskDelayUntil(), it reads the generic-timer counter as soon as it
 * runs and compares it with the counter value its release tick was due
 * at (port_tick_release()), which is its release jitter: timer interrupt
 * latency plus scheduling. Each second's min/avg/max goes through a queue
 * to a lower-priority reporter, so that printing never delays the
 * measured task.
 */
#include <inmate.h>

#include "FreeRTOS.h"
#include "queue.h"

#include "demo.h"
#include "stats.h"
#include "stockade-port.h"

#define PERIOD_TICKS		1
#define RELEASES_PER_REPORT	1000
#define PERIODIC_PRIORITY	(configMAX_PRIORITIES - 1)
#define REPORTER_PRIORITY	4

static QueueHandle_t reports;

static void periodic_task(void *arg)
{
	uint64_t freq = port_counter_frequency();
	TickType_t release = xTaskGetTickCount();
	struct jitter_stats stats;

	(void)arg;
	jitter_reset(&stats);
	while (!demo_stopping()) {
		xTaskDelayUntil(&release, PERIOD_TICKS);
		jitter_add(&stats, counter_delta_ns(port_counter_now() -
						    port_tick_release(release),
						    freq));
		if (stats.count < RELEASES_PER_REPORT)
			continue;
		/* A report the reporter has no room for is dropped. */
		xQueueSend(reports, &stats, 0);
		jitter_reset(&stats);
	}
	demo_task_stopped();
}

static void reporter_task(void *arg)
{
	struct jitter_stats stats;

	(void)arg;
	while (!demo_stopping()) {
		if (xQueueReceive(reports, &stats,
				  pdMS_TO_TICKS(100)) != pdTRUE)
			continue;
		demo_print("Jitter (1 kHz task, %lu releases): min %lld ns, "
			   "avg %lld ns, max %lld ns\n",
			   (unsigned long)stats.count,
			   (long long)stats.min_ns,
			   (long long)jitter_avg(&stats),
			   (long long)stats.max_ns);
	}
	demo_task_stopped();
}

void demo_create_jitter_tasks(void)
{
	TaskHandle_t task;

	reports = xQueueCreate(2, sizeof(struct jitter_stats));
	configASSERT(reports);
	if (xTaskCreate(periodic_task, "periodic-1khz",
			configMINIMAL_STACK_SIZE, NULL, PERIODIC_PRIORITY,
			&task) == pdPASS)
		demo_register_stoppable(task);
	if (xTaskCreate(reporter_task, "jitter-report",
			configMINIMAL_STACK_SIZE, NULL, REPORTER_PRIORITY,
			&task) == pdPASS)
		demo_register_stoppable(task);
}
