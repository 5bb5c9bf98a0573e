// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: where system files are found.
 *
 * The tool reads /dev/jailhouse, sysfs and /proc. Host tests have none of
 * the real ones, so the environment variable JAILHOUSE_TEST_ROOT, when
 * set, is put in front of each of these paths; the tests build a fake
 * tree under it. Nothing else changes with it, and it only ever redirects
 * what the caller could read anyway.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

/* A few results stay valid at once, so that two paths can be compared or
 * passed to one call. */
#define SLOTS 4

static const char *prefixed(const char *path)
{
	static char slot[SLOTS][PATH_MAX];
	static unsigned int next;
	const char *root = getenv("JAILHOUSE_TEST_ROOT");
	char *buf = slot[next++ % SLOTS];

	if (!root)
		root = "";
	snprintf(buf, PATH_MAX, "%s%s", root, path);
	return buf;
}

const char *jh_path(const char *path)
{
	return prefixed(path);
}

const char *jh_pathf(const char *fmt, ...)
{
	char path[PATH_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	return prefixed(path);
}
