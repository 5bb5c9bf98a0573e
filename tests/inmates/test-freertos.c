// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the FreeRTOS port's pure-C parts, which need no FreeRTOS
 * kernel and so run always: the tick arithmetic (compare values from the
 * counter frequency and the tick rate, late and early interrupts, counter
 * wrap, widening a 32-bit tick count), the critical-section nesting
 * count, and the demo's jitter statistics. Prints PASS/FAIL lines for
 * run.sh.
 */
#include <stdio.h>
#include <stdint.h>

#include "tick.h"
#include "nesting.h"
#include "stats.h"

static int failures;

#define EXPECT(cond, ...) do {						\
	if (!(cond)) {							\
		printf("  %s:%d: ", __FILE__, __LINE__);		\
		printf(__VA_ARGS__);					\
		printf("\n");						\
		failures++;						\
	}								\
} while (0)

static void report(const char *name, int before)
{
	if (failures == before)
		printf("PASS: %s\n", name);
	else
		printf("FAIL: %s: %d check(s) failed\n", name,
		       failures - before);
}

/* The exact due time, by 128-bit arithmetic, modulo 2^64. */
static uint64_t reference_due(uint64_t origin, uint64_t freq, uint32_t rate,
			      uint64_t n)
{
	unsigned __int128 ticks = (unsigned __int128)n * freq / rate;

	return origin + (uint64_t)ticks;
}

static void test_tick_init(void)
{
	struct port_tick t;
	int before = failures;

	EXPECT(port_tick_init(&t, 62500000, 0, 0) < 0, "rate 0 accepted");
	EXPECT(port_tick_init(&t, 999, 1000, 0) < 0,
	       "counter slower than the tick accepted");
	EXPECT(port_tick_init(&t, 1ULL << 32, 1000, 0) < 0,
	       "frequency wider than CNTFRQ accepted");
	EXPECT(port_tick_init(&t, 1000, 1000, 0) == 0,
	       "one counter tick per RTOS tick refused");
	EXPECT(port_tick_init(&t, 62500000, 1000, 77) == 0 && t.count == 0,
	       "62.5 MHz at 1 kHz refused");
	EXPECT(port_tick_next(&t) == 77 + 62500, "first deadline %llu",
	       (unsigned long long)port_tick_next(&t));
	report("freertos tick: init accepts usable rates only", before);
}

/* Every due time matches the exact one; n * freq / rate never drifts. */
static void check_exact(uint64_t freq, uint32_t rate, uint64_t origin,
			uint64_t first, uint64_t count)
{
	struct port_tick t;
	uint64_t n;

	if (port_tick_init(&t, freq, rate, origin)) {
		EXPECT(0, "init %llu Hz at %u Hz failed",
		       (unsigned long long)freq, rate);
		return;
	}
	for (n = first; n < first + count; n++) {
		uint64_t got = port_tick_due(&t, n), want =
			reference_due(origin, freq, rate, n);

		if (got != want) {
			EXPECT(0, "%llu Hz/%u Hz tick %llu: %llu, want %llu",
			       (unsigned long long)freq, rate,
			       (unsigned long long)n, (unsigned long long)got,
			       (unsigned long long)want);
			return;
		}
	}
}

static void test_tick_due(void)
{
	int before = failures;
	struct port_tick t;

	check_exact(62500000, 1000, 0, 0, 5000);
	check_exact(24000000, 1024, 12345, 0, 5000);
	check_exact(19200000, 1000, 0, 0, 5000);
	check_exact(UINT32_MAX, 1000, 0, 1000000000000ULL, 3000);
	check_exact(1000000007, 999, 5, 0, 5000);
	/* 24 MHz / 1024 Hz: 23437.5 counts per tick, a second stays 24e6. */
	port_tick_init(&t, 24000000, 1024, 0);
	EXPECT(port_tick_due(&t, 1024) == 24000000, "one second: %llu",
	       (unsigned long long)port_tick_due(&t, 1024));
	EXPECT(port_tick_due(&t, 1) == 23437 && port_tick_due(&t, 2) == 46875,
	       "first periods %llu %llu",
	       (unsigned long long)port_tick_due(&t, 1),
	       (unsigned long long)port_tick_due(&t, 2));
	report("freertos tick: due times exact, without drift", before);
}

static void test_tick_elapsed(void)
{
	int before = failures;
	struct port_tick t;
	uint64_t n;

	port_tick_init(&t, 62500000, 1000, 1000);
	EXPECT(port_tick_elapsed(&t, 1000 + 62499) == 0 && t.count == 0,
	       "early interrupt counted a tick");
	EXPECT(port_tick_elapsed(&t, 1000 + 62500) == 1 && t.count == 1,
	       "tick at its due time not counted");
	EXPECT(port_tick_next(&t) == 1000 + 125000, "next after one: %llu",
	       (unsigned long long)port_tick_next(&t));
	/* Three and a half periods late: the three due ones, not the fourth. */
	n = port_tick_elapsed(&t, 1000 + 62500 * 4 + 31250);
	EXPECT(n == 3 && t.count == 4, "late: %llu counted, count %llu",
	       (unsigned long long)n, (unsigned long long)t.count);
	EXPECT(port_tick_next(&t) == 1000 + 62500 * 5, "next after late: %llu",
	       (unsigned long long)port_tick_next(&t));
	EXPECT(port_tick_elapsed(&t, 1000 + 62500 * 4 + 31250) == 0,
	       "same instant counted twice");
	report("freertos tick: late ticks all counted, early ones none",
	       before);
}

