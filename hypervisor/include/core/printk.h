/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypervisor messages. printk() formats one message and hands it to every
 * console: the arch debug UART (arch_dbg_write) and, when the system
 * config asks for it, the virtual console ring that the driver streams to
 * /dev/jailhouse readers.
 *
 * Conversions: %d %i %u %x %X %p %s %c %%, flags '-' and '0', a width
 * (digits or *), a precision for %s, length modifiers hh h l ll z.
 */
#ifndef _CORE_PRINTK_H
#define _CORE_PRINTK_H

#include <core/types.h>

struct jailhouse_virt_console;

/* Longer messages are cut. */
#define PRINTK_MAX	256

/*
 * Like vsnprintf: always terminates a non-empty buffer and returns the
 * length the whole output would have had.
 */
int vsnprintk(char *buf, size_t size, const char *fmt, va_list ap);
int snprintk(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);

/* The ring at header.console_page, and whether printk fills it. */
extern struct jailhouse_virt_console virt_console;
extern bool virt_console_enabled;

/* Append len bytes to a ring, bracketed by its busy flag. */
void virt_console_write(struct jailhouse_virt_console *con, const char *s,
			size_t len);

#endif /* _CORE_PRINTK_H */
