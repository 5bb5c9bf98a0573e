/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fuzzers' machine: the arch_* hooks the core calls, with a shadow
 * of what the root cell's second-stage tables map, and the bookkeeping
 * the oracles compare against.
 */
#ifndef _FUZZ_ARCH_H
#define _FUZZ_ARCH_H

#include <jailhouse/cell-config.h>
#include <core/types.h>

#define FUZZ_CPUS		4
#define FUZZ_CORE_SIZE		0x4000

/* The hypervisor's memory and the root cell's two RAM regions. */
#define FUZZ_HV_BASE		0x3a000000ULL
#define FUZZ_HV_SIZE		0x600000ULL
#define FUZZ_LOW_BASE		0x100000ULL
#define FUZZ_LOW_SIZE		0x10000ULL
#define FUZZ_RES_BASE		0x3a600000ULL
#define FUZZ_RES_SIZE		0x1000000ULL
#define FUZZ_IOAPIC		0xfec00000ULL
#define FUZZ_XAPIC		0xfee00000ULL

/* Backing of the low region, where the root places cell configs. */
extern unsigned char fuzz_low[FUZZ_LOW_SIZE];

/* Per-CPU areas and the system config, as the driver lays them out. */
extern char fuzz_region[];

/* Whether the root cell's tables map the page at phys now (shadow). */
bool fuzz_root_maps(u64 phys);
/* Mark the root's configured regions mapped, as setup leaves them. */
void fuzz_shadow_reset(void);

/*
 * Set when a cell's table got a mapping of hypervisor memory other than
 * its comm region page, or the root's a page outside the two regions.
 */
extern const char *fuzz_violation;

#endif /* _FUZZ_ARCH_H */
