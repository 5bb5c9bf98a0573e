// SPDX-License-Identifier: GPL-2.0
/*
 * Traps of AArch32 cells on arm64: a syndrome's register number means
 * the register of the guest's current mode, which the architecture keeps
 * in a fixed X register (banked SP and LR per mode, FIQ's own R8..R12),
 * and only its low half; a trapped conditional instruction whose
 * condition fails is skipped, not carried out.
 */
#include <string.h>

#include <core/cell.h>
#include <core/percpu.h>
#include <arm-common/psr.h>
#include <arm-common/subarch.h>
#include <arm-common/syndrome.h>
#include <arm-common/traps.h>
#include <asm/aarch32.h>

#include "arm_host.h"
#include "unit.h"

int arm_gic_fixture_start(void);
void arm_gic_fixture_teardown(void);
u32 arm_gic_fixture_word(u32 reg);

#define GICD_BASE	0x8000000ULL
#define ISENABLER1	0x104

TEST(arm_aarch32_shared_registers_are_x0_to_x12)
{
	for (unsigned int n = 0; n < 13; n++) {
		EXPECT_EQ(aarch32_xreg(PSR_MODE_SVC, n), n);
		EXPECT_EQ(aarch32_xreg(PSR_MODE_USR, n), n);
	}
	EXPECT_EQ(aarch32_xreg(PSR_MODE_IRQ, 7), 7);
	EXPECT_EQ(aarch32_xreg(PSR_MODE_FIQ, 7), 7);
}

TEST(arm_aarch32_fiq_banks_r8_to_r12)
{
	for (unsigned int n = 8; n < 13; n++)
		EXPECT_EQ(aarch32_xreg(PSR_MODE_FIQ, n), n + 16);
}

