// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Linux loader: the first code of a Linux cell (`jailhouse cell linux`).
 * The tool loads it at the cell's reset address, the kernel Image and the
 * device tree elsewhere in the cell's RAM, and writes their addresses on
 * its command line: "kernel=ADDR dtb=ADDR" (the tool adds "mmu=off", so
 * that the library leaves the MMU and the data cache off).
 *
 * The arm64 boot protocol wants x0 = the device tree's address, x1..x3
 * zero, the MMU off, and the data cache off or at least everything the
 * kernel will read cleaned to the point of coherency. What the tool
 * loaded the hypervisor has already written back; what remains is the
 * loader's own memory, which it cleans when it ran with caches on (loaded
 * by hand without mmu=off), so that no dirty line of it is written back
 * later over memory the kernel uses by then.
 */
#include <inmate.h>

#include <mmu.h>

extern char __image_start[], __image_end[];

/* Cleans [start, end) to the point of coherency, turns the MMU and the
 * data cache off and enters the kernel; never returns. Touches no memory
 * after the cleaning, so that nothing gets dirty again. */
static void __attribute__((noreturn))
boot(unsigned long entry, unsigned long dtb, unsigned long start,
     unsigned long end)
{
	register unsigned long x0 asm("x0") = dtb;
	register unsigned long x9 asm("x9") = entry;
	register unsigned long x10 asm("x10") = start;
	register unsigned long x11 asm("x11") = end;

	asm volatile(
		/* Data cache line size: 4 << CTR_EL0.DminLine bytes. */
		"mrs	x12, ctr_el0\n\t"
		"ubfx	x12, x12, #16, #4\n\t"
		"mov	x13, #4\n\t"
		"lsl	x13, x13, x12\n\t"
		"sub	x12, x13, #1\n\t"
		"bic	x10, x10, x12\n"
		"1:	dc	civac, x10\n\t"
		"add	x10, x10, x13\n\t"
		"cmp	x10, x11\n\t"
		"b.lo	1b\n\t"
		"dsb	sy\n\t"
		"mrs	x12, sctlr_el1\n\t"
		"mov	x13, #%[off]\n\t"
		"bic	x12, x12, x13\n\t"
		"msr	sctlr_el1, x12\n\t"
		"isb\n\t"
		"ic	iallu\n\t"
		"tlbi	vmalle1\n\t"
		"dsb	nsh\n\t"
		"isb\n\t"
		"mov	x1, xzr\n\t"
		"mov	x2, xzr\n\t"
		"mov	x3, xzr\n\t"
		"br	x9"
		: : "r" (x0), "r" (x9), "r" (x10), "r" (x11),
		    [off] "i" (SCTLR_M | SCTLR_C)
		: "x1", "x2", "x3", "x12", "x13", "memory");
	__builtin_unreachable();
}

void inmate_main(void)
{
	unsigned long kernel = cmdline_parse_int("kernel", 0);
	unsigned long dtb = cmdline_parse_int("dtb", 0);

	if (!kernel || !dtb) {
		printk("linux-loader: kernel= and dtb= missing on the command line\n");
		return;
	}
	printk("linux-loader: kernel at 0x%lx, device tree at 0x%lx\n",
	       kernel, dtb);
	boot(kernel, dtb, (unsigned long)__image_start,
	     (unsigned long)__image_end);
}
