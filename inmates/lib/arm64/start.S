/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * arm64 start: the cell's first CPU enters at the image start at EL1
 * with the MMU off (Documentation/inmate-interface.md). Set up vectors
 * and a stack, clear .bss, build the stage-1 tables (mmu.c), turn the
 * MMU and caches on, run the C side.
 *
 * The cell's other CPUs come in through smp_secondary_entry, where PSCI
 * CPU_ON (smp.c) sends them with their library index as context id in
 * x0: it names their stack and stays in TPIDR_EL1 for the C code. They
 * load the first CPU's tables before they touch memory.
 *
 * .bss is cleared with the MMU still off: the C code that builds the
 * tables may then rely on zeroed statics, and what is cleared is written
 * to memory, where no stale cache line can shadow it (see mmu.c). The
 * stacks and the tables are outside .bss and not cleared.
 */
#include <inmate_arch.h>
#include <mmu.h>

#define STACK_SIZE	0x1000

	.section .boot, "ax"
	.globl	__reset_entry
__reset_entry:
	msr	daifset, #0xf
	ldr	x0, =vectors
	msr	vbar_el1, x0
	ldr	x0, =stack_top
	mov	sp, x0
	msr	tpidr_el1, xzr

	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	isb
	bl	mmu_setup
	bl	mmu_cpu_on
	bl	inmate_start
3:	wfi
	b	3b
	.ltorg

	.text
/*
 * Loads mmu_regs into this CPU's MMU and turns it on with the caches,
 * unless the first CPU left mmu_regs.on at 0 (mmu=off). A leaf that
 * uses no stack and only x9..x11, so that a CPU that just came in with
 * its context id in x0 may call it before anything else.
 */
	.type	mmu_cpu_on, %function
mmu_cpu_on:
	ldr	x9, =mmu_regs
	ldr	x10, [x9, #MMU_REGS_ON]
	cbz	x10, 1f
	ldr	x10, [x9, #MMU_REGS_MAIR]
	msr	mair_el1, x10
	ldr	x10, [x9, #MMU_REGS_TCR]
	msr	tcr_el1, x10
	ldr	x10, [x9, #MMU_REGS_TTBR0]
	msr	ttbr0_el1, x10
	/* The tables are written (first CPU) before any walk may use them. */
	dsb	sy
	isb
	/*
	 * Nothing this CPU may have cached from whoever ran on it before
	 * (another cell, the root cell, an earlier run of this one) may
	 * stand in for our tables or our code.
	 */
	tlbi	vmalle1
	ic	iallu
	dsb	nsh
	isb
	mrs	x10, sctlr_el1
	mov	x11, #SCTLR_MMU_ON
	orr	x10, x10, x11
	/* Alignment checks (A, SA) stay as they came; WXN would fault us. */
	bic	x10, x10, #SCTLR_WXN
	msr	sctlr_el1, x10
	isb
1:	ret
	.size	mmu_cpu_on, . - mmu_cpu_on
	.ltorg

	.globl	smp_secondary_entry
	.type	smp_secondary_entry, %function
smp_secondary_entry:
	msr	daifset, #0xf
	ldr	x1, =vectors
	msr	vbar_el1, x1
	/*
	 * Before the first store: with the MMU off this CPU would write
	 * around any line of its stack still in a cache from an earlier
	 * run, and that line could come back once the caches are on.
	 */
	bl	mmu_cpu_on
	/* Index 0 is the first CPU's; others beyond the stacks go nowhere. */
	cbz	x0, 1f
	cmp	x0, #SMP_MAX_CPUS
	b.hs	1f
	msr	tpidr_el1, x0
	ldr	x1, =cpu_stacks
	add	x1, x1, x0, lsl #SMP_STACK_SHIFT
	mov	sp, x1
	isb
	bl	smp_secondary_start
1:	wfi
	b	1b
	.size	smp_secondary_entry, . - smp_secondary_entry
	.ltorg

/*
 * The stacks, first CPU's first, in their own section after .bss (see
 * inmate.lds): only the stacks of CPUs that actually start need to lie
 * in the cell's RAM.
 */
	.section .stacks, "aw", %nobits
	.balign	16
	.fill	STACK_SIZE, 1, 0
stack_top:
	/* Index n (1..) has its stack top at cpu_stacks + n * size. */
	.balign	16
cpu_stacks:
	.fill	(SMP_MAX_CPUS - 1) * SMP_STACK_SIZE, 1, 0
