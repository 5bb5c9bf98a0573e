// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: the config command group. The checker and
 * the generator are written in Python (tools/pyjailhouse); this only
 * finds the helper and hands over. The collector (config_collect.c) is C,
 * for targets without Python.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define LIBEXEC_DIR	"/usr/libexec/jailhouse"

/*
 * The helper next to the running binary wins, so that tools/jailhouse in
 * a source tree uses the tree's own checker rather than an installed one.
 */
static int find_helper(const char *helper, char *path, size_t size)
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
			if (snprintf(path, size, "%s/%s", self, helper) <
				    (int)size && access(path, F_OK) == 0)
				return 0;
		}
	}
	snprintf(path, size, "%s/%s", LIBEXEC_DIR, helper);
	return access(path, F_OK) == 0 ? 0 : -1;
}

/* Replace this process by helper name (what), which parses argv itself. */
static int run_helper(const char *what, const char *name, char **argv)
{
	char helper[PATH_MAX];
	int err;

	if (find_helper(name, helper, sizeof(helper)))
		return jh_fail("the %s (%s) is not installed next to this program or in %s",
			       what, name, LIBEXEC_DIR);

	/* The helper's messages about its arguments are the only ones;
	 * argv[0] just becomes its path. */
	argv[0] = helper;
	execv(helper, argv);
	err = errno;
	if (err == ENOENT)
		return jh_fail("cannot run %s: python3 is not installed", helper);
	return jh_fail("cannot run %s: %s", helper, strerror(err));
}

static int config_check(int argc, char **argv)
{
	(void)argc;
	return run_helper("config checker", "jailhouse-config-check", argv);
}

static int config_create(int argc, char **argv)
{
	(void)argc;
	return run_helper("config generator", "jailhouse-config-create",
			  argv);
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
	{
		.name = "create",
		.synopsis = "[-r ROOT] [--mem-hv SIZE] [--name NAME] FILE.c",
		.summary = "Write a root cell config for this x86 machine",
		.details =
"Reads /proc, the ACPI tables and PCI config spaces (below ROOT, default\n"
"/) and writes the C source of a system config: CPUs, RAM, device\n"
"memory, IOAPICs, IOMMU units, PCI devices and their capabilities. The\n"
"hypervisor takes the first SIZE (default 6M) of the region the kernel\n"
"keeps off with memmap=SIZE$ADDRESS; the rest is RAM for non-root cells.\n"
"Exit status: 0 written, 1 something the config needs is missing, 2 usage\n"
"error.",
		.run = config_create,
	},
	{
		.name = "collect",
		.synopsis = "FILE.tar",
		.summary = "Pack what config create reads, for another machine",
		.details =
"Writes a tar archive of /proc/cmdline, /proc/cpuinfo, /proc/iomem,\n"
"/proc/ioports, the ACPI tables APIC, MCFG, FACP, DMAR and IVRS, and every\n"
"PCI function's config space (run as root: others see only 64 bytes of\n"
"it), for `jailhouse config create -r FILE.tar` on a machine with Python.",
		.run = jh_cmd_config_collect,
	},
	{ .name = NULL },
};
