/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for arch/<arch>/asm-defines.c, the one file per architecture
 * that tells assembly code the offsets and sizes of C structures. The
 * build compiles it to assembly only and turns every marker line into a
 * #define of <generated/asm-defines.h>, so entry code never carries
 * hand-copied numbers that drift from the structures.
 */
#ifndef _CORE_ASM_DEFINES_H
#define _CORE_ASM_DEFINES_H

#include <core/types.h>

/* Emit "==>SYM VALUE" into the assembly output; VALUE is a constant. */
#define ASM_DEFINE(sym, value)						\
	asm volatile("\n==>" #sym " %0" : : "i" ((long)(value)))

#define ASM_OFFSET(sym, type, member)					\
	ASM_DEFINE(sym, __builtin_offsetof(type, member))

#define ASM_SIZE(sym, type)	ASM_DEFINE(sym, sizeof(type))

#endif /* _CORE_ASM_DEFINES_H */
