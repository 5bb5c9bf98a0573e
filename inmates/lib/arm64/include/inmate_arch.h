/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * arm64 part of the inmate library: MMIO and system registers, the GIC
 * (v2 and v3) and the generic timer. The MMU stays off, so every data
 * access is Device memory: the library is built with -mstrict-align.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

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

/* uart-pl011.c */
void uart_pl011_init(unsigned long base, __u16 flags, __u32 divider);
void uart_pl011_putc(unsigned long base, __u16 flags, char c);

/* gic.c: GICv2 or v3 as the comm region (or command line) says */
#define TIMER_IRQ_VIRT		27
#define TIMER_IRQ_PHYS		30

typedef void (*irq_handler_t)(unsigned int irq);

struct gic_ops {
	const char *name;
	int (*init)(void);
	void (*enable_irq)(unsigned int irq);
	__u32 (*read_ack)(void);
	void (*eoi)(__u32 iar);
};

extern const struct gic_ops gic_v2_ops, gic_v3_ops;
extern unsigned long gicd_base, gicc_base, gicr_base;

/* Returns 0 or a negative error; prints nothing. */
int gic_setup(irq_handler_t handler);
const char *gic_name(void);
void gic_enable_irq(unsigned int irq);
__u64 mpidr_affinity(void);

/* timer.c: EL1 virtual timer */
unsigned long timer_get_frequency(void);
__u64 timer_get_ticks(void);
__u64 timer_ticks_to_ns(__u64 ticks);
__u64 timer_ns_to_ticks(__u64 ns);
void timer_set_deadline(__u64 ticks);
void timer_stop(void);
void delay_us(unsigned long us);

#endif /* !_INMATE_ARCH_H */
