/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GIC distributor registers (IHI 0048 for GICv2, IHI 0069 for GICv3),
 * offsets from the GICD base.
 */
#ifndef _ARM_COMMON_GICD_H
#define _ARM_COMMON_GICD_H

#define GICD_SIZE		0x10000
#define GICD_CTLR		0x0000
/*
 * Group enables (GICv2: groups 0 and 1; GICv3 non-secure view: group 1
 * and its affinity-routed form) and affinity routing (GICv3 ARE_S/NS).
 */
#define GICD_CTLR_KEEP		0x33U
/* GICv3: set or clear one SPI's pending state by its number. */
#define GICD_SETSPI_NSR		0x0040
#define GICD_CLRSPI_NSR		0x0048
#define GICD_SETSPI_SR		0x0050
#define GICD_CLRSPI_SR		0x0058
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ISPENDR		0x0200
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
#define GICD_SPENDSGIR		0x0f20
#define GICD_SGI_BYTES_END	0x0f30

/* GICv3 only: SPI routing by affinity, 64 bits per interrupt. */
#define GICD_IROUTER		0x6000
#define GICD_IROUTER_END	0x8000
#define GICD_IROUTER_IRM	(1ULL << 31)
#define GICD_IROUTER_AFF	0xff00ffffffULL

#endif /* !_ARM_COMMON_GICD_H */
