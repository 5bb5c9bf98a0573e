// SPDX-License-Identifier: GPL-2.0
/*
 * Where a VT-d unit sends its fault event (x86/vtd.h): an NMI to a CPU
 * of the root cell. SVM leaves external interrupts to the guest, so a
 * vector would reach Linux; an NMI exits to the hypervisor, where a
 * root CPU reads the fault records (iommu_fault_event). The unit sends
 * the message itself, past interrupt remapping. Only root CPUs read
 * them, as a cell's owner is stable only for them: the event follows
 * the root's first CPU whenever cells come and go.
 */
#include <core/cell.h>
#include <core/percpu.h>
#include <x86/setup.h>
#include <x86/vtd.h>

/* The root's first CPU that the cell coming (if any) does not take. */
static u32 root_apic_id(const struct cell *coming)
{
	unsigned int cpu;

	for_each_cpu_of(cpu, &root_cell)
		if (!coming || !cell_owns_cpu(coming, cpu))
			return per_cpu(cpu)->arch.apic_id;
	return this_cpu()->arch.apic_id;
}

void vtd_fault_event_aim(const struct vtd_unit *units, unsigned int num,
			 const struct cell *coming)
{
	u32 dest = root_apic_id(coming);
	unsigned int n;

	for (n = 0; n < num; n++) {
		vtd_write32(&units[n], VTD_REG_FECTL, VTD_FECTL_IM);
		vtd_write32(&units[n], VTD_REG_FEDATA, VTD_FEDATA_NMI);
		vtd_write32(&units[n], VTD_REG_FEADDR,
			    VTD_FEADDR_BASE | (dest & 0xff) << 12);
		/* x2APIC destinations beyond 8 bits. */
		vtd_write32(&units[n], VTD_REG_FEUADDR, dest & ~0xffU);
		/* A fault pending since the mask comes now. */
		vtd_write32(&units[n], VTD_REG_FECTL, 0);
	}
}
