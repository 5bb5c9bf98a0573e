// SPDX-License-Identifier: GPL-2.0
/*
 * VT-d fault records (x86/vtd.h): the low half holds the page address of
 * the request, the high half the source id (bits 15-0), the reason (bits
 * 39-32), the request type (bit 62: 1 = read) and F (bit 63).
 */
#include <x86/vtd.h>

#define FRCD_LO_ADDR		GENMASK_ULL(63, 12)
#define FRCD_HI_SID_MASK	0xffffULL
#define FRCD_HI_FR_SHIFT	32
#define FRCD_HI_READ		BIT_ULL(62)

bool vtd_fault_decode(u64 lo, u64 hi, struct vtd_fault *f)
{
	if (!(hi & VTD_FRCD_HI_F))
		return false;
	f->bdf = hi & FRCD_HI_SID_MASK;
	f->reason = (hi >> FRCD_HI_FR_SHIFT) & 0xff;
	f->is_write = !(hi & FRCD_HI_READ);
	f->address = lo & FRCD_LO_ADDR;
	return true;
}

/* The reasons a device of a cell can cause (spec, appendix A). */
const char *vtd_fault_reason(u8 reason)
{
	switch (reason) {
	case 0x1:
		return "no root entry";
	case 0x2:
		return "device of no cell";
	case 0x4:
		return "address beyond the unit's width";
	case 0x5:
		return "write outside the cell";
	case 0x6:
		return "read outside the cell";
	/* Interrupt requests, under interrupt remapping. */
	case 0x21:
		return "interrupt index beyond the table";
	case 0x22:
		return "interrupt entry not present";
	case 0x25:
		return "compatibility-format interrupt";
	case 0x26:
		return "interrupt from a device the entry does not name";
	}
	return "";
}
