/* SPDX-License-Identifier: GPL-2.0 */
/*
 * XCR0, the extended feature enable register that XSETBV writes (Intel SDM
 * vol. 1 section 13.3, AMD APM vol. 2 section 11.5.2). The rules are pure
 * arithmetic, so that host tests can check them.
 */
#ifndef _X86_XCR_H
#define _X86_XCR_H

#include <core/types.h>

#define X86_CPUID_XSAVE_LEAF	0x0000000d
/* CPUID 1 ECX */
#define X86_FEATURE_XSAVE	BIT(26)
#define X86_CR4_OSXSAVE		BIT(18)

#define XCR0_X87		BIT_ULL(0)
#define XCR0_SSE		BIT_ULL(1)
#define XCR0_AVX		BIT_ULL(2)
/* AVX-512: opmask, upper halves of ZMM0-15, ZMM16-31. */
#define XCR0_AVX512		(BIT_ULL(5) | BIT_ULL(6) | BIT_ULL(7))
/* AMX: tile configuration and tile data. */
#define XCR0_AMX		(BIT_ULL(17) | BIT_ULL(18))

/*
 * Whether value may be loaded into XCR0 on a CPU supporting the features
 * in supported (CPUID 0xd.0 EDX:EAX). A false result is a #GP for the
 * guest, as the CPU itself would raise.
 */
static inline bool xcr0_valid(u64 value, u64 supported)
{
	if (value & ~supported)
		return false;
	/* x87 state can never be disabled. */
	if (!(value & XCR0_X87))
		return false;
	if ((value & XCR0_AVX) && !(value & XCR0_SSE))
		return false;
	/* AVX-512 comes as a whole and builds on AVX. */
	if ((value & XCR0_AVX512) &&
	    ((value & XCR0_AVX512) != XCR0_AVX512 || !(value & XCR0_AVX)))
		return false;
	if ((value & XCR0_AMX) && (value & XCR0_AMX) != XCR0_AMX)
		return false;
	return true;
}

#endif /* _X86_XCR_H */
