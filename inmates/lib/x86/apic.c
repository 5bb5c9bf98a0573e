// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Local APIC in xAPIC (MMIO at 0xfee00000) or x2APIC (MSR) mode. x2APIC
 * is used when the CPU offers it, as the hypervisor then runs the root
 * cell that way too; QEMU's TCG has no x2APIC.
 */
#include <inmate.h>

#define X2APIC_MSR(reg)		(0x800 + ((reg) >> 4))
#define CPUID1_ECX_X2APIC	(1U << 21)

static bool x2apic;

bool apic_is_x2apic(void)
{
	return x2apic;
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

/* Per CPU: each CPU switches its own APIC's mode and enables it. */
void apic_init(void)
{
	__u32 a, b, c, d;
	__u64 base;

	cpuid(1, &a, &b, &c, &d);
	x2apic = c & CPUID1_ECX_X2APIC;
	base = rdmsr(MSR_IA32_APIC_BASE) | APIC_BASE_EN;
	if (x2apic)
		base |= APIC_BASE_EXTD;
	wrmsr(MSR_IA32_APIC_BASE, base);
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

#define APIC_ICR_BUSY		(1U << 12)

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
