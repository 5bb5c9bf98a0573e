/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Local xAPIC access of the hypervisor; the cells' APIC writes are a unit
 * of apic.c.
 */
#ifndef _X86_APIC_H
#define _X86_APIC_H

#include <core/types.h>

struct cell;
struct per_cpu;

#define XAPIC_BASE		0xfee00000UL

/* This CPU's APIC registers, as the hypervisor reaches them. */
u32 apic_reg_read(unsigned int reg);
void apic_reg_write(unsigned int reg, u32 value);
/* Map the APIC for the hypervisor (first CPU). */
int apic_init(void);
/* Learn this CPU's APIC ID, logical ID and destination model. */
void apic_cpu_init(struct per_cpu *cpu);
/* Whether logical destination dest names cpu (by the hypervisor's view). */
bool apic_logical_match(const struct per_cpu *cpu, u8 dest);
void apic_send_nmi(u32 apic_id);
/*
 * Fixed vector to the CPUs that belong to cell now (their per-CPU cell,
 * not the cell's CPU set: CPUs on their way in or out are left alone)
 * and that dest names; to the first of them only if lowest.
 */
void apic_send_cell_irq(const struct cell *cell, bool logical, u32 dest,
			u8 vector, bool lowest);
/* Quiet this CPU's APIC before it starts over in another context. */
void apic_cpu_reset(void);

#endif /* _X86_APIC_H */
