/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 vendor seam. Common x86 code reaches the CPU's virtualization
 * extension only through the functions below; svm.c provides them for
 * AMD SVM, vmx.c will for Intel VT-x, and each image links the common
 * objects with one vendor's (build.mk). The vendor's control structures
 * (VMCB, VMCS) and its per-CPU state never leave its own files: common
 * code sees struct arch_per_cpu's vendor_state as opaque bytes.
 *
 * The other direction: a vendor's exit dispatcher decodes each exit into
 * the structures here and calls the common handlers of x86/exits.h; the
 * end of this header lists what vcpu.c gives both vendors (kicks, INIT
 * and STARTUP, the wait for events).
 *
 * Unless said otherwise, cpu is the calling CPU and the accessors act on
 * the guest state of its current exit.
 */
#ifndef _X86_VCPU_H
#define _X86_VCPU_H

#include <core/types.h>
#include <x86/processor.h>

struct guest_regs;
struct paging_format;
struct per_cpu;

/* --- Provided by the vendor --- */

/*
 * First CPU, early: whether this CPU has what the vendor needs; -ENODEV
 * after one console line naming what is missing.
 */
int vcpu_vendor_init(void);

/*
 * Turn the extension on for cpu and build the guest state that continues
 * Linux from cpu->arch.linux_state, with the tables of cpu->cell.
 */
int vcpu_cpu_init(struct per_cpu *cpu);

/*
 * Turn the extension off again after a setup failure, however far
 * vcpu_cpu_init got (nothing if it did not start).
 */
void vcpu_cpu_exit(struct per_cpu *cpu);

/*
 * Enter the guest the first time with the general registers in regs
 * (which must not be on the CPU's stack) and never come back here: every
 * exit goes to the vendor's dispatcher.
 */
void __noreturn vcpu_activate_vmm(struct per_cpu *cpu,
				  const struct guest_regs *regs);

u64 vcpu_get_rip(struct per_cpu *cpu);

/*
 * Move the guest past the instruction that exited, length bytes long
 * (decoded or architectural; the vendor may use its own figure).
 */
void vcpu_skip_instruction(struct per_cpu *cpu, unsigned int length);

/* RSP is not among the general registers the exit path saves. */
u64 vcpu_get_rsp(struct per_cpu *cpu);
void vcpu_set_rsp(struct per_cpu *cpu, u64 value);

u64 vcpu_get_rflags(struct per_cpu *cpu);

/* Control registers 0, 3 and 4 as the guest set them. */
u64 vcpu_get_cr0(struct per_cpu *cpu);
u64 vcpu_get_cr3(struct per_cpu *cpu);
u64 vcpu_get_cr4(struct per_cpu *cpu);

/*
 * EFER as the guest sees it: without bits the vendor keeps set for
 * itself (SVM's EFER.SVME).
 */
u64 vcpu_get_efer(struct per_cpu *cpu);

/*
 * Load the EFER value the guest wrote (the caller checked it), with the
 * vendor's own bits added; the guest's TLB entries go.
 */
void vcpu_set_efer(struct per_cpu *cpu, u64 value);

/* The code segment, attributes in struct segment's layout. */
void vcpu_get_cs(struct per_cpu *cpu, struct segment *cs);

/* Current privilege level of the guest. */
unsigned int vcpu_get_cpl(struct per_cpu *cpu);

/*
 * Raise exception vector in the guest at the next entry, replacing any
 * event due; error is pushed when has_error is set.
 */
void vcpu_inject_exception(struct per_cpu *cpu, unsigned int vector,
			   bool has_error, u32 error);

/*
 * Give the guest an NMI. Where the vendor tracks the guest's NMI blocking
 * (VMX with virtual NMIs) it waits until the guest can take it; otherwise
 * it comes at the next entry, unless an event is already due then (an
 * NMI must not overwrite an exception being redelivered).
 */
void vcpu_inject_nmi(struct per_cpu *cpu);

/* The guest's TLB entries must go at the next entry. */
void vcpu_tlb_flush(struct per_cpu *cpu);

/*
 * Point cpu's guest at the nested page tables and permission maps of
 * cpu->cell (it may have changed); flushes the guest's TLB.
 */
void vcpu_load_cell(struct per_cpu *cpu);

/*
 * The state INIT and STARTUP with vector leave a CPU in (the reset state
 * of Documentation/inmate-interface.md), except the general registers,
 * which the caller clears.
 */
void vcpu_vendor_reset(struct per_cpu *cpu, unsigned int sipi_vector);

/*
 * Sleep in the hypervisor until an NMI arrives, unless one came since
 * the last wait (*woken, which the hypervisor's NMI handler sets and
 * this clears). The HLT is at vcpu_wait_hlt; the handler steps over it
 * when the NMI lands from vcpu_wait_armed on, so no kick is slept
 * through.
 */
