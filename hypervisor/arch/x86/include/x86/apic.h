/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Local APIC access of the hypervisor, in xAPIC or x2APIC mode, and the
 * cells' APIC intercepts (apic.c; the xAPIC page is a unit there).
 */
#ifndef _X86_APIC_H
#define _X86_APIC_H

#include <core/types.h>

struct cell;
struct per_cpu;

#define XAPIC_BASE		0xfee00000UL

/* The root cell's APIC mode (Linux's), and whether cells run x2APIC. */
extern bool apic_root_x2apic;
extern bool apic_cells_x2apic;

/* This CPU's APIC registers (xAPIC offsets), in the mode it is in. */
u32 apic_reg_read(unsigned int reg);
void apic_reg_write(unsigned int reg, u32 value);
/*
 * First CPU: the modes (config's apic_mode, the CPU, Linux's choice), the
 * banner line, the xAPIC page mapped for the hypervisor.
 */
int apic_init(void);
/*
 * Learn this CPU's mode, APIC ID, logical ID and destination model;
 * -EINVAL when its mode is not the first CPU's.
 */
int apic_cpu_init(struct per_cpu *cpu);
/* Whether logical destination dest names cpu (the root cell's format). */
bool apic_logical_match(const struct per_cpu *cpu, u32 dest);
void apic_send_nmi(u32 apic_id);
/*
 * Fixed vector to the CPUs that belong to cell now (their per-CPU cell,
 * not the cell's CPU set: CPUs on their way in or out are left alone)
 * and that dest names; to the first of them only if lowest.
 */
void apic_send_cell_irq(const struct cell *cell, bool logical, u32 dest,
			u8 vector, bool lowest);
/*
 * The same for a 32-bit x2APIC destination (physical ID, or cluster and
 * members if logical), as an interrupt remapping entry names CPUs.
 */
void apic_send_cell_x2apic_irq(const struct cell *cell, bool logical,
			       u32 dest, u8 vector, bool lowest);
/*
 * Whether the 8-bit destination dest of an interrupt message (physical,
 * or logical in the root cell's format) names only CPUs that belong to
 * cell now, and at least one.
 */
bool apic_dest_confined(const struct cell *cell, bool logical, u32 dest);
/*
 * Whether a 32-bit x2APIC destination (physical ID, or cluster and
 * members if logical), as an interrupt remapping entry names CPUs,
 * reaches CPUs of the set cpus only, and at least one.
 */
bool apic_x2apic_dest_in(const unsigned long *cpus, bool logical, u32 dest);
/*
 * Reset cpu's APIC (cpu is the calling CPU) before it starts over in
 * another context: nothing of the previous owner left, the mode of
 * cpu->cell. Afterwards cpu->arch.apic_lost says whether the CPU can
 * still run a guest.
 */
void apic_cpu_reset(struct per_cpu *cpu);

/* Whether cell speaks x2APIC (every non-root cell does). */
bool apic_cell_uses_x2apic(const struct cell *cell);
/*
 * A cell's access to x2APIC MSR msr (0x800-0x8ff) that trapped: 0 when
 * done, -EPERM for the #GP the CPU would raise, -EACCES for a refusal
 * that fails the cell (why says what, size bytes at most), -EINVAL for
 * an MSR that should not have trapped.
 */
int apic_x2apic_read(struct per_cpu *cpu, u32 msr, u64 *value);
int apic_x2apic_write(struct per_cpu *cpu, u32 msr, u64 value, char *why,
		      size_t size);
/* x86_exception(): end an interrupt apic_cpu_reset() drained. */
void apic_end_drained_irq(void);

#endif /* _X86_APIC_H */
