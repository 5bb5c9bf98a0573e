// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: how failures reach the user.
 *
 * Every failure is exactly one line on stderr, "<command>: <cause>.", so
 * that a log or a test can match it and a person sees at once which of
 * several chained commands went wrong. Callers pass the cause without the
 * final period.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

static void emit(const char *tail, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", jh_cmd_name());
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "%s\n", tail);
}

int jh_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(".", fmt, ap);
	va_end(ap);
	return EXIT_FAIL;
}

int jh_usage(const char *fmt, ...)
{
	char tail[128];
	va_list ap;

	snprintf(tail, sizeof(tail), "; see '%s --help'.", jh_cmd_name());
	va_start(ap, fmt);
	emit(tail, fmt, ap);
	va_end(ap);
	return EXIT_USAGE;
}
