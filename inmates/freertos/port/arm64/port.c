// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Stockade FreeRTOS port, arm64: task frames, critical sections, the tick
 * from the EL1 virtual generic timer (PPI 27), scheduler start. The
 * vectors and the switch itself are in portASM.S; interrupts come in
 * through the inmate library's GIC front end (gic_setup() in startup.c
 * names port_irq_handler).
 */
#include <inmate.h>

#include "FreeRTOS.h"
#include "task.h"

#include "frame.h"
#include "nesting.h"
#include "stockade-port.h"
#include "tick.h"

/* The running task's; portASM.S swaps it with the frames. */
unsigned long port_critical_nesting = PORT_NESTING_BOOT;
unsigned long port_yield_pending;

/* DAIF's IRQ mask bit, as mrs daif reads it. */
#define DAIF_I		(1 << 7)

static struct port_tick tick;

extern char port_vectors[];
void port_start_first_task(void) __attribute__((noreturn));
void port_irq_handler(unsigned int irq);

void vPortEnterCritical(void)
{
	portDISABLE_INTERRUPTS();
	port_nesting_enter(&port_critical_nesting);
}

void vPortExitCritical(void)
{
	enum port_nesting_exit r = port_nesting_exit(&port_critical_nesting);

	configASSERT(r != PORT_NESTING_UNBALANCED);
	if (r == PORT_NESTING_UNMASK)
		portENABLE_INTERRUPTS();
}

/* Returns the I bit as it was, for vPortClearInterruptMask(). */
UBaseType_t uxPortSetInterruptMask(void)
{
	UBaseType_t daif = read_sysreg(daif);

	portDISABLE_INTERRUPTS();
	return daif & DAIF_I;
}

void vPortClearInterruptMask(UBaseType_t mask)
{
	if (!(mask & DAIF_I))
		portENABLE_INTERRUPTS();
}

/* A task function that returns ends up here instead of nowhere. */
static void port_task_returned(void)
{
	printk("FreeRTOS: task \"%s\" returned, deleting it\n",
	       pcTaskGetName(NULL));
	vTaskDelete(NULL);
	for (;;)
		;
}

StackType_t *pxPortInitialiseStack(StackType_t *top, TaskFunction_t code,
				   void *params)
{
	StackType_t *frame = (StackType_t *)((uintptr_t)top & ~15UL) -
			     FRAME_WORDS;

	memset(frame, 0, FRAME_SIZE);
	frame[0] = (uintptr_t)params;
	frame[30] = (uintptr_t)port_task_returned;
	frame[FRAME_ELR / 8] = (uintptr_t)code;
	frame[FRAME_SPSR / 8] = FRAME_SPSR_TASK;
	frame[FRAME_NESTING / 8] = 0;
	return frame;
}

static void port_tick_interrupt(void)
{
	uint64_t due = port_tick_elapsed(&tick, timer_get_ticks());

	/* Late ticks are all counted, so RTOS time follows the counter. */
	while (due--)
		if (xTaskIncrementTick() != pdFALSE)
			port_yield_pending = 1;
	/* Moving the compare value also lowers the level-triggered line. */
	timer_set_deadline(port_tick_next(&tick));
}

void port_irq_handler(unsigned int irq)
{
	if (irq == TIMER_IRQ_VIRT)
		port_tick_interrupt();
	else
		port_app_irq(irq);
}

void __attribute__((weak)) port_app_irq(unsigned int irq)
{
	printk("FreeRTOS: unexpected IRQ %u\n", irq);
}

BaseType_t xPortStartScheduler(void)
{
	if (port_tick_init(&tick, timer_get_frequency(), configTICK_RATE_HZ,
			   timer_get_ticks())) {
		printk("FreeRTOS: counter at %lu Hz cannot tick at %u Hz\n",
		       timer_get_frequency(), configTICK_RATE_HZ);
		return pdFALSE;
	}
	write_sysreg(vbar_el1, port_vectors);
	isb();
	timer_set_deadline(port_tick_next(&tick));
	gic_enable_irq(TIMER_IRQ_VIRT);
	port_start_first_task();
}

void vPortEndScheduler(void)
{
	port_stop_tick();
}

uint64_t port_counter_now(void)
{
	return timer_get_ticks();
}

uint64_t port_counter_frequency(void)
{
	return timer_get_frequency();
}

uint64_t port_tick_release(TickType_t n)
{
	return port_tick_due(&tick, n);
}

void port_stop_tick(void)
{
	timer_stop();
}
