// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: cell stats, the VM exit counters of a cell
 * (sums over its CPUs) from sysfs, once or refreshed every second.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define PREFIX		"vmexits_"
#define MAX_COUNTERS	64
#define NAME_MAX_LEN	48

struct counter {
	char name[NAME_MAX_LEN];
	uint64_t value;
	uint64_t previous;
};

struct sample {
	struct counter counter[MAX_COUNTERS];
	int count;
	struct timespec taken;
};

/* The order of the ABI's counter list: the total first, then the common
 * exits, then the architecture's own. Unknown counters follow by name. */
static const char *const known[] = {
	"total", "mmio", "management", "hypercall",
	"pio", "xapic", "cr", "cpuid", "xsetbv", "exception", "msr_other",
	"msr_x2apic_icr",
	"maintenance", "virt_irq", "virt_sgi", "psci", "smccc", "cp15",
};

static int rank(const char *name)
{
	size_t n;

	for (n = 0; n < sizeof(known) / sizeof(known[0]); n++)
		if (strcmp(name, known[n]) == 0)
			return (int)n;
	return (int)n;
}

static int by_rank(const void *a, const void *b)
{
	const struct counter *x = a, *y = b;
	int rx = rank(x->name), ry = rank(y->name);

	return rx != ry ? rx - ry : strcmp(x->name, y->name);
}

static struct counter *lookup(struct sample *sample, const char *name)
{
	int n;

	for (n = 0; n < sample->count; n++)
		if (strcmp(sample->counter[n].name, name) == 0)
			return &sample->counter[n];
	return NULL;
}

/* Refreshes `sample` in place, keeping each counter's previous value for
 * the rate. Returns 0 or a negative errno (-ENOENT: the cell is gone). */
static int read_counters(int id, struct sample *sample)
{
	char rel[128], value[32];
	struct dirent *entry;
	struct counter *c;
	DIR *dir;

	dir = opendir(jh_pathf(JH_SYSFS "/cells/%d/statistics", id));
	if (!dir)
		return -errno;
	while ((entry = readdir(dir))) {
		const char *name = entry->d_name;

		/* Per-CPU subdirectories hold no vmexits_ files. */
		if (strncmp(name, PREFIX, strlen(PREFIX)) != 0 ||
		    strlen(name) - strlen(PREFIX) >= NAME_MAX_LEN)
			continue;
		if (snprintf(rel, sizeof(rel), "cells/%d/statistics/%s", id,
			     name) >= (int)sizeof(rel) ||
		    jh_sysfs_read(rel, value, sizeof(value)) != 0)
			continue;

		name += strlen(PREFIX);
		c = lookup(sample, name);
		if (!c) {
			if (sample->count == MAX_COUNTERS)
				continue;
			c = &sample->counter[sample->count++];
			snprintf(c->name, sizeof(c->name), "%s", name);
			c->value = strtoull(value, NULL, 10);
		}
		c->previous = c->value;
		c->value = strtoull(value, NULL, 10);
	}
	closedir(dir);
	qsort(sample->counter, sample->count, sizeof(sample->counter[0]),
	      by_rank);
	clock_gettime(CLOCK_MONOTONIC, &sample->taken);
	return 0;
}

static void print_sample(const char *title, const struct sample *sample,
			 double seconds)
{
	int n;

	printf("%s\n\n", title);
	if (seconds > 0)
		printf("%-20s %20s %12s\n", "COUNTER", "TOTAL", "PER SECOND");
	else
		printf("%-20s %20s\n", "COUNTER", "TOTAL");
	for (n = 0; n < sample->count; n++) {
		const struct counter *c = &sample->counter[n];

		if (seconds > 0)
			printf("%-20s %20" PRIu64 " %12.0f\n", c->name,
			       c->value, (c->value - c->previous) / seconds);
		else
			printf("%-20s %20" PRIu64 "\n", c->name, c->value);
	}
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static struct termios saved_tty;
static bool tty_changed;

/* Single keys without Enter, no echo: 'q' has to work like in top. */
static void keys_raw(void)
{
	struct termios raw;

	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_tty))
		return;
	raw = saved_tty;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0)
		tty_changed = true;
}

