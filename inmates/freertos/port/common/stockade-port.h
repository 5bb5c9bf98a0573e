/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * What the Stockade FreeRTOS port offers an application beyond the FreeRTOS
 * API: the generic-timer counter the tick runs on, the counter value each
 * tick was due at (to measure release jitter), stopping the tick for a
 * clean shutdown, and a hook for interrupts other than the tick.
 */
#ifndef _FREERTOS_STOCKADE_PORT_H
#define _FREERTOS_STOCKADE_PORT_H

#include <stdint.h>
#include "FreeRTOS.h"

/* The application, called from inmate_main() before the scheduler starts. */
void app_main(void);

uint64_t port_counter_now(void);
uint64_t port_counter_frequency(void);
/* Counter value at which RTOS tick `tick` was (or will be) due. */
uint64_t port_tick_release(TickType_t tick);
/* No more ticks (and so no more task switches by time) after this. */
void port_stop_tick(void);
/*
 * Interrupts other than the tick, in interrupt context with interrupts
 * masked; may use the FromISR API and portYIELD_FROM_ISR(). The port's
 * default prints the number; the application may define its own.
 */
void port_app_irq(unsigned int irq);

#endif /* !_FREERTOS_STOCKADE_PORT_H */
