/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * The FreeRTOS cell demo's shared parts: printing whole lines from
 * several tasks, and the clean stop every task takes part in.
 */
#ifndef _FREERTOS_DEMO_H
#define _FREERTOS_DEMO_H

#include <stdbool.h>

#include "FreeRTOS.h"
#include "task.h"

/* printk under a mutex, so that lines of different tasks stay whole. */
void demo_print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Set once a stop is asked for; every stoppable task polls it. */
bool demo_stopping(void);
/*
 * Registers the calling task as one that must stop before the cell may
 * shut down; it is woken (task notification) when the stop begins.
 */
void demo_register_stoppable(TaskHandle_t task);
/* The calling task's last act: reports itself stopped and deletes itself. */
void demo_task_stopped(void) __attribute__((noreturn));
/*
 * Asks every registered task to stop and waits for them; returns how
 * many stopped in time (of demo_stoppable_count()).
 */
unsigned int demo_stop_all(TickType_t timeout);
unsigned int demo_stoppable_count(void);

/* Queue figures, for the stop report. */
unsigned long demo_produced(void);
unsigned long demo_consumed(void);

/* The tasks' entry points (workers.c, jitter.c, comm-task.c). */
void demo_create_tasks(void);
void demo_create_jitter_tasks(void);
void demo_create_comm_task(void);

#endif /* !_FREERTOS_DEMO_H */
