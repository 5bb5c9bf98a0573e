/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Barriers and maintenance of the host side of <arm-common/subarch.h>:
 * compiler barriers, and counters where a test wants to see the call.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <core/types.h>
#include <asm/sysregs.h>

extern unsigned int host_wfi_calls;
extern unsigned int host_guest_tlb_flushes;

static inline void isb(void)
{
	__asm__ volatile("" : : : "memory");
}

static inline void dsb_ish(void)
{
	__asm__ volatile("" : : : "memory");
}

static inline void wfi(void)
{
	host_wfi_calls++;
}

static inline void flush_guest_tlb_local(void)
{
	host_guest_tlb_flushes++;
}

static inline void flush_guest_tlb_all(void)
{
	host_guest_tlb_flushes++;
}

static inline void flush_hyp_tlb_local(void)
{
}

static inline void flush_hyp_tlb_all(void)
{
}

static inline void flush_hyp_tlb_range(unsigned long virt,
				       unsigned long size)
{
	(void)virt;
	(void)size;
}

static inline void dcache_flush_poc(const void *start, unsigned long size)
{
	(void)start;
	(void)size;
}

#endif /* !_ASM_PROCESSOR_H */
