// SPDX-License-Identifier: GPL-2.0
/*
 * Runs every registered test in registration order, or only those whose
 * name contains argv[1]. The last line is the summary the test harness
 * parses: "N passed, N failed" counting tests, not assertions.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"

static struct unit_test *first, **tail = &first;
static unsigned int current_failures;

void unit_register(struct unit_test *test)
{
	*tail = test;
	tail = &test->next;
}

void unit_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("  %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	current_failures++;
}

int main(int argc, char **argv)
{
	unsigned int passed = 0, failed = 0;
	const struct unit_test *test;

	for (test = first; test; test = test->next) {
		if (argc > 1 && !strstr(test->name, argv[1]))
			continue;
		current_failures = 0;
		test->fn();
		if (current_failures) {
			printf("FAIL: %s (%s)\n", test->name, test->file);
			failed++;
		} else {
			printf("PASS: %s\n", test->name);
			passed++;
		}
		fflush(stdout);
	}
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
