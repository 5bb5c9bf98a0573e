/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Link address of the x86 hypervisor image. The driver maps the hypervisor
 * memory at this virtual address before it calls the entry, so the image
 * runs from its link address until it has its own page tables.
 */
#ifndef _JAILHOUSE_ASM_BASE_H
#define _JAILHOUSE_ASM_BASE_H

#define JAILHOUSE_BASE	0xfffffffff0000000UL

#endif /* !_JAILHOUSE_ASM_BASE_H */
