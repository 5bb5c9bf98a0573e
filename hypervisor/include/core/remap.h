/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Temporary views of a cell's memory through the remap pool, for reading
 * what a cell hands to the hypervisor by guest-physical address, and of
 * device registers the hypervisor reaches for a cell.
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
/*
 * Map size bytes of device registers at phys as device memory (no
 * caching, merging or speculative reads), for an access of the calling
 * CPU (sub-page regions, core/mmio.h). NULL with -ENOMEM in *err when
 * the window is full.
 */
void *remap_device(u64 phys, u64 size, int *err);
/* Undo remap_cell_memory or remap_device; size as given there. */
void remap_release(void *addr, u64 size);

#endif /* _CORE_REMAP_H */
