/* SPDX-License-Identifier: GPL-2.0 */
/* Local xAPIC access of the hypervisor and the root cell's APIC writes. */
#ifndef _X86_APIC_H
#define _X86_APIC_H

#include <core/types.h>

struct per_cpu;
struct guest_regs;

#define XAPIC_BASE		0xfee00000UL

/* This CPU's APIC registers, as the hypervisor reaches them. */
u32 apic_reg_read(unsigned int reg);
void apic_reg_write(unsigned int reg, u32 value);
/* Map the APIC for the hypervisor (first CPU). */
int apic_init(void);
/* Learn this CPU's APIC ID. */
void apic_cpu_init(struct per_cpu *cpu);
void apic_send_nmi(u32 apic_id);
/* Quiet this CPU's APIC before it starts over in another context. */
void apic_cpu_reset(void);
/* A trapped guest write at gpa inside the APIC page. */
int apic_handle_write(struct per_cpu *cpu, struct guest_regs *regs,
		      u64 gpa);

#endif /* _X86_APIC_H */
