// SPDX-License-Identifier: GPL-2.0
/*
 * Debug output on an 8250/16550 UART, reached by port I/O (PC COM ports)
 * or by MMIO with registers 1 or 4 bytes apart (byte or 32-bit accesses).
 * Linux already programmed the line settings for its own console on that
 * UART, so only bytes are written here.
 *
 * Where an MMIO UART is mapped is the caller's business (dbg.c).
 */
#include <jailhouse/console.h>
#include <x86/io.h>
#include <x86/uart_8250.h>

#define UART_TX		0
#define UART_LSR	5
#define UART_LSR_THRE	0x20

/* Bounded wait, so that a missing UART cannot hang the hypervisor. */
#define UART_TX_SPINS	100000

static u16 uart_port;
static volatile u8 *uart_mmio;
static unsigned int uart_stride;

void uart_8250_init(const struct jailhouse_console *con, unsigned long virt)
{
	uart_port = 0;
	uart_mmio = NULL;
	if (con->type != JAILHOUSE_CON_TYPE_8250)
		return;
	if (!JAILHOUSE_CON_IS_MMIO(con->flags)) {
		uart_port = (u16)con->address;
		return;
	}
	uart_stride = JAILHOUSE_CON_REG_STRIDE(con->flags);
	uart_mmio = (volatile u8 *)virt;
}

static u8 uart_read(unsigned int reg)
{
	if (!uart_mmio)
		return inb(uart_port + reg);
	/* 4-byte spaced registers want 32-bit accesses. */
	if (uart_stride == 4)
		return *(volatile u32 *)(uart_mmio + 4 * reg);
	return uart_mmio[reg];
}

static void uart_write(unsigned int reg, u8 value)
{
	if (!uart_mmio)
		outb(value, uart_port + reg);
	else if (uart_stride == 4)
		*(volatile u32 *)(uart_mmio + 4 * reg) = value;
	else
		uart_mmio[reg] = value;
}

static void uart_putc(char c)
{
	unsigned int spins = UART_TX_SPINS;

	while (!(uart_read(UART_LSR) & UART_LSR_THRE) && --spins)
		asm volatile("pause");
	uart_write(UART_TX, c);
}

void uart_8250_write(const char *s, size_t len)
{
	if (!uart_port && !uart_mmio)
		return;
	while (len--) {
		if (*s == '\n')
			uart_putc('\r');
		uart_putc(*s++);
	}
}
