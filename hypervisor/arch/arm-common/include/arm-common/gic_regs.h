/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GIC register offsets (GIC architecture specification, IHI 0048 and
 * IHI 0069) and what the GIC files share among themselves.
 */
#ifndef _ARM_COMMON_GIC_REGS_H
#define _ARM_COMMON_GIC_REGS_H

#include <core/types.h>

struct cell;

#define GICD_SIZE		0x10000
#define GICD_CTLR		0x0000
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
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

/* Per version: global setup, and the cell's CPU-interface regions. */
int gic_v3_init(void);
int gic_v3_cell_init(struct cell *cell);
int gic_v2_cell_init(struct cell *cell);

#endif /* !_ARM_COMMON_GIC_REGS_H */
