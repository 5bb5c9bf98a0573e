/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade FreeRTOS port, ARMv7-A (AArch32): what the FreeRTOS kernel
 * needs to know about the machine. Tasks run in System mode, each on its
 * own stack; IRQ and SVC exceptions move the task's frame (frame.h) onto
 * that stack (portASM.S). System mode rather than SVC mode, so that the
 * SVC of portYIELD() does not overwrite the task's banked LR.
 *
 * Built with -mgeneral-regs-only: tasks have no VFP/NEON state.
 */
#ifndef PORTMACRO_H
#define PORTMACRO_H

#include <stdint.h>
#include <stddef.h>

#define portCHAR		char
#define portFLOAT		float
#define portDOUBLE		double
#define portLONG		long
#define portSHORT		short
#define portSTACK_TYPE		uint32_t
#define portBASE_TYPE		long

typedef portSTACK_TYPE StackType_t;
typedef long BaseType_t;
typedef unsigned long UBaseType_t;
typedef uint32_t TickType_t;

#define portMAX_DELAY		((TickType_t)UINT32_MAX)
#define portTICK_TYPE_IS_ATOMIC	1

#define portSTACK_GROWTH	(-1)
#define portTICK_PERIOD_MS	((TickType_t)1000 / configTICK_RATE_HZ)
/* The AAPCS wants SP 8-byte aligned at public interfaces. */
#define portBYTE_ALIGNMENT	8
#define portPOINTER_SIZE_TYPE	uint32_t

extern unsigned long port_yield_pending;

#define portEND_SWITCHING_ISR(switch_needed)				\
	do {								\
		if (switch_needed)					\
			port_yield_pending = 1;				\
	} while (0)
#define portYIELD_FROM_ISR(x)	portEND_SWITCHING_ISR(x)
#define portYIELD()		__asm volatile("svc #0" : : : "memory")

void vPortEnterCritical(void);
void vPortExitCritical(void);
UBaseType_t uxPortSetInterruptMask(void);
void vPortClearInterruptMask(UBaseType_t mask);

#define portDISABLE_INTERRUPTS()					\
	__asm volatile("cpsid i; isb" : : : "memory")
#define portENABLE_INTERRUPTS()						\
	__asm volatile("cpsie i; isb" : : : "memory")
#define portENTER_CRITICAL()		vPortEnterCritical()
#define portEXIT_CRITICAL()		vPortExitCritical()
#define portSET_INTERRUPT_MASK_FROM_ISR()	uxPortSetInterruptMask()
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x)	vPortClearInterruptMask(x)

#define portTASK_FUNCTION_PROTO(fn, params)	void fn(void *params)
#define portTASK_FUNCTION(fn, params)		void fn(void *params)

#define portNOP()		__asm volatile("nop")
#define portINLINE		__inline
#define portMEMORY_BARRIER()	__asm volatile("" : : : "memory")

#endif /* PORTMACRO_H */
