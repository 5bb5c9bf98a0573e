/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The seam between the version-neutral GIC files (gic.c, gic_inject.c)
 * and the versions (gic_v2.c, gic_v3.c): one table of operations,
 * chosen from the system config at run time, and the state they share.
 */
#ifndef _ARM_COMMON_GIC_OPS_H
#define _ARM_COMMON_GIC_OPS_H

#include <core/types.h>
#include <arm-common/gic.h>

struct cell;
struct per_cpu;

/* The distributor in the hypervisor's mapping. */
extern void *gicd;

/* One interrupt id and what the list registers make of it. */
struct gic_lr_format {
	/* Interrupt id in an acknowledge value (the rest: SGI source). */
	u32 iar_id;
	/* List register fields: virtual id, state, pending, HW link. */
	u64 vintid;
	/* What tells two SGIs apart (id, and the source on GICv2). */
	u64 sgi_id;
	u64 state;
	u64 pending;
	u64 hw;
};

/*
 * What differs between GIC versions, for gic.c and gic_inject.c. The
 * version is the system config's, so the choice is made at run time.
 */
struct gic_ops {
	struct gic_lr_format lr;
	/*
	 * Bytes of the distributor that hold registers: GICv2's 4 KiB frame
	 * sits in a 64 KiB window whose rest may answer with an external
	 * abort, so the hypervisor never forwards an access there.
	 */
	unsigned long gicd_regs_size;
	/* Map the version's registers for the hypervisor. */
	int (*init)(void);
	/* Move Linux's CPU-interface state into the virtual interface. */
	int (*cpu_init)(struct per_cpu *cpu);
	/* The reverse, after the list registers were emptied. */
	void (*cpu_shutdown)(struct per_cpu *cpu);
	/* Virtual interface and private interrupts as after a reset. */
	void (*cpu_reset)(struct per_cpu *cpu);
	/*
	 * Register the cell's CPU-interface regions, mmio_regions many; a
	 * cell other than the root also gets its SPIs routed where the
	 * version needs that.
	 */
	int (*cell_init)(struct cell *cell);
	unsigned int mmio_regions;
	/*
	 * GICD_ITARGETSR bits the cell may set (its CPUs), replicated for
	 * each byte of a size-byte access; NULL where affinity routing
	 * makes the register RES0 (GICv3).
	 */
	u64 (*cell_spi_targets)(const struct cell *cell, unsigned int size);
	/*
	 * A cell's write of GICD_SGIR, sent to its own CPUs only; NULL
	 * where the register does not exist (GICv3: ICC_SGI1R instead).
	 */
	void (*sgir_write)(struct cell *cell, u32 val);
	void (*send_sgi)(struct per_cpu *target, unsigned int sgi);
	/* Physical CPU interface: acknowledge, drop priority, deactivate. */
	u32 (*ack)(void);
	void (*eoi)(u32 iar);
	void (*deactivate)(u32 iar);
	/* List registers: the empty ones as a bitmap, read, write. */
	u64 (*empty_lrs)(void);
	u64 (*read_lr)(unsigned int n);
	void (*write_lr)(unsigned int n, u64 val);
	/* A pending list register entry for an acknowledge value. */
	u64 (*make_lr)(u32 iar);
	/* Virtual interface on, with or without the underflow interrupt. */
	void (*set_underflow)(bool on);
	/* gic_irq_fast() of the version, on a CPU whose GIC is set up. */
	u64 (*irq_fast)(struct per_cpu *cpu);
};

extern const struct gic_ops gic_v2_ops;
extern const struct gic_ops gic_v3_ops;
/* The version in use, from the system config. */
extern const struct gic_ops *gic;

/* The hypervisor's maintenance interrupt (a PPI). */
extern unsigned int gic_maint_irq;

/* Private interrupts a guest may not disable, clear or reprioritize. */
static inline u32 gic_hv_private_irqs(void)
{
	return (1U << GIC_MGMT_SGI) | (1U << gic_maint_irq);
}

/*
 * Empty the list registers and the queue of this CPU: linked interrupts
 * are deactivated (a level one comes back by itself), SGIs are sent to
 * this CPU again when resend is set, else dropped.
 */
void gic_drop_injected(struct per_cpu *cpu, bool resend);

/* words 32-bit registers of banked private-interrupt fields at offset. */
struct gic_banked_reg {
	u32 offset;
	unsigned int words;
};

/*
 * Keep the CPU's banked private-interrupt configuration at base (its
 * distributor or redistributor view) at take-over, and put it back at a
 * reset (gic_banked.c). Save fails when the registers do not fit.
 */
int gic_banked_save(struct per_cpu *cpu, void *base,
		    const struct gic_banked_reg *regs, unsigned int count);
void gic_banked_restore(struct per_cpu *cpu, void *base,
			const struct gic_banked_reg *regs, unsigned int count);

#endif /* !_ARM_COMMON_GIC_OPS_H */
