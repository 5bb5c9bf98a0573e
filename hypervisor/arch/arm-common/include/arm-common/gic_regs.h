/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GIC register offsets (GIC architecture specification, IHI 0048 and
 * IHI 0069) and what the GIC files share among themselves.
 */
#ifndef _ARM_COMMON_GIC_REGS_H
#define _ARM_COMMON_GIC_REGS_H

#include <core/types.h>
#include <arm-common/gic.h>

struct cell;
struct per_cpu;

#define GICD_SIZE		0x10000
#define GICD_CTLR		0x0000
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ICPENDR		0x0280
#define GICD_ISACTIVER		0x0300
#define GICD_ICACTIVER		0x0380
#define GICD_IPRIORITYR		0x0400
#define GICD_ITARGETSR		0x0800
#define GICD_ICFGR		0x0c00
#define GICD_IGRPMODR		0x0d00
#define GICD_SGIR		0x0f00
#define GICD_IROUTER		0x6000
#define GICD_IROUTER_END	0x8000
#define GICD_IROUTER_IRM	(1ULL << 31)
#define GICD_IROUTER_AFF	0xff00ffffffULL

/* GICv3 redistributor: RD_base and SGI_base frames of 64 KiB each. */
#define GICR_STRIDE		0x20000
#define GICR_TYPER		0x0008
#define GICR_TYPER_LAST		(1ULL << 4)
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI_BASE + 0x0100)
#define GICR_ICENABLER0		(GICR_SGI_BASE + 0x0180)
#define GICR_ISPENDR0		(GICR_SGI_BASE + 0x0200)
#define GICR_ICPENDR0		(GICR_SGI_BASE + 0x0280)
#define GICR_ISACTIVER0		(GICR_SGI_BASE + 0x0300)
#define GICR_ICACTIVER0		(GICR_SGI_BASE + 0x0380)
#define GICR_IPRIORITYR		(GICR_SGI_BASE + 0x0400)
#define GICR_IGRPMODR0		(GICR_SGI_BASE + 0x0d00)

/* The distributor in the hypervisor's mapping. */
extern void *gicd;

static inline u32 mmio_read32(const void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void mmio_write32(void *addr, u32 val)
{
	*(volatile u32 *)addr = val;
}

static inline u64 mmio_read64(const void *addr)
{
	return *(const volatile u64 *)addr;
}

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
	/* Map the version's registers for the hypervisor. */
	int (*init)(void);
	/* Move Linux's CPU-interface state into the virtual interface. */
	int (*cpu_init)(struct per_cpu *cpu);
	/* The reverse, after the list registers were emptied. */
	void (*cpu_shutdown)(struct per_cpu *cpu);
	/* Virtual interface and private interrupts as after a reset. */
	void (*cpu_reset)(struct per_cpu *cpu);
	/* Register the cell's CPU-interface regions, mmio_regions many. */
	int (*cell_init)(struct cell *cell);
	unsigned int mmio_regions;
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

/* GICv2: a cell's write of GICD_SGIR, sent to its own CPUs only. */
void gic_v2_sgir_write(struct cell *cell, u32 val);
/* GICv2: the CPU-interface bits (GICD_ITARGETSR) of the cell's CPUs. */
u8 gic_v2_cell_targets(const struct cell *cell);
/* GICv2: route the cell's SPIs to its first CPU. */
void gic_v2_route_spis(struct cell *cell);

#endif /* !_ARM_COMMON_GIC_REGS_H */
