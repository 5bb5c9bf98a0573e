/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * A suspended arm64 task's frame, at the top of its stack and pointed to
 * by its TCB's first word: x0..x30, where it resumes (ELR_EL1), its
 * PSTATE (SPSR_EL1: EL1h and its interrupt mask) and its critical-section
 * nesting. 16-byte multiple, so SP stays aligned.
 */
#ifndef _FREERTOS_PORT_FRAME_H
#define _FREERTOS_PORT_FRAME_H

#define FRAME_X(n)		((n) * 8)
#define FRAME_ELR		(31 * 8)
#define FRAME_SPSR		(32 * 8)
#define FRAME_NESTING		(33 * 8)
#define FRAME_SIZE		(34 * 8)
#define FRAME_WORDS		34

/* EL1 with SP_EL1, IRQs unmasked, FIQ, SError and debug masked. */
#define FRAME_SPSR_TASK		0x345

#endif /* !_FREERTOS_PORT_FRAME_H */
