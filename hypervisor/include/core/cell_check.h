/* SPDX-License-Identifier: GPL-2.0 */
/* A new cell's config against the running system (cell_check.c). */
#ifndef _CORE_CELL_CHECK_H
#define _CORE_CELL_CHECK_H

#include <jailhouse/cell-config.h>

struct per_cpu;

/*
 * -EEXIST: the name is taken; -EBUSY: a CPU, memory region or interrupt
 * pin is not free (another cell has it, or the caller's CPU); -EINVAL:
 * the config asks for something the system or the root cell does not
 * have (a CPU, memory, an interrupt pin, an I/O port, a PCI device), or
 * memory over a device the hypervisor keeps. One console line each.
 */
int cell_check_resources(const struct jailhouse_cell_desc *config,
			 const struct per_cpu *caller);

#endif /* _CORE_CELL_CHECK_H */
