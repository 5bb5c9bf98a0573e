// SPDX-License-Identifier: GPL-2.0
/*
 * Debug output on the system config's debug console, a PL011 or an 8250
 * by MMIO (uart_*.c), picked by its type as the config says. The
 * hypervisor starts on boot tables that map only its own memory, so
 * output is held in a small buffer until arm_dbg_map() has mapped the
 * UART in the hypervisor's tables.
 */
#include <jailhouse/console.h>
#include <core/arch.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/string.h>
#include <arm-common/hv.h>
#include <arm-common/uart.h>

#define EARLY_BUF_SIZE		2048

static const struct arm_uart *const uarts[] = {
	&arm_uart_pl011,
	&arm_uart_8250,
};

static const struct arm_uart *uart;
static u64 uart_phys;
static unsigned int uart_stride;
static volatile u8 *uart_regs;
static char early_buf[EARLY_BUF_SIZE];
static size_t early_len;

void arch_dbg_init(const struct jailhouse_console *con)
{
	unsigned int n;

	uart = NULL;
	uart_regs = NULL;
	early_len = 0;
	if (!JAILHOUSE_CON_IS_MMIO(con->flags))
		return;
	for (n = 0; n < ARRAY_SIZE(uarts); n++)
		if (uarts[n]->type == con->type)
			uart = uarts[n];
	uart_phys = con->address;
	uart_stride = JAILHOUSE_CON_REG_STRIDE(con->flags);
}

static void uart_write(const char *s, size_t len)
{
	while (len--) {
		if (*s == '\n')
			uart->putc(uart_regs, uart_stride, '\r');
		uart->putc(uart_regs, uart_stride, *s++);
	}
}

void arch_dbg_write(const char *s, size_t len)
{
	size_t room;

	if (!uart)
		return;
	if (uart_regs) {
		uart_write(s, len);
		return;
	}
	room = EARLY_BUF_SIZE - early_len;
	len = MIN(len, room);
	memcpy(early_buf + early_len, s, len);
	early_len += len;
}

int arm_dbg_map(void)
{
	volatile u8 *page;

	if (!uart)
		return 0;
	page = hv_map_device(uart_phys & PAGE_MASK, PAGE_SIZE);
	if (!page)
		return -ENOMEM;
	uart_regs = page + (uart_phys & ~PAGE_MASK);
	uart_write(early_buf, early_len);
	early_len = 0;
	return 0;
}
