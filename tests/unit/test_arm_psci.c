// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI calls of the root cell (arch/arm-common/psci.c) as a trapped SMC
 * hands them over: which ones reach firmware (arm_smc of the host
 * sub-arch counts them) and which the hypervisor answers itself.
 * CPU_SUSPEND must never reach firmware from EL2: a power-down state
 * would resume the root's kernel at its entry point in EL2.
 */
#include <string.h>

#include <core/cell.h>
#include <core/percpu.h>
#include <arm-common/psci.h>
#include <arm-common/subarch.h>

#include "arch_stubs.h"
#include "arm_host.h"
#include "unit.h"

static struct per_cpu cpu;
static struct trap_frame frame;

static long root_call(unsigned long fid, unsigned long a1,
		      unsigned long a2, unsigned long a3)
{
	memset(&cpu, 0, sizeof(cpu));
	cpu.cell = &root_cell;
	memset(&frame, 0, sizeof(frame));
	frame.x[0] = fid;
	frame.x[1] = a1;
	frame.x[2] = a2;
	frame.x[3] = a3;
	host_subarch_reset();
	arch_wait_calls = 0;
	psci_handle_smc(&cpu, &frame);
	return (long)frame.x[0];
}

TEST(arm_psci_root_suspend_stays_in_hypervisor)
{
	/* A power-down state (bit 16) with an entry point, both widths. */
	EXPECT_EQ(root_call(PSCI_CPU_SUSPEND_64, 0x10000, 0x80080000, 7),
		  PSCI_SUCCESS);
	EXPECT_EQ(host_smc_calls, 0);
	EXPECT_EQ(arch_wait_calls, 1);
	EXPECT_EQ(root_call(PSCI_CPU_SUSPEND_32, 0x10000, 0x80080000, 7),
		  PSCI_SUCCESS);
	EXPECT_EQ(host_smc_calls, 0);
	EXPECT_EQ(arch_wait_calls, 1);
}

/* An interrupt queued for the cell ends the standby before it starts. */
TEST(arm_psci_root_suspend_returns_at_once_with_interrupt_waiting)
{
	memset(&cpu, 0, sizeof(cpu));
	cpu.cell = &root_cell;
	cpu.arch.gic_ready = true;
	cpu.arch.pending[0] = 1ULL << 27;
	memset(&frame, 0, sizeof(frame));
	frame.x[0] = PSCI_CPU_SUSPEND_64;
	host_subarch_reset();
	arch_wait_calls = 0;
	psci_handle_smc(&cpu, &frame);
	EXPECT_EQ((long)frame.x[0], PSCI_SUCCESS);
	EXPECT_EQ(arch_wait_calls, 0);
	EXPECT_EQ(host_smc_calls, 0);
}

TEST(arm_psci_root_migrate_answered_by_hypervisor)
{
	EXPECT_EQ(root_call(PSCI_MIGRATE_INFO_TYPE, 0, 0, 0),
		  PSCI_TOS_NOT_PRESENT);
	EXPECT_EQ(host_smc_calls, 0);
	EXPECT_EQ(root_call(PSCI_MIGRATE_64, 0x80000001, 0, 0),
		  PSCI_NOT_SUPPORTED);
	EXPECT_EQ(host_smc_calls, 0);
	EXPECT_EQ(root_call(PSCI_MIGRATE_32, 1, 0, 0), PSCI_NOT_SUPPORTED);
	EXPECT_EQ(host_smc_calls, 0);
}

/* Whole-system calls still go to firmware, unchanged. */
TEST(arm_psci_root_system_calls_reach_firmware)
{
	root_call(PSCI_VERSION, 0, 0, 0);
	EXPECT_EQ(host_smc_calls, 1);
	EXPECT_EQ(host_smc_fid, PSCI_VERSION);
	root_call(PSCI_SYSTEM_RESET, 0, 0, 0);
	EXPECT_EQ(host_smc_calls, 1);
	EXPECT_EQ(host_smc_fid, PSCI_SYSTEM_RESET);
}
