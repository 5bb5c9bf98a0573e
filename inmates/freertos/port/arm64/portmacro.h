/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade FreeRTOS port, arm64: what the FreeRTOS kernel needs to know
 * about the machine. Tasks run at EL1 on SP_EL1, each on its own stack;
 * exceptions are taken on the running task's stack, where the port's
 * vectors (portASM.S) keep the task's frame (frame.h).
 *
 * Built with -mgeneral-regs-only like the rest of the inmate library:
 * tasks have no FP/SIMD state, and the frame holds none.
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
#define portSTACK_TYPE		uint64_t
#define portBASE_TYPE		long

typedef portSTACK_TYPE StackType_t;
typedef long BaseType_t;
typedef unsigned long UBaseType_t;
typedef uint64_t TickType_t;

#define portMAX_DELAY		((TickType_t)UINT64_MAX)
/* One 64-bit load or store: no critical section around the tick count. */
#define portTICK_TYPE_IS_ATOMIC	1

#define portSTACK_GROWTH	(-1)
#define portTICK_PERIOD_MS	((TickType_t)1000 / configTICK_RATE_HZ)
/* The AAPCS64 wants SP 16-byte aligned at every public interface. */
#define portBYTE_ALIGNMENT	16
#define portPOINTER_SIZE_TYPE	uint64_t

/* Set by the tick (or any ISR) to switch tasks on the way out. */
extern unsigned long port_yield_pending;

#define portEND_SWITCHING_ISR(switch_needed)				\
	do {								\
		if (switch_needed)					\
			port_yield_pending = 1;				\
	} while (0)
#define portYIELD_FROM_ISR(x)	portEND_SWITCHING_ISR(x)
/* SVC #0 into the port's vectors, which switch tasks. */
#define portYIELD()		__asm volatile("svc #0" : : : "memory")

void vPortEnterCritical(void);
void vPortExitCritical(void);
UBaseType_t uxPortSetInterruptMask(void);
void vPortClearInterruptMask(UBaseType_t mask);

#define portDISABLE_INTERRUPTS()					\
	__asm volatile("msr daifset, #2; isb" : : : "memory")
#define portENABLE_INTERRUPTS()						\
	__asm volatile("msr daifclr, #2; isb" : : : "memory")
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
