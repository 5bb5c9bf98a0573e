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

/* uart-pl011.c */
void uart_pl011_init(unsigned long base, __u16 flags, __u32 divider);
void uart_pl011_putc(unsigned long base, __u16 flags, char c);

/* gic.c: GICv2 or v3 as the comm region (or command line) says */
#define TIMER_IRQ_VIRT		27
#define TIMER_IRQ_PHYS		30

typedef void (*irq_handler_t)(unsigned int irq);

struct gic_ops {
	const char *name;
	/* The interrupt id in an acknowledge value (v2 adds the source). */
	__u32 intid_mask;
	/* Distributor, then what cpu_init does, on the first CPU. */
	int (*init)(void);
	/* This CPU's interface (and v3 redistributor) only. */
	int (*cpu_init)(void);
	/* For the calling CPU where the interrupt is private (< 32). */
	void (*enable_irq)(unsigned int irq);
	__u32 (*read_ack)(void);
	void (*eoi)(__u32 iar);
	/* To the CPU with library index cpu; false if it cannot be named. */
	bool (*send_sgi)(unsigned int cpu, unsigned int sgi);
	/* To every CPU but the caller (in a cell: of the cell). */
	void (*send_sgi_others)(unsigned int sgi);
};

extern const struct gic_ops gic_v2_ops, gic_v3_ops;
extern unsigned long gicd_base, gicc_base, gicr_base;

/* Returns 0 or a negative error; prints nothing. */
int gic_setup(irq_handler_t handler);
/*
 * The calling CPU's part of the GIC, once gic_setup() has run on the
 * first CPU; CPUs started through smp_start_cpu() get it before their
 * entry function runs. Returns 0 or a negative error.
 */
int gic_cpu_init(void);
const char *gic_name(void);
void gic_enable_irq(unsigned int irq);
/*
 * SGI sgi (0..15) to the CPU with library index cpu, which must have
 * done its GIC setup (GICv2 learns its target bit there). Returns false
 * when there is no GIC or no such CPU. SGI 15 is the hypervisor's own
 * in a cell and never arrives.
 */
bool gic_send_sgi(unsigned int cpu, unsigned int sgi);
/* SGI sgi to all other CPUs, started by the library or not. */
bool gic_send_sgi_others(unsigned int sgi);
/* SGIs this CPU has sent since its start (each is one trap in a cell). */
unsigned long gic_sgis_sent(void);
/* Aff3.Aff2.Aff1.Aff0 packed into 32 bits, as GICR_TYPER has it. */
__u64 mpidr_affinity(void);

/* timer.c: EL1 virtual timer */
unsigned long timer_get_frequency(void);
__u64 timer_get_ticks(void);
__u64 timer_ticks_to_ns(__u64 ticks);
__u64 timer_ns_to_ticks(__u64 ns);
void timer_set_deadline(__u64 ticks);
void timer_stop(void);
void delay_us(unsigned long us);

/*
 * psci.c: PSCI (ARM DEN 0022) through SMC, or HVC with "psci=hvc" on the
 * command line (plain QEMU without EL2 or EL3 wants that). In a cell the
 * hypervisor answers both.
 */
#define PSCI_VERSION			0x84000000
#define PSCI_CPU_OFF			0x84000002
#define PSCI_CPU_ON_64			0xc4000003
#define PSCI_AFFINITY_INFO_32		0x84000004
#define PSCI_AFFINITY_INFO_64		0xc4000004
#define PSCI_FEATURES			0x8400000a

#define PSCI_SUCCESS			0
#define PSCI_NOT_SUPPORTED		(-1)
#define PSCI_INVALID_PARAMETERS		(-2)
#define PSCI_DENIED			(-3)
#define PSCI_ALREADY_ON			(-4)
#define PSCI_ON_PENDING			(-5)
#define PSCI_INTERNAL_FAILURE		(-6)
#define PSCI_INVALID_ADDRESS		(-9)

#define PSCI_AFFINITY_ON		0
#define PSCI_AFFINITY_OFF		1
#define PSCI_AFFINITY_ON_PENDING	2

/* MPIDR_EL1's affinity fields (Aff3, Aff2..Aff0), PSCI's CPU naming. */
#define MPIDR_AFF_MASK			0xff00ffffffULL

long psci_call(__u32 fid, __u64 a1, __u64 a2, __u64 a3);
long psci_cpu_on(__u64 mpidr, unsigned long entry, __u64 context);
/* Level 0 only: is that one CPU on, off or on the way? */
long psci_affinity_info(__u64 mpidr);
/* Returns only if the call failed. */
long psci_cpu_off(void);
bool psci_uses_hvc(void);
/* Names for printing: "SUCCESS", "ALREADY_ON", ... */
const char *psci_ret_name(long ret);
/* "ON", "OFF", "ON_PENDING", or the error's name. */
const char *psci_affinity_name(long ret);
/* PSCI calls this CPU has made since its start. */
unsigned long psci_calls(void);

/*
 * smp.c: the cell's other CPUs. The cell starts its first CPU (index 0);
 * smp_start_cpu() switches on another with PSCI CPU_ON, entering at the
 * library's secondary entry with the index as context id: it gets the
 * stack of that index, its GIC interface (if gic_setup() ran) and then
 * calls entry(index) with interrupts masked. When entry returns, the
 * CPU switches itself off. Each index may run one CPU at a time.
 */
typedef void (*ap_entry_t)(unsigned int index);

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

/*
 * Fills mpidrs with the CPUs of this cell (AFFINITY_INFO answers for
 * them only), the caller first; only Aff0 varies (0..15). Returns how
 * many were found, at most max.
 */
unsigned int smp_find_cpus(__u64 *mpidrs, unsigned int max);
/*
 * Returns the PSCI result of CPU_ON, without waiting for the CPU; index
 * is 1 .. SMP_MAX_CPUS - 1 (else INVALID_PARAMETERS) and not running
 * (else DENIED: its stack is taken).
 */
long smp_start_cpu(unsigned int index, __u64 mpidr, ap_entry_t entry);
/* Waits up to timeout_us for CPU index to reach its entry function. */
bool smp_wait_online(unsigned int index, unsigned long timeout_us);
bool smp_cpu_online(unsigned int index);
/* The MPIDR (PSCI style) CPU index runs on, 0 if it never started. */
__u64 smp_cpu_mpidr(unsigned int index);
/*
 * The calling CPU leaves through PSCI CPU_OFF; smp_start_cpu() can start
 * a CPU on its index again.
 */
void smp_cpu_off(void) __attribute__((noreturn));

/* Library internals, from arch_init() on the first CPU. */
void smp_init_boot_cpu(void);
void psci_init(void);

#endif /* !__ASSEMBLY__ */

#endif /* !_INMATE_ARCH_H */
