// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * FreeRTOS cell demo: tasks at several priorities printing on the cell's
 * console, a queue producer/consumer pair, a 1 kHz task measuring its own
 * release jitter, and a task answering the hypervisor's comm region
 * (comm-task.c). Shared parts: line-safe printing and the clean stop.
 *
 * Command line (jailhouse cell load -s "..."): shutdown=refuse denies
 * shutdown requests; seconds=N stops the demo by itself after N seconds
 * (plain-QEMU tests, no hypervisor to ask).
 */
#include <inmate.h>

#include "FreeRTOS.h"
#include "semphr.h"

#include "demo.h"
#include "stockade-port.h"

#define MAX_STOPPABLE	16

static SemaphoreHandle_t print_lock;
static SemaphoreHandle_t stopped;
static TaskHandle_t stoppable[MAX_STOPPABLE];
static unsigned int n_stoppable;
static volatile bool stopping;

void demo_print(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xSemaphoreTake(print_lock, portMAX_DELAY);
	vprintk(fmt, ap);
	xSemaphoreGive(print_lock);
	va_end(ap);
}

bool demo_stopping(void)
{
	return stopping;
}

void demo_register_stoppable(TaskHandle_t task)
{
	configASSERT(n_stoppable < MAX_STOPPABLE);
	stoppable[n_stoppable++] = task;
}

unsigned int demo_stoppable_count(void)
{
	return n_stoppable;
}

void demo_task_stopped(void)
{
	xSemaphoreGive(stopped);
	vTaskDelete(NULL);
	for (;;)
		;
}

unsigned int demo_stop_all(TickType_t timeout)
{
	TickType_t start = xTaskGetTickCount();
	unsigned int n, done = 0;

	stopping = true;
	for (n = 0; n < n_stoppable; n++)
		xTaskNotifyGive(stoppable[n]);
	while (done < n_stoppable) {
		/* Unsigned difference: right across a tick count wrap. */
		TickType_t spent = xTaskGetTickCount() - start;

		if (spent >= timeout ||
		    xSemaphoreTake(stopped, timeout - spent) != pdTRUE)
			break;
		done++;
	}
	return done;
}

void app_main(void)
{
	print_lock = xSemaphoreCreateMutex();
	stopped = xSemaphoreCreateCounting(MAX_STOPPABLE, 0);
	configASSERT(print_lock && stopped);
	demo_create_tasks();
	demo_create_jitter_tasks();
	demo_create_comm_task();
	printk("FreeRTOS demo: %u tasks created, starting the scheduler\n",
	       n_stoppable + 1);
}
