/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page-table formats of x86-64: own 4-level tables, AMD NPT, Intel EPT,
 * VT-d second-level and AMD-Vi tables.
 */
#ifndef _X86_PAGING_FORMATS_H
#define _X86_PAGING_FORMATS_H

#include <core/paging.h>

/* Hypervisor address space; needs EFER.NXE for non-executable pages. */
extern const struct paging_format x86_64_paging;
/* AMD nested paging: the same format with every entry user-accessible. */
extern const struct paging_format amd_npt_paging;
/* Intel EPT, 4 levels, write-back or uncached memory types. */
extern const struct paging_format intel_ept_paging;

/*
 * VT-d second-level tables (device DMA), read and write bits only: 4
 * levels for 48-bit input addresses, 3 levels for 39-bit ones.
 */
extern const struct paging_format vtd_sl_4level_paging;
extern const struct paging_format vtd_sl_3level_paging;

/* AMD-Vi host tables (device DMA), 4 levels for 48-bit addresses. */
extern const struct paging_format amdvi_4level_paging;

#endif /* _X86_PAGING_FORMATS_H */
