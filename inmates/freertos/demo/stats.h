/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Release-jitter figures of the demo's periodic task: min/avg/max over a
 * window, in nanoseconds from counter differences. Pure C, so the host
 * tests run it (tests/inmates/test-freertos.c).
 */
#ifndef _FREERTOS_DEMO_STATS_H
#define _FREERTOS_DEMO_STATS_H

#include <stdbool.h>
#include <stdint.h>

struct jitter_stats {
	int64_t min_ns;
	int64_t max_ns;
	int64_t sum_ns;
	uint32_t count;
};

void jitter_reset(struct jitter_stats *s);
void jitter_add(struct jitter_stats *s, int64_t ns);
/* 0 for an empty window; rounded toward zero. */
int64_t jitter_avg(const struct jitter_stats *s);
/*
 * A signed counter difference in nanoseconds at freq Hz, without a
 * 64-bit overflow for any difference a 64-bit counter can show below
 * 2^32 Hz.
 */
int64_t counter_delta_ns(int64_t delta, uint64_t freq);

#endif /* !_FREERTOS_DEMO_STATS_H */
