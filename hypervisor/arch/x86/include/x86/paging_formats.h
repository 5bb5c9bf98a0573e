/* SPDX-License-Identifier: GPL-2.0 */
/* Page-table formats of x86-64: own 4-level tables, AMD NPT, Intel EPT. */
#ifndef _X86_PAGING_FORMATS_H
#define _X86_PAGING_FORMATS_H

#include <core/paging.h>

/* Hypervisor address space; needs EFER.NXE for non-executable pages. */
extern const struct paging_format x86_64_paging;
/* AMD nested paging: the same format with every entry user-accessible. */
extern const struct paging_format amd_npt_paging;
/* Intel EPT, 4 levels, write-back or uncached memory types. */
extern const struct paging_format intel_ept_paging;

#endif /* _X86_PAGING_FORMATS_H */
