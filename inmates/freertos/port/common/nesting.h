/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Critical-section nesting of the Stockade FreeRTOS port, kept apart from
 * the interrupt masking so that the host tests can run it.
 *
 * Each task has its own count (the port saves it in the task's frame,
 * since FreeRTOS may yield inside a critical section). Code before the
 * scheduler starts runs as if inside one critical section
 * (PORT_NESTING_BOOT): the kernel's own enter/exit pairs while tasks are
 * created must not unmask interrupts, and the first task's frame brings
 * the count 0.
 */
#ifndef _FREERTOS_PORT_NESTING_H
#define _FREERTOS_PORT_NESTING_H

#define PORT_NESTING_BOOT	1UL

enum port_nesting_exit {
	PORT_NESTING_UNBALANCED = -1,	/* exit without enter: a bug */
	PORT_NESTING_STAY_MASKED = 0,
	PORT_NESTING_UNMASK = 1,	/* the outermost section ended */
};

static inline void port_nesting_enter(unsigned long *nesting)
{
	(*nesting)++;
}

static inline enum port_nesting_exit port_nesting_exit(unsigned long *nesting)
{
	if (*nesting == 0)
		return PORT_NESTING_UNBALANCED;
	return --*nesting ? PORT_NESTING_STAY_MASKED : PORT_NESTING_UNMASK;
}

#endif /* !_FREERTOS_PORT_NESTING_H */
