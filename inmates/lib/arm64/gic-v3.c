// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * GICv3: distributor, each CPU's redistributor (found by affinity among
 * the frames at gicr_base) and the system-register CPU interface,
 * Non-secure group 1. SGIs name their target by affinity.
 */
#include <inmate.h>

#define GICD_CTLR		0x0000
#define GICD_CTLR_RWP		(1U << 31)
#define GICD_CTLR_ARE		(1U << 4)
#define GICD_CTLR_GRP1		(1U << 1)
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_IPRIORITYR		0x0400
#define GICD_IROUTER		0x6000

#define GICR_FRAME_SIZE		0x20000
#define GICR_TYPER		0x0008
#define GICR_TYPER_LAST		(1ULL << 4)
#define GICR_WAKER		0x0014
#define GICR_WAKER_SLEEP	(1U << 1)
#define GICR_WAKER_ASLEEP	(1U << 2)
#define GICR_SGI		0x10000
#define GICR_IGROUPR0		(GICR_SGI + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI + 0x0100)
#define GICR_IPRIORITYR		(GICR_SGI + 0x0400)

/* Encodings, so that any assembler accepts them. */
#define ICC_PMR_EL1		S3_0_C4_C6_0
#define ICC_IAR1_EL1		S3_0_C12_C12_0
#define ICC_EOIR1_EL1		S3_0_C12_C12_1
#define ICC_BPR1_EL1		S3_0_C12_C12_3
#define ICC_CTLR_EL1		S3_0_C12_C12_4
#define ICC_SRE_EL1		S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1		S3_0_C12_C12_7
#define ICC_SGI1R_EL1		S3_0_C12_C11_5

/* ICC_SGI1R_EL1 fields: Aff1 23:16, INTID 27:24, Aff2 39:32, RS 47:44. */
#define SGI1R_AFF1_SHIFT	16
#define SGI1R_INTID_SHIFT	24
#define SGI1R_AFF2_SHIFT	32
#define SGI1R_RS_SHIFT		44
#define SGI1R_AFF3_SHIFT	48
#define SGI1R_IRM		(1ULL << 40)

#define __read_sysreg(r)	read_sysreg(r)
#define __write_sysreg(r, v)	write_sysreg(r, v)

#define GIC_PRIO_DEFAULT	0xa0
#define GIC_PRIO_MASK_ALL_LOWER	0xf0

__u64 mpidr_affinity(void)
{
	__u64 mpidr = read_sysreg(mpidr_el1);

	return (mpidr & 0xffffff) | ((mpidr >> 8) & 0xff000000);
}

/* Redistributor of each CPU index, written by that CPU only. */
static unsigned long gicr_of[SMP_MAX_CPUS];

static unsigned long my_gicr(void)
{
	unsigned int me = smp_cpu_index();

	return me < SMP_MAX_CPUS ? gicr_of[me] : 0;
}

static void set_prio(unsigned long reg_base, unsigned int irq)
{
	unsigned long addr = reg_base + (irq & ~3U);
	unsigned int shift = (irq & 3) * 8;
	__u32 w = mmio_read32(addr);

	w &= ~(0xffU << shift);
	mmio_write32(addr, w | ((__u32)GIC_PRIO_DEFAULT << shift));
}

