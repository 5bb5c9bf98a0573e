// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The demo's ordinary tasks: three workers at different priorities, each
 * printing a numbered line at its own period (seconds apart: a cell
 * shares the serial line with the root cell and the hypervisor, and the
 * less it writes, the less their lines get mixed), and a queue
 * producer/consumer pair whose consumer checks the order of what arrives
 * and prints the counts once a second.
 */
#include <inmate.h>

#include "FreeRTOS.h"
#include "queue.h"

#include "demo.h"

#define QUEUE_LENGTH		8
#define PRODUCE_PERIOD_MS	5
#define REPORT_PERIOD_MS	1000

struct worker {
	const char *name;
	UBaseType_t priority;
	unsigned int period_ms;
};

static const struct worker workers[] = {
	{ "worker-low", 1, 2000 },
	{ "worker-mid", 2, 1500 },
	{ "worker-high", 3, 1000 },
};

static QueueHandle_t queue;
static volatile unsigned long produced, consumed, out_of_order;

unsigned long demo_produced(void)
{
	return produced;
}

unsigned long demo_consumed(void)
{
	return consumed;
}

/* Sleeps up to ms, or less once the stop wakes it. */
static void nap(unsigned int ms)
{
	ulTaskNotifyTake(pdTRUE, pdMS_TO_TICKS(ms));
}

static void worker_task(void *arg)
{
	const struct worker *w = arg;
	unsigned long round = 0;

	while (!demo_stopping()) {
		demo_print("[%s] priority %lu, round %lu\n", w->name,
			   (unsigned long)w->priority, ++round);
		nap(w->period_ms);
	}
	demo_task_stopped();
}

static void producer_task(void *arg)
{
	unsigned long value = 0;

	(void)arg;
	while (!demo_stopping()) {
		/* A full queue waits for the consumer; nothing is dropped. */
		if (xQueueSend(queue, &value, pdMS_TO_TICKS(100)) == pdTRUE) {
			value++;
			produced = value;
		}
		nap(PRODUCE_PERIOD_MS);
	}
	demo_task_stopped();
}

static void consumer_report(void)
{
	demo_print("Queue: produced %lu, consumed %lu, out of order %lu\n",
		   produced, consumed, out_of_order);
}

/* One value from the queue (or none within 100 ms), checked for order. */
static void consume_one(void)
{
	unsigned long value;

	if (xQueueReceive(queue, &value, pdMS_TO_TICKS(100)) != pdTRUE)
		return;
	if (value != consumed)
		out_of_order++;
	consumed = value + 1;
}

static void consumer_task(void *arg)
{
	TickType_t last_report = xTaskGetTickCount();

	(void)arg;
	while (!demo_stopping()) {
		consume_one();
		if (xTaskGetTickCount() - last_report >=
		    pdMS_TO_TICKS(REPORT_PERIOD_MS)) {
			last_report = xTaskGetTickCount();
			consumer_report();
		}
	}
	demo_task_stopped();
}

static void create(TaskFunction_t fn, const char *name, void *arg,
		   UBaseType_t priority)
{
	TaskHandle_t task;

	if (xTaskCreate(fn, name, configMINIMAL_STACK_SIZE, arg, priority,
			&task) != pdPASS) {
		printk("FreeRTOS demo: cannot create task %s\n", name);
		return;
	}
	demo_register_stoppable(task);
}

void demo_create_tasks(void)
{
	unsigned int n;

	queue = xQueueCreate(QUEUE_LENGTH, sizeof(unsigned long));
	configASSERT(queue);
	for (n = 0; n < ARRAY_SIZE(workers); n++)
		create(worker_task, workers[n].name, (void *)&workers[n],
		       workers[n].priority);
	create(producer_task, "producer", NULL, 2);
	create(consumer_task, "consumer", NULL, 2);
}