static void test_tick_wrap(void)
{
	int before = failures;
	uint64_t origin = UINT64_MAX - 100000, n;
	struct port_tick t;

	port_tick_init(&t, 62500000, 1000, origin);
	EXPECT(port_tick_next(&t) == origin + 62500, "before the wrap");
	EXPECT(port_tick_elapsed(&t, origin + 62500) == 1, "tick 1");
	/* Tick 2 is due at 24999 after the counter wrapped to 0. */
	EXPECT(port_tick_next(&t) == 24999, "deadline past the wrap: %llu",
	       (unsigned long long)port_tick_next(&t));
	EXPECT(port_tick_elapsed(&t, UINT64_MAX) == 0,
	       "wrapped deadline taken as passed");
	n = port_tick_elapsed(&t, 24999 + 62500);
	EXPECT(n == 2 && t.count == 3, "across the wrap: %llu, count %llu",
	       (unsigned long long)n, (unsigned long long)t.count);
	report("freertos tick: the counter wrapping at 2^64 changes nothing",
	       before);
}

static void test_tick_widen(void)
{
	int before = failures;
	struct port_tick t;

	port_tick_init(&t, 62500000, 1000, 0);
	t.count = (1ULL << 32) + 5;
	EXPECT(port_tick_widen(&t, 3, 32) == (1ULL << 32) + 3,
	       "recent tick after a 32-bit wrap: %llx",
	       (unsigned long long)port_tick_widen(&t, 3, 32));
	EXPECT(port_tick_widen(&t, 0xffffffff, 32) == (1ULL << 32) - 1,
	       "tick before the 32-bit wrap: %llx",
	       (unsigned long long)port_tick_widen(&t, 0xffffffff, 32));
	EXPECT(port_tick_widen(&t, 5, 32) == t.count, "the current tick");
	EXPECT(port_tick_widen(&t, 12345, 64) == 12345, "64-bit ticks changed");
	report("freertos tick: 32-bit tick counts widened across their wrap",
	       before);
}

static void test_nesting(void)
{
	int before = failures;
	unsigned long task = 0, other = 0, boot = PORT_NESTING_BOOT;

	port_nesting_enter(&task);
	port_nesting_enter(&task);
	port_nesting_enter(&task);
	port_nesting_enter(&other);
	EXPECT(port_nesting_exit(&task) == PORT_NESTING_STAY_MASKED, "3 -> 2");
	EXPECT(port_nesting_exit(&task) == PORT_NESTING_STAY_MASKED, "2 -> 1");
	EXPECT(port_nesting_exit(&task) == PORT_NESTING_UNMASK,
	       "outermost exit does not unmask");
	EXPECT(port_nesting_exit(&task) == PORT_NESTING_UNBALANCED && !task,
	       "exit without enter not caught (count %lu)", task);
	EXPECT(other == 1, "another task's count changed");
	/* Before the scheduler: the kernel's pairs never unmask. */
	port_nesting_enter(&boot);
	EXPECT(port_nesting_exit(&boot) == PORT_NESTING_STAY_MASKED &&
	       boot == PORT_NESTING_BOOT, "boot section unmasked");
	report("freertos critical nesting: only the outermost exit unmasks",
	       before);
}

static void test_stats(void)
{
	int before = failures;
	struct jitter_stats s;

	jitter_reset(&s);
	EXPECT(jitter_avg(&s) == 0 && s.count == 0, "empty window");
	jitter_add(&s, 1500);
	jitter_add(&s, -500);
	jitter_add(&s, 4000);
	EXPECT(s.min_ns == -500 && s.max_ns == 4000 && s.count == 3,
	       "min %lld max %lld", (long long)s.min_ns, (long long)s.max_ns);
	EXPECT(jitter_avg(&s) == 1666, "avg %lld", (long long)jitter_avg(&s));
	jitter_reset(&s);
	jitter_add(&s, 7);
	EXPECT(s.min_ns == 7 && s.max_ns == 7 && jitter_avg(&s) == 7,
	       "reset did not forget");
	report("freertos demo jitter: min/avg/max over a window", before);
}

static void test_delta_ns(void)
{
	int before = failures;
	int64_t big = 1LL << 40;

	EXPECT(counter_delta_ns(62500, 62500000) == 1000000, "1 ms at 62.5 MHz");
	EXPECT(counter_delta_ns(-62500, 62500000) == -1000000, "-1 ms");
	EXPECT(counter_delta_ns(1, 24000000) == 41, "one 24 MHz count: %lld",
	       (long long)counter_delta_ns(1, 24000000));
	EXPECT(counter_delta_ns(big, 1000000000) == big,
	       "2^40 counts at 1 GHz: %lld",
	       (long long)counter_delta_ns(big, 1000000000));
	EXPECT(counter_delta_ns(big, 19200000) ==
	       (int64_t)((unsigned __int128)big * 1000000000 / 19200000),
	       "2^40 counts at 19.2 MHz");
	report("freertos demo jitter: counter differences in ns", before);
}

int main(void)
{
	test_tick_init();
	test_tick_due();
	test_tick_elapsed();
	test_tick_wrap();
	test_tick_widen();
	test_nesting();
	test_stats();
	test_delta_ns();
	return failures ? 1 : 0;
}
