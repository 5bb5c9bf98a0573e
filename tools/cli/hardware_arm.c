// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: hardware check on ARM (32 and 64 bit).
 *
 * The hypervisor needs the kernel to have been started in EL2/HYP mode
 * with EL2 left free (no KVM), a GIC it knows and PSCI to take CPUs
 * offline for cells. User space cannot see the boot exception level; the
 * rest shows in the device tree and /dev.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "hardware.h"

#define DT_ROOT	"/proc/device-tree"

struct dt_scan {
	char gic[64];		/* first GIC compatible found */
	bool psci;
};

static const char *const gic_compatibles[] = {
	"arm,gic-v3", "arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a7-gic",
	"arm,cortex-a9-gic", "arm,gic-v2",
};

/* A compatible property is a list of NUL-terminated strings. */
static void scan_compatible(const char *node, struct dt_scan *scan)
{
	char path[512], *text, *p, *end;
	size_t n;
	FILE *f;
	long len;

	snprintf(path, sizeof(path), "%s/compatible", node);
	f = fopen(jh_path(path), "rb");
	if (!f)
		return;
	text = malloc(4096);
	len = text ? (long)fread(text, 1, 4095, f) : 0;
	fclose(f);
	if (!text)
		return;
	end = text + len;
	*end = '\0';
	for (p = text; p < end; p += strlen(p) + 1) {
		if (!strncmp(p, "arm,psci", 8))
			scan->psci = true;
		for (n = 0; n < sizeof(gic_compatibles) /
				sizeof(gic_compatibles[0]); n++)
			if (!scan->gic[0] && !strcmp(p, gic_compatibles[n]))
				snprintf(scan->gic, sizeof(scan->gic), "%s", p);
	}
	free(text);
}

/* Interrupt controllers sit at the root or inside a bus node: two
 * levels below the root are enough and keep the walk short. */
static void scan_nodes(const char *node, int depth, struct dt_scan *scan)
{
	struct dirent *entry;
	char child[512];
	DIR *dir;

	scan_compatible(node, scan);
	if (depth == 0)
		return;
	dir = opendir(jh_path(node));
	if (!dir)
		return;
	while ((entry = readdir(dir))) {
		if (entry->d_name[0] == '.' ||
		    (entry->d_type != DT_DIR && entry->d_type != DT_UNKNOWN))
			continue;
		snprintf(child, sizeof(child), "%s/%s", node, entry->d_name);
		scan_nodes(child, depth - 1, scan);
	}
	closedir(dir);
}

static void check_cpu(struct hw_report *r)
{
#ifdef __arm__
	char *cpuinfo = hw_read_text("/proc/cpuinfo");
	char *features = cpuinfo ? strstr(cpuinfo, "Features") : NULL;
	char *eol = features ? strchr(features, '\n') : NULL;

	if (eol)
		*eol = '\0';
	/* The virtualization extensions come with LPAE on every ARMv7
	 * core that has them; Linux shows the latter, not the former. */
	if (!features)
		hw_line(r, "LPAE / virtualization", HW_INFO,
			"no Features line in /proc/cpuinfo");
	else if (hw_has_word(features, "lpae"))
		hw_line(r, "LPAE / virtualization", HW_OK, "CPU feature lpae");
	else
		hw_line(r, "LPAE / virtualization", HW_MISSING,
			"the CPU has no LPAE, hence no virtualization extensions");
	free(cpuinfo);
#else
	(void)r;
#endif
}

static void check_el2(struct hw_report *r)
{
	char *cmdline = hw_read_text("/proc/cmdline");

	if (hw_exists("/dev/kvm"))
		hw_line(r, "EL2 / HYP mode", HW_MISSING,
			"KVM is using EL2 (boot Linux with kvm-arm.mode=none)");
	else if (cmdline && strstr(cmdline, "kvm-arm.mode=none"))
		hw_line(r, "EL2 / HYP mode", HW_OK,
			"KVM kept off by kvm-arm.mode=none");
	else
		hw_line(r, "EL2 / HYP mode", HW_INFO,
			"not visible to user space; dmesg must say the CPUs started at EL2/HYP");
	free(cmdline);
}

int hw_check_arch(struct hw_report *r)
{
	struct dt_scan scan = { .gic = "" };
	int units;

#ifdef __aarch64__
	printf("Hardware check (arm64):\n");
#else
	printf("Hardware check (arm):\n");
#endif
	check_cpu(r);
	check_el2(r);

	if (!hw_exists(DT_ROOT)) {
		hw_line(r, "device tree", HW_INFO,
			"none (ACPI machine?): GIC and PSCI not checked");
	} else {
		scan_nodes(DT_ROOT, 2, &scan);
		if (scan.gic[0])
			hw_line(r, "GIC", HW_OK, "%s", scan.gic);
		else
			hw_line(r, "GIC", HW_MISSING,
				"no GICv2/GICv3 in the device tree");
		if (scan.psci)
			hw_line(r, "PSCI", HW_OK, "arm,psci in the device tree");
		else
			hw_line(r, "PSCI", HW_MISSING,
				"no PSCI in the device tree: CPUs cannot be handed to cells");
	}

	units = hw_count_entries("/sys/class/iommu");
	if (units > 0)
		hw_line(r, "IOMMU (SMMU)", HW_OK, "%d unit%s in /sys/class/iommu",
			units, units == 1 ? "" : "s");
	else
		hw_line(r, "IOMMU (SMMU)", HW_INFO,
			"none in use by Linux: device DMA of cells is not isolated");
	return EXIT_OK;
}
