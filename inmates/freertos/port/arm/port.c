// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Stockade FreeRTOS port, ARMv7-A: a new task's frame, interrupt masking
 * for ISRs, the vectors (portASM.S) and the report of an unexpected
 * exception. The shared part is port/common/port-core.c.
 */
#include "port-lib.h"

#include "FreeRTOS.h"
#include "task.h"

#include "frame.h"
#include "port-arch.h"

extern char port_vectors[];

/* What portASM.S takes for granted about the frame. */
_Static_assert(FRAME_SIZE % 8 == 0, "a frame must keep SP 8-byte aligned");
_Static_assert(FRAME_R(0) == FRAME_NESTING + 8,
	       "push {r0-r12, lr} lands right above nesting and pad");
_Static_assert(FRAME_PC + 4 == FRAME_CPSR && FRAME_CPSR + 4 == FRAME_SIZE,
	       "SRS stores return address and CPSR at the frame's top");
void port_fatal(unsigned int vector, unsigned long lr, unsigned long spsr)
	__attribute__((noreturn));

/* Returns the I bit as it was, for vPortClearInterruptMask(). */
UBaseType_t uxPortSetInterruptMask(void)
{
	UBaseType_t cpsr;

	asm volatile("mrs %0, cpsr" : "=r" (cpsr));
	portDISABLE_INTERRUPTS();
	return cpsr & CPSR_I;
}

void vPortClearInterruptMask(UBaseType_t mask)
{
	if (!(mask & CPSR_I))
		portENABLE_INTERRUPTS();
}

StackType_t *pxPortInitialiseStack(StackType_t *top, TaskFunction_t code,
				   void *params)
{
	StackType_t *frame = (StackType_t *)((uintptr_t)top & ~7UL) -
			     FRAME_WORDS;

	memset(frame, 0, FRAME_SIZE);
	frame[FRAME_NESTING / 4] = 0;
	frame[FRAME_R(0) / 4] = (uintptr_t)params;
	frame[FRAME_LR / 4] = (uintptr_t)port_task_returned;
	frame[FRAME_PC / 4] = (uintptr_t)code & ~1UL;
	/* Thumb entry points (bit 0 set) need the T bit. */
	frame[FRAME_CPSR / 4] = FRAME_CPSR_TASK |
				((uintptr_t)code & 1 ? CPSR_T : 0);
	return frame;
}

void port_arch_install_vectors(void)
{
	/* VBAR; SCTLR.V must be clear for it to count (the reset value). */
	asm volatile("mcr p15, 0, %0, c12, c0, 0; isb"
		     : : "r" (port_vectors) : "memory");
}

void port_fatal(unsigned int vector, unsigned long lr, unsigned long spsr)
{
	static const char *const names[8] = {
		"reset", "undefined instruction", "SVC", "prefetch abort",
		"data abort", "reserved", "IRQ", "FIQ",
	};

	printk("FATAL: FreeRTOS: %s exception, LR 0x%lx, SPSR 0x%lx\n",
	       names[vector & 7], lr, spsr);
	inmate_halt();
}
