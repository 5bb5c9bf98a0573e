/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UART drivers of the ARM debug console (dbg_console.c): one byte out,
 * after a bounded wait for room, so that a stuck UART cannot hang the
 * hypervisor. Linux set the line up for its console already.
 */
#ifndef _ARM_COMMON_UART_H
#define _ARM_COMMON_UART_H

#include <core/types.h>

/* Bounded wait for room in the transmitter. */
#define UART_TX_SPINS		100000

struct arm_uart {
	/* JAILHOUSE_CON_TYPE_* of the system config's debug console */
	u16 type;
	/* regs: the UART's registers; stride: 1 or 4 bytes between them */
	void (*putc)(volatile u8 *regs, unsigned int stride, char c);
};

extern const struct arm_uart arm_uart_pl011, arm_uart_8250;

#endif /* !_ARM_COMMON_UART_H */
