/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * A suspended ARMv7 task's frame, at the top of its stack and pointed to
 * by its TCB's first word, lowest address first: its critical-section
 * nesting, a pad word (the frame is 8-byte multiple so SP keeps its
 * alignment), r0..r12, its LR, where it resumes (PC) and its CPSR. The
 * last two are what SRS stores and RFE loads.
 */
#ifndef _FREERTOS_PORT_FRAME_H
#define _FREERTOS_PORT_FRAME_H

#define FRAME_NESTING		0
#define FRAME_R(n)		(8 + (n) * 4)
#define FRAME_LR		FRAME_R(13)
#define FRAME_PC		FRAME_R(14)
#define FRAME_CPSR		FRAME_R(15)
#define FRAME_SIZE		FRAME_R(16)
#define FRAME_WORDS		(FRAME_SIZE / 4)

#define MODE_SVC		0x13
#define MODE_SYS		0x1f
/* System mode, ARM state, IRQs on, FIQs and asynchronous aborts off. */
#define FRAME_CPSR_TASK		(MODE_SYS | 0x40 | 0x100)
#define CPSR_I			0x80
#define CPSR_T			0x20

#endif /* !_FREERTOS_PORT_FRAME_H */
