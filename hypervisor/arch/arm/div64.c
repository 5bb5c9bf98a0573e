// SPDX-License-Identifier: GPL-2.0
/*
 * 64-bit division for the code the compiler emits on ARMv7, which has a
 * 32-bit divide instruction only: the image links no libgcc. The EABI
 * helper __aeabi_uldivmod (aeabi_uldivmod.S) calls this with the register
 * convention it needs around it.
 */
#include <core/types.h>

u64 armv7_udivmod64(u64 num, u64 den, u64 *rem);

/* Restoring long division; a zero divisor gives all ones, num left. */
u64 armv7_udivmod64(u64 num, u64 den, u64 *rem)
{
	u64 quot = 0, r = 0;
	int bit;

	if (!den) {
		*rem = num;
		return ~0ULL;
	}
	/* Dividend and divisor that fit 32 bits: one udiv. */
	if (!(num >> 32) && !(den >> 32)) {
		*rem = (u32)num % (u32)den;
		return (u32)num / (u32)den;
	}
	for (bit = 63; bit >= 0; bit--) {
		r = r << 1 | ((num >> bit) & 1);
		if (r >= den) {
			r -= den;
			quot |= 1ULL << bit;
		}
	}
	*rem = r;
	return quot;
}
