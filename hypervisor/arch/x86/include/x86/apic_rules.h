/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Local APIC facts the intercepts decide by (Intel SDM vol. 3 chapter 11,
 * AMD APM vol. 2 chapter 16): the x2APIC MSRs a cell may touch and how,
 * and which CPUs an IPI destination names. Pure arithmetic on IDs and
 * register numbers, so that host tests can check it.
 */
#ifndef _X86_APIC_RULES_H
#define _X86_APIC_RULES_H

#include <core/types.h>

/* x2APIC MSR n is the xAPIC register at offset (n - 0x800) * 16. */
#define X2APIC_MSR_FIRST	0x800
#define X2APIC_MSR_LAST		0x8ff
#define X2APIC_MSR_ID		0x802
#define X2APIC_MSR_TPR		0x808
#define X2APIC_MSR_EOI		0x80b
#define X2APIC_MSR_LDR		0x80d
#define X2APIC_MSR_SVR		0x80f
#define X2APIC_MSR_ICR		0x830
#define X2APIC_MSR_LVT_LINT0	0x835
#define X2APIC_MSR_LVT_LINT1	0x836
#define X2APIC_MSR_SELF_IPI	0x83f

#define X2APIC_BROADCAST	0xffffffffU
#define XAPIC_BROADCAST		0xffU

/* ICR low half, the same in both modes. */
#define ICR_VECTOR		0x000000ffU
#define ICR_DM_SHIFT		8
#define ICR_DM_MASK		(7U << ICR_DM_SHIFT)
#define ICR_DM_FIXED		(0U << ICR_DM_SHIFT)
#define ICR_DM_LOWEST		(1U << ICR_DM_SHIFT)
#define ICR_DM_NMI		(4U << ICR_DM_SHIFT)
#define ICR_DM_INIT		(5U << ICR_DM_SHIFT)
#define ICR_DM_STARTUP		(6U << ICR_DM_SHIFT)
#define ICR_DM_EXTINT		(7U << ICR_DM_SHIFT)
#define ICR_DEST_LOGICAL	BIT(11)
#define ICR_BUSY		BIT(12)
#define ICR_ASSERT		BIT(14)
#define ICR_SHORTHAND_SHIFT	18
#define ICR_SHORTHAND_MASK	(3U << ICR_SHORTHAND_SHIFT)
#define ICR_TO_DEST		(0U << ICR_SHORTHAND_SHIFT)
#define ICR_TO_SELF		(1U << ICR_SHORTHAND_SHIFT)
#define ICR_TO_ALL		(2U << ICR_SHORTHAND_SHIFT)
#define ICR_TO_OTHERS		(3U << ICR_SHORTHAND_SHIFT)

/* Local vector table entries: masked bit, delivery mode as in the ICR. */
#define APIC_LVT_MASKED		BIT(16)
/* Vector, delivery mode, polarity, trigger mode, mask. */
#define APIC_LVT_VALID		0x0001a7ffU

/* What a guest may do with an x2APIC MSR. */
#define X2APIC_READ		BIT(0)
#define X2APIC_WRITE		BIT(1)

/*
 * The registers x2APIC mode has (X2APIC_READ/X2APIC_WRITE), 0 for MSRs
 * of the range that #GP: DFR, the ICR's high half, the arbitration
 * priority and the reserved ones. The CMCI entry is left out: machine
 * check interrupts are no cell's business, and an APIC without it (QEMU's)
 * records an access as an illegal-register error (see xapic_reg_access).
 */
static inline unsigned int x2apic_msr_access(u32 msr)
{
	if (msr >= 0x810 && msr <= 0x827)	/* ISR, TMR, IRR */
		return X2APIC_READ;
	switch (msr) {
	case X2APIC_MSR_ID:
	case 0x803:				/* version */
	case 0x80a:				/* processor priority */
	case X2APIC_MSR_LDR:
	case 0x839:				/* timer current count */
		return X2APIC_READ;
	case X2APIC_MSR_EOI:
	case X2APIC_MSR_SELF_IPI:
		return X2APIC_WRITE;
	case X2APIC_MSR_TPR:
	case X2APIC_MSR_SVR:
	case 0x828:				/* error status */
	case X2APIC_MSR_ICR:
	case 0x832 ... 0x834:		/* LVT timer, thermal, perf */
	case X2APIC_MSR_LVT_LINT0:
	case X2APIC_MSR_LVT_LINT1:
	case 0x837:				/* LVT error */
	case 0x838:				/* timer initial count */
	case 0x83e:				/* timer divide */
		return X2APIC_READ | X2APIC_WRITE;
	}
	return 0;
}

/* The xAPIC page's register offsets: 16-byte steps from 0 to 0x3f0. */
#define XAPIC_REG_STEP		0x10
#define XAPIC_REG_END		0x400

