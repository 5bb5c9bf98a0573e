/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU interfaces of the GIC: GICv2's memory-mapped physical interface
 * (GICC, GICV) and virtual interface control (GICH), IHI 0048; the fields
 * of GICv3's system-register interfaces (ICC_* physical, ICH_* virtual
 * control), IHI 0069. The registers themselves: <arm-common/subarch.h>.
 */
#ifndef _ARM_COMMON_GIC_CPUIF_H
#define _ARM_COMMON_GIC_CPUIF_H

/* CPU interface, the same layout for GICC and GICV (with GICC_DIR). */
#define GICC_SIZE		0x2000
#define GICC_CTLR		0x0000
#define GICC_PMR		0x0004
#define GICC_BPR		0x0008
#define GICC_IAR		0x000c
#define GICC_EOIR		0x0010
#define GICC_ABPR		0x001c
#define GICC_DIR		0x1000
#define GICC_CTLR_GRP0		(1U << 0)
#define GICC_CTLR_GRP1		(1U << 1)
#define GICC_CTLR_ACKCTL	(1U << 2)
#define GICC_CTLR_FIQEN		(1U << 3)
#define GICC_CTLR_CBPR		(1U << 4)
#define GICC_CTLR_EOIMODE	(1U << 9)

/* Virtual interface control (GICH), this CPU's view. */
#define GICH_SIZE		0x1000
#define GICH_HCR		0x0000
#define GICH_VTR		0x0004
#define GICH_VMCR		0x0008
#define GICH_ELRSR0		0x0030
#define GICH_ELRSR1		0x0034
#define GICH_APR		0x00f0
#define GICH_LR0		0x0100
#define GICH_HCR_EN		(1U << 0)
#define GICH_HCR_UIE		(1U << 1)
/* GICH_VMCR: GICC_CTLR's bits 0-4 sit at the bottom, as in GICC_CTLR. */
#define GICH_VMCR_CTLR_BITS	0x1fU
#define GICH_VMCR_VEM		(1U << 9)
#define GICH_VMCR_ABP_SHIFT	18
#define GICH_VMCR_BP_SHIFT	21
#define GICH_VMCR_PRI_SHIFT	27
#define GICH_LR_HW		(1U << 31)
#define GICH_LR_STATE		(3U << 28)
#define GICH_LR_PENDING		(1U << 28)
#define GICH_LR_PRIO_SHIFT	23
#define GICH_LR_PHYS_SHIFT	10
#define GICH_LR_VINTID		0x3ffU

/* GICv3 virtual interface control and physical CPU interface fields. */
#define ICH_HCR_EN		(1ULL << 0)
#define ICH_HCR_UIE		(1ULL << 1)
#define ICH_VMCR_VENG1		(1ULL << 1)
#define ICH_VMCR_VCBPR		(1ULL << 4)
#define ICH_VMCR_VEOIM		(1ULL << 9)
#define ICH_VMCR_VBPR1_SHIFT	18
#define ICH_VMCR_VPMR_SHIFT	24
#define ICH_LR_PENDING		(1ULL << 62)
#define ICH_LR_ACTIVE		(1ULL << 63)
#define ICH_LR_STATE		(3ULL << 62)
#define ICH_LR_HW		(1ULL << 61)
#define ICH_LR_GROUP1		(1ULL << 60)
#define ICH_LR_PRIO_SHIFT	48
#define ICH_LR_PINTID_SHIFT	32
#define ICH_LR_VINTID		0xffffffffULL
#define ICC_CTLR_CBPR		(1ULL << 0)
#define ICC_CTLR_EOIMODE	(1ULL << 1)

#endif /* !_ARM_COMMON_GIC_CPUIF_H */
