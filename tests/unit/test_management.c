// SPDX-License-Identifier: GPL-2.0
/*
 * CPU requests (hypervisor/management.c) as a CPU takes them: a park and
 * a reset that wait together (the CPU woke late, after its cell was
 * stopped and started again) end in the reset alone, so that the park
 * cannot undo what the restarted cell did meanwhile.
 */
#include <string.h>

#include <core/management.h>
#include <core/percpu.h>

#include "arch_stubs.h"
#include "unit.h"

static struct per_cpu cpu;

static void take(u32 requests)
{
	memset(&cpu, 0, sizeof(cpu));
	cpu.cpu_id = 3;
	arch_park_mask = arch_reset_mask = 0;
	cpu_post_request(&cpu, requests);
	cpu_handle_requests(&cpu);
}

TEST(management_reset_supersedes_pending_park)
{
	take(CPU_REQ_PARK | CPU_REQ_RESET);
	EXPECT_EQ(arch_park_mask, 0);
	EXPECT_EQ(arch_reset_mask, 1UL << 3);
	EXPECT_FALSE(cpu.parked);
}

TEST(management_park_and_reset_alone)
{
	take(CPU_REQ_PARK);
	EXPECT_EQ(arch_park_mask, 1UL << 3);
	EXPECT_EQ(arch_reset_mask, 0);
	EXPECT_TRUE(cpu.parked);
	take(CPU_REQ_RESET);
	EXPECT_EQ(arch_park_mask, 0);
	EXPECT_EQ(arch_reset_mask, 1UL << 3);
	EXPECT_FALSE(cpu.parked);
}
