// SPDX-License-Identifier: GPL-2.0
/*
 * 8250/16550 as the debug console, by MMIO: registers 1 byte apart (byte
 * accesses) or 4 bytes apart with 32-bit accesses, as the DesignWare
 * 8250 of the Allwinner SoCs (Banana Pi) wants them.
 */
#include <jailhouse/console.h>
#include <arm-common/uart.h>

#define UART_TX			0
#define UART_LSR		5
#define UART_LSR_THRE		0x20

static u8 reg_read(volatile u8 *regs, unsigned int stride, unsigned int reg)
{
	if (stride == 4)
		return *(volatile u32 *)(regs + 4 * reg);
	return regs[reg];
}

static void reg_write(volatile u8 *regs, unsigned int stride,
		      unsigned int reg, u8 value)
{
	if (stride == 4)
		*(volatile u32 *)(regs + 4 * reg) = value;
	else
		regs[reg] = value;
}

static void uart_8250_putc(volatile u8 *regs, unsigned int stride, char c)
{
	unsigned int spins = UART_TX_SPINS;

	while (!(reg_read(regs, stride, UART_LSR) & UART_LSR_THRE) && --spins)
		;
	reg_write(regs, stride, UART_TX, c);
}

const struct arm_uart arm_uart_8250 = {
	.type = JAILHOUSE_CON_TYPE_8250,
	.putc = uart_8250_putc,
};
