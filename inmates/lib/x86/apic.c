// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The local APIC. In a cell it is reached through its x2APIC MSRs, as
 * every Jailhouse inmate does: the hypervisor gives each cell's CPU an
 * x2APIC in x2APIC mode (or emulates one on a CPU without), so the
 * library never touches APIC_BASE there and binaries built against
 * either library see the same interface.
 *
 * Without a hypervisor (plain QEMU in the library's tests) the APIC stays
 * in the xAPIC mode of reset and is reached through its page: those
 * tests run QEMU with -icount, where QEMU 10 aborts ("Bad icount read")
 * when RDMSR reads the x2APIC timer count.
 */
#include <inmate.h>

#define X2APIC_MSR(reg)		(0x800 + ((reg) >> 4))
#define APIC_ICR_BUSY		(1U << 12)

/* CPUID leaf 0x40000000: "Jailhouse\0\0\0" in EBX, ECX, EDX. */
#define HV_SIGNATURE_LEAF	0x40000000
#define HV_SIGNATURE_EBX	0x6c69614a
#define HV_SIGNATURE_ECX	0x73756f68
#define HV_SIGNATURE_EDX	0x00000065

static bool x2apic;

bool apic_is_x2apic(void)
{
	return x2apic;
}

static bool in_cell(void)
{
	__u32 a, b, c, d;

	cpuid(HV_SIGNATURE_LEAF, &a, &b, &c, &d);
	return b == HV_SIGNATURE_EBX && c == HV_SIGNATURE_ECX &&
		d == HV_SIGNATURE_EDX;
}

__u32 apic_read(unsigned int reg)
{
	if (x2apic)
		return (__u32)rdmsr(X2APIC_MSR(reg));
	return mmio_read32(XAPIC_BASE + reg);
}

void apic_write(unsigned int reg, __u32 v)
{
	if (x2apic)
		wrmsr(X2APIC_MSR(reg), v);
	else
		mmio_write32(XAPIC_BASE + reg, v);
}

/* Per CPU: software-enable the own APIC, spurious vector 0xff. */
void apic_init(void)
{
	x2apic = in_cell();
	apic_write(APIC_SVR, APIC_SVR_ENABLE | 0xff);
}

__u32 apic_id(void)
{
	__u32 id = apic_read(APIC_ID);

	return x2apic ? id : id >> 24;
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* x2APIC: one 64-bit write, the destination in the high half. */
void apic_send_ipi(__u32 dest, __u32 icr_low)
{
	if (x2apic) {
		wrmsr(X2APIC_MSR(APIC_ICR), ((__u64)dest << 32) | icr_low);
		return;
	}
	while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
	apic_write(APIC_ICR_HI, dest << 24);
	apic_write(APIC_ICR, icr_low);
}
