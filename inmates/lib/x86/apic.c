// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The local APIC through its x2APIC MSRs, as every Jailhouse inmate uses
 * it: the hypervisor gives each cell's CPU an x2APIC in x2APIC mode (or
 * emulates one on a CPU without), so in a cell the library never touches
 * APIC_BASE and binaries built against either library see the same
 * interface. Without a hypervisor (no comm region: plain QEMU in tests)
 * it switches the APIC to x2APIC mode itself, which the CPU must offer.
 */
#include <inmate.h>

#define X2APIC_MSR(reg)		(0x800 + ((reg) >> 4))

__u32 apic_read(unsigned int reg)
{
	return (__u32)rdmsr(X2APIC_MSR(reg));
}

void apic_write(unsigned int reg, __u32 v)
{
	wrmsr(X2APIC_MSR(reg), v);
}

/* Per CPU: software-enable the own APIC, spurious vector 0xff. */
void apic_init(void)
{
	if (!comm_region_valid())
		wrmsr(MSR_IA32_APIC_BASE, rdmsr(MSR_IA32_APIC_BASE) |
		      APIC_BASE_EN | APIC_BASE_EXTD);
	apic_write(APIC_SVR, APIC_SVR_ENABLE | 0xff);
}

__u32 apic_id(void)
{
	return apic_read(APIC_ID);
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* x2APIC: one 64-bit write, the destination in the high half. */
void apic_send_ipi(__u32 dest, __u32 icr_low)
{
	wrmsr(X2APIC_MSR(APIC_ICR), ((__u64)dest << 32) | icr_low);
}
