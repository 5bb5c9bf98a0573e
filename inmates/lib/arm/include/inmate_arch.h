/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * ARMv7-A (AArch32) part of the inmate library, the minimum a FreeRTOS
 * cell needs: start in SVC mode with the MMU off, PL011 and 8250 consoles,
 * GICv2 (shared with arm64: gic-v2.c) and the generic timer through CP15.
 * One CPU per cell for now. With the MMU off every data access is
 * Strongly-ordered, where unaligned accesses fault: the library is built
 * with -mno-unaligned-access. Names as in the arm64 library, so that code
 * written against one builds against the other.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

#define SMP_MAX_CPUS		1

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

/* One CPU: always index 0. */
static inline unsigned int smp_cpu_index(void)
{
	return 0;
}

/* uart-pl011.c (shared with arm64) */
void uart_pl011_init(unsigned long base, __u16 flags, __u32 divider);
void uart_pl011_putc(unsigned long base, __u16 flags, char c);

/* gic.c: GICv2 as the comm region (or command line) says */
#define TIMER_IRQ_VIRT		27
#define TIMER_IRQ_PHYS		30

typedef void (*irq_handler_t)(unsigned int irq);

/* As arm64's; gic-v2.c fills one in. */
struct gic_ops {
	const char *name;
	__u32 intid_mask;
	int (*init)(void);
	int (*cpu_init)(void);
	void (*enable_irq)(unsigned int irq);
	__u32 (*read_ack)(void);
	void (*eoi)(__u32 iar);
	bool (*send_sgi)(unsigned int cpu, unsigned int sgi);
	void (*send_sgi_others)(unsigned int sgi);
};

extern const struct gic_ops gic_v2_ops;
extern unsigned long gicd_base, gicc_base;

/* Returns 0 or a negative error (no GICv2 named); prints nothing. */
int gic_setup(irq_handler_t handler);
const char *gic_name(void);
void gic_enable_irq(unsigned int irq);
/* The IRQ vector's dispatcher: acknowledge, handle, end, until spurious. */
void arch_handle_irq(void);

/* timer.c: PL1 virtual timer through CP15 */
unsigned long timer_get_frequency(void);
__u64 timer_get_ticks(void);
__u64 timer_ticks_to_ns(__u64 ticks);
__u64 timer_ns_to_ticks(__u64 ns);
void timer_set_deadline(__u64 ticks);
void timer_stop(void);
void delay_us(unsigned long us);

#endif /* !__ASSEMBLY__ */

#endif /* !_INMATE_ARCH_H */
