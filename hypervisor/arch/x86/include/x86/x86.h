/* SPDX-License-Identifier: GPL-2.0 */
/* Functions the x86 files share among themselves; not seen by the core. */
#ifndef _X86_X86_H
#define _X86_X86_H

#include <jailhouse/cell-config.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/types.h>
#include <asm/percpu.h>

struct cell;

/* Selectors of the hypervisor's GDT; the same numbers Linux uses. */
#define HV_GDT_CS		0x10
#define HV_GDT_DS		0x18

/* Per-cell state of the x86 part. */
struct arch_cell {
	struct paging_structures npt;
	u8 *iopm;
	u8 *msrpm;
};

extern struct paging_structures hv_paging;
/* Largest page the CPU maps (2 MiB, or 1 GiB with Page1GB). */
extern u64 x86_max_page_size;

/* The per-CPU area of the CPU running this code, found by its stack. */
struct per_cpu *this_cpu(void);
u64 x86_hv_phys(const void *addr);
void __noreturn x86_halt_forever(void);

/* Switch between Linux's and the hypervisor's tables and segments. */
void x86_load_segments(const struct desc_table_reg *gdtr,
		       const struct desc_table_reg *idtr, u16 cs, u16 ss,
		       u16 ds, u16 es);

/* entry.S */
void __noreturn svm_vmrun_loop(u64 vmcb_pa, void *stack_top,
			       const struct guest_regs *initial);
void __noreturn x86_leave(const struct guest_regs *regs, const u64 frame[5]);
extern const u8 x86_exception_stubs[];
/*
 * Sleep until an NMI arrives (HLT with GIF set, IF clear). x86_wait_hlt
 * is the HLT instruction, which the NMI handler steps over when the NMI
 * came between STGI and HLT, so no kick is slept through.
 */
void x86_wait_for_nmi(void);
extern const u8 x86_wait_hlt[];

/* svm.c */
int svm_check_features(void);
int svm_cpu_init(struct per_cpu *cpu);
void svm_cpu_exit(struct per_cpu *cpu);
void svm_inject_exception(struct per_cpu *cpu, unsigned int vector,
			  bool has_error, u32 error);
/* Point the VMCB at cpu->cell's tables and permission maps. */
void svm_load_cell(struct per_cpu *cpu);
/* Requests of INIT and STARTUP IPIs to target (apic.c). */
void x86_kick(struct per_cpu *target);
void x86_send_init(struct per_cpu *target);
void x86_send_sipi(struct per_cpu *target, unsigned int vector);

/* vcpu.c */
/*
 * Handle management requests and wait while the CPU is parked or waits
 * for STARTUP; returns whether anything was done (then an NMI was a kick,
 * not one for the guest). The guest state may have been reset.
 */
bool vcpu_handle_events(struct per_cpu *cpu);

/* guest_mem.c */
int guest_mem_init(void);
int guest_read_linear(struct per_cpu *cpu, u64 addr, void *buf,
		      unsigned int len);

/* npt.c */
int npt_cell_init(struct cell *cell, struct arch_cell *ac);
/* PAGE_FLAG_* for a config region's JAILHOUSE_MEM_* flags. */
unsigned long npt_region_flags(u64 mem_flags);

/* pio.c */
int pio_init_bitmap(struct arch_cell *ac,
		    const struct jailhouse_cell_desc *config);
int pio_handle_exit(struct per_cpu *cpu, struct guest_regs *regs);
/* One IN or OUT of size 1, 2 or 4 bytes by the hypervisor itself. */
u32 port_in(u16 port, unsigned int size);
void port_out(u16 port, unsigned int size, u32 value);

/* dbg.c: an MMIO debug UART in the hypervisor's tables (early setup). */
int dbg_map_hv(void);

/* ioapic.c */
/*
 * Map the IOAPICs of the system config (early), then, on the hypervisor's
 * tables, count their pins and mask those of no cell (late).
 */
int ioapic_init(void);
void ioapic_init_late(void);
/* Mask the pins of the cell's irqchips: they change hands. */
void ioapic_cell_pins_mask(const struct cell *cell);
/*
 * A trapped access at gpa: -ENOENT if no IOAPIC of the cell is there,
 * else decoded, filtered and done (0) or not understood (-EINVAL).
 */
int ioapic_access(struct per_cpu *cpu, struct guest_regs *regs, u64 gpa);

/* pci.c */
/* The hypervisor's view of MMCONFIG (arch_init_early). */
int pci_init(void);
/*
 * An access of cpu's guest to port (mechanism #1 ports); value is the
 * source of OUT and the result of IN. -EPERM for other ports.
 */
int pci_conf1_access(struct per_cpu *cpu, u16 port, unsigned int size,
		     bool in, u32 *value);
/*
 * A trapped access at gpa: -ENOENT outside the MMCONFIG window, else
 * decoded, filtered and done (0) or not understood (-EINVAL, -EFAULT).
 */
int pci_mmconfig_access(struct per_cpu *cpu, struct guest_regs *regs,
			u64 gpa);

/* msr.c */
int msr_init_bitmap(struct arch_cell *ac);
/* Non-root cells: every MSR traps except the CPU's own working set. */
int msr_init_bitmap_cell(struct arch_cell *ac);
int msr_handle_exit(struct per_cpu *cpu, struct guest_regs *regs);

/* clock.c: frequencies for the comm regions, from the config or measured */
extern u32 x86_tsc_khz, x86_apic_khz;
void clock_measure(void);

/* cpuid.c */
void cpuid_handle_exit(struct guest_regs *regs);

/* xsetbv.c: checks the new XCR0, loads it or raises #GP/#UD. */
void xsetbv_handle_exit(struct per_cpu *cpu, struct guest_regs *regs);

#endif /* _X86_X86_H */
