/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interrupt controller as the cells see it. Distributor and
 * redistributor accesses trap and are filtered by what a cell owns: its
 * SPIs (irqchip pins of its config; the root cell owns the rest) and the
 * private interrupts of its CPUs. Every physical interrupt goes to the
 * hypervisor (HCR_EL2.IMO/FMO), which injects it into the cell of the
 * CPU through the list registers of the virtual CPU interface (GICv2
 * and GICv3 alike); one SGI is the hypervisor's own management kick.
 */
#ifndef _ARM_COMMON_GIC_H
#define _ARM_COMMON_GIC_H

#include <core/types.h>

struct cell;
struct per_cpu;

/* SGI the hypervisor kicks its CPUs with; never seen by a cell. */
#define GIC_MGMT_SGI		15
#define GIC_NUM_PRIVATE		32
#define GIC_SPURIOUS		1020

/* Map the GIC for the hypervisor (from the system config). */
int gic_init(void);

/* This CPU's interface at take-over, and back to Linux's state. */
int gic_cpu_init(struct per_cpu *cpu);
void gic_cpu_shutdown(struct per_cpu *cpu);

/*
 * Forget everything injected into this CPU and disable its private
 * interrupts (but the hypervisor's): it starts over in its cell.
 */
void gic_cpu_reset(struct per_cpu *cpu);

/*
 * Take all pending physical interrupts of this CPU, injecting them into
 * its cell. Returns whether the management SGI was among them.
 */
bool gic_handle_irq(struct per_cpu *cpu);

/*
 * What gic_irq_fast() leaves to the full path: GIC_ACK_DONE when the
 * interrupt is in a list register already, else GIC_ACK_SLOW with the
 * acknowledge value it took (GIC_SPURIOUS when it took none).
 */
#define GIC_ACK_DONE		0ULL
#define GIC_ACK_SLOW		(1ULL << 32)
#define GIC_ACK_NONE		(GIC_ACK_SLOW | GIC_SPURIOUS)

/*
 * The interrupt exit's short path: acknowledge one interrupt and, when it
 * is a PPI or SPI and a list register is free, inject it with the HW
 * bit. SGIs, the maintenance interrupt and full list registers are for
 * gic_handle_acked().
 */
u64 gic_irq_fast(struct per_cpu *cpu);

/*
 * The full path after gic_irq_fast(): the acknowledged interrupt of ack,
 * then all others pending. Returns whether the management SGI was among
 * them.
 */
bool gic_handle_acked(struct per_cpu *cpu, u64 ack);

void gic_send_mgmt_sgi(struct per_cpu *target);

/*
 * Whether an interrupt is pending for the CPU's cell in a list register
 * or in the queue: a standby of the CPU would end at once.
 */
bool gic_irq_waiting(struct per_cpu *cpu);

/*
 * A trapped write of ICC_SGI1R_EL1 by this CPU's cell: the SGIs go to
 * the targets that belong to the same cell.
 */
void gic_send_sgi1r(struct per_cpu *cpu, u64 val);

/*
 * The GIC unit's cell hooks (gic_unit.c): the MMIO regions of a cell,
 * registering them and taking the cell's SPIs from the root cell, and
 * disabling the SPIs of a cell other than the root that goes away (the
 * root owns them then).
 */
unsigned int gic_mmio_count_regions(struct cell *cell);
int gic_cell_init(struct cell *cell);
void gic_cell_exit(struct cell *cell);

/* Whether cell may use interrupt irq (SPIs by the configs' irqchips). */
bool gic_cell_owns_irq(const struct cell *cell, unsigned int irq);

/*
 * Make SPI irq pending in the distributor for the hypervisor's own
 * devices (virtual PCI INTx); nothing unless cell owns it, so a config
 * can point its vpci_irq_base at no one else's interrupt.
 */
void gic_set_spi_pending(const struct cell *cell, unsigned int irq);

#endif /* !_ARM_COMMON_GIC_H */
