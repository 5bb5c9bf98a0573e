/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * x86 part of the inmate library (64-bit and 32-bit builds): port and
 * MMIO accessors, MSRs, CPUID, interrupts, timers, APIC and SMP.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

#include <stdbool.h>
#include <stdint.h>
#include <jailhouse/types.h>
#include <jailhouse/console.h>

#define COMM_REGION_BASE	0x100000UL

#define X86_CR0_PE		0x00000001
#define X86_CR0_NW		0x20000000
#define X86_CR0_CD		0x40000000

#define MSR_IA32_APIC_BASE	0x0000001b
#define APIC_BASE_EXTD		(1UL << 10)
#define APIC_BASE_EN		(1UL << 11)

/* xAPIC register offsets; x2APIC MSR = 0x800 + offset / 16. */
#define APIC_ID			0x020
#define APIC_EOI		0x0b0
#define APIC_SVR		0x0f0
#define APIC_SVR_ENABLE		0x100
#define APIC_ICR		0x300
#define APIC_ICR_HI		0x310
#define APIC_LVT_TIMER		0x320
#define APIC_TMICT		0x380
#define APIC_TMCCT		0x390
#define APIC_TDCR		0x3e0
#define APIC_LVT_MASKED		(1 << 16)
#define APIC_LVT_PERIODIC	(1 << 17)
#define APIC_TDCR_DIV_1		0xb

#define XAPIC_BASE		0xfee00000UL

static inline void outb(__u8 v, __u16 port)
{
	asm volatile("outb %0, %1" : : "a" (v), "Nd" (port));
}

static inline void outw(__u16 v, __u16 port)
{
	asm volatile("outw %0, %1" : : "a" (v), "Nd" (port));
}

static inline void outl(__u32 v, __u16 port)
{
	asm volatile("outl %0, %1" : : "a" (v), "Nd" (port));
}

static inline __u8 inb(__u16 port)
{
	__u8 v;

	asm volatile("inb %1, %0" : "=a" (v) : "Nd" (port));
	return v;
}

static inline __u16 inw(__u16 port)
{
	__u16 v;

	asm volatile("inw %1, %0" : "=a" (v) : "Nd" (port));
	return v;
}

static inline __u32 inl(__u16 port)
{
	__u32 v;

	asm volatile("inl %1, %0" : "=a" (v) : "Nd" (port));
	return v;
}

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

static inline __u64 rdmsr(__u32 msr)
{
	__u32 lo, hi;

	asm volatile("rdmsr" : "=a" (lo), "=d" (hi) : "c" (msr));
	return ((__u64)hi << 32) | lo;
}

static inline void wrmsr(__u32 msr, __u64 v)
{
	asm volatile("wrmsr" : : "c" (msr), "a" ((__u32)v),
		     "d" ((__u32)(v >> 32)) : "memory");
}

static inline void cpuid(__u32 leaf, __u32 *a, __u32 *b, __u32 *c, __u32 *d)
{
	asm volatile("cpuid" : "=a" (*a), "=b" (*b), "=c" (*c), "=d" (*d)
		     : "a" (leaf), "c" (0));
}

static inline __u64 rdtsc(void)
{
	__u32 lo, hi;

	/* lfence keeps the read from moving ahead of earlier loads. */
	asm volatile("lfence; rdtsc" : "=a" (lo), "=d" (hi) : : "memory");
	return ((__u64)hi << 32) | lo;
}

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

static inline void irq_enable(void)
{
	asm volatile("sti" : : : "memory");
}

static inline void irq_disable(void)
{
	asm volatile("cli" : : : "memory");
}

/* Sleep until an interrupt; sti's one-instruction shadow avoids a race. */
static inline void irq_enable_and_wait(void)
{
	asm volatile("sti; hlt" : : : "memory");
}

/* UART register access for the shared 8250 driver. */
static inline void uart_reg_write(unsigned long base, __u16 flags,
				  unsigned int reg, __u8 v)
{
	if (JAILHOUSE_CON_IS_MMIO(flags))
		mmio_write8(base + reg * JAILHOUSE_CON_REG_STRIDE(flags), v);
	else
		outb(v, base + reg);
}

static inline __u8 uart_reg_read(unsigned long base, __u16 flags,
				 unsigned int reg)
{
	if (JAILHOUSE_CON_IS_MMIO(flags))
		return mmio_read8(base + reg * JAILHOUSE_CON_REG_STRIDE(flags));
	return inb(base + reg);
}

/* timing.c: PM timer, TSC and APIC timer */
extern __u16 pm_timer_port;
extern unsigned long tsc_khz;
extern unsigned long apic_khz;
__u64 pm_timer_read_ns(void);
__u64 tsc_read_ns(void);
/* Best clock available: PM timer, else TSC with a known frequency. */
__u64 time_ns(void);
void delay_us(unsigned long us);
unsigned long tsc_calibrate(void);
unsigned long apic_timer_calibrate(void);
void apic_timer_start_periodic(__u8 vector, __u64 period_ns);
void apic_timer_oneshot(__u8 vector, __u64 delay_ns);
void apic_timer_stop(void);

/* apic.c: x2APIC MSRs in a cell, else the xAPIC page */
bool apic_is_x2apic(void);
void apic_init(void);
__u32 apic_read(unsigned int reg);
void apic_write(unsigned int reg, __u32 v);
void apic_send_ipi(__u32 dest, __u32 icr_low);
__u32 apic_id(void);
void apic_eoi(void);

/* int.c: IDT and handlers */
struct int_frame;
typedef void (*int_handler_t)(unsigned int vector);
void int_init(void);
void int_set_handler(unsigned int vector, int_handler_t handler);

/*
 * pci.c, beside the config space access inmate.h declares: memory BAR n
 * (64-bit ones whole), as the firmware placed it.
 */
#define PCI_CFG_BAR0		PCI_CFG_BAR
__u64 pci_bar_address(__u16 bdf, unsigned int n);

/* smp.c: other CPUs of the cell */
typedef void (*ap_entry_t)(unsigned int index);
/*
 * Starts the other CPUs (INIT, STARTUP to all but self), each calling
 * entry with its index 1..n; waits for `expected` of them or, when 0,
 * 100 ms. Returns how many reported.
 */
unsigned int smp_start_cpus(ap_entry_t entry, unsigned int expected);
unsigned int smp_cpus_online(void);

/* hypercall.c */
const char *cpu_vendor(void);

#endif /* !_INMATE_ARCH_H */
