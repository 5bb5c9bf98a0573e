/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Tick arithmetic of the Stockade FreeRTOS port: which generic-timer
 * counter value each RTOS tick is due at. Pure C without hardware access,
 * so that the host tests (tests/inmates/test-freertos.c) run the same code
 * the cells run.
 *
 * Tick n is due at origin + n / rate * freq + (n % rate) * freq / rate:
 * computed from n each time instead of adding a rounded period, so a
 * counter frequency that the tick rate does not divide (24 MHz at 1024 Hz)
 * leaves no drift, and no product exceeds 64 bits while freq stays below
 * 2^32 Hz (the architecture's CNTFRQ is 32 bits wide).
 */
#ifndef _FREERTOS_PORT_TICK_H
#define _FREERTOS_PORT_TICK_H

#include <stdint.h>

struct port_tick {
	uint64_t freq;		/* counter ticks per second (CNTFRQ) */
	uint32_t rate;		/* RTOS ticks per second */
	uint64_t origin;	/* counter value of tick 0 */
	uint64_t count;		/* ticks counted so far */
};

/*
 * Returns 0, or -1 when the counter cannot time that rate: no rate, a
 * frequency below it (two ticks would share a counter value) or one wider
 * than CNTFRQ can be.
 */
int port_tick_init(struct port_tick *t, uint64_t freq, uint32_t rate,
		   uint64_t origin);
/* Counter value at which tick n is due; wraps modulo 2^64 like the counter. */
uint64_t port_tick_due(const struct port_tick *t, uint64_t n);
/* Where the compare register goes for the next tick. */
uint64_t port_tick_next(const struct port_tick *t);
/*
 * How many ticks are due at counter value now and were not counted yet;
 * counts them. 0 for an early (spurious) interrupt. Compares by the
 * signed difference, so a counter that wraps past 2^64 changes nothing.
 */
uint64_t port_tick_elapsed(struct port_tick *t, uint64_t now);
/*
 * The full tick number of a TickType_t value that is at most 2^width - 1
 * ticks old, for a port whose TickType_t is narrower than 64 bits (ARMv7).
 */
uint64_t port_tick_widen(const struct port_tick *t, uint64_t tick,
			 unsigned int width);

#endif /* !_FREERTOS_PORT_TICK_H */
