// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Release-jitter figures of the demo (see stats.h).
 */
#include "stats.h"

#define NS_PER_S	1000000000ULL

void jitter_reset(struct jitter_stats *s)
{
	s->min_ns = INT64_MAX;
	s->max_ns = INT64_MIN;
	s->sum_ns = 0;
	s->count = 0;
}

void jitter_add(struct jitter_stats *s, int64_t ns)
{
	if (ns < s->min_ns)
		s->min_ns = ns;
	if (ns > s->max_ns)
		s->max_ns = ns;
	s->sum_ns += ns;
	s->count++;
}

int64_t jitter_avg(const struct jitter_stats *s)
{
	return s->count ? s->sum_ns / (int64_t)s->count : 0;
}

static uint64_t ticks_to_ns(uint64_t ticks, uint64_t freq)
{
	return ticks / freq * NS_PER_S + ticks % freq * NS_PER_S / freq;
}

int64_t counter_delta_ns(int64_t delta, uint64_t freq)
{
	if (delta >= 0)
		return ticks_to_ns(delta, freq);
	/* -delta of INT64_MIN is out of range; its unsigned value is not. */
	return -(int64_t)ticks_to_ns(-(uint64_t)delta, freq);
}
