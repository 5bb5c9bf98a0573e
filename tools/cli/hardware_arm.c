// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: hardware check on ARM (32 and 64 bit).
 *
 * The hypervisor needs the kernel to have been started in EL2/HYP mode
 * with EL2 left free: not taken by KVM and, on arm64, not kept by the
 * kernel itself (VHE). It also needs a GIC it knows and PSCI to take CPUs
 * offline for cells. User space cannot read the exception level, but the
 * kernel picks its timer interrupt by it (see el2_from_timer()); the rest
 * shows in the device tree and /dev.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "hardware.h"

#define DT_ROOT	"/proc/device-tree"

struct dt_scan {
	char gic[64];		/* first GIC compatible found */
	char gic_node[256];	/* its node */
	char timer_node[256];	/* the architected timer's node */
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
		if (!scan->timer_node[0] &&
		    (!strcmp(p, "arm,armv8-timer") ||
		     !strcmp(p, "arm,armv7-timer")))
			snprintf(scan->timer_node, sizeof(scan->timer_node),
				 "%s", node);
		for (n = 0; n < sizeof(gic_compatibles) /
				sizeof(gic_compatibles[0]); n++)
			if (!scan->gic[0] && !strcmp(p, gic_compatibles[n])) {
				snprintf(scan->gic, sizeof(scan->gic), "%s", p);
				snprintf(scan->gic_node,
					 sizeof(scan->gic_node), "%s", node);
			}
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

/*
 * Who has EL2 (HYP mode on 32-bit ARM).
 *
 * The timer tells it without depending on anything that can go away: at
 * boot the kernel picks the interrupt of the architected timer that it
 * can program from where it runs, and keeps it. A kernel in EL2 (VHE)
 * takes the EL2 timer ("hyp-phys", or "hyp-virt" on newer kernels); one
 * started in EL1 takes the virtual timer, because it cannot know whether
 * the physical one is left to it; one started in EL2 and moved to EL1
 * takes the EL1 physical timer ("phys" on arm64, "sec-phys" on 32-bit
 * ARM), as EL2 set it up for it. /proc/interrupts shows the GIC interrupt
 * ID of the "arch_timer" handler, and the device tree (or the ACPI GTDT)
 * which timer has that ID.
 *
 * The kernel log says the same ("detected: Virtualization Host
 * Extensions", "All CPU(s) started at EL2"), but it is a ring that long
 * running systems overwrite, so it is only asked when the timer says
 * nothing, and only a log that still starts with the boot counts as
 * proof that something was not logged.
 */
enum el2_seen {
	EL2_UNKNOWN,
	EL2_NEVER,	/* Linux was started in EL1: EL2 is out of reach */
	EL2_BELOW,	/* started in EL2, the kernel runs in EL1 */
	EL2_KERNEL,	/* the kernel runs in EL2 (VHE) */
};

#ifdef __aarch64__
#define EL1		"EL1"
#define EL2		"EL2"
#define TIMER_EL1	TIMER_PHYS
#define UNKNOWN_TEXT	"unknown: the timer interrupt does not show it and the kernel log lacks the boot messages; dmesg must say the CPUs started at EL2 and not detect Virtualization Host Extensions"
#else
#define EL1		"SVC mode"
#define EL2		"HYP mode"
#define TIMER_EL1	TIMER_SEC_PHYS
#define UNKNOWN_TEXT	"unknown: the timer interrupt does not show it and the kernel log lacks the boot messages; dmesg must say the CPUs started in HYP mode"
#endif

/* Also the sentences of a refused enable (hw_virt_taken()). */
#define VHE_TEXT	"the kernel itself runs in EL2 (VHE), where the hypervisor must run; boot it with id_aa64mmfr1.vh=0 kvm-arm.mode=none"
#define KVM_TEXT	"KVM is using EL2 (boot Linux with kvm-arm.mode=none)"
#define KVM_OFF_TEXT	"KVM is built in and not turned off (boot Linux with kvm-arm.mode=none)"

/* The timers in the order of the device tree binding, which names them
 * the same way in interrupt-names. */
enum timer_role {
	TIMER_SEC_PHYS,
	TIMER_PHYS,
	TIMER_VIRT,
	TIMER_HYP_PHYS,
	TIMER_HYP_VIRT,
	TIMER_ROLES,
};

static const char *const timer_names[TIMER_ROLES] = {
	"sec-phys", "phys", "virt", "hyp-phys", "hyp-virt",
};

/* A binary file (device tree property, ACPI table): bytes read, or -1. */
static long read_bytes(const char *path, unsigned char *buf, size_t size)
{
	FILE *f = fopen(jh_path(path), "rb");
	size_t len;

	if (!f)
		return -1;
	len = fread(buf, 1, size, f);
	fclose(f);
	return (long)len;
}

static uint32_t get_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint32_t get_le32(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | p[0];
}

static int timer_role_of(const char *name)
{
	int role;

	for (role = 0; role < TIMER_ROLES; role++)
		if (!strcmp(name, timer_names[role]))
			return role;
	return -1;
}

/* GIC interrupt IDs of the timers from the device tree; 0 stays where a
 * timer is not listed (ID 0 is an SGI, never a timer). */
static void dt_timer_ids(const struct dt_scan *scan, uint32_t *ids)
{
	unsigned char cells[128], names[160];
	const char *name = NULL;
	uint32_t ncells = 3;
	char path[300];
	long len, names_len, entries, n;
	int role;

	if (scan->gic_node[0]) {
		snprintf(path, sizeof(path), "%s/#interrupt-cells",
			 scan->gic_node);
		if (read_bytes(path, cells, 4) == 4)
			ncells = get_be32(cells);
	}
	if (ncells < 2 || ncells > 4)
		return;
	snprintf(path, sizeof(path), "%s/interrupts", scan->timer_node);
	len = read_bytes(path, cells, sizeof(cells));
	if (len <= 0 || len == (long)sizeof(cells) || len % (4 * ncells))
		return;
	entries = len / (4 * ncells);

	snprintf(path, sizeof(path), "%s/interrupt-names", scan->timer_node);
	names_len = read_bytes(path, names, sizeof(names) - 1);
	if (names_len > 0) {
		names[names_len] = '\0';
		name = (const char *)names;
	}
	for (n = 0; n < entries; n++) {
		const unsigned char *irq = cells + n * 4 * ncells;

		if (name) {
			if (name >= (const char *)names + names_len)
				break;
			role = timer_role_of(name);
			name += strlen(name) + 1;
		} else {
			role = n < TIMER_ROLES ? n : -1;
		}
		/* First cell 1: a PPI, numbered from ID 16. */
		if (role >= 0 && get_be32(irq) == 1)
			ids[role] = get_be32(irq + 4) + 16;
	}
}

/* The same from the ACPI GTDT: its GSIVs are GIC interrupt IDs. */
static void acpi_timer_ids(uint32_t *ids)
{
	unsigned char gtdt[104];
	long len;

	len = read_bytes("/sys/firmware/acpi/tables/GTDT", gtdt, sizeof(gtdt));
	if (len < 80 || memcmp(gtdt, "GTDT", 4))
		return;
	ids[TIMER_SEC_PHYS] = get_le32(gtdt + 48);
	ids[TIMER_PHYS] = get_le32(gtdt + 56);
	ids[TIMER_VIRT] = get_le32(gtdt + 64);
	ids[TIMER_HYP_PHYS] = get_le32(gtdt + 72);
	/* The EL2 virtual timer came with revision 3. */
	if (len == (long)sizeof(gtdt) && gtdt[8] >= 3)
		ids[TIMER_HYP_VIRT] = get_le32(gtdt + 96);
}

/* GIC interrupt ID of the "arch_timer" line of /proc/interrupts, or 0:
 * "<irq>: <counts> <chip> <ID> Level|Edge <handlers>". */
static uint32_t arch_timer_id(void)
{
	char *text = hw_read_text("/proc/interrupts");
	char *line, *next, *tok, *save, *prev, *id;
	uint32_t found = 0;
	size_t len;

	for (line = text; line && *line && !found; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		len = strlen(line);
		while (len && line[len - 1] == ' ')
			line[--len] = '\0';
		if (len < 11 || strcmp(line + len - 11, " arch_timer"))
			continue;
		prev = id = NULL;
		for (tok = strtok_r(line, " \t", &save); tok;
		     tok = strtok_r(NULL, " \t", &save)) {
			if (!strcmp(tok, "arch_timer"))
				break;
			if (!id && (!strcmp(tok, "Level") ||
				    !strcmp(tok, "Edge")))
				id = prev;
			prev = tok;
		}
		/* Kernels that do not print the trigger type end with the
		 * ID right before the handler. */
		if (!id)
			id = prev;
		if (id && strspn(id, "0123456789") == strlen(id))
			found = strtoul(id, NULL, 10);
	}
	free(text);
	return found;
}

static enum el2_seen el2_from_timer(const struct dt_scan *scan)
{
	uint32_t ids[TIMER_ROLES] = { 0 };
	uint32_t used = arch_timer_id();
	int role;