void vcpu_vendor_wait(u8 *woken);
extern const u8 vcpu_wait_armed[];
/*
 * A moment in which the CPU takes the external interrupts pending for it
 * (through x86_irq_stub, which ends each): apic_cpu_reset() empties IRR
 * this way so that nothing of a CPU's previous owner reaches the next.
 */
void vcpu_vendor_irq_window(void);
extern const u8 vcpu_wait_hlt[];

/*
 * An NMI exit: let the NMI that caused it be taken by the hypervisor's
 * own handler now if it is still pending, so that it does not hit the
 * next entry again.
 */
void vcpu_vendor_take_nmi(void);

/*
 * An NMI reached the hypervisor's own handler outside the guest. Where
 * exits run with NMIs deliverable (VMX), the kick it may be would be lost
 * until the next exit: the vendor makes the next entry exit at once.
 */
void vcpu_vendor_nmi_in_hypervisor(struct per_cpu *cpu);

/*
 * The vendor's lines of a fatal report: the exit reason and what the
 * vendor reports with it (qualification, address, pending event).
 */
void vcpu_vendor_dump_exit(struct per_cpu *cpu);

/*
 * Permission maps of a cell, from page_alloc, physically contiguous: a
 * set bit traps. Their size in pages, and setting one port or MSR in
 * them; vcpu_msrpm_set is -EINVAL for an MSR outside what the map covers
 * (such MSRs always trap).
 */
extern const unsigned int vcpu_iopm_pages;
extern const unsigned int vcpu_msrpm_pages;
void vcpu_iopm_set(u8 *iopm, u16 port, bool intercept);
int vcpu_msrpm_set(u8 *msrpm, u32 msr, bool intercept);

/*
 * MSRs of the extension itself, which every cell traps (vcpu_vendor_msrs,
 * vcpu_vendor_num_msrs long), and the answers to accesses of them: 0 when
 * done, -EPERM for a #GP, -EINVAL for an MSR that is not the vendor's.
 */
extern const u32 vcpu_vendor_msrs[];
extern const unsigned int vcpu_vendor_num_msrs;
int vcpu_vendor_msr_read(struct per_cpu *cpu, u32 msr, u64 *value);
int vcpu_vendor_msr_write(struct per_cpu *cpu, u32 msr, u64 value);

/*
 * The format of the cells' nested page tables (NPT, EPT) and the largest
 * page the vendor's walker takes in them.
 */
extern const struct paging_format *const vcpu_npt_format;
unsigned long vcpu_npt_max_page_size(void);

/* Decoded intercepts the dispatcher hands to x86/exits.h. */
struct vcpu_io_intercept {
	u16 port;
	/* 1, 2 or 4 bytes */
	unsigned int size;
	/* of the IN or OUT instruction */
	unsigned int length;
	bool in;
	/* INS/OUTS or a REP prefix */
	bool string_or_rep;
};

struct vcpu_npf_intercept {
	/* guest-physical address of the access */
	u64 gpa;
	bool is_write;
};

/* --- Provided by vcpu.c to both vendors --- */

/* Whether the guest runs 64-bit code (long mode, CS.L). */
bool vcpu_long_mode(struct per_cpu *cpu);

/*
 * The state of a CPU after INIT and STARTUP: real mode at vector:0000,
 * which for vector 0 is also the state the first CPU of a cell starts in.
 * The guest registers of the current exit are cleared.
 */
void vcpu_reset(struct per_cpu *cpu, unsigned int vector);

/*
 * Kicks are NMIs to the target's APIC; counted, so that an NMI exit can
 * tell a kick from an NMI meant for the guest.
 */
void vcpu_kick(struct per_cpu *target);

/* INIT and STARTUP IPIs of the guests, as requests to target. */
void vcpu_send_init(struct per_cpu *target);
void vcpu_send_sipi(struct per_cpu *target, unsigned int vector);

/*
 * Handle management requests and wait while the CPU is parked or waits
 * for STARTUP; returns whether anything was done (then an NMI was a kick,
 * not one for the guest). The guest state may have been reset.
 */
bool vcpu_handle_events(struct per_cpu *cpu);

/*
 * An NMI exit, for the vendor's dispatcher: the kicks counted, the NMI
 * taken (vcpu_vendor_take_nmi), a kick handled, an NMI of the guest's
 * (x86/nmi_route.h) given to it.
 */
void vcpu_handle_nmi(struct per_cpu *cpu);
/*
 * The exit after an NMI landed in the hypervisor (VMX, see
 * vcpu_vendor_nmi_in_hypervisor): requests handled, and the guest gets
 * the NMIs its cell sent meanwhile, which would be lost otherwise.
 */
void vcpu_handle_late_nmi(struct per_cpu *cpu);

#endif /* _X86_VCPU_H */
