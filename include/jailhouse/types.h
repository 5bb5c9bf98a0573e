/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade / Jailhouse-compatible interface: fixed-width types.
 *
 * Kernel code and hosted user-space programs take the __u8 ... __u64 family
 * from the kernel UAPI headers so that our definitions can never disagree
 * with theirs. Freestanding code (hypervisor, inmates, compiled configs) has
 * no such headers and gets the definitions below.
 */
#ifndef _JAILHOUSE_TYPES_H
#define _JAILHOUSE_TYPES_H

#if defined(__KERNEL__) || (defined(__linux__) && __STDC_HOSTED__)
#include <linux/types.h>
#else
typedef signed char __s8;
typedef unsigned char __u8;
typedef signed short __s16;
typedef unsigned short __u16;
typedef signed int __s32;
typedef unsigned int __u32;
typedef signed long long __s64;
typedef unsigned long long __u64;
#endif

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif

#endif /* !_JAILHOUSE_TYPES_H */
