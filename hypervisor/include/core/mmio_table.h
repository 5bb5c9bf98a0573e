/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-cell MMIO table as struct cell embeds it, apart from the
 * dispatcher's interface (core/mmio.h) so that cell.h does not bring
 * struct mmio_access into arch files that still decode with their own.
 */
#ifndef _CORE_MMIO_TABLE_H
#define _CORE_MMIO_TABLE_H

#include <core/types.h>

struct mmio_access;

/*
 * Outcome of a handler, and of mmio_handle_access: MMIO_HANDLED (the
 * arch completes and skips the instruction), MMIO_ERROR (the handler
 * refused the access) or, only from mmio_handle_access, MMIO_UNHANDLED
 * (no region holds the access). For both failures the arch's fault path
 * prints the one console line (CPU, cell, direction, address, size)
 * and the CPU's cell fails; handlers stay silent.
 */
enum mmio_result {
	MMIO_UNHANDLED = -1,
	MMIO_ERROR = -2,
	MMIO_HANDLED = 0,
};

typedef enum mmio_result (*mmio_handler_t)(void *arg,
					   struct mmio_access *acc);

struct mmio_region_location {
	u64 start;
	u64 size;
};

struct mmio_region_handler {
	mmio_handler_t function;
	void *arg;
};

/* Per-cell table, embedded in struct cell. */
struct cell_mmio {
	/* Odd while a writer changes the table. */
	volatile unsigned long generation;
	volatile unsigned int num_regions;
	unsigned int max_regions;
	/* Both arrays are max_regions long, index for index. */
	struct mmio_region_location *locations;
	struct mmio_region_handler *handlers;
	/* Pages of the memory pool behind the two arrays. */
	unsigned long pages;
};

#endif /* _CORE_MMIO_TABLE_H */
