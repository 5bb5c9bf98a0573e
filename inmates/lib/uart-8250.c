// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * 8250/16550 UART, output only, polled. Register access (port I/O or MMIO
 * with 1- or 4-byte stride) comes from the architecture's
 * uart_reg_read/uart_reg_write.
 */
#include <inmate.h>

#define UART_TX		0
#define UART_DLL	0
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_LSR	5
#define UART_LCR_8N1	0x03
#define UART_LCR_DLAB	0x80
#define UART_LSR_THRE	0x20

void uart_8250_init(unsigned long base, __u16 flags, __u32 divider)
{
	/* Divider 0 keeps what the root cell or firmware set up. */
	if (divider) {
		uart_reg_write(base, flags, UART_LCR, UART_LCR_DLAB);
		uart_reg_write(base, flags, UART_DLL, divider & 0xff);
		uart_reg_write(base, flags, UART_DLM, (divider >> 8) & 0xff);
	}
	uart_reg_write(base, flags, UART_LCR, UART_LCR_8N1);
	/* Polled output: no interrupts, FIFOs off so THRE means "empty". */
	uart_reg_write(base, flags, UART_IER, 0);
	uart_reg_write(base, flags, UART_FCR, 0);
}

void uart_8250_putc(unsigned long base, __u16 flags, char c)
{
	while (!(uart_reg_read(base, flags, UART_LSR) & UART_LSR_THRE))
		cpu_relax();
	uart_reg_write(base, flags, UART_TX, c);
}