/* ARM ARM D1.20.1: SP and LR of each mode. */
TEST(arm_aarch32_sp_and_lr_per_mode)
{
	static const struct { u32 mode; unsigned int sp, lr; } map[] = {
		{ PSR_MODE_USR, 13, 14 }, { PSR_MODE_SYS, 13, 14 },
		{ PSR_MODE_HYP, 15, 14 }, { PSR_MODE_IRQ, 17, 16 },
		{ PSR_MODE_SVC, 19, 18 }, { PSR_MODE_ABT, 21, 20 },
		{ PSR_MODE_UND, 23, 22 }, { PSR_MODE_FIQ, 29, 30 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(map); i++) {
		EXPECT_EQ(aarch32_xreg(map[i].mode, 13), map[i].sp);
		EXPECT_EQ(aarch32_xreg(map[i].mode, 14), map[i].lr);
	}
	/* PC is no transfer register; Monitor mode is not an EL1 mode. */
	EXPECT_EQ(aarch32_xreg(PSR_MODE_SVC, 15), AARCH32_NO_XREG);
	EXPECT_EQ(aarch32_xreg(PSR_MODE_MON, 13), AARCH32_NO_XREG);
}

TEST(arm_aarch32_trap_reg_reads_the_mode_bank_low_half)
{
	struct trap_frame f;

	memset(&f, 0, sizeof(f));
	f.x[13] = 0x13;
	f.x[19] = 0xdead0000cafe0019UL;
	f.x[18] = 0x18;
	f.aarch32_mode = PSR_MODE_SVC;
	EXPECT_EQ(trap_reg(&f, 13), 0xcafe0019UL);
	EXPECT_EQ(trap_reg(&f, 14), 0x18);
	EXPECT_EQ(trap_reg(&f, 15), 0);

	trap_set_reg(&f, 14, 0x123456789UL);
	EXPECT_EQ(f.x[18], 0x23456789UL);
	EXPECT_EQ(f.x[14], 0);

	/* The same frame read as an AArch64 guest's: X registers as such. */
	f.aarch32_mode = 0;
	EXPECT_EQ(trap_reg(&f, 19), 0xdead0000cafe0019UL);
	EXPECT_EQ(trap_reg(&f, 13), 0x13);
}

TEST(arm_aarch32_fiq_trap_reg_uses_fiq_bank)
{
	struct trap_frame f;

	memset(&f, 0, sizeof(f));
	f.x[8] = 8;
	f.x[24] = 24;
	f.aarch32_mode = PSR_MODE_FIQ;
	EXPECT_EQ(trap_reg(&f, 8), 24);
	trap_set_reg(&f, 12, 0x55);
	EXPECT_EQ(f.x[28], 0x55);
	EXPECT_EQ(f.x[12], 0);
}

/* ConditionHolds() for every test, with and without its flags. */
TEST(arm_aarch32_condition_codes)
{
	EXPECT_TRUE(psr_condition_holds(PSR_Z_BIT, 0x0));	/* EQ */
	EXPECT_FALSE(psr_condition_holds(0, 0x0));
	EXPECT_TRUE(psr_condition_holds(0, 0x1));		/* NE */
	EXPECT_TRUE(psr_condition_holds(PSR_C_BIT, 0x2));	/* CS */
	EXPECT_TRUE(psr_condition_holds(0, 0x3));		/* CC */
	EXPECT_TRUE(psr_condition_holds(PSR_N_BIT, 0x4));	/* MI */
	EXPECT_FALSE(psr_condition_holds(PSR_N_BIT, 0x5));	/* PL */
	EXPECT_TRUE(psr_condition_holds(PSR_V_BIT, 0x6));	/* VS */
	EXPECT_FALSE(psr_condition_holds(PSR_V_BIT, 0x7));	/* VC */
	EXPECT_TRUE(psr_condition_holds(PSR_C_BIT, 0x8));	/* HI */
	EXPECT_FALSE(psr_condition_holds(PSR_C_BIT | PSR_Z_BIT, 0x8));
	EXPECT_TRUE(psr_condition_holds(PSR_C_BIT | PSR_Z_BIT, 0x9)); /* LS */
	EXPECT_TRUE(psr_condition_holds(PSR_N_BIT | PSR_V_BIT, 0xa)); /* GE */
	EXPECT_FALSE(psr_condition_holds(PSR_N_BIT, 0xa));
	EXPECT_TRUE(psr_condition_holds(PSR_N_BIT, 0xb));	/* LT */
	EXPECT_TRUE(psr_condition_holds(0, 0xc));		/* GT */
	EXPECT_FALSE(psr_condition_holds(PSR_Z_BIT, 0xc));
	EXPECT_TRUE(psr_condition_holds(PSR_Z_BIT, 0xd));	/* LE */
	EXPECT_TRUE(psr_condition_holds(0, 0xe));		/* AL */
	EXPECT_TRUE(psr_condition_holds(PSR_Z_BIT, 0xf));
}

/* Without CV, the condition of the IT block, else always. */
TEST(arm_aarch32_trap_condition_source)
{
	u32 psr = psr_with_it_state(PSR_MODE_SVC | PSR_T_BIT, 0x18);

	EXPECT_EQ(psr_trap_condition(psr, true, 0x3), 0x3);
	EXPECT_EQ(psr_trap_condition(psr, false, 0x3), 0x1);
	EXPECT_EQ(psr_trap_condition(PSR_MODE_SVC, false, 0x3), COND_AL);
}

static struct arm_trap cp15_trap(struct trap_frame *f, unsigned int ec,
				 unsigned long iss)
{
	memset(f, 0, sizeof(*f));
	f->aarch32_mode = PSR_MODE_SVC;
	host_subarch_reset();
	return (struct arm_trap){
		.cpu = per_cpu(2),
		.frame = f,
		.syndrome = ((unsigned long)ec << ESR_EC_SHIFT) | ESR_IL | iss,
		.origin = "test",
	};
}

/* MCRR p15 (ICC_SGI1R) under EQ with Z clear: skipped, nothing sent. */
TEST(arm_aarch32_failed_condition_skips)
{
	struct trap_frame f;
	struct arm_trap t = cp15_trap(&f, EC_CP15_64, ISS_CV |
				      (0x0UL << 20) | ISS_CP64_ICC_SGI1R);

	EXPECT_TRUE(arm_skip_failed_condition(&t, PSR_MODE_SVC));
	EXPECT_EQ(host_skips, 1);

	t = cp15_trap(&f, EC_CP15_64, ISS_CV | ISS_CP64_ICC_SGI1R);
	EXPECT_FALSE(arm_skip_failed_condition(&t, PSR_MODE_SVC | PSR_Z_BIT));
	EXPECT_EQ(host_skips, 0);
}

/* An SMC32 that says its condition passed is carried out as such. */
TEST(arm_aarch32_smc_known_to_pass)
{
	struct trap_frame f;
	struct arm_trap t = cp15_trap(&f, EC_SMC32, ISS_CV | (0x0UL << 20));

	EXPECT_FALSE(arm_skip_failed_condition(&t, PSR_MODE_SVC));
	EXPECT_EQ(host_skips, 0);

	t = cp15_trap(&f, EC_SMC32, ISS_SMC_CCKNOWNPASS | ISS_CV);
	EXPECT_TRUE(arm_skip_failed_condition(&t, PSR_MODE_SVC));
	EXPECT_EQ(host_skips, 1);
}

/* STR sp, [GICD_ISENABLER1] in SVC mode: the value is SP_svc (X19). */
TEST(arm_aarch32_mmio_store_of_banked_sp)
{
	struct trap_frame f;
	struct arm_trap t = cp15_trap(&f, EC_DABT_LOW, ISS_DABT_ISV |
				      (2UL << 22) | (13UL << 16) |
				      ISS_DABT_WNR);
	u64 ipa = GICD_BASE + ISENABLER1;

	ASSERT_EQ(arm_gic_fixture_start(), 0);
	f.x[13] = 0;
	f.x[19] = 0xffffffff;
	host_sysregs[HOST_SYSREG_HPFAR] = (ipa >> 12) << 4;
	host_sysregs[HOST_SYSREG_FAR] = ipa & 0xfff;
	arm_handle_dabt(&t);
	EXPECT_EQ(host_skips, 1);
	EXPECT_EQ(arm_gic_fixture_word(ISENABLER1), 0x00ff0302);
	arm_gic_fixture_teardown();
}

/* ID_AA64PFR0_EL1.EL1: 1 AArch64 only, 2 AArch64 and AArch32. */
TEST(arm_aarch32_el1_feature_field)
{
	EXPECT_FALSE(aarch32_el1_supported(0x1111));
	EXPECT_TRUE(aarch32_el1_supported(0x0022));
	EXPECT_FALSE(aarch32_el1_supported(0x0012));
	EXPECT_TRUE(aarch32_el1_supported(0x1100000000000021ULL));
}
