/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * The inmate-library services the port layer uses: console, halting, the
 * GIC front end and the EL1 virtual generic timer. On arm64 that is
 * <inmate.h>. ARMv7 has no inmate library yet (inmates/lib/arm): until it
 * has, the port is compiled against the declarations below, which are the
 * arm64 library's interface, for the ARMv7 library to provide as is.
 */
#ifndef _FREERTOS_PORT_LIB_H
#define _FREERTOS_PORT_LIB_H

#if __has_include(<inmate_arch.h>)
#include <inmate.h>
#else
#include <stdint.h>
#include <string.h>

#define TIMER_IRQ_VIRT		27

typedef void (*irq_handler_t)(unsigned int irq);

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void inmate_halt(void) __attribute__((noreturn));
int gic_setup(irq_handler_t handler);
const char *gic_name(void);
void gic_enable_irq(unsigned int irq);
unsigned long timer_get_frequency(void);
uint64_t timer_get_ticks(void);
void timer_set_deadline(uint64_t ticks);
void timer_stop(void);
#endif

/* The GIC front end's dispatcher, which the port's IRQ vector calls. */
void arch_handle_irq(void);

#endif /* !_FREERTOS_PORT_LIB_H */
