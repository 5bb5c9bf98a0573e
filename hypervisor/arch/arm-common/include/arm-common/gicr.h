/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GICv3 redistributor registers (IHI 0069): one RD_base and one SGI_base
 * frame of 64 KiB each per CPU, offsets from the CPU's RD_base.
 */
#ifndef _ARM_COMMON_GICR_H
#define _ARM_COMMON_GICR_H

#define GICR_STRIDE		0x20000
#define GICR_CTLR		0x0000
#define GICR_TYPER		0x0008
#define GICR_TYPER_LAST		(1ULL << 4)
#define GICR_WAKER		0x0014
/* LPI registers, 64 bits each. */
#define GICR_SETLPIR		0x0040
#define GICR_CLRLPIR		0x0048
#define GICR_PROPBASER		0x0070
#define GICR_PENDBASER		0x0078
#define GICR_INVLPIR		0x00a0
#define GICR_INVALLR		0x00b0
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI_BASE + 0x0100)
#define GICR_ICENABLER0		(GICR_SGI_BASE + 0x0180)
#define GICR_ISPENDR0		(GICR_SGI_BASE + 0x0200)
#define GICR_ICPENDR0		(GICR_SGI_BASE + 0x0280)
#define GICR_ISACTIVER0		(GICR_SGI_BASE + 0x0300)
#define GICR_ICACTIVER0		(GICR_SGI_BASE + 0x0380)
#define GICR_IPRIORITYR		(GICR_SGI_BASE + 0x0400)
#define GICR_ICFGR0		(GICR_SGI_BASE + 0x0c00)
#define GICR_IGRPMODR0		(GICR_SGI_BASE + 0x0d00)

#endif /* !_ARM_COMMON_GICR_H */
