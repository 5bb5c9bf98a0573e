/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 part of every per-CPU area (struct arch_per_cpu, embedded in the
 * core's struct per_cpu): this CPU's VMCB, host save area and the Linux
 * state it had when it entered the hypervisor.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

/* Shared with entry.S; the core's PERCPU_STACK_SIZE must match. */
#define X86_STACK_SIZE		0x4000

/* IOAPICs the hypervisor filters (system config irqchips). */
#define X86_MAX_IOAPICS		4

#ifndef __ASSEMBLY__

#include <core/types.h>
#include <x86/processor.h>
#include <x86/vmcb.h>

/*
 * Guest registers the VMRUN loop keeps on the stack, lowest address
 * first (entry.S). RAX and RSP live in the VMCB; rax here is a copy the
 * exit handlers work on.
 */
struct guest_regs {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long rdi, rsi, rbp, rbx, rdx, rcx, rax;
	unsigned long unused;
};

/* What Linux had in place when it called the entry. */
struct linux_state {
	unsigned long rsp;	/* after the entry call returns */
	unsigned long rip;	/* return address of the entry call */
	unsigned long rbx, rbp, r12, r13, r14, r15;
	unsigned long rflags;
	unsigned long cr0, cr3, cr4;
	u64 efer, pat;
	struct desc_table_reg gdtr, idtr;
	struct segment cs, ss, ds, es, fs, gs, tr, ldtr;
	u64 kernel_gs_base;
	u64 star, lstar, cstar, sfmask;
	u64 sysenter_cs, sysenter_esp, sysenter_eip;
};

struct arch_per_cpu {
	struct vmcb vmcb __aligned(4096);
	u8 host_save_area[4096] __aligned(4096);
	struct linux_state linux_state;
	/* Guest registers of the first VMRUN. */
	struct guest_regs initial_regs;
	/* The guest registers of the exit being handled (on the stack). */
	struct guest_regs *regs;
	/* Logical APIC ID as the guest last set it (flat model IPIs). */
	u32 apic_ldr;
	u64 vmcb_pa;
	/* How far setup got, for the undo path. */
	bool own_tables_loaded;
	bool svm_enabled;
	/* Next VMRUN must flush the guest's TLB entries. */
	bool flush_tlb;
	/* NMIs taken in the hypervisor itself (while GIF was set). */
	volatile u32 nmis;
	u32 apic_id;
	/*
	 * NMIs other CPUs sent as kicks since the last NMI exit: those are
	 * the hypervisor's, never the guest's (see x86_kick()).
	 */
	u32 kicks;
	/* INIT/STARTUP requests of other CPUs: X86_CPU_* and the vector. */
	u32 init_state;
	u32 sipi_vector;
	/* Address register of PCI config mechanism #1 as this CPU set it. */
	u32 pci_conf1_addr;
	/* Register select of each IOAPIC as this CPU set it. */
	u8 ioapic_select[X86_MAX_IOAPICS];
};

/* init_state: running the guest, INIT received, STARTUP received. */
#define X86_CPU_RUNNING		0
#define X86_CPU_INIT		1
#define X86_CPU_SIPI		2

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_PERCPU_H */
