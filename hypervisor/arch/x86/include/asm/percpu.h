/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 part of every per-CPU area (struct arch_per_cpu, embedded in the
 * core's struct per_cpu): the vendor's state of this CPU (opaque here, see
 * x86/vcpu.h), the Linux state it had when it entered the hypervisor, and
 * what the common x86 code keeps per CPU.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

/* IOAPICs the hypervisor filters (system config irqchips). */
#define X86_MAX_IOAPICS		4

#ifndef __ASSEMBLY__

#include <core/types.h>
#include <x86/processor.h>

/*
 * Room for the vendor's per-CPU state, page aligned: SVM has its control
 * block and host save area there, VMX its VMXON region and VMCS.
 */
#define X86_VENDOR_STATE_SIZE	(3 * 4096)

/*
 * Guest registers the vendor's entry loop keeps on the stack, lowest
 * address first (offsets for assembly: asm-defines.c). A vendor that
 * keeps RAX elsewhere copies it here for the exit handlers and back.
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
	/* Only the vendor's files look inside. */
	u8 vendor_state[X86_VENDOR_STATE_SIZE] __aligned(4096);
	struct linux_state linux_state;
	/* Guest registers of the first VM entry. */
	struct guest_regs initial_regs;
	/* The guest registers of the exit being handled (on the stack). */
	struct guest_regs *regs;
	/*
	 * Logical ID (LDR bits 31-24) and destination model (DFR bits
	 * 31-28) as Linux set them before enable; guests cannot change them.
	 */
	u32 apic_ldr;
	u32 apic_dfr;
	/* This CPU's APIC is in x2APIC mode now (apic_cpu_set_mode). */
	bool x2apic;
	/*
	 * Its APIC stayed disabled on the way out of x2APIC mode (a CPU
	 * model that never enables it again before a reset): no interrupt
	 * or kick reaches it, it polls in the hypervisor for good.
	 */
	bool apic_lost;
	/* How far setup got, for the undo path. */
	bool own_tables_loaded;
	/* NMIs taken in the hypervisor itself (while waiting). */
	volatile u32 nmis;
	/*
	 * Set by an NMI in the hypervisor, taken by the next wait: a kick
	 * between a wait loop's last look and its HLT wakes it (VMX).
	 */
	u8 nmi_woken;
	u32 apic_id;
	/*
	 * NMIs other CPUs sent as kicks since the last NMI exit: those are
	 * the hypervisor's, never the guest's (see vcpu_kick()).
	 */
	u32 kicks;
	/*
	 * NMIs CPUs of its cell sent this CPU through the hypervisor's APIC
	 * intercepts and its guest has not been given yet: an NMI that
	 * merged with a kick, or reached the hypervisor itself, is still
	 * the guest's (x86/nmi_route.h).
	 */
	u32 guest_nmis;
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
