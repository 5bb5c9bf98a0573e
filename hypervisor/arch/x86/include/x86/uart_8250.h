/* SPDX-License-Identifier: GPL-2.0 */
/* The 8250 debug console driver, apart from the arch hooks (host tests). */
#ifndef _X86_UART_8250_H
#define _X86_UART_8250_H

#include <core/types.h>

struct jailhouse_console;

/*
 * Use the UART con describes; an MMIO one is reached at virt. Consoles
 * of other types make uart_8250_write a no-op.
 */
void uart_8250_init(const struct jailhouse_console *con, unsigned long virt);
void uart_8250_write(const char *s, size_t len);

#endif /* _X86_UART_8250_H */