static unsigned long find_redistributor(void)
{
	__u64 aff = mpidr_affinity();
	unsigned long frame = gicr_base;

	for (int n = 0; n < 1024; n++, frame += GICR_FRAME_SIZE) {
		__u64 typer = mmio_read64(frame + GICR_TYPER);

		if ((typer >> 32) == aff)
			return frame;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

static int gic_v3_cpu_init(void)
{
	unsigned int me = smp_cpu_index();
	unsigned long gicr;

	if (!gicr_base || me >= SMP_MAX_CPUS)
		return -1;
	gicr = find_redistributor();
	if (!gicr)
		return -1;
	gicr_of[me] = gicr;

	mmio_write32(gicr + GICR_WAKER,
		     mmio_read32(gicr + GICR_WAKER) & ~GICR_WAKER_SLEEP);
	while (mmio_read32(gicr + GICR_WAKER) & GICR_WAKER_ASLEEP)
		cpu_relax();

	__write_sysreg(ICC_SRE_EL1, __read_sysreg(ICC_SRE_EL1) | 1);
	isb();
	__write_sysreg(ICC_PMR_EL1, GIC_PRIO_MASK_ALL_LOWER);
	__write_sysreg(ICC_BPR1_EL1, 0);
	__write_sysreg(ICC_CTLR_EL1, 0);
	__write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();
	return 0;
}

static int gic_v3_init(void)
{
	__u32 ctlr;

	if (!gicd_base || !gicr_base)
		return -1;

	ctlr = mmio_read32(gicd_base + GICD_CTLR);
	if ((ctlr & (GICD_CTLR_ARE | GICD_CTLR_GRP1)) !=
	    (GICD_CTLR_ARE | GICD_CTLR_GRP1)) {
		mmio_write32(gicd_base + GICD_CTLR,
			     ctlr | GICD_CTLR_ARE | GICD_CTLR_GRP1);
		while (mmio_read32(gicd_base + GICD_CTLR) & GICD_CTLR_RWP)
			cpu_relax();
	}
	return gic_v3_cpu_init();
}

static void gic_v3_enable_irq(unsigned int irq)
{
	unsigned long gicr = my_gicr();

	if (irq < 32) {
		mmio_write32(gicr + GICR_IGROUPR0,
			     mmio_read32(gicr + GICR_IGROUPR0) | (1U << irq));
		set_prio(gicr + GICR_IPRIORITYR, irq);
		mmio_write32(gicr + GICR_ISENABLER0, 1U << irq);
		return;
	}
	mmio_write32(gicd_base + GICD_IGROUPR + (irq / 32) * 4,
		     mmio_read32(gicd_base + GICD_IGROUPR + (irq / 32) * 4) |
		     (1U << (irq % 32)));
	set_prio(gicd_base + GICD_IPRIORITYR, irq);
	mmio_write64(gicd_base + GICD_IROUTER + irq * 8, mpidr_affinity());
	mmio_write32(gicd_base + GICD_ISENABLER + (irq / 32) * 4,
		     1U << (irq % 32));
}

static __u32 gic_v3_read_ack(void)
{
	__u32 iar = __read_sysreg(ICC_IAR1_EL1);

	/* Reads of the GIC state must not pass the acknowledge. */
	dsb(sy);
	return iar;
}

static void gic_v3_eoi(__u32 iar)
{
	__write_sysreg(ICC_EOIR1_EL1, iar);
	isb();
}

static bool gic_v3_send_sgi(unsigned int cpu, unsigned int sgi)
{
	__u64 mpidr = smp_cpu_mpidr(cpu);
	__u64 aff0 = mpidr & 0xff;

	/* Target list of 16 CPUs within the range aff0 / 16 (RS). */
	__write_sysreg(ICC_SGI1R_EL1,
		       1ULL << (aff0 & 0xf) |
		       (aff0 >> 4) << SGI1R_RS_SHIFT |
		       ((mpidr >> 8) & 0xff) << SGI1R_AFF1_SHIFT |
		       ((mpidr >> 16) & 0xff) << SGI1R_AFF2_SHIFT |
		       ((mpidr >> 32) & 0xff) << SGI1R_AFF3_SHIFT |
		       (__u64)sgi << SGI1R_INTID_SHIFT);
	isb();
	return true;
}

static void gic_v3_send_sgi_others(unsigned int sgi)
{
	__write_sysreg(ICC_SGI1R_EL1,
		       SGI1R_IRM | (__u64)sgi << SGI1R_INTID_SHIFT);
	isb();
}

const struct gic_ops gic_v3_ops = {
	.name = "GICv3",
	.intid_mask = 0xffffff,
	.init = gic_v3_init,
	.cpu_init = gic_v3_cpu_init,
	.enable_irq = gic_v3_enable_irq,
	.read_ack = gic_v3_read_ack,
	.eoi = gic_v3_eoi,
	.send_sgi = gic_v3_send_sgi,
	.send_sgi_others = gic_v3_send_sgi_others,
};
