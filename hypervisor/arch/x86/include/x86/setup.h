/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's own address space and CPU state (setup.c, entry.S):
 * what the other x86 files need of them.
 */
#ifndef _X86_SETUP_H
#define _X86_SETUP_H

#include <core/paging.h>
#include <core/types.h>
#include <x86/processor.h>

struct guest_regs;
struct per_cpu;

/* Selectors of the hypervisor's GDT; the same numbers Linux uses. */
#define HV_GDT_CS		0x10
#define HV_GDT_DS		0x18

extern struct paging_structures hv_paging;
/* The hypervisor's GDT (a VM exit sets GDTR's limit to 0xffff). */
extern const struct desc_table_reg hv_gdtr;
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

/*
 * entry.S: load the general registers and IRET into the state in frame
 * (RIP, CS, RFLAGS, RSP, SS); never returns.
 */
void __noreturn x86_leave(const struct guest_regs *regs, const u64 frame[5]);
extern const u8 x86_exception_stubs[];
/* entry.S: every external interrupt vector; see vcpu_vendor_irq_window. */
extern const u8 x86_irq_stub[];
/* The IDT for those windows (on) or the hypervisor's usual one (off). */
void x86_drain_idt(bool on);

/*
 * The frame entry.S builds for an exception in the hypervisor: the
 * registers it pushes, vector and error code (0 where the CPU gives
 * none), then what the CPU pushed.
 */
struct exception_frame {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long rdi, rsi, rbp, rbx, rdx, rcx, rax;
	unsigned long vector, error;
	unsigned long rip, cs, rflags, rsp, ss;
};

/* entry.S: the way into the guest after a successful entry(). */
void __noreturn arch_cpu_activate_vmm(void);

/* entry.S hands exceptions of the hypervisor itself to setup.c. */
void x86_exception(struct exception_frame *f);

/* dbg.c: an MMIO debug UART in the hypervisor's tables (early setup). */
int dbg_map_hv(void);

#endif /* _X86_SETUP_H */
