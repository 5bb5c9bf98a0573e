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

/* svm.c */
int svm_check_features(void);
int svm_cpu_init(struct per_cpu *cpu);
void svm_cpu_exit(struct per_cpu *cpu);
void svm_inject_exception(struct per_cpu *cpu, unsigned int vector,
			  bool has_error, u32 error);
/* Requests of INIT and STARTUP IPIs to target (apic.c). */
void x86_send_init(struct per_cpu *target);
void x86_send_sipi(struct per_cpu *target, unsigned int vector);

/* guest_mem.c */
int guest_mem_init(void);
int guest_read_linear(struct per_cpu *cpu, u64 addr, void *buf,
		      unsigned int len);

/* npt.c */
int npt_cell_init(struct cell *cell, struct arch_cell *ac);

/* pio.c */
int pio_init_bitmap(struct arch_cell *ac,
		    const struct jailhouse_cell_desc *config);
int pio_handle_exit(struct per_cpu *cpu, struct guest_regs *regs);

/* msr.c */
int msr_init_bitmap(struct arch_cell *ac);
int msr_handle_exit(struct per_cpu *cpu, struct guest_regs *regs);

/* cpuid.c */
void cpuid_handle_exit(struct guest_regs *regs);

#endif /* _X86_X86_H */
