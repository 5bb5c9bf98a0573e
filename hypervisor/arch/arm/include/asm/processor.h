/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Barriers, TLB and cache maintenance of ARMv7 in HYP mode, as
 * <arm-common/subarch.h> names them. The TLB operations are the cp15
 * ones (ARM ARM B4.2.2): from HYP mode, TLBIALL(IS) acts on the
 * non-secure PL1&0 entries of the VMID in VTTBR, the ...H forms on the
 * hypervisor's own entries.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <core/types.h>
#include <asm/sysregs.h>

#define SYSREG_TLBIALL		SYSREG32(0, c8, c7, 0)
#define SYSREG_TLBIALLIS	SYSREG32(0, c8, c3, 0)
#define SYSREG_TLBIALLH		SYSREG32(4, c8, c7, 0)
#define SYSREG_TLBIALLHIS	SYSREG32(4, c8, c3, 0)
#define SYSREG_TLBIMVAHIS	SYSREG32(4, c8, c3, 1)
#define SYSREG_DCCIMVAC		SYSREG32(0, c7, c14, 1)

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

/* Drop the PL1&0 translations of the current VMID on this CPU. */
static inline void flush_guest_tlb_local(void)
{
	asm volatile("dsb nshst" : : : "memory");
	sysreg_write(TLBIALL, 0);
	asm volatile("dsb nsh\n\tisb" : : : "memory");
}

/* Drop the PL1&0 translations of the current VMID on every CPU. */
static inline void flush_guest_tlb_all(void)
{
	asm volatile("dsb ishst" : : : "memory");
	sysreg_write(TLBIALLIS, 0);
	asm volatile("dsb ish\n\tisb" : : : "memory");
}

static inline void flush_hyp_tlb_local(void)
{
	asm volatile("dsb nshst" : : : "memory");
	sysreg_write(TLBIALLH, 0);
	asm volatile("dsb nsh\n\tisb" : : : "memory");
}

static inline void flush_hyp_tlb_all(void)
{
	asm volatile("dsb ishst" : : : "memory");
	sysreg_write(TLBIALLHIS, 0);
	asm volatile("dsb ish\n\tisb" : : : "memory");
}

/* The hypervisor's translations of one range, on every CPU. */
static inline void flush_hyp_tlb_range(unsigned long virt,
				       unsigned long size)
{
	unsigned long off;

	asm volatile("dsb ishst" : : : "memory");
	for (off = 0; off < size; off += 0x1000)
		sysreg_write(TLBIMVAHIS, (virt + off) & ~0xfffUL);
	asm volatile("dsb ish\n\tisb" : : : "memory");
}

/*
 * Write dirty lines of [start, start + size) back to memory (the point
 * of coherency) and drop them from every cache of the shareability
 * domain.
 */
static inline void dcache_flush_poc(const void *start, unsigned long size)
{
	/* CTR.DminLine: log2 of the smallest line in 4-byte words. */
	unsigned long line = 4UL << ((sysreg_read(CTR) >> 16) & 0xf);
	unsigned long addr = (unsigned long)start & ~(line - 1);
	unsigned long end = (unsigned long)start + size;

	for (; addr < end; addr += line)
		sysreg_write(DCCIMVAC, addr);
	asm volatile("dsb sy" : : : "memory");
}

#endif /* !_ASM_PROCESSOR_H */
