/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Barriers, TLB and cache maintenance of AArch64, as
 * <arm-common/subarch.h> names them.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <core/types.h>
#include <asm/sysregs.h>

static inline void isb(void)
{
	asm volatile("isb" : : : "memory");
}

static inline void dsb_ish(void)
{
	asm volatile("dsb ish" : : : "memory");
}

static inline void wfi(void)
{
	asm volatile("wfi" : : : "memory");
}

/* Drop the EL1&0 translations of the current VMID on this CPU. */
static inline void flush_guest_tlb_local(void)
{
	asm volatile("dsb nshst\n\t"
		     "tlbi vmalls12e1\n\t"
		     "dsb nsh\n\t"
		     "isb" : : : "memory");
}

/* Drop the EL1&0 translations of the current VMID on every CPU. */
static inline void flush_guest_tlb_all(void)
{
	asm volatile("dsb ishst\n\t"
		     "tlbi vmalls12e1is\n\t"
		     "dsb ish\n\t"
		     "isb" : : : "memory");
}

static inline void flush_hyp_tlb_local(void)
{
	asm volatile("dsb nshst\n\t"
		     "tlbi alle2\n\t"
		     "dsb nsh\n\t"
		     "isb" : : : "memory");
}

static inline void flush_hyp_tlb_all(void)
{
	asm volatile("dsb ishst\n\t"
		     "tlbi alle2is\n\t"
		     "dsb ish\n\t"
		     "isb" : : : "memory");
}

/* The hypervisor's translations of one range, on every CPU. */
static inline void flush_hyp_tlb_range(unsigned long virt,
				       unsigned long size)
{
	unsigned long off;

	asm volatile("dsb ishst" : : : "memory");
	for (off = 0; off < size; off += 0x1000)
		asm volatile("tlbi vae2is, %0"
			     : : "r" ((virt + off) >> 12) : "memory");
	asm volatile("dsb ish\n\tisb" : : : "memory");
}

/*
 * Write dirty lines of [start, start + size) back to memory (the point
 * of coherency) and drop them from every cache of the shareability
 * domain.
 */
static inline void dcache_flush_poc(const void *start, unsigned long size)
{
	/* CTR_EL0.DminLine: log2 of the smallest line in 4-byte words. */
	unsigned long line = 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
	unsigned long addr = (unsigned long)start & ~(line - 1);
	unsigned long end = (unsigned long)start + size;

	for (; addr < end; addr += line)
		asm volatile("dc civac, %0" : : "r" (addr) : "memory");
	asm volatile("dsb sy" : : : "memory");
}

#endif /* !_ASM_PROCESSOR_H */
