/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Between the architecture-independent part of the port (port-core.c)
 * and each architecture's (port/<arch>/port.c, portASM.S).
 */
#ifndef _FREERTOS_PORT_ARCH_H
#define _FREERTOS_PORT_ARCH_H

/* The running task's nesting; portASM.S keeps it in each task's frame. */
extern unsigned long port_critical_nesting;

/* Points the CPU's exception vectors at the port's (portASM.S). */
void port_arch_install_vectors(void);
/* Restores pxCurrentTCB's frame; interrupts masked on entry. */
void port_start_first_task(void) __attribute__((noreturn));
/* Where a task function that returns goes (its frame's link register). */
void port_task_returned(void);
/* From the GIC front end, for every interrupt. */
void port_irq_handler(unsigned int irq);

#endif /* !_FREERTOS_PORT_ARCH_H */
