// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Stockade FreeRTOS port, the part every architecture shares: critical
 * sections, the tick from the EL1 virtual generic timer (PPI 27) through
 * the inmate library's GIC front end, scheduler start, and the port's
 * extensions (stockade-port.h). Frames, vectors and interrupt masking
 * are in port/<arch>/.
 */
#include "port-lib.h"

#include "FreeRTOS.h"
#include "task.h"

#include "nesting.h"
#include "port-arch.h"
#include "stockade-port.h"
#include "tick.h"

unsigned long port_critical_nesting = PORT_NESTING_BOOT;
unsigned long port_yield_pending;

static struct port_tick tick;

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

void port_task_returned(void)
{
	printk("FreeRTOS: task \"%s\" returned, deleting it\n",
	       pcTaskGetName(NULL));
	vTaskDelete(NULL);
	for (;;)
		;
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
	port_arch_install_vectors();
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
	return port_tick_due(&tick, port_tick_widen(&tick, n,
						    sizeof(TickType_t) * 8));
}

void port_stop_tick(void)
{
	timer_stop();
}
