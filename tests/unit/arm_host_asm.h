/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Forced into every ARM file the host tests compile (gcc -include).
 *
 * The GIC code orders its register accesses with ARM barrier
 * instructions, written as inline assembly both in <asm/sysregs.h>
 * (isb()) and in the C files themselves (dsb before an SGI). The host
 * assembler knows none of them. Defining each as an assembler macro
 * that expands to nothing lets those files build unchanged; the asm
 * statements keep their "memory" clobbers, so the compiler still treats
 * them as barriers, which is all a single-threaded test needs.
 */
#ifndef _ARM_HOST_ASM_H
#define _ARM_HOST_ASM_H

__asm__(".macro isb args:vararg\n.endm\n"
	".macro dsb args:vararg\n.endm\n"
	".macro dmb args:vararg\n.endm\n");

#endif /* !_ARM_HOST_ASM_H */