	if (!used)
		return EL2_UNKNOWN;
	if (scan->timer_node[0])
		dt_timer_ids(scan, ids);
	else
		acpi_timer_ids(ids);
	for (role = 0; role < TIMER_ROLES; role++)
		if (ids[role] == used)
			break;
#ifdef __aarch64__
	if (role == TIMER_HYP_PHYS || role == TIMER_HYP_VIRT)
		return EL2_KERNEL;
#endif
	if (role == TIMER_VIRT)
		return EL2_NEVER;
	/* Without a virtual timer the EL1 physical one is all there is. */
	if (role == TIMER_EL1 && ids[TIMER_VIRT])
		return EL2_BELOW;
	return EL2_UNKNOWN;
}

/*
 * The kernel log from /dev/kmsg (root only), or NULL. *whole is set when
 * it still holds the first record of the boot (sequence number 0). Each
 * read() returns one record; EPIPE says records were overwritten while
 * reading, and reading goes on with the oldest one left.
 */
static char *kernel_log(bool *whole)
{
	size_t size = 0, cap = 65536;
	char *text = malloc(cap), *bigger;
	unsigned long long seq;
	ssize_t got;
	int fd;

	*whole = false;
	if (!text)
		return NULL;
	fd = open(jh_path("/dev/kmsg"), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		free(text);
		return NULL;
	}
	for (;;) {
		/* A record is at most 8 KiB with its dictionary. */
		if (cap - size < 8192 + 1) {
			bigger = realloc(text, cap * 2);
			if (!bigger)
				break;
			text = bigger;
			cap *= 2;
		}
		got = read(fd, text + size, cap - size - 1);
		if (got > 0)
			size += got;
		else if (got < 0 && (errno == EPIPE || errno == EINTR))
			continue;
		else
			break;	/* EAGAIN: no more records; 0: end of file */
	}
	close(fd);
	text[size] = '\0';
	*whole = sscanf(text, "%*u,%llu,", &seq) == 1 && seq == 0;
	return text;
}

static enum el2_seen el2_from_log(void)
{
	enum el2_seen seen = EL2_UNKNOWN;
	bool whole;
	char *log = kernel_log(&whole);

