// SPDX-License-Identifier: GPL-2.0
/* Which NMIs that reach the hypervisor are the guest's (x86/nmi_route.h). */
#include <x86/nmi_route.h>

#include "unit.h"

TEST(nmi_route_counted_guest_nmi_survives_a_merged_kick)
{
	/*
	 * A kick and a guest's NMI arrived as one NMI exit: the guest's
	 * used to be dropped because the kick explained the exit.
	 */
	EXPECT_TRUE(nmi_for_guest(true, true, true));
	EXPECT_TRUE(nmi_for_guest(true, true, false));
	EXPECT_TRUE(nmi_for_guest(true, false, true));
	EXPECT_TRUE(nmi_for_guest(true, false, false));
}

TEST(nmi_route_kick_alone_is_not_the_guests)
{
	EXPECT_FALSE(nmi_for_guest(false, true, false));
	EXPECT_FALSE(nmi_for_guest(false, true, true));
	/* A kick whose count the wait took already: its work explains it. */
	EXPECT_FALSE(nmi_for_guest(false, false, true));
}

TEST(nmi_route_uncounted_unexplained_nmi_is_the_guests)
{
	/* A local pin or an interrupt source routed as NMI. */
	EXPECT_TRUE(nmi_for_guest(false, false, false));
}
