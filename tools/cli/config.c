// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: the config command group. The checks are
 * written in Python (tools/pyjailhouse); this only finds the helper and
 * hands over.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define HELPER		"jailhouse-config-check"
#define LIBEXEC_DIR	"/usr/libexec/jailhouse"

/*
 * The helper next to the running binary wins, so that tools/jailhouse in
 * a source tree uses the tree's own checker rather than an installed one.
 */
static int find_helper(char *path, size_t size)
{
	char self[PATH_MAX];
	ssize_t len;
	char *slash;

	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len > 0) {
		self[len] = '\0';
		slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			if (snprintf(path, size, "%s/%s", self, HELPER) <
				    (int)size && access(path, F_OK) == 0)
				return 0;
		}
	}
	snprintf(path, size, "%s/%s", LIBEXEC_DIR, HELPER);
	return access(path, F_OK) == 0 ? 0 : -1;
}

static int config_check(int argc, char **argv)
{
	char helper[PATH_MAX];
	int err;

	if (find_helper(helper, sizeof(helper)))
		return jh_fail("the config checker (%s) is not installed next to this program or in %s",
			       HELPER, LIBEXEC_DIR);

	/* The helper parses the arguments itself, so that its messages
	 * about them are the only ones; argv[0] just becomes its path. */
	argv[0] = helper;
	(void)argc;
	execv(helper, argv);
	err = errno;
	if (err == ENOENT)
		return jh_fail("cannot run %s: python3 is not installed", helper);
	return jh_fail("cannot run %s: %s", helper, strerror(err));
}

const struct jh_command jh_config_commands[] = {
	{
		.name = "check",
		.synopsis = "SYSCONFIG [CELLCONFIG...]",
		.summary = "Find mistakes in config files before enabling",
		.details =
"Checks the system config and the cell configs meant to run on it at the\n"
"same time, alone and against each other. Exit status: 0 no issues,\n"
"1 issues found, 2 usage error or unreadable file.",
		.run = config_check,
	},
	{ .name = NULL },
};
