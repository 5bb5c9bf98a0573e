/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stockade `jailhouse` tool: shared parts of `hardware check`; each
 * architecture's file supplies hw_check_arch().
 */
#ifndef _JAILHOUSE_CLI_HARDWARE_H
#define _JAILHOUSE_CLI_HARDWARE_H

#include <stdbool.h>

enum hw_verdict {
	HW_OK,		/* present */
	HW_INFO,	/* worth knowing, changes nothing */
	HW_WARN,	/* enable works, but something is lost */
	HW_MISSING,	/* enable cannot work */
};

struct hw_report {
	int missing;
	char first_reason[256];
};

void hw_line(struct hw_report *report, const char *what,
	     enum hw_verdict verdict, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
bool hw_exists(const char *path);
char *hw_read_text(const char *path);
bool hw_has_word(const char *list, const char *word);
int hw_count_entries(const char *dir);

/* Returns EXIT_OK, or EXIT_FAIL after printing why nothing could be
 * checked at all. */
int hw_check_arch(struct hw_report *report);

/*
 * For a refused enable: what holds the CPU's virtualization extensions
 * (KVM, or on arm64 a kernel in EL2), as a sentence with its remedy and
 * without the final period, or NULL where Linux shows nothing holding
 * them.
 */
const char *hw_virt_taken(void);

/* The kernel parameter that keeps the hypervisor memory from Linux. */
extern const char hw_mem_param[];

#endif /* !_JAILHOUSE_CLI_HARDWARE_H */
