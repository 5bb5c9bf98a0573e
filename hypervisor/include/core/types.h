/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic types of the hypervisor core. Only compiler-provided headers are
 * used so that the same code builds freestanding and for host tests.
 */
#ifndef _CORE_TYPES_H
#define _CORE_TYPES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * Same underlying types as the public __u8..__u64 on every target (ILP32
 * and LP64), so that u64 always prints with %llx.
 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef signed short s16;
typedef signed int s32;
typedef signed long long s64;

#define BIT(n)		(1UL << (n))
#define BIT_ULL(n)	(1ULL << (n))
/* Mask of bits h..l inclusive, 64 bits wide on every architecture. */
#define GENMASK_ULL(h, l) \
	((~0ULL << (l)) & (~0ULL >> (63 - (h))))

#define BITS_PER_LONG	(8 * (unsigned int)sizeof(unsigned long))

#define ARRAY_ELEMS(a)	(sizeof(a) / sizeof((a)[0]))

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
/* Power-of-two alignment helpers; a must be a power of two. */
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define ALIGN_UP(x, a)		ALIGN_DOWN((x) + (a) - 1, a)
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)

#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))

#define __packed	__attribute__((packed))
#define __aligned(n)	__attribute__((aligned(n)))
#define __noreturn	__attribute__((noreturn))
#define __printf(f, a)	__attribute__((format(printf, f, a)))
#define __unused	__attribute__((unused))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), #cond)

#endif /* _CORE_TYPES_H */
