/* SPDX-License-Identifier: GPL-2.0 */
/* The IOAPICs, filtered for every cell (ioapic.c). */
#ifndef _X86_IOAPIC_H
#define _X86_IOAPIC_H

#include <core/types.h>

struct cell;
struct guest_regs;
struct per_cpu;

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

#endif /* _X86_IOAPIC_H */
