/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * What the arm64 and the ARMv7 inmate library share, included at the end
 * of their inmate_arch.h: the PL011, the GIC front end (gic.c, gic-v2.c),
 * the generic timer's interface, PSCI (psci.c) and the cell's other CPUs
 * (smp.c). Those sources live in lib/arm64 and are built for ARMv7 too;
 * each inmate_arch.h gives them arch_smccc(), smp_cpu_index(),
 * mpidr_self() and the PSCI function ids of its calling convention.
 */
#ifndef _INMATE_ARM_H
#define _INMATE_ARM_H

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
/*
 * gic-v3.c (arm64 only: gic.c refers to gic_v3_ops weakly, so GICv3 is
 * refused where it is not linked): Aff3.Aff2.Aff1.Aff0 packed into 32
 * bits, as GICR_TYPER has it.
 */
__u64 mpidr_affinity(void);

/* timer.c: the virtual generic timer (PPI 27) of the cell's CPU */
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
#define PSCI_CPU_ON_32			0x84000003
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

#endif /* !_INMATE_ARM_H */
