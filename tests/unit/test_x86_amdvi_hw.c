// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-Vi command and event rings (amd_iommu_hw.c) against registers and
 * buffers in host memory: where commands land and how the tail moves,
 * a full ring, event records read from head to tail and cleared, and
 * the log restarted after an overflow.
 */
#include <string.h>

#include <core/paging.h>
#include <x86/amd_iommu.h>
#include <x86/amd_iommu_hw.h>

#include "unit.h"

static u64 regs[0x3000 / 8];
static u64 cmdbuf[512], evtlog[512];
static u64 seen[4][2];
static unsigned int num_seen;

static struct amdvi_unit fake_unit(void)
{
	struct amdvi_unit u = {
		.base = 0xfed80000, .regs = (u8 *)regs,
		.cmdbuf = cmdbuf, .evtlog = evtlog,
	};

	memset(regs, 0, sizeof(regs));
	memset(cmdbuf, 0, sizeof(cmdbuf));
	memset(evtlog, 0, sizeof(evtlog));
	num_seen = 0;
	return u;
}

static void collect(const u64 rec[2])
{
	if (num_seen < 4) {
		seen[num_seen][0] = rec[0];
		seen[num_seen][1] = rec[1];
	}
	num_seen++;
}

TEST(amdvi_queue_writes_at_tail)
{
	struct amdvi_unit u = fake_unit();
	const u64 cmd[2] = { 0x1111, 0x2222 };

	regs[AMDVI_REG_CMD_TAIL / 8] = 0xff0;
	regs[AMDVI_REG_CMD_HEAD / 8] = 0x100;
	ASSERT_TRUE(amdvi_hw_queue(&u, cmd));
	EXPECT_EQ(cmdbuf[0xff0 / 8], 0x1111ULL);
	EXPECT_EQ(cmdbuf[0xff0 / 8 + 1], 0x2222ULL);
	/* The tail wraps at the end of the 4 KiB ring. */
	EXPECT_EQ(regs[AMDVI_REG_CMD_TAIL / 8], 0ULL);
}

TEST(amdvi_queue_full_ring_gives_up)
{
	struct amdvi_unit u = fake_unit();
	const u64 cmd[2] = { 0x1111, 0x2222 };

	/* One slot short of the head: the unit has not caught up. */
	regs[AMDVI_REG_CMD_TAIL / 8] = 0x30;
	regs[AMDVI_REG_CMD_HEAD / 8] = 0x40;
	EXPECT_FALSE(amdvi_hw_queue(&u, cmd));
	EXPECT_EQ(regs[AMDVI_REG_CMD_TAIL / 8], 0x30ULL);
	EXPECT_EQ(cmdbuf[0x30 / 8], 0ULL);
}

TEST(amdvi_events_head_to_tail)
{
	struct amdvi_unit u = fake_unit();

	evtlog[0xfe0 / 8] = 0x28 | (2ULL << 60);
	evtlog[0xfe0 / 8 + 1] = 0x3a701000;
	evtlog[0xff0 / 8] = 0x28 | (2ULL << 60) | (1ULL << 53);
	evtlog[0xff0 / 8 + 1] = 0x3a000000;
	evtlog[0] = 0x10 | (1ULL << 60);
	regs[AMDVI_REG_EVT_HEAD / 8] = 0xfe0;
	regs[AMDVI_REG_EVT_TAIL / 8] = 0x10;
	EXPECT_FALSE(amdvi_hw_events(&u, collect));
	ASSERT_EQ(num_seen, 3U);
	EXPECT_EQ(seen[0][1], 0x3a701000ULL);
	EXPECT_EQ(seen[1][1], 0x3a000000ULL);
	EXPECT_EQ(seen[2][0], 0x10 | (1ULL << 60));
	/* Read records are cleared, the head follows the tail. */
	EXPECT_EQ(evtlog[0xfe0 / 8], 0ULL);
	EXPECT_EQ(evtlog[0], 0ULL);
	EXPECT_EQ(regs[AMDVI_REG_EVT_HEAD / 8], 0x10ULL);
	/* Nothing new: no record, no register written. */
	regs[AMDVI_REG_EVT_HEAD / 8] = 0x10;
	EXPECT_FALSE(amdvi_hw_events(&u, collect));
	EXPECT_EQ(num_seen, 3U);
}

TEST(amdvi_event_overflow_restarts_log)
{
	struct amdvi_unit u = fake_unit();

	evtlog[0x20 / 8] = 0x28 | (2ULL << 60);
	regs[AMDVI_REG_EVT_HEAD / 8] = 0x20;
	regs[AMDVI_REG_EVT_TAIL / 8] = 0x30;
	regs[AMDVI_REG_STATUS / 8] = AMDVI_STATUS_EVT_OVF;
	EXPECT_TRUE(amdvi_hw_events(&u, collect));
	EXPECT_EQ(num_seen, 1U);
	EXPECT_EQ(regs[AMDVI_REG_EVT_HEAD / 8], 0ULL);
	EXPECT_EQ(regs[AMDVI_REG_EVT_TAIL / 8], 0ULL);
	/* Back on with commands and events (the write of 1 clears OVF). */
	EXPECT_EQ(regs[AMDVI_REG_CONTROL / 8], AMDVI_CTRL_IOMMU_EN |
		  AMDVI_CTRL_CMDBUF_EN | AMDVI_CTRL_EVTLOG_EN);
}
