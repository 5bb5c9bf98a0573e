/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bit arrays stored in unsigned long words. Callers serialise access; none
 * of these helpers is atomic.
 */
#ifndef _CORE_BITMAP_H
#define _CORE_BITMAP_H

#include <core/types.h>

#define BITMAP_WORDS(bits)	DIV_ROUND_UP(bits, BITS_PER_LONG)

static inline bool bitmap_test(const unsigned long *map, unsigned long nr)
{
	return (map[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

static inline void bitmap_set_bit(unsigned long *map, unsigned long nr)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline void bitmap_clear_bit(unsigned long *map, unsigned long nr)
{
	map[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

/* Index of the first clear bit at or after start, or size if none. */
unsigned long bitmap_next_clear(const unsigned long *map, unsigned long size,
				unsigned long start);
/* Index of the first set bit at or after start, or size if none. */
unsigned long bitmap_next_set(const unsigned long *map, unsigned long size,
			      unsigned long start);

#endif /* _CORE_BITMAP_H */
