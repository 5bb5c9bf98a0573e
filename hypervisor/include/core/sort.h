/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sorting arrays of indices in place (heap sort: O(n log n), no recursion,
 * no memory beyond the array), for checks that would otherwise compare
 * every region with every other one.
 */
#ifndef _CORE_SORT_H
#define _CORE_SORT_H

#include <core/types.h>

/* Whether the element at index a goes before the one at index b. */
typedef bool (*sort_less_t)(const void *ctx, u16 a, u16 b);

void sort_indices(u16 *idx, unsigned int n, sort_less_t less,
		  const void *ctx);

#endif /* _CORE_SORT_H */