/*
 * The xAPIC page's registers and what a guest may do with them: x2APIC's
 * set less SELF_IPI, plus what only the page has (arbitration priority,
 * DFR, the ICR's high half, ID and LDR writable). Anything else is
 * reserved, and the hypervisor never passes it on: an APIC records an
 * access there as an illegal-register error in its ESR, and QEMU's model
 * never clears that again (writing the ESR does not). The CPU's next
 * owner then reads it as the failure of its own IPIs (Linux: "smpboot:
 * APIC delivery error (80)", and the CPU stays offline).
 */
static inline unsigned int xapic_reg_access(unsigned int reg)
{
	if (reg % XAPIC_REG_STEP || reg >= XAPIC_REG_END)
		return 0;
	switch (reg) {
	case 0x020:				/* ID */
	case 0x0d0:				/* LDR */
	case 0x0e0:				/* DFR */
	case 0x310:				/* ICR, destination half */
		return X2APIC_READ | X2APIC_WRITE;
	case 0x090:				/* arbitration priority */
		return X2APIC_READ;
	case 0x3f0:				/* x2APIC's SELF_IPI */
		return 0;
	}
	return x2apic_msr_access(X2APIC_MSR_FIRST + reg / XAPIC_REG_STEP);
}

/* The xAPIC register offset of an x2APIC MSR of the range. */
static inline unsigned int x2apic_msr_to_reg(u32 msr)
{
	return (msr - X2APIC_MSR_FIRST) << 4;
}

/*
 * Whether a cell's CPU may access x2APIC MSR msr directly while its APIC
 * runs in x2APIC mode: the registers that exist and act on its own CPU
 * only. Reads change nothing, and the CPU itself raises the #GP for writes
 * to read-only ones; a nonexistent one traps for its #GP, which the
 * hypervisor injects without touching the APIC (an access would leave the
 * illegal-register error in QEMU's, see xapic_reg_access). The ICR reaches
 * other CPUs, and LINT0/LINT1 set
 * to ExtINT would take the legacy PIC's interrupts away from the root
 * cell. SELF_IPI traps for its vector: one below 16 would stay pending in
 * the IRR of QEMU's APIC, and so reach the CPU's next owner (apic.c).
 */
static inline bool x2apic_msr_passes(u32 msr)
{
	return x2apic_msr_access(msr) && msr != X2APIC_MSR_ICR &&
		msr != X2APIC_MSR_LVT_LINT0 &&
		msr != X2APIC_MSR_LVT_LINT1 && msr != X2APIC_MSR_SELF_IPI;
}

/* A local interrupt pin may not take ExtINT (the PIC is the root's). */
static inline bool apic_lint_allowed(u32 value)
{
	return (value & APIC_LVT_MASKED) ||
		(value & ICR_DM_MASK) != ICR_DM_EXTINT;
}

/* The logical ID x2APIC mode derives from an APIC ID: cluster, bit. */
static inline u32 x2apic_ldr(u32 apic_id)
{
	return ((apic_id >> 4) << 16) | BIT(apic_id & 0xf);
}

/*
 * x2APIC logical destination: a cluster in bits 31-16 and a mask of its
 * members in bits 15-0; 0xffffffff is everybody.
 */
static inline bool x2apic_logical_match(u32 apic_id, u32 dest)
{
	u32 ldr = x2apic_ldr(apic_id);

	if (dest == X2APIC_BROADCAST)
		return true;
	return (dest >> 16) == (ldr >> 16) && (dest & ldr & 0xffff);
}

/*
 * xAPIC logical destination. Flat model: a mask of logical IDs. Cluster
 * model: a cluster in the upper nibble (0xf: all) and a mask of its
 * members in the lower.
 */
static inline bool xapic_logical_match(u8 logical_id, bool flat, u8 dest)
{
	if (flat)
		return logical_id & dest;
	return ((dest >> 4) == 0xf || (dest >> 4) == (logical_id >> 4)) &&
		(logical_id & dest & 0xf);
}

/* Physical destination: one APIC ID, or the mode's broadcast. */
static inline bool apic_physical_match(u32 apic_id, u32 dest, bool x2apic)
{
	return dest == apic_id ||
		dest == (x2apic ? X2APIC_BROADCAST : XAPIC_BROADCAST);
}

/*
 * A self IPI (shorthand) goes out as an IPI to the sender's own APIC ID,
 * so it must be physical: with the guest's logical bit left in, that ID
 * would be read as a logical destination and name other CPUs (APIC ID 2
 * is logical ID 0x02, the root's CPU 1 in flat mode).
 */
static inline u32 icr_self_as_physical(u32 icr_lo)
{
	return icr_lo & ~(ICR_SHORTHAND_MASK | ICR_DEST_LOGICAL);
}

#endif /* _X86_APIC_RULES_H */
