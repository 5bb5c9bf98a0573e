// SPDX-License-Identifier: GPL-2.0
/*
 * The 8250 debug console by MMIO (x86/uart_8250.c) against a fake register
 * window: register spacing 1 (byte accesses) and 4 (32-bit accesses), the
 * line status polled before each byte, CR before LF.
 */
#include <string.h>

#include <jailhouse/console.h>
#include <x86/uart_8250.h>

#include "unit.h"

#define LSR_THRE	0x20

static u8 regs[64] __attribute__((aligned(4)));

static void setup(u16 flags)
{
	struct jailhouse_console con = {
		.address = 0xfe000000,
		.size = 0x1000,
		.type = JAILHOUSE_CON_TYPE_8250,
		.flags = JAILHOUSE_CON_ACCESS_MMIO | flags,
	};

	memset(regs, 0, sizeof(regs));
	uart_8250_init(&con, (unsigned long)regs);
}

TEST(uart_8250_mmio_byte_registers)
{
	setup(JAILHOUSE_CON_REGDIST_1);
	regs[5] = LSR_THRE;
	uart_8250_write("ab", 2);
	EXPECT_EQ(regs[0], 'b');
	uart_8250_write("\n", 1);
	EXPECT_EQ(regs[0], '\n');
	/* Nothing but the transmit register was written. */
	for (unsigned int n = 1; n < sizeof(regs); n++)
		EXPECT_EQ(regs[n], n == 5 ? LSR_THRE : 0);
}

TEST(uart_8250_mmio_dword_registers)
{
	u32 tx;

	setup(JAILHOUSE_CON_REGDIST_4);
	/* LSR is register 5, 20 bytes in. */
	regs[20] = LSR_THRE;
	uart_8250_write("x", 1);
	memcpy(&tx, regs, 4);
	EXPECT_EQ(tx, 'x');
	for (unsigned int n = 4; n < sizeof(regs); n++)
		EXPECT_EQ(regs[n], n == 20 ? LSR_THRE : 0);
}

TEST(uart_8250_gives_up_waiting_for_a_dead_uart)
{
	/* THRE never comes: the byte is written after a bounded wait. */
	setup(JAILHOUSE_CON_REGDIST_1);
	uart_8250_write("z", 1);
	EXPECT_EQ(regs[0], 'z');
}

TEST(uart_8250_other_consoles_are_silent)
{
	struct jailhouse_console con = {
		.type = JAILHOUSE_CON_TYPE_PL011,
		.flags = JAILHOUSE_CON_ACCESS_MMIO,
	};

	memset(regs, 0, sizeof(regs));
	uart_8250_init(&con, (unsigned long)regs);
	uart_8250_write("q", 1);
	EXPECT_EQ(regs[0], 0);
}
