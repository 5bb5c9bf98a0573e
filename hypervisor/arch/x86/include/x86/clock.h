/* SPDX-License-Identifier: GPL-2.0 */
/* TSC and APIC timer frequencies for the comm regions (clock.c). */
#ifndef _X86_CLOCK_H
#define _X86_CLOCK_H

#include <core/types.h>

/* From the config, or measured by clock_measure. */
extern u32 x86_tsc_khz, x86_apic_khz;

/* Measure what the config leaves 0 (late setup, own tables loaded). */
void clock_measure(void);

#endif /* _X86_CLOCK_H */
