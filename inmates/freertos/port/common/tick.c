// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Tick arithmetic of the Stockade FreeRTOS port (see tick.h).
 */
#include "tick.h"

int port_tick_init(struct port_tick *t, uint64_t freq, uint32_t rate,
		   uint64_t origin)
{
	if (!rate || freq < rate || freq > UINT32_MAX)
		return -1;
	t->freq = freq;
	t->rate = rate;
	t->origin = origin;
	t->count = 0;
	return 0;
}

uint64_t port_tick_due(const struct port_tick *t, uint64_t n)
{
	return t->origin + n / t->rate * t->freq +
	       n % t->rate * t->freq / t->rate;
}

uint64_t port_tick_next(const struct port_tick *t)
{
	return port_tick_due(t, t->count + 1);
}

uint64_t port_tick_elapsed(struct port_tick *t, uint64_t now)
{
	uint64_t due = 0;

	while ((int64_t)(now - port_tick_next(t)) >= 0) {
		t->count++;
		due++;
	}
	return due;
}

uint64_t port_tick_widen(const struct port_tick *t, uint64_t tick,
			 unsigned int width)
{
	uint64_t mask = width >= 64 ? UINT64_MAX : (1ULL << width) - 1;

	/* How far back from the current count, in the narrow type. */
	return t->count - ((t->count - tick) & mask);
}
