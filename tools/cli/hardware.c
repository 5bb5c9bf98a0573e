// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: hardware check, the report format and the
 * helpers the architecture checks share.
 *
 * Only what Linux shows to user space is judged: CPU flags, sysfs, ACPI
 * tables, the device tree, /proc/interrupts, and the kernel log where it
 * still holds the boot. What none of them shows is reported as unknown,
 * so that the report never claims more than it saw.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "hardware.h"

static const char *const verdict_word[] = {
	[HW_OK] = "ok",
	[HW_INFO] = "note",
	[HW_WARN] = "warning",
	[HW_MISSING] = "MISSING",
};

void hw_line(struct hw_report *report, const char *what,
	     enum hw_verdict verdict, const char *fmt, ...)
{
	char text[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);

	printf("  %-26s %-8s %s\n", what, verdict_word[verdict], text);
	if (verdict == HW_MISSING && report->missing++ == 0)
		snprintf(report->first_reason, sizeof(report->first_reason),
			 "%s", text);
}

bool hw_exists(const char *path)
{
	return access(jh_path(path), F_OK) == 0;
}

/* The whole of a small text file (procfs, sysfs), NUL-terminated, or NULL.
 * procfs reports size 0, so the file is read until its end. */
char *hw_read_text(const char *path)
{
	size_t size = 0, cap = 16384;
	char *text = malloc(cap), *bigger;
	ssize_t got;
	int fd;

	if (!text)
		return NULL;
	fd = open(jh_path(path), O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		free(text);
		return NULL;
	}
	while ((got = read(fd, text + size, cap - size - 1)) > 0) {
		size += got;
		if (size + 1 == cap) {
			bigger = realloc(text, cap * 2);
			if (!bigger)
				break;
			text = bigger;
			cap *= 2;
		}
	}
	close(fd);
	text[size] = '\0';
	return text;
}

/* Is `word` one of the blank-separated words of `list`? */
bool hw_has_word(const char *list, const char *word)
{
	size_t len = strlen(word);
	const char *p = list;

	while ((p = strstr(p, word))) {
		bool starts = p == list || p[-1] == ' ' || p[-1] == '\t';
		char after = p[len];

		if (starts && (after == '\0' || after == ' ' || after == '\t' ||
			       after == '\n'))
			return true;
		p += len;
	}
	return false;
}

/* Entries of a directory other than . and .., or -1 if it is missing. */
int hw_count_entries(const char *dir)
{
	struct dirent *entry;
	int count = 0;
	DIR *d;

	d = opendir(jh_path(dir));
	if (!d)
		return -1;
	while ((entry = readdir(d)))
		if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, ".."))
			count++;
	closedir(d);
	return count;
}

static int hardware_check(int argc, char **argv)
{
	struct hw_report report = { 0 };
	int ret;

	if (argc > 1)
		return jh_is_option(argv[1]) ?
			jh_usage("unknown option '%s'", argv[1]) :
			jh_usage("too many arguments");

	ret = hw_check_arch(&report);
	fflush(stdout);
	if (ret)
		return ret;
	if (report.missing > 1)
		return jh_fail("enable cannot work: %s (and %d more problem%s above)",
			       report.first_reason, report.missing - 1,
			       report.missing > 2 ? "s" : "");
	if (report.missing)
		return jh_fail("enable cannot work: %s", report.first_reason);
	printf("Nothing found that would keep 'jailhouse enable' from working.\n");
	return EXIT_OK;
}

const struct jh_command jh_hardware_commands[] = {
	{
		.name = "check",
		.summary = "Check whether this machine can run the hypervisor",
		.details =
"Looks at what Linux shows of the CPU (virtualization extensions,\n"
"nested paging), KVM, IOMMUs and, on ARM, who holds EL2 and the device\n"
"tree. Exit status 1 when 'jailhouse enable' cannot work here.",
		.run = hardware_check,
	},
	{ .name = NULL },
};
