/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade FreeRTOS port, arm64: exception vectors and task switching.
 *
 * xPortStartScheduler() points VBAR_EL1 here. Two exceptions switch
 * tasks, both taken at EL1 on the running task's stack (SP_EL1):
 *  - SVC #0 (portYIELD): save the task's frame, let the kernel pick the
 *    next task, restore that one's frame;
 *  - IRQ: save the frame, dispatch through the inmate library's GIC
 *    front end (arch_handle_irq, which acknowledges and ends each
 *    interrupt and calls the port's handler), switch tasks if an ISR asked
 *    for it (port_yield_pending), restore.
 * Anything else is reported by the library (arch_unhandled_exception) and
 * stops the CPU. Interrupts stay masked while an exception is handled:
 * there is no nesting, so one frame per task is all there is.
 */
#include "frame.h"

#define ESR_EC_SHIFT	26
#define ESR_EC_SVC64	0x15

/* Frame of the running task onto its stack; its SP into its TCB. */
.macro	save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #FRAME_X(0)]
	stp	x2, x3, [sp, #FRAME_X(2)]
	stp	x4, x5, [sp, #FRAME_X(4)]
	stp	x6, x7, [sp, #FRAME_X(6)]
	stp	x8, x9, [sp, #FRAME_X(8)]
	stp	x10, x11, [sp, #FRAME_X(10)]
	stp	x12, x13, [sp, #FRAME_X(12)]
	stp	x14, x15, [sp, #FRAME_X(14)]
	stp	x16, x17, [sp, #FRAME_X(16)]
	stp	x18, x19, [sp, #FRAME_X(18)]
	stp	x20, x21, [sp, #FRAME_X(20)]
	stp	x22, x23, [sp, #FRAME_X(22)]
	stp	x24, x25, [sp, #FRAME_X(24)]
	stp	x26, x27, [sp, #FRAME_X(26)]
	stp	x28, x29, [sp, #FRAME_X(28)]
	mrs	x0, elr_el1
	stp	x30, x0, [sp, #FRAME_X(30)]
	mrs	x0, spsr_el1
	ldr	x1, =port_critical_nesting
	ldr	x1, [x1]
	stp	x0, x1, [sp, #FRAME_SPSR]
	ldr	x0, =pxCurrentTCB
	ldr	x0, [x0]
	mov	x1, sp
	str	x1, [x0]
.endm

/* The frame of whatever task pxCurrentTCB names now, and into it. */
.macro	restore_frame_and_return
	ldr	x0, =pxCurrentTCB
	ldr	x0, [x0]
	ldr	x1, [x0]
	mov	sp, x1
	ldp	x0, x1, [sp, #FRAME_SPSR]
	msr	spsr_el1, x0
	ldr	x2, =port_critical_nesting
	str	x1, [x2]
	ldp	x30, x0, [sp, #FRAME_X(30)]
	msr	elr_el1, x0
	ldp	x0, x1, [sp, #FRAME_X(0)]
	ldp	x2, x3, [sp, #FRAME_X(2)]
	ldp	x4, x5, [sp, #FRAME_X(4)]
	ldp	x6, x7, [sp, #FRAME_X(6)]
	ldp	x8, x9, [sp, #FRAME_X(8)]
	ldp	x10, x11, [sp, #FRAME_X(10)]
	ldp	x12, x13, [sp, #FRAME_X(12)]
	ldp	x14, x15, [sp, #FRAME_X(14)]
	ldp	x16, x17, [sp, #FRAME_X(16)]
	ldp	x18, x19, [sp, #FRAME_X(18)]
	ldp	x20, x21, [sp, #FRAME_X(20)]
	ldp	x22, x23, [sp, #FRAME_X(22)]
	ldp	x24, x25, [sp, #FRAME_X(24)]
	ldp	x26, x27, [sp, #FRAME_X(26)]
	ldp	x28, x29, [sp, #FRAME_X(28)]
	add	sp, sp, #FRAME_SIZE
	eret
.endm

	.text
	.balign	2048
	.globl	port_vectors
port_vectors:
	.set	idx, 0
	.rept	16
	.balign	0x80
	.if	idx == 4		/* current EL, SP_ELx, synchronous */
	b	port_sync_entry
	.elseif	idx == 5		/* current EL, SP_ELx, IRQ */
	b	port_irq_entry
	.else
	mov	x0, #idx
	b	port_fatal
	.endif
	.set	idx, idx + 1
	.endr

port_sync_entry:
	save_frame
	mrs	x1, esr_el1
	lsr	x2, x1, #ESR_EC_SHIFT
	cmp	x2, #ESR_EC_SVC64
	b.ne	1f
	bl	vTaskSwitchContext
	restore_frame_and_return
1:	mov	x0, #4
	b	port_fatal

port_irq_entry:
	save_frame
	bl	arch_handle_irq
	ldr	x0, =port_yield_pending
	ldr	x1, [x0]
	cbz	x1, 1f
	str	xzr, [x0]
	bl	vTaskSwitchContext
1:	restore_frame_and_return

/* x0: vector index. Never returns. */
port_fatal:
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	bl	arch_unhandled_exception
1:	wfi
	b	1b

/* From xPortStartScheduler() with interrupts masked; never returns. */
	.globl	port_start_first_task
	.type	port_start_first_task, %function
port_start_first_task:
	restore_frame_and_return
	.size	port_start_first_task, . - port_start_first_task
	.ltorg
