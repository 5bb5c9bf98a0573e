// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-Vi event log records (x86/amd_iommu.h): DeviceID in bits 15:0,
 * the event code in bits 63:60 and its flags in bits 59:48 (RW, bit 53:
 * the access was a write), the address in the second quadword.
 */
#include <x86/amd_iommu.h>

#define EVENT_BDF_MASK		0xffffULL
#define EVENT_CODE_SHIFT	60
#define EVENT_RW		BIT_ULL(53)
/* 32 bytes per DeviceID, 128 of them in a 4 KiB page. */
#define DTES_PER_PAGE		128

bool amdvi_event_decode(const u64 rec[AMDVI_EVENT_QWORDS],
			struct amdvi_event *ev)
{
	if (!rec[0] && !rec[1])
		return false;
	ev->bdf = rec[0] & EVENT_BDF_MASK;
	ev->code = rec[0] >> EVENT_CODE_SHIFT;
	ev->is_write = !!(rec[0] & EVENT_RW);
	ev->address = rec[1];
	return true;
}

/* The codes a device of a cell can cause (spec, event log). */
const char *amdvi_event_reason(u8 code)
{
	switch (code) {
	case AMDVI_EVENT_ILLEGAL_DTE:
		return "illegal device table entry";
	case AMDVI_EVENT_IO_PAGE_FAULT:
		return "outside the cell's DMA memory";
	}
	return "";
}

unsigned int amdvi_devtab_pages(u16 last_bdf)
{
	return last_bdf / DTES_PER_PAGE + 1;
}
