// SPDX-License-Identifier: GPL-2.0
/*
 * unit.c: hooks run in table order on the way up and in reverse on the
 * way down, a failure undoes exactly what was done, region counts add
 * up. Three test units record their calls in a log; the order expected
 * is read from the table itself (link order is the linker's business).
 */
#include <stdbool.h>
#include <string.h>

#include <core/cell.h>
#include <core/errno.h>
#include <core/percpu.h>
#include <core/unit.h>

#include "test_units.h"
#include "unit.h"

#define NUM_TEST_UNITS	3
#define LOG_SIZE	32

int test_unit_fail_init = -1, test_unit_fail_cell_init = -1;
unsigned int test_unit_regions;
unsigned int test_unit_exits_after_cpus_left;

static bool armed;
/* Entries: 'I'/'S'/'C'/'X' (init, shutdown, cell init, cell exit), id. */
static struct {
	char hook;
	int id;
} call_log[LOG_SIZE];
static unsigned int log_len;

void test_units_arm(bool on)
{
	armed = on;
	log_len = 0;
	test_unit_fail_init = test_unit_fail_cell_init = -1;
	test_unit_regions = 0;
	test_unit_exits_after_cpus_left = 0;
}

static void check_cpus_still_owned(struct cell *c)
{
	unsigned int cpu;

	if (!armed || c == &root_cell)
		return;
	for_each_cpu_of(cpu, c)
		if (per_cpu(cpu)->cell != c) {
			test_unit_exits_after_cpus_left++;
			return;
		}
}

static int record(char hook, int id)
{
	if (!armed)
		return 0;
	if (log_len < LOG_SIZE)
		call_log[log_len++] = (typeof(call_log[0])){ hook, id };
	if ((hook == 'I' && id == test_unit_fail_init) ||
	    (hook == 'C' && id == test_unit_fail_cell_init))
		return -EIO;
	return 0;
}

#define TEST_UNIT_HOOKS(n)						\
	static int init_##n(void) { return record('I', n); }		\
	static void shutdown_##n(void) { record('S', n); }		\
	static int cell_init_##n(struct cell *c)			\
	{ (void)c; return record('C', n); }				\
	static void cell_exit_##n(struct cell *c)			\
	{ check_cpus_still_owned(c); record('X', n); }			\
	static unsigned int count_##n(struct cell *c)			\
	{ (void)c; return armed ? test_unit_regions : 0; }		\
	DEFINE_UNIT(test_##n, .name = "test" #n, .init = init_##n,	\
		    .shutdown = shutdown_##n, .cell_init = cell_init_##n, \
		    .cell_exit = cell_exit_##n,				\
		    .mmio_count_regions = count_##n)

TEST_UNIT_HOOKS(0);
TEST_UNIT_HOOKS(1);
TEST_UNIT_HOOKS(2);
/* A unit without hooks is skipped. */
DEFINE_UNIT(test_empty, .name = "empty");

/* Real units linked here (ivshmem) look into the cell's config. */
static const struct jailhouse_cell_desc plain_config = { .name = "plain" };

/* Test unit ids in table order. */
static unsigned int table_order(int order[NUM_TEST_UNITS])
{
	const struct unit *u;
	unsigned int found = 0;

	for (u = __start_units; u < __stop_units; u++)
		if (u->name && !strncmp(u->name, "test", 4) &&
		    found < NUM_TEST_UNITS)
			order[found++] = u->name[4] - '0';
	return found;
}

/* Whether the log is `hook` over order[from..to] (either direction). */
static bool log_is(unsigned int at, char hook, const int *order, int from,
		   int to)
{
	int step = from <= to ? 1 : -1, n;

	for (n = from; ; n += step, at++) {
		if (at >= log_len || call_log[at].hook != hook ||
		    call_log[at].id != order[n])
			return false;
		if (n == to)
			return true;
	}
}

TEST(units_init_in_order_shutdown_reversed)
{
	int order[NUM_TEST_UNITS];

	ASSERT_EQ(table_order(order), NUM_TEST_UNITS);
	test_units_arm(true);
	EXPECT_EQ(units_init(), 0);
	EXPECT_TRUE(log_is(0, 'I', order, 0, 2));
	units_shutdown();
	EXPECT_TRUE(log_is(3, 'S', order, 2, 0));
	EXPECT_EQ(log_len, 6);
	test_units_arm(false);
}

TEST(units_init_failure_shuts_down_those_before)
{
	int order[NUM_TEST_UNITS];

	ASSERT_EQ(table_order(order), NUM_TEST_UNITS);
	test_units_arm(true);
	test_unit_fail_init = order[2];
	EXPECT_EQ(units_init(), -EIO);
	EXPECT_TRUE(log_is(0, 'I', order, 0, 2));
	/* The failed unit is not shut down: it did not come up. */
	EXPECT_TRUE(log_is(3, 'S', order, 1, 0));
	EXPECT_EQ(log_len, 5);

	test_units_arm(true);
	test_unit_fail_init = order[0];
	EXPECT_EQ(units_init(), -EIO);
	EXPECT_EQ(log_len, 1);
	test_units_arm(false);
}

TEST(units_cell_init_in_order_exit_reversed)
{
	struct cell cell = { .id = 7, .config = &plain_config };
	int order[NUM_TEST_UNITS];

	ASSERT_EQ(table_order(order), NUM_TEST_UNITS);
	test_units_arm(true);
	EXPECT_EQ(units_cell_init(&cell), 0);
	EXPECT_TRUE(log_is(0, 'C', order, 0, 2));
	units_cell_exit(&cell);
	EXPECT_TRUE(log_is(3, 'X', order, 2, 0));
	EXPECT_EQ(log_len, 6);
	test_units_arm(false);
}

TEST(units_cell_init_failure_exits_failed_unit_too)
{
	struct cell cell = { .id = 7, .config = &plain_config };
	int order[NUM_TEST_UNITS];

	ASSERT_EQ(table_order(order), NUM_TEST_UNITS);
	test_units_arm(true);
	test_unit_fail_cell_init = order[1];
	EXPECT_EQ(units_cell_init(&cell), -EIO);
	EXPECT_TRUE(log_is(0, 'C', order, 0, 1));
	/* Cell exit runs for the failing unit, to undo its partial work. */
	EXPECT_TRUE(log_is(2, 'X', order, 1, 0));
	EXPECT_EQ(log_len, 4);
	test_units_arm(false);
}

TEST(units_mmio_regions_add_up)
{
	struct cell cell = { .id = 7, .config = &plain_config };

	test_units_arm(true);
	test_unit_regions = 5;
	EXPECT_EQ(units_mmio_count_regions(&cell), 3 * 5);
	test_units_arm(false);
	EXPECT_EQ(units_mmio_count_regions(&cell), 0);
}
