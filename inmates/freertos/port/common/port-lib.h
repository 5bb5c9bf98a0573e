/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * The inmate-library services the port layer uses: console, halting, the
 * GIC front end and the EL1 (PL1) virtual generic timer, the same names on
 * arm64 and ARMv7 (inmates/lib/<arch>/include/inmate_arch.h).
 */
#ifndef _FREERTOS_PORT_LIB_H
#define _FREERTOS_PORT_LIB_H

#include <inmate.h>

/* The GIC front end's dispatcher, which the port's IRQ vector calls. */
void arch_handle_irq(void);

#endif /* !_FREERTOS_PORT_LIB_H */
