// SPDX-License-Identifier: GPL-2.0
/*
 * Debug output on an ARM PL011 UART. The hypervisor starts on boot tables
 * that map only its own memory, so output is held in a small buffer until
 * arm_dbg_map() has mapped the UART in the hypervisor's tables. Linux set
 * the line up for its console already; only bytes are written here.
 */
#include <jailhouse/console.h>
#include <core/arch.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/string.h>
#include <arm-common/hv.h>

#define PL011_DR		0x00
#define PL011_FR		0x18
#define PL011_FR_TXFF		BIT(5)

/* Bounded wait, so that a stuck UART cannot hang the hypervisor. */
#define UART_TX_SPINS		100000

#define EARLY_BUF_SIZE		2048

static u64 uart_phys;
static volatile u32 *uart;
static char early_buf[EARLY_BUF_SIZE];
static size_t early_len;

void arch_dbg_init(const struct jailhouse_console *con)
{
	uart = NULL;
	uart_phys = 0;
	early_len = 0;
	if (con->type == JAILHOUSE_CON_TYPE_PL011 &&
	    JAILHOUSE_CON_IS_MMIO(con->flags))
		uart_phys = con->address;
}

static void uart_putc(char c)
{
	unsigned int spins = UART_TX_SPINS;

	while ((uart[PL011_FR / 4] & PL011_FR_TXFF) && --spins)
		;
	uart[PL011_DR / 4] = (u8)c;
}

static void uart_write(const char *s, size_t len)
{
	while (len--) {
		if (*s == '\n')
			uart_putc('\r');
		uart_putc(*s++);
	}
}

void arch_dbg_write(const char *s, size_t len)
{
	size_t room;

	if (!uart_phys)
		return;
	if (uart) {
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
	volatile u32 *regs;

	if (!uart_phys)
		return 0;
	regs = hv_map_device(uart_phys & PAGE_MASK, PAGE_SIZE);
	if (!regs)
		return -ENOMEM;
	uart = regs + (uart_phys & ~PAGE_MASK) / 4;
	uart_write(early_buf, early_len);
	early_len = 0;
	return 0;
}