static void keys_restore(void)
{
	if (tty_changed)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	tty_changed = false;
}

/* Waits up to a second; true when the user asked to leave. */
static bool wait_for_quit(void)
{
	struct pollfd key = { .fd = STDIN_FILENO, .events = POLLIN };
	char c;

	if (!tty_changed) {
		/* Not a terminal: a closed stdin would wake poll at once. */
		poll(NULL, 0, 1000);
		return stop;
	}
	if (poll(&key, 1, 1000) > 0 && read(STDIN_FILENO, &c, 1) == 1 &&
	    (c == 'q' || c == 'Q'))
		return true;
	return stop;
}

static double seconds_between(const struct timespec *a,
			      const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) + (b->tv_nsec - a->tv_nsec) / 1e9;
}

static int watch(int id, const char *title, struct sample *sample)
{
	bool clear = isatty(STDOUT_FILENO);
	struct sigaction action;
	struct timespec last;
	int ret = EXIT_OK;

	memset(&action, 0, sizeof(action));
	action.sa_handler = on_signal;
	sigaction(SIGINT, &action, NULL);
	sigaction(SIGTERM, &action, NULL);
	keys_raw();

	if (clear)
		printf("\033[H\033[2J");
	print_sample(title, sample, 0);
	fflush(stdout);
	for (;;) {
		last = sample->taken;
		if (wait_for_quit())
			break;
		if (read_counters(id, sample)) {
			keys_restore();
			ret = jh_fail("cell %d no longer exists", id);
			break;
		}
		if (clear)
			printf("\033[H\033[2J");
		else
			printf("\n");
		print_sample(title, sample,
			     seconds_between(&last, &sample->taken));
		fflush(stdout);
	}
	keys_restore();
	return ret;
}

int jh_cmd_cell_stats(int argc, char **argv)
{
	struct jailhouse_cell_id cell;
	const char *target = NULL;
	char name[JAILHOUSE_CELL_ID_NAMELEN + 2], rel[64], title[96];
	struct sample *sample;
	bool once = false;
	int n, id, ret;

	for (n = 1; n < argc; n++) {
		if (strcmp(argv[n], "-1") == 0 || strcmp(argv[n], "--once") == 0)
			once = true;
		else if (jh_is_option(argv[n]))
			return jh_usage("unknown option '%s'", argv[n]);
		else if (target)
			return jh_usage("too many arguments");
		else
			target = argv[n];
	}
	if (!target)
		return jh_usage("missing NAME|ID of the cell");
	ret = jh_parse_cell(target, &cell);
	if (ret)
		return ret;
	if (jh_require_enabled())
		return EXIT_FAIL;
	ret = jh_find_cell(&cell, &id);
	if (ret == -ENOENT)
		return jh_fail("no %s exists", jh_cell_label(&cell));
	if (ret)
		return jh_fail("cannot read the cell list from sysfs: %s",
			       strerror(-ret));

	snprintf(rel, sizeof(rel), "cells/%d/name", id);
	if (jh_sysfs_read(rel, name, sizeof(name)))
		snprintf(name, sizeof(name), "?");
	snprintf(title, sizeof(title), "Statistics of cell %d \"%s\"", id, name);

	sample = calloc(1, sizeof(*sample));
	if (!sample)
		return jh_fail("out of memory");
	ret = read_counters(id, sample);
	if (ret == -ENOENT) {
		free(sample);
		return jh_fail("the driver publishes no statistics for cell %d",
			       id);
	}
	if (ret) {
		free(sample);
		return jh_fail("cannot read the statistics of cell %d: %s", id,
			       strerror(-ret));
	}

	if (once) {
		print_sample(title, sample, 0);
		ret = EXIT_OK;
	} else {
		ret = watch(id, title, sample);
	}
	free(sample);
	return ret;
}
