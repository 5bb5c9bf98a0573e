// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * ARM PL011 UART, output only, polled. In a cell it is usually shared
 * with the root cell, which has set it up already: only switch it on if
 * it is off, and reprogram the baud rate only if a divider is given.
 */
#include <inmate.h>

#define PL011_DR	0x00
#define PL011_FR	0x18
#define PL011_IBRD	0x24
#define PL011_FBRD	0x28
#define PL011_LCR_H	0x2c
#define PL011_CR	0x30

#define PL011_FR_TXFF	(1 << 5)
#define PL011_LCR_8N1	(3 << 5)
#define PL011_LCR_FEN	(1 << 4)
#define PL011_CR_EN	(1 << 0)
#define PL011_CR_TXE	(1 << 8)
#define PL011_CR_RXE	(1 << 9)

void uart_pl011_init(unsigned long base, __u16 flags, __u32 divider)
{
	(void)flags;
	if (!divider && (mmio_read32(base + PL011_CR) & PL011_CR_EN))
		return;
	mmio_write32(base + PL011_CR, 0);
	if (divider) {
		/* divider is 64 * UARTCLK / (16 * baud): integer.fraction6 */
		mmio_write32(base + PL011_IBRD, divider >> 6);
		mmio_write32(base + PL011_FBRD, divider & 0x3f);
	}
	mmio_write32(base + PL011_LCR_H, PL011_LCR_8N1 | PL011_LCR_FEN);
	mmio_write32(base + PL011_CR, PL011_CR_EN | PL011_CR_TXE |
		     PL011_CR_RXE);
}

void uart_pl011_putc(unsigned long base, __u16 flags, char c)
{
	(void)flags;
	while (mmio_read32(base + PL011_FR) & PL011_FR_TXFF)
		cpu_relax();
	mmio_write32(base + PL011_DR, (__u8)c);
}
