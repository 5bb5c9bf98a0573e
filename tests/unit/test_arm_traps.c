// SPDX-License-Identifier: GPL-2.0
/*
 * The data abort path of arch/arm-common/traps.c on the host side of
 * the sub-arch contract: an MMIO access that no device register could
 * take at EL2 (not naturally aligned) fails the cell instead of reaching
 * the handler, and an aligned one is carried out and skipped.
 */
#include <string.h>

#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/percpu.h>
#include <arm-common/subarch.h>
#include <arm-common/syndrome.h>
#include <arm-common/traps.h>

#include "arm_host.h"
#include "unit.h"

/* Distributor window and state of test_arm_gic.c, which sets it up. */
int arm_gic_fixture_start(void);
void arm_gic_fixture_teardown(void);
u32 arm_gic_fixture_word(u32 reg);
extern struct cell cell_a;

#define GICD_BASE	0x8000000ULL
#define ISENABLER1	0x104

/* A 4-byte store of x1 to ipa, as the syndrome of a data abort says. */
static void dabt(struct arm_trap *t, struct trap_frame *f, u64 ipa)
{
	memset(f, 0, sizeof(*f));
	f->x[1] = 0xffffffff;
	*t = (struct arm_trap){
		.cpu = per_cpu(2),
		.frame = f,
		.syndrome = ((unsigned long)EC_DABT_LOW << ESR_EC_SHIFT) |
			ISS_DABT_ISV | (2UL << 22) | (1UL << 16) |
			ISS_DABT_WNR,
		.origin = "test",
	};
	host_subarch_reset();
	host_sysregs[HOST_SYSREG_HPFAR] = (ipa >> 12) << 4;
	host_sysregs[HOST_SYSREG_FAR] = ipa & 0xfff;
}

TEST(arm_traps_unaligned_mmio_fails_the_cell)
{
	struct trap_frame f;
	struct arm_trap t;
	bool returned = false;

	ASSERT_EQ(arm_gic_fixture_start(), 0);
	dabt(&t, &f, GICD_BASE + ISENABLER1 + 1);
	host_guest_armed = true;
	if (!setjmp(host_guest_jmp)) {
		arm_handle_dabt(&t);
		returned = true;
		host_guest_armed = false;
	}
	EXPECT_FALSE(returned);
	EXPECT_EQ(host_skips, 0);
	EXPECT_TRUE(per_cpu(2)->failed);
	EXPECT_EQ(cell_a.state, JAILHOUSE_CELL_FAILED);
	EXPECT_EQ(arm_gic_fixture_word(ISENABLER1), 0);
	EXPECT_EQ(arm_gic_fixture_word(ISENABLER1 + 4), 0);
	arm_gic_fixture_teardown();
}

TEST(arm_traps_aligned_mmio_done_and_skipped)
{
	struct trap_frame f;
	struct arm_trap t;

	ASSERT_EQ(arm_gic_fixture_start(), 0);
	dabt(&t, &f, GICD_BASE + ISENABLER1);
	arm_handle_dabt(&t);
	EXPECT_EQ(host_skips, 1);
	EXPECT_FALSE(per_cpu(2)->failed);
	/* Cell a's SPIs 33, 40, 41, 48..55 of that word. */
	EXPECT_EQ(arm_gic_fixture_word(ISENABLER1), 0x00ff0302);
	arm_gic_fixture_teardown();
}
