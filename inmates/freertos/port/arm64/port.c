// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Stockade FreeRTOS port, arm64: a new task's frame, interrupt masking
 * for ISRs, and the vectors (portASM.S). The shared part is
 * port/common/port-core.c.
 */
#include "port-lib.h"

#include "FreeRTOS.h"
#include "task.h"

#include "frame.h"
#include "port-arch.h"

/* DAIF's IRQ mask bit, as mrs daif reads it. */
#define DAIF_I		(1 << 7)

extern char port_vectors[];

/* What portASM.S takes for granted about the frame. */
_Static_assert(FRAME_SIZE % 16 == 0, "a frame must keep SP 16-byte aligned");
_Static_assert(FRAME_X(30) + 8 == FRAME_ELR, "x30 and ELR are one stp");
_Static_assert(FRAME_SPSR + 8 == FRAME_NESTING,
	       "SPSR and the nesting count are one stp");
_Static_assert(FRAME_NESTING + 8 == FRAME_SIZE, "the nesting count is last");

/* Returns the I bit as it was, for vPortClearInterruptMask(). */
UBaseType_t uxPortSetInterruptMask(void)
{
	UBaseType_t daif;

	asm volatile("mrs %0, daif" : "=r" (daif));
	portDISABLE_INTERRUPTS();
	return daif & DAIF_I;
}

void vPortClearInterruptMask(UBaseType_t mask)
{
	if (!(mask & DAIF_I))
		portENABLE_INTERRUPTS();
}

StackType_t *pxPortInitialiseStack(StackType_t *top, TaskFunction_t code,
				   void *params)
{
	StackType_t *frame = (StackType_t *)((uintptr_t)top & ~15UL) -
			     FRAME_WORDS;

	memset(frame, 0, FRAME_SIZE);
	frame[0] = (uintptr_t)params;
	frame[30] = (uintptr_t)port_task_returned;
	frame[FRAME_ELR / 8] = (uintptr_t)code;
	frame[FRAME_SPSR / 8] = FRAME_SPSR_TASK;
	frame[FRAME_NESTING / 8] = 0;
	return frame;
}

void port_arch_install_vectors(void)
{
	asm volatile("msr vbar_el1, %0; isb" : : "r" (port_vectors) : "memory");
}