	if (!log)
		return EL2_UNKNOWN;
	/* Only arm64 kernels log this line. */
	if (strstr(log, "detected: Virtualization Host Extensions"))
		seen = EL2_KERNEL;
	else if (!whole)
		seen = EL2_UNKNOWN;
	else if (strstr(log, "CPU(s) started at EL2") ||
		 strstr(log, "CPU(s) started in HYP mode"))
		seen = EL2_BELOW;
	else if (strstr(log, "CPU(s) started at EL1") ||
		 strstr(log, "CPU(s) started in SVC mode"))
		seen = EL2_NEVER;
	free(log);
	return seen;
}

static enum el2_seen find_el2(const struct dt_scan *scan)
{
	enum el2_seen seen = el2_from_timer(scan);

	return seen != EL2_UNKNOWN ? seen : el2_from_log();
}

#ifdef __aarch64__
/* The value of the last NAME=VALUE on the kernel command line, which is
 * the one that counts, or "" if there is none. */
static void cmdline_value(const char *name, char *value, size_t size)
{
	char *cmdline = hw_read_text("/proc/cmdline");
	size_t len = strlen(name);
	char *tok, *save;

	value[0] = '\0';
	if (!cmdline)
		return;
	for (tok = strtok_r(cmdline, " \t\n", &save); tok;
	     tok = strtok_r(NULL, " \t\n", &save))
		if (!strncmp(tok, name, len) && tok[len] == '=')
			snprintf(value, size, "%s", tok + len + 1);
	free(cmdline);
}

/*
 * The driver takes EL2 as KVM's unless the command line turned KVM off,
 * whether or not KVM got it: a kernel with KVM built in (it has
 * /sys/module/kvm) needs kvm-arm.mode=none.
 */
static bool kvm_not_off(void)
{
	char mode[32];

	cmdline_value("kvm-arm.mode", mode, sizeof(mode));
	return strcmp(mode, "none") && hw_exists("/sys/module/kvm");
}
#else
/* 32-bit ARM has no KVM since Linux 5.7. */
static bool kvm_not_off(void)
{
	return false;
}
#endif

static void check_el2(struct hw_report *r, const struct dt_scan *scan)
{
	const char *what = "EL2 / HYP mode";
	enum el2_seen seen = find_el2(scan);

	if (seen == EL2_KERNEL)
		hw_line(r, what, HW_MISSING, "%s", VHE_TEXT);
	else if (hw_exists("/dev/kvm"))
		hw_line(r, what, HW_MISSING, "%s", KVM_TEXT);
	else if (seen == EL2_NEVER)
		hw_line(r, what, HW_MISSING,
			"Linux was started in " EL1 ", which leaves " EL2 " out of reach (the boot loader must start it in " EL2 ")");
	else if (kvm_not_off())
		hw_line(r, what, HW_MISSING, "%s", KVM_OFF_TEXT);
	else if (seen == EL2_BELOW)
		hw_line(r, what, HW_OK,
			"Linux started in " EL2 " and runs in " EL1 ", KVM is off");
	else
		hw_line(r, what, HW_INFO, "%s", UNKNOWN_TEXT);
}

const char *hw_virt_taken(void)
{
	struct dt_scan scan = { .gic = "" };

	if (hw_exists(DT_ROOT))
		scan_nodes(DT_ROOT, 2, &scan);
	if (find_el2(&scan) == EL2_KERNEL)
		return VHE_TEXT;
	if (hw_exists("/dev/kvm"))
		return KVM_TEXT;
	if (kvm_not_off())
		return KVM_OFF_TEXT;
	return NULL;
}

/*
 * The GIC binding describes the virtualization extensions (GICH, GICV)
 * together with their maintenance interrupt: a GIC node without an
 * interrupts property has none the hypervisor could use.
 */
static void check_gic_virt(struct hw_report *r, const struct dt_scan *scan)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/interrupts", scan->gic_node);
	if (hw_exists(path))
		hw_line(r, "GIC virtualization", HW_OK,
			"maintenance interrupt in the device tree");
	else
		hw_line(r, "GIC virtualization", HW_MISSING,
			"the GIC node names no maintenance interrupt: no virtualization extensions described");
}

const char hw_mem_param[] = "mem=";

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
	if (hw_exists(DT_ROOT))
		scan_nodes(DT_ROOT, 2, &scan);
	check_el2(r, &scan);

	if (!hw_exists(DT_ROOT)) {
		hw_line(r, "device tree", HW_INFO,
			"none (ACPI machine?): GIC and PSCI not checked");
	} else {
		if (scan.gic[0]) {
			hw_line(r, "GIC", HW_OK, "%s", scan.gic);
			check_gic_virt(r, &scan);
		} else {
			hw_line(r, "GIC", HW_MISSING,
				"no GICv2/GICv3 in the device tree");
		}
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
