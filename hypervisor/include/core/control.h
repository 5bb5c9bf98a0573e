/* SPDX-License-Identifier: GPL-2.0 */
/* Hypercalls of the cells, decoded by the arch exit handlers. */
#ifndef _CORE_CONTROL_H
#define _CORE_CONTROL_H

#include <core/types.h>

struct per_cpu;

/*
 * Handle hypercall code with its arguments for the guest on cpu. Returns
 * the value for the guest's result register: >= 0, or a negative errno.
 * A successful JAILHOUSE_HC_DISABLE sets cpu->shutdown; the arch then
 * hands the CPU back to Linux with the result.
 */
long hypercall(struct per_cpu *cpu, unsigned long code, unsigned long arg1,
	       unsigned long arg2);

#endif /* _CORE_CONTROL_H */
