/* SPDX-License-Identifier: GPL-2.0 */
/* A new cell's config against the running system (cell_check.c). */
#ifndef _CORE_CELL_CHECK_H
#define _CORE_CELL_CHECK_H

#include <jailhouse/cell-config.h>

struct per_cpu;

/*
 * -EEXIST: the name is taken; -EBUSY: a CPU, memory region or interrupt
 * pin is not free (another cell has it, the caller's CPU, a sub-page
 * region the root keeps); -EINVAL: the config asks for something the
 * system or the root cell does not have (a CPU, an interrupt pin, an I/O
 * port, a PCI device), or memory of the hypervisor or over a device it
 * keeps. Memory the root never had is not refused. One console line each.
 */
int cell_check_resources(const struct jailhouse_cell_desc *config,
			 const struct per_cpu *caller);

#endif /* _CORE_CELL_CHECK_H */
