/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GIC distributor registers (IHI 0048 for GICv2, IHI 0069 for GICv3),
 * offsets from the GICD base.
 */
#ifndef _ARM_COMMON_GICD_H
#define _ARM_COMMON_GICD_H

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

/* GICv2 only: software-generated interrupts by target list. */
#define GICD_SGIR		0x0f00
#define GICD_SGIR_LIST		0
#define GICD_SGIR_OTHERS	1
#define GICD_SGIR_SELF		2
/* One byte per SGI, one bit per source CPU. */
#define GICD_CPENDSGIR		0x0f10

/* GICv3 only: SPI routing by affinity, 64 bits per interrupt. */
#define GICD_IROUTER		0x6000
#define GICD_IROUTER_END	0x8000
#define GICD_IROUTER_IRM	(1ULL << 31)
#define GICD_IROUTER_AFF	0xff00ffffffULL

#endif /* !_ARM_COMMON_GICD_H */
