// SPDX-License-Identifier: GPL-2.0
/*
 * The ARM debug console's UART drivers (arm-common/uart_8250.c and
 * uart_pl011.c) against fake register windows: the 8250 with registers 1
 * byte apart (byte accesses) and 4 bytes apart (32-bit accesses, the
 * Allwinner DW-8250), the transmitter polled before each byte with a
 * bounded wait, the PL011 waiting while its FIFO is full.
 */
#include <string.h>

#include <jailhouse/console.h>
#include <arm-common/uart.h>

#include "unit.h"

#define LSR_THRE	0x20
#define PL011_FR_TXFF	0x20

static u8 regs[64] __attribute__((aligned(4)));

TEST(arm_uart_8250_byte_registers)
{
	memset(regs, 0, sizeof(regs));
	regs[5] = LSR_THRE;
	arm_uart_8250.putc(regs, 1, 'a');
	EXPECT_EQ(regs[0], 'a');
	for (unsigned int n = 1; n < sizeof(regs); n++)
		EXPECT_EQ(regs[n], n == 5 ? LSR_THRE : 0);
}

TEST(arm_uart_8250_dword_registers)
{
	u32 tx;

	/* Upper bytes set: a 32-bit store must clear them, a byte one not. */
	memset(regs, 0xee, sizeof(regs));
	memset(regs + 20, 0, 4);
	/* LSR is register 5, 20 bytes in. */
	regs[20] = LSR_THRE;
	arm_uart_8250.putc(regs, 4, 'x');
	memcpy(&tx, regs, 4);
	EXPECT_EQ(tx, 'x');
	EXPECT_EQ(regs[5], 0xee);
}

TEST(arm_uart_8250_gives_up_waiting_for_a_dead_uart)
{
	/* THRE never comes: the byte is written after a bounded wait. */
	memset(regs, 0, sizeof(regs));
	arm_uart_8250.putc(regs, 4, 'z');
	EXPECT_EQ(regs[0], 'z');
}

TEST(arm_uart_pl011_writes_dr)
{
	u32 dr;

	memset(regs, 0xee, sizeof(regs));
	memset(regs + 0x18, 0, 4);
	arm_uart_pl011.putc(regs, 4, 'p');
	memcpy(&dr, regs, 4);
	EXPECT_EQ(dr, 'p');
}

TEST(arm_uart_pl011_gives_up_on_a_full_fifo)
{
	u32 dr;

	memset(regs, 0, sizeof(regs));
	regs[0x18] = PL011_FR_TXFF;
	arm_uart_pl011.putc(regs, 4, 'q');
	memcpy(&dr, regs, 4);
	EXPECT_EQ(dr, 'q');
}

TEST(arm_uart_types_match_the_config)
{
	EXPECT_EQ(arm_uart_8250.type, JAILHOUSE_CON_TYPE_8250);
	EXPECT_EQ(arm_uart_pl011.type, JAILHOUSE_CON_TYPE_PL011);
}
