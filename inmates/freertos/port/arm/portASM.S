/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade FreeRTOS port, ARMv7-A: exception vectors and task switching.
 *
 * xPortStartScheduler() points VBAR here. Tasks run in System mode. An
 * IRQ (taken in IRQ mode) or the SVC of portYIELD (taken in SVC mode)
 * stores the task's return address and CPSR onto the task's own stack
 * with SRS, switches to System mode, where the task's SP and LR are, and
 * pushes the rest of the frame (frame.h); its SP goes into its TCB. The
 * IRQ path then dispatches through the inmate library's GIC front end
 * (arch_handle_irq) and switches tasks if an ISR asked for it; SVC always
 * switches. Both restore whichever task pxCurrentTCB names with RFE.
 * Interrupts stay masked throughout: no nesting, one frame per task.
 */
#include "frame.h"

	.syntax	unified
	.arm

/* Called in System mode after SRS: the rest of the frame, SP into the TCB. */
.macro	save_frame
	push	{r0-r12, lr}
	ldr	r0, =port_critical_nesting
	ldr	r0, [r0]
	sub	sp, sp, #8
	str	r0, [sp, #FRAME_NESTING]
	ldr	r0, =pxCurrentTCB
	ldr	r0, [r0]
	str	sp, [r0]
	/* C wants 8-byte alignment; SP comes back from the TCB anyway. */
	bic	sp, sp, #7
.endm

.macro	restore_frame_and_return
	ldr	r0, =pxCurrentTCB
	ldr	r0, [r0]
	ldr	sp, [r0]
	ldr	r0, [sp, #FRAME_NESTING]
	ldr	r1, =port_critical_nesting
	str	r0, [r1]
	add	sp, sp, #8
	pop	{r0-r12, lr}
	rfeia	sp!
.endm

	.text
	.balign	32
	.globl	port_vectors
port_vectors:
	b	port_fatal_reset
	b	port_fatal_undef
	b	port_svc_entry
	b	port_fatal_pabt
	b	port_fatal_dabt
	b	port_fatal_unused
	b	port_irq_entry
	b	port_fatal_fiq

port_svc_entry:
	srsdb	sp!, #MODE_SYS
	cps	#MODE_SYS
	save_frame
	bl	vTaskSwitchContext
	restore_frame_and_return

port_irq_entry:
	sub	lr, lr, #4
	srsdb	sp!, #MODE_SYS
	cps	#MODE_SYS
	save_frame
	bl	arch_handle_irq
	ldr	r0, =port_yield_pending
	ldr	r1, [r0]
	cmp	r1, #0
	beq	1f
	mov	r1, #0
	str	r1, [r0]
	bl	vTaskSwitchContext
1:	restore_frame_and_return

/*
 * r0: vector number, r1: return address, r2: SPSR; on the SVC-mode stack
 * start-up left, since no other exception mode has one. Never returns.
 */
.macro	fatal n
	mov	r0, #\n
	mov	r1, lr
	mrs	r2, spsr
	cps	#MODE_SVC
	b	port_fatal
.endm
port_fatal_reset:	fatal 0
port_fatal_undef:	fatal 1
port_fatal_pabt:	fatal 3
port_fatal_dabt:	fatal 4
port_fatal_unused:	fatal 5
port_fatal_fiq:		fatal 7

/* From xPortStartScheduler() with interrupts masked; never returns. */
	.globl	port_start_first_task
	.type	port_start_first_task, %function
port_start_first_task:
	cps	#MODE_SYS
	restore_frame_and_return
	.size	port_start_first_task, . - port_start_first_task
	.ltorg
