// SPDX-License-Identifier: GPL-2.0
/* The XCR0 rules that the XSETBV intercept applies (x86/xcr.h). */
#include <x86/xcr.h>

#include "unit.h"

/* x87, SSE, AVX, AVX-512 and AMX supported. */
#define ALL	(XCR0_X87 | XCR0_SSE | XCR0_AVX | XCR0_AVX512 | XCR0_AMX)

TEST(xcr0_accepts_what_linux_sets)
{
	EXPECT_TRUE(xcr0_valid(XCR0_X87, XCR0_X87 | XCR0_SSE));
	EXPECT_TRUE(xcr0_valid(XCR0_X87 | XCR0_SSE, XCR0_X87 | XCR0_SSE));
	EXPECT_TRUE(xcr0_valid(XCR0_X87 | XCR0_SSE | XCR0_AVX, ALL));
	EXPECT_TRUE(xcr0_valid(XCR0_X87 | XCR0_SSE | XCR0_AVX | XCR0_AVX512,
			       ALL));
	EXPECT_TRUE(xcr0_valid(ALL, ALL));
}

TEST(xcr0_refuses_unsupported_and_inconsistent_values)
{
	/* Features the CPU lacks. */
	EXPECT_FALSE(xcr0_valid(XCR0_X87 | XCR0_SSE | XCR0_AVX,
				XCR0_X87 | XCR0_SSE));
	EXPECT_FALSE(xcr0_valid(XCR0_X87 | BIT_ULL(63), ALL | BIT_ULL(62)));
	/* No x87, AVX without SSE. */
	EXPECT_FALSE(xcr0_valid(0, ALL));
	EXPECT_FALSE(xcr0_valid(XCR0_SSE, ALL));
	EXPECT_FALSE(xcr0_valid(XCR0_X87 | XCR0_AVX, ALL));
	/* Part of AVX-512, or AVX-512 without AVX. */
	EXPECT_FALSE(xcr0_valid(XCR0_X87 | XCR0_SSE | XCR0_AVX | BIT_ULL(5),
				ALL));
	EXPECT_FALSE(xcr0_valid(XCR0_X87 | XCR0_SSE | XCR0_AVX512, ALL));
	/* Half of AMX. */
	EXPECT_FALSE(xcr0_valid(XCR0_X87 | XCR0_SSE | BIT_ULL(17), ALL));
}
