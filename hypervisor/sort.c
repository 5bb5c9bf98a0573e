// SPDX-License-Identifier: GPL-2.0
/* Heap sort of index arrays (see core/sort.h). */
#include <core/sort.h>

static void swap(u16 *idx, unsigned int a, unsigned int b)
{
	u16 t = idx[a];

	idx[a] = idx[b];
	idx[b] = t;
}

/* Let idx[root] sink until the heap of the first n entries holds again. */
static void sift_down(u16 *idx, unsigned int root, unsigned int n,
		      sort_less_t less, const void *ctx)
{
	unsigned int child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n && less(ctx, idx[child], idx[child + 1]))
			child++;
		if (!less(ctx, idx[root], idx[child]))
			return;
		swap(idx, root, child);
		root = child;
	}
}

void sort_indices(u16 *idx, unsigned int n, sort_less_t less,
		  const void *ctx)
{
	unsigned int i;

	for (i = n / 2; i-- > 0;)
		sift_down(idx, i, n, less, ctx);
	for (i = n; i-- > 1;) {
		swap(idx, 0, i);
		sift_down(idx, 0, i, less, ctx);
	}
}
