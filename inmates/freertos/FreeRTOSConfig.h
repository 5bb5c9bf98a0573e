/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * FreeRTOS configuration of the Stockade cell demo (arm64 and ARMv7).
 * Written for FreeRTOS-Kernel V10.6.x and V11.x (configTICK_TYPE_WIDTH_IN_BITS
 * needs V10.5 or later); see Documentation/freertos.md.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

/* Scheduling: preemptive, 1 kHz tick from the generic timer. */
#define configUSE_PREEMPTION			1
#define configUSE_TIME_SLICING			1
#define configUSE_PORT_OPTIMISED_TASK_SELECTION	0
#define configTICK_RATE_HZ			1000
#define configMAX_PRIORITIES			8
#define configMAX_TASK_NAME_LEN			16
#define configIDLE_SHOULD_YIELD			1
#if defined(__aarch64__)
#define configTICK_TYPE_WIDTH_IN_BITS		TICK_TYPE_WIDTH_64_BITS
#else
#define configTICK_TYPE_WIDTH_IN_BITS		TICK_TYPE_WIDTH_32_BITS
#endif

/*
 * Memory: heap_4 on the port's ucHeap (port/common/startup.c), inside the
 * cell's RAM after the image. Stack sizes are in words; interrupts run on
 * the interrupted task's stack, so even the smallest has room for them.
 */
#define configSUPPORT_DYNAMIC_ALLOCATION	1
#define configSUPPORT_STATIC_ALLOCATION		0
#define configAPPLICATION_ALLOCATED_HEAP	1
#define configTOTAL_HEAP_SIZE			(192 * 1024)
#define configMINIMAL_STACK_SIZE		512

/* Kernel features the demo uses. */
#define configUSE_MUTEXES			1
#define configUSE_COUNTING_SEMAPHORES		1
#define configUSE_TASK_NOTIFICATIONS		1
#define configUSE_TIMERS			0
#define configUSE_CO_ROUTINES			0
#define configUSE_IDLE_HOOK			0
#define configUSE_TICK_HOOK			0
#define configUSE_MALLOC_FAILED_HOOK		1
#define configCHECK_FOR_STACK_OVERFLOW		2
#define configUSE_TRACE_FACILITY		0
#define configGENERATE_RUN_TIME_STATS		0
#define configUSE_STATS_FORMATTING_FUNCTIONS	0
#define configQUEUE_REGISTRY_SIZE		0

#define INCLUDE_vTaskDelay			1
#define INCLUDE_xTaskDelayUntil			1
#define INCLUDE_vTaskDelete			1
#define INCLUDE_vTaskSuspend			1
#define INCLUDE_uxTaskPriorityGet		1
#define INCLUDE_uxTaskGetStackHighWaterMark	1
#define INCLUDE_xTaskGetSchedulerState		1

/* A failed assertion names its place and stops the cell's CPU. */
void port_assert_failed(const char *file, int line);
#define configASSERT(x)							\
	do {								\
		if (!(x))						\
			port_assert_failed(__FILE__, __LINE__);		\
	} while (0)

#endif /* FREERTOS_CONFIG_H */
