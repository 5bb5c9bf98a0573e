/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Whether an NMI that reached the hypervisor is one for the guest. NMIs
 * do not queue: a kick (x86/vcpu.h) and an NMI a guest sent through the
 * APIC intercepts may arrive as one, and on VMX an NMI may land while the
 * CPU is in the hypervisor, where only a late exit sees to it. Both kinds
 * are counted by their senders, so the receiver decides by the counts,
 * not by the NMI it saw. Pure logic, so that host tests can check it.
 */
#ifndef _X86_NMI_ROUTE_H
#define _X86_NMI_ROUTE_H

#include <core/types.h>

/*
 * guest_sent: a CPU of the cell sent NMIs since the last look; kicked:
 * kicks were counted since then; had_work: the hypervisor found requests
 * to handle. An NMI nobody counted (a local pin, an interrupt source
 * routed as NMI) is the guest's unless a kick or its work explains it.
 */
static inline bool nmi_for_guest(bool guest_sent, bool kicked, bool had_work)
{
	if (guest_sent)
		return true;
	return !kicked && !had_work;
}

#endif /* !_X86_NMI_ROUTE_H */
