/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Temporary views of a cell's memory through the remap pool, for reading
 * what a cell hands to the hypervisor by guest-physical address.
 */
#ifndef _CORE_REMAP_H
#define _CORE_REMAP_H

#include <core/types.h>

struct cell;

/*
 * Map size bytes of cell's guest-physical memory at gpa, which must lie
 * in one RAM region (not I/O) of its config. Returns the address of gpa
 * in the hypervisor, or NULL (-EINVAL/-ENOMEM in *err).
 */
void *remap_cell_memory(const struct cell *cell, u64 gpa, u64 size,
			int *err);
/* Undo remap_cell_memory; size as given there. */
void remap_release(void *addr, u64 size);

#endif /* _CORE_REMAP_H */
