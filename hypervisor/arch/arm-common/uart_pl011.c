// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PL011 as the debug console: 32-bit registers at fixed offsets.
 */
#include <jailhouse/console.h>
#include <arm-common/uart.h>

#define PL011_DR		0x00
#define PL011_FR		0x18
#define PL011_FR_TXFF		(1U << 5)

static void pl011_putc(volatile u8 *regs, unsigned int stride, char c)
{
	volatile u32 *fr = (volatile u32 *)(regs + PL011_FR);
	unsigned int spins = UART_TX_SPINS;

	(void)stride;
	while ((*fr & PL011_FR_TXFF) && --spins)
		;
	*(volatile u32 *)(regs + PL011_DR) = (u8)c;
}

const struct arm_uart arm_uart_pl011 = {
	.type = JAILHOUSE_CON_TYPE_PL011,
	.putc = pl011_putc,
};
