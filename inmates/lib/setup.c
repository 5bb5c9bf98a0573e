// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Common C entry, called by the architecture's start code on the first
 * CPU with a stack and a cleared .bss.
 */
#include <inmate.h>

void __noreturn inmate_start(void);

void __noreturn inmate_start(void)
{
	/* Before the console: it may need the hypercall flavour. */
	arch_init();
	console_init();
	inmate_main();
	inmate_halt();
}
