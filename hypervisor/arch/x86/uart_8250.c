// SPDX-License-Identifier: GPL-2.0
/*
 * Debug output on a PC 8250/16550 UART reached by port I/O. Linux already
 * programmed the line settings for its own console on that port, so the
 * hypervisor only writes bytes; MMIO UARTs come with the hypervisor's own
 * page tables.
 */
#include <jailhouse/console.h>
#include <core/arch.h>
#include <x86/io.h>

#define UART_TX		0
#define UART_LSR	5
#define UART_LSR_THRE	0x20

/* Bounded wait, so that a missing UART cannot hang the hypervisor. */
#define UART_TX_SPINS	100000

static u16 uart_port;

void arch_dbg_init(const struct jailhouse_console *con)
{
	uart_port = 0;
	if (con->type == JAILHOUSE_CON_TYPE_8250 &&
	    !JAILHOUSE_CON_IS_MMIO(con->flags))
		uart_port = (u16)con->address;
}

static void uart_putc(char c)
{
	unsigned int spins = UART_TX_SPINS;

	while (!(inb(uart_port + UART_LSR) & UART_LSR_THRE) && --spins)
		asm volatile("pause");
	outb(c, uart_port + UART_TX);
}

void arch_dbg_write(const char *s, size_t len)
{
	if (!uart_port)
		return;
	while (len--) {
		if (*s == '\n')
			uart_putc('\r');
		uart_putc(*s++);
	}
}
