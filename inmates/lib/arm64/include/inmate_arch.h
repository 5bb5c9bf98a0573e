/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * arm64 part of the inmate library: MMIO and system registers, the GIC
 * (v2 and v3), the generic timer, PSCI and the cell's other CPUs. The MMU
 * is on (mmu.h) unless the command line says "mmu=off", which leaves
 * every data access Device memory: so the library is built with
 * -mstrict-align, and CPUs coordinate through plain loads and stores
 * with barriers, never exclusive accesses.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

/*
 * CPUs the library can run in one cell (index 0 is the one the cell
 * starts, the others get the index they were switched on with), and the
 * stack each has; start.S sizes its stacks by these.
 */
#define SMP_MAX_CPUS		8
#define SMP_STACK_SHIFT		12
#define SMP_STACK_SIZE		(1 << SMP_STACK_SHIFT)

#ifndef __ASSEMBLY__

#include <stdbool.h>
#include <stdint.h>
#include <jailhouse/types.h>
#include <jailhouse/console.h>

#define COMM_REGION_BASE	0x80000000UL

#define read_sysreg(reg) ({						\
	__u64 __v;							\
	asm volatile("mrs %0, " #reg : "=r" (__v));			\
	__v;								\
})

#define write_sysreg(reg, v)						\
	asm volatile("msr " #reg ", %0" : : "r" ((__u64)(v)) : "memory")

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

static inline __u64 mmio_read64(unsigned long addr)
{
	return *(volatile __u64 *)addr;
}

static inline void mmio_write64(unsigned long addr, __u64 v)
{
	*(volatile __u64 *)addr = v;
}

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

static inline void irq_enable(void)
{
	asm volatile("msr daifclr, #2" : : : "memory");
}

static inline void irq_disable(void)
{
	asm volatile("msr daifset, #2" : : : "memory");
}

/*
 * wfi wakes on a pending interrupt even while masked, so masking stays
 * on across the wait and the caller takes the interrupt afterwards
 * without a window for a lost wake-up.
 */
static inline void irq_enable_and_wait(void)
{
	asm volatile("wfi; msr daifclr, #2; isb" : : : "memory");
}

/* 8250 on MMIO only; 4-byte register spacing means 32-bit accesses. */
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

/* MPIDR_EL1's affinity fields (Aff3, Aff2..Aff0), PSCI's CPU naming. */
#define MPIDR_AFF_MASK			0xff00ffffffULL

/* The calling convention's names for CPU_ON and AFFINITY_INFO. */
#define PSCI_CPU_ON		PSCI_CPU_ON_64
#define PSCI_AFFINITY_INFO	PSCI_AFFINITY_INFO_64

/*
 * An SMC or HVC (hvc) following the SMC calling convention: function id
 * in x0, arguments in x1..x3, result in x0. SMCCC before 1.1 lets the
 * callee clobber x4..x17 as well; the memory clobber keeps flag stores
 * on the near side of CPU_ON.
 */
static inline __u64 arch_smccc(bool hvc, __u32 fid, __u64 a1, __u64 a2,
			       __u64 a3)
{
	register __u64 x0 asm("x0") = fid;
	register __u64 x1 asm("x1") = a1;
	register __u64 x2 asm("x2") = a2;
	register __u64 x3 asm("x3") = a3;

	if (hvc)
		asm volatile("hvc #0"
			     : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
			     : : "x4", "x5", "x6", "x7", "x8", "x9", "x10",
			       "x11", "x12", "x13", "x14", "x15", "x16", "x17",
			       "memory");
	else
		asm volatile("smc #0"
			     : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
			     : : "x4", "x5", "x6", "x7", "x8", "x9", "x10",
			       "x11", "x12", "x13", "x14", "x15", "x16", "x17",
			       "memory");
	return x0;
}

/* Index of the calling CPU (kept in TPIDR_EL1). */
static inline unsigned int smp_cpu_index(void)
{
	return read_sysreg(tpidr_el1);
}

/* The calling CPU's MPIDR affinity fields, PSCI style. */
static inline __u64 mpidr_self(void)
{
	return read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
}

#include <inmate_arm.h>

#endif /* !__ASSEMBLY__ */

#endif /* !_INMATE_ARCH_H */
