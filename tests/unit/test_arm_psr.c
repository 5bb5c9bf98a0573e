// SPDX-License-Identifier: GPL-2.0
/*
 * The Thumb IT state of an AArch32 guest after the hypervisor skips a
 * trapped instruction (<arm-common/psr.h>): the block moves on one
 * instruction per skip and ends after its last one, and nothing else of
 * the status changes.
 */
#include <arm-common/psr.h>

#include "unit.h"

/* SVC mode, Thumb, Z flag: what an IT block inside a kernel may run in. */
#define BASE_PSR	(PSR_MODE_SVC | PSR_T_BIT | (1U << 30))

TEST(arm_psr_it_state_round_trip)
{
	u32 psr = psr_with_it_state(BASE_PSR, 0xa7);

	EXPECT_EQ(psr_it_state(psr), 0xa7);
	EXPECT_EQ(psr & ~(PSR_IT_HIGH_MASK | PSR_IT_LOW_MASK), BASE_PSR);
	/* IT[1:0] in bits 26:25, IT[7:2] in bits 15:10. */
	EXPECT_EQ(psr & PSR_IT_LOW_MASK, 3U << 25);
	EXPECT_EQ(psr & PSR_IT_HIGH_MASK, 0x29U << 10);
}

/* ITTE EQ: condition 0000, mask 0110; three instructions in the block. */
TEST(arm_psr_it_advance_walks_block_and_ends)
{
	u32 psr = psr_with_it_state(BASE_PSR, 0x06);

	psr = psr_it_advance(psr);
	EXPECT_EQ(psr_it_state(psr), 0x0c);
	psr = psr_it_advance(psr);
	EXPECT_EQ(psr_it_state(psr), 0x18);
	psr = psr_it_advance(psr);
	EXPECT_EQ(psr_it_state(psr), 0);
	EXPECT_EQ(psr, BASE_PSR);
}

/*
 * ITE NE: condition 0001, mask 0100. The else slot runs under EQ (0000):
 * the mask's top bit becomes the condition's low bit, IT[7:5] stay.
 */
TEST(arm_psr_it_advance_takes_else_condition)
{
	u32 psr = psr_with_it_state(BASE_PSR, 0x14);

	psr = psr_it_advance(psr);
	EXPECT_EQ(psr_it_state(psr), 0x08);
	EXPECT_EQ(psr_it_state(psr) >> 4, 0);
	psr = psr_it_advance(psr);
	EXPECT_EQ(psr, BASE_PSR);
}

TEST(arm_psr_it_advance_outside_block_is_identity)
{
	EXPECT_EQ(psr_it_advance(BASE_PSR), BASE_PSR);
	EXPECT_EQ(psr_it_advance(PSR_MODE_USR), PSR_MODE_USR);
}
