// SPDX-License-Identifier: GPL-2.0
/* Where an NMI in the hypervisor's wait for a kick resumes (x86/wait.h). */
#include <x86/wait.h>

#include "unit.h"

/* vmx_entry.S: the flag taken at 0x100, TEST and JNZ, HLT at 0x105. */
#define ARMED	0x100UL
#define HLT	0x105UL

TEST(wait_nmi_between_flag_and_hlt_skips_the_hlt)
{
	unsigned long rip;

	/* A kick after the flag was read would else be slept through. */
	for (rip = ARMED; rip <= HLT; rip++)
		EXPECT_EQ(wait_nmi_resume(rip, ARMED, HLT), HLT + 1);
}

TEST(wait_nmi_elsewhere_resumes_where_it_hit)
{
	/* Before the flag is taken: the flag ends the wait. */
	EXPECT_EQ(wait_nmi_resume(ARMED - 1, ARMED, HLT), ARMED - 1);
	/* Woken from the HLT, or far from the wait. */
	EXPECT_EQ(wait_nmi_resume(HLT + 1, ARMED, HLT), HLT + 1);
	EXPECT_EQ(wait_nmi_resume(0x2000, ARMED, HLT), 0x2000UL);
}

TEST(wait_nmi_svm_window_is_the_hlt_alone)
{
	/* SVM: armed and hlt are one address (after STGI). */
	EXPECT_EQ(wait_nmi_resume(HLT, HLT, HLT), HLT + 1);
	EXPECT_EQ(wait_nmi_resume(HLT - 1, HLT, HLT), HLT - 1);
}
