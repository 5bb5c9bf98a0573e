/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exit handlers both vendors share. The vendor's dispatcher calls them
 * with the guest registers of the exit and what it decoded (x86/vcpu.h);
 * each either completes the guest's instruction (moves past it, or raises
 * what the CPU would have raised) or ends in vcpu_fatal.
 */
#ifndef _X86_EXITS_H
#define _X86_EXITS_H

#include <core/types.h>

struct guest_regs;
struct per_cpu;
struct vcpu_io_intercept;
struct vcpu_npf_intercept;

/* hypercall.c: VMMCALL/VMCALL (Documentation/jailhouse-abi.md). */
void hypercall_handle_exit(struct per_cpu *cpu, struct guest_regs *regs);

/* cpuid.c: the hypervisor's leaves, the extension hidden. */
void cpuid_handle_exit(struct per_cpu *cpu, struct guest_regs *regs);

/* pio.c: trapped IN/OUT (PCI mechanism #1, else refused). */
void pio_handle_exit(struct per_cpu *cpu, struct guest_regs *regs,
		     const struct vcpu_io_intercept *io);

/* msr.c: trapped RDMSR (write false) or WRMSR. */
void msr_handle_exit(struct per_cpu *cpu, struct guest_regs *regs,
		     bool write);

/* xsetbv.c: the new XCR0 checked, loaded, or #GP/#UD raised. */
void xsetbv_handle_exit(struct per_cpu *cpu, struct guest_regs *regs);

/* mmio.c: a nested page fault, the MMIO dispatch of the cell. */
void mmio_handle_npf(struct per_cpu *cpu, struct guest_regs *regs,
		     const struct vcpu_npf_intercept *npf);

/*
 * fatal.c: the guest on cpu did something it may not, or that cannot be
 * handled. A report naming CPU, cell and why; a root cell CPU then stops
 * for good (Linux cannot go on without it), a CPU of another cell parks
 * and its cell is marked failed while the rest of the system runs on.
 */
void vcpu_fatal(struct per_cpu *cpu, const struct guest_regs *regs,
		const char *why);

#endif /* _X86_EXITS_H */
