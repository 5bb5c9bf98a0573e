/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade / Jailhouse-compatible interface: debug console description and
 * the hypervisor's virtual console ring.
 */
#ifndef _JAILHOUSE_CONSOLE_H
#define _JAILHOUSE_CONSOLE_H

#include <jailhouse/types.h>

/* Console types (jailhouse_console.type). */
#define JAILHOUSE_CON_TYPE_NONE		0x0000
#define JAILHOUSE_CON_TYPE_EFIFB	0x0001
#define JAILHOUSE_CON_TYPE_8250		0x0002
#define JAILHOUSE_CON_TYPE_PL011	0x0003
#define JAILHOUSE_CON_TYPE_XUARTPS	0x0004
#define JAILHOUSE_CON_TYPE_MVEBU	0x0005
#define JAILHOUSE_CON_TYPE_HSCIF	0x0006
#define JAILHOUSE_CON_TYPE_SCIFA	0x0007
#define JAILHOUSE_CON_TYPE_IMX		0x0008
#define JAILHOUSE_CON_TYPE_IMX_LPUART	0x0009
#define JAILHOUSE_CON_TYPE_SCIF		0x000a

/* Console flags (jailhouse_console.flags). */
#define JAILHOUSE_CON_ACCESS_PIO	0x0000
#define JAILHOUSE_CON_ACCESS_MMIO	0x0001
#define JAILHOUSE_CON_REGDIST_1		0x0000
#define JAILHOUSE_CON_REGDIST_4		0x0002
#define JAILHOUSE_CON_FB_1024x768	0x0000
#define JAILHOUSE_CON_FB_1920x1080	0x0004
#define JAILHOUSE_CON_INVERTED_GATE	0x1000
#define JAILHOUSE_CON_MDR_QUIRK		0x2000

#define JAILHOUSE_CON_IS_MMIO(flags)	(!!((flags) & JAILHOUSE_CON_ACCESS_MMIO))
/* Registers 4 bytes apart (MMIO UARTs) instead of 1 (PC ports). */
#define JAILHOUSE_CON_REG_STRIDE(flags)	\
	(((flags) & JAILHOUSE_CON_REGDIST_4) ? 4 : 1)

/*
 * A console as named in configs (debug console of the system, console of a
 * cell). Packed, 32 bytes.
 */
struct jailhouse_console {
	__u64 address;		/* port number or physical MMIO address */
	__u32 size;		/* MMIO window size */
	__u16 type;		/* JAILHOUSE_CON_TYPE_* */
	__u16 flags;		/* JAILHOUSE_CON_* */
	__u32 divider;		/* UART clock divider, 0: leave as is */
	__u32 gate_nr;		/* clock gate bit, for gated UARTs */
	__u64 clock_reg;	/* clock gate register, 0: none */
} __attribute__((packed));

#define JAILHOUSE_VIRT_CONSOLE_SIZE	2048

/*
 * The hypervisor's console ring, at header.console_page of the image.
 * `tail` counts every byte ever written; the last
 * JAILHOUSE_VIRT_CONSOLE_SIZE of them are in `content`, byte n at
 * content[n % JAILHOUSE_VIRT_CONSOLE_SIZE]. Writers set `busy` while they
 * update the ring so that readers can retry instead of seeing a torn copy.
 */
struct jailhouse_virt_console {
	__u32 busy;
	__u32 tail;
	char content[JAILHOUSE_VIRT_CONSOLE_SIZE];
};

#endif /* !_JAILHOUSE_CONSOLE_H */
