// SPDX-License-Identifier: GPL-2.0
/*
 * The ARMv7 image's 64-bit division (hypervisor/arch/arm/div64.c, behind
 * __aeabi_uldivmod): quotient and remainder as C's own division gives
 * them, across the 32-bit shortcut and the long division, and a zero
 * divisor answers without faulting.
 */
#include <core/types.h>

#include "unit.h"

u64 armv7_udivmod64(u64 num, u64 den, u64 *rem);

static void check_div(u64 num, u64 den)
{
	u64 rem = 0xdead;
	u64 quot = armv7_udivmod64(num, den, &rem);

	EXPECT_EQ(quot, num / den);
	EXPECT_EQ(rem, num % den);
}

TEST(arm_div64_matches_c_division)
{
	static const u64 values[] = {
		1, 2, 3, 7, 10, 62500000, 24000000, 0xffffffffULL,
		0x100000000ULL, 0x100000001ULL, 1000000000ULL << 32,
		0x8000000000000000ULL, 0xfffffffffffffffeULL, ~0ULL,
	};
	size_t i, j, n = sizeof(values) / sizeof(values[0]);

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			check_div(values[i], values[j]);
	check_div(0, 5);
}

/* A pseudo-random walk over wide operands, both paths included. */
TEST(arm_div64_random_operands)
{
	u64 x = 0x9e3779b97f4a7c15ULL;
	unsigned int i;

	for (i = 0; i < 2000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		check_div(x, (x >> (i % 64)) | 1);
		check_div(x >> (i % 64), x | 1);
	}
}

TEST(arm_div64_zero_divisor_does_not_trap)
{
	u64 rem = 0;

	EXPECT_EQ(armv7_udivmod64(1234, 0, &rem), ~0ULL);
	EXPECT_EQ(rem, 1234);
}
