/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * ARMv7-A (AArch32) part of the inmate library: start in SVC mode with
 * the MMU off, PL011 and 8250 consoles, GICv2, the generic timer through
 * CP15, PSCI and the cell's other CPUs. The GIC, PSCI, SMP and PL011
 * code is arm64's (inmate_arm.h), built for ARMv7. With the MMU off
 * every data access is Strongly-ordered, where unaligned accesses fault
 * (the library is built with -mno-unaligned-access) and exclusive
 * accesses need not work (the printk lock is a bakery). Names as in the
 * arm64 library, so that code written against one builds against the
 * other.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

/* As on arm64: CPUs of one cell the library runs, and their stacks. */
#define SMP_MAX_CPUS		8
#define SMP_STACK_SHIFT		12
#define SMP_STACK_SIZE		(1 << SMP_STACK_SHIFT)

#ifndef __ASSEMBLY__

#include <stdbool.h>
#include <stdint.h>
#include <jailhouse/types.h>
#include <jailhouse/console.h>

#define COMM_REGION_BASE	0x80000000UL

#define isb()		asm volatile("isb" : : : "memory")
#define dsb(opt)	asm volatile("dsb " #opt : : : "memory")

static inline __u8 mmio_read8(unsigned long addr)
{
	return *(volatile __u8 *)addr;
}

static inline void mmio_write8(unsigned long addr, __u8 v)
{
	*(volatile __u8 *)addr = v;
}

static inline __u32 mmio_read32(unsigned long addr)
{
	return *(volatile __u32 *)addr;
}

static inline void mmio_write32(unsigned long addr, __u32 v)
{
	*(volatile __u32 *)addr = v;
}

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

static inline void irq_enable(void)
{
	asm volatile("cpsie i" : : : "memory");
}

static inline void irq_disable(void)
{
	asm volatile("cpsid i" : : : "memory");
}

/* As on arm64: wfi wakes on a pending interrupt even while masked. */
static inline void irq_enable_and_wait(void)
{
	asm volatile("wfi; cpsie i; isb" : : : "memory");
}

static inline void uart_reg_write(unsigned long base, __u16 flags,
				  unsigned int reg, __u8 v)
{
	if (JAILHOUSE_CON_REG_STRIDE(flags) == 4)
		mmio_write32(base + reg * 4, v);
	else
		mmio_write8(base + reg, v);
}

static inline __u8 uart_reg_read(unsigned long base, __u16 flags,
				 unsigned int reg)
{
	if (JAILHOUSE_CON_REG_STRIDE(flags) == 4)
		return mmio_read32(base + reg * 4);
	return mmio_read8(base + reg);
}

/* MPIDR's affinity fields (Aff2..Aff0), PSCI's CPU naming. */
#define MPIDR_AFF_MASK			0xffffffULL

/* SMC32 is all an AArch32 caller has. */
#define PSCI_CPU_ON		PSCI_CPU_ON_32
#define PSCI_AFFINITY_INFO	PSCI_AFFINITY_INFO_32

/*
 * An SMC or HVC (hvc) following the SMC calling convention: function id
 * in r0, arguments in r1..r3 (the lower halves: an SMC32 call has no
 * more), result in r0. r12 may be clobbered too; the memory clobber
 * keeps flag stores on the near side of CPU_ON.
 */
static inline __u64 arch_smccc(bool hvc, __u32 fid, __u64 a1, __u64 a2,
			       __u64 a3)
{
	register __u32 r0 asm("r0") = fid;
	register __u32 r1 asm("r1") = a1;
	register __u32 r2 asm("r2") = a2;
	register __u32 r3 asm("r3") = a3;

	if (hvc)
		asm volatile(".arch_extension virt\n\thvc #0"
			     : "+r" (r0), "+r" (r1), "+r" (r2), "+r" (r3)
			     : : "r12", "memory");
	else
		asm volatile(".arch_extension sec\n\tsmc #0"
			     : "+r" (r0), "+r" (r1), "+r" (r2), "+r" (r3)
			     : : "r12", "memory");
	return r0;
}

/* Index of the calling CPU (kept in TPIDRPRW, start.S sets it). */
static inline unsigned int smp_cpu_index(void)
{
	unsigned long index;

	asm volatile("mrc p15, 0, %0, c13, c0, 4" : "=r" (index));
	return index;
}

/* The calling CPU's MPIDR affinity fields, PSCI style. */
static inline __u64 mpidr_self(void)
{
	unsigned long mpidr;

	asm volatile("mrc p15, 0, %0, c0, c0, 5" : "=r" (mpidr));
	return mpidr & MPIDR_AFF_MASK;
}

#include <inmate_arm.h>

#endif /* !__ASSEMBLY__ */

#endif /* !_INMATE_ARCH_H */
