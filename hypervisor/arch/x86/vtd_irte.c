// SPDX-License-Identifier: GPL-2.0
/*
 * VT-d interrupt remapping entries (x86/vtd_irte.h). An entry decides
 * which CPUs a device's interrupt reaches, so the hypervisor installs
 * only entries it has checked or built: the guest's own table is never
 * walked by the hardware.
 */
#include <core/errno.h>
#include <x86/vtd_irte.h>

#define FIRST_IRQ_VECTOR	16

static u64 field(u64 value, unsigned int shift, u64 mask)
{
	return (value >> shift) & mask;
}

static const char *irte_problem(const struct vtd_irte *e,
				const struct vtd_irte_rules *r)
{
	u64 dlm = field(e->lo, VTD_IRTE_DLM_SHIFT, VTD_IRTE_DLM_MASK);
	bool logical = e->lo & VTD_IRTE_DM_LOGICAL;

	if (e->lo & VTD_IRTE_IM_POSTED)
		return "posted format";
	if (dlm != VTD_DLM_FIXED && dlm != VTD_DLM_LOWEST)
		return "delivery mode not fixed or lowest priority";
	if (field(e->lo, VTD_IRTE_VECTOR_SHIFT, VTD_IRTE_VECTOR_MASK) <
	    FIRST_IRQ_VECTOR)
		return "vector below 16";
	if (field(e->hi, VTD_IRTE_SVT_SHIFT, VTD_IRTE_SVT_MASK) !=
	    VTD_SVT_RID ||
	    field(e->hi, VTD_IRTE_SQ_SHIFT, VTD_IRTE_SQ_MASK) != 0)
		return "source not validated by its full requester id";
	if (!r->sid_ok(r->ctx, e->hi & VTD_IRTE_SID_MASK))
		return "source device not the cell's";
	if (!r->dest_ok(r->ctx, logical, e->lo >> VTD_IRTE_DEST_SHIFT))
		return "destination CPU outside the cell";
	return NULL;
}

int vtd_irte_check(const struct vtd_irte *in, const struct vtd_irte_rules *r,
		   struct vtd_irte *out, const char **why)
{
	const struct vtd_irte e = *in;

	*out = (struct vtd_irte){ 0, 0 };
	*why = NULL;
	if (!(e.lo & VTD_IRTE_P))
		return 0;
	*why = irte_problem(&e, r);
	if (*why)
		return -EPERM;
	out->lo = e.lo & VTD_IRTE_LO_KNOWN;
	out->hi = e.hi & (VTD_IRTE_SID_MASK |
			  (VTD_IRTE_SQ_MASK << VTD_IRTE_SQ_SHIFT) |
			  (VTD_IRTE_SVT_MASK << VTD_IRTE_SVT_SHIFT));
	return 0;
}

struct vtd_irte vtd_irte_make(u32 dest, bool logical, u8 vector, bool lowest,
			      u16 sid)
{
	struct vtd_irte e;

	e.lo = VTD_IRTE_P | (u64)vector << VTD_IRTE_VECTOR_SHIFT |
		(u64)dest << VTD_IRTE_DEST_SHIFT;
	if (logical)
		e.lo |= VTD_IRTE_DM_LOGICAL;
	/* Lowest priority names its candidates by redirection hint. */
	if (lowest)
		e.lo |= VTD_IRTE_RH |
			(u64)VTD_DLM_LOWEST << VTD_IRTE_DLM_SHIFT;
	e.hi = sid | (u64)VTD_SVT_RID << VTD_IRTE_SVT_SHIFT;
	return e;
}

void vtd_msi_remappable(u16 handle, u64 *address, u32 *data)
{
	*address = VTD_MSI_BASE | VTD_MSI_REMAPPABLE |
		(u64)(handle & 0x7fff) << VTD_MSI_HANDLE_SHIFT;
	if (handle & 0x8000)
		*address |= VTD_MSI_HANDLE15;
	/* Without SHV the data is not added to the handle. */
	*data = 0;
}

void vtd_ioapic_remappable(u16 handle, u32 *lo, u32 *hi)
{
	*lo = (*lo & (VTD_IRTE_VECTOR_MASK | VTD_RTE_POLARITY_LOW |
		      VTD_RTE_LEVEL)) |
		(handle & 0x8000 ? VTD_RTE_HANDLE15 : 0);
	*hi = VTD_RTE_HI_REMAPPABLE |
		(u32)(handle & 0x7fff) << VTD_RTE_HI_HANDLE_SHIFT;
}

unsigned int vtd_ioapic_handle(u32 lo, u32 hi)
{
	return hi >> VTD_RTE_HI_HANDLE_SHIFT |
		(lo & VTD_RTE_HANDLE15 ? 0x8000 : 0);
}

unsigned long vtd_msi_entry(u64 address, u32 data)
{
	unsigned long idx = (address >> VTD_MSI_HANDLE_SHIFT) & 0x7fff;

	if (address & VTD_MSI_HANDLE15)
		idx |= 0x8000;
	if (address & VTD_MSI_SHV)
		idx += data & 0xffff;
	return idx;
}
