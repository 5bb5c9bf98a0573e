// SPDX-License-Identifier: GPL-2.0
/*
 * Searching bit arrays. Whole words are skipped when they cannot contain
 * the bit looked for, which keeps pool allocation cheap on large pools.
 */
#include <core/bitmap.h>

static unsigned long next_bit(const unsigned long *map, unsigned long size,
			      unsigned long start, unsigned long invert)
{
	unsigned long nr = start;
	unsigned long word;

	while (nr < size) {
		word = map[nr / BITS_PER_LONG] ^ invert;
		word >>= nr % BITS_PER_LONG;
		if (word) {
			nr += __builtin_ctzl(word);
			return nr < size ? nr : size;
		}
		nr = ALIGN_DOWN(nr, BITS_PER_LONG) + BITS_PER_LONG;
	}
	return size;
}

unsigned long bitmap_next_set(const unsigned long *map, unsigned long size,
			      unsigned long start)
{
	return next_bit(map, size, start, 0);
}

unsigned long bitmap_next_clear(const unsigned long *map, unsigned long size,
				unsigned long start)
{
	return next_bit(map, size, start, ~0UL);
}
