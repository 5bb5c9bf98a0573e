/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stage 1 of the ARMv7 inmate library: there is none, the MMU stays off
 * (every data access Strongly-ordered). The arm64 library's interface,
 * so that its demos build here and learn at run time that nothing can be
 * mapped as Normal memory.
 */
#ifndef _INMATE_MMU_H
#define _INMATE_MMU_H

#include <stdbool.h>

static inline bool mmu_enabled(void)
{
	return false;
}

static inline const char *mmu_off_reason(void)
{
	return "no stage 1 in the ARMv7 library";
}

static inline bool mmu_map_normal(unsigned long start, unsigned long end)
{
	(void)start;
	(void)end;
	return false;
}

#endif /* !_INMATE_MMU_H */
