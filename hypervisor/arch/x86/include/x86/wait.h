/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the hypervisor's NMI handler resumes when the NMI hit the wait
 * for a kick (vcpu_vendor_wait, x86/vcpu.h). Pure arithmetic, so that
 * host tests can check it.
 */
#ifndef _X86_WAIT_H
#define _X86_WAIT_H

#include <core/types.h>

/*
 * From armed (the wait has taken its wake flag) up to and including the
 * one-byte HLT at hlt, the NMI is the kick the wait must not sleep
 * through: resume past the HLT. Anywhere else the flag the handler sets
 * ends the next wait at once.
 */
static inline unsigned long wait_nmi_resume(unsigned long rip,
					    unsigned long armed,
					    unsigned long hlt)
{
	if (rip >= armed && rip <= hlt)
		return hlt + 1;
	return rip;
}

#endif /* !_X86_WAIT_H */
