// SPDX-License-Identifier: GPL-2.0
/*
 * ARM MMIO: data abort syndrome decoding (sizes, register, direction,
 * sign and zero extension of reads). The region table is the core's
 * (test_mmio.c).
 */
#include <string.h>

#include <core/cell.h>
#include <core/errno.h>
#include <arm-common/mmio.h>
#include <asm/trap_frame.h>

#include "unit.h"

/* ISS fields: ISV 24, SAS 23:22, SSE 21, SRT 20:16, SF 15, WnR 6. */
static unsigned long iss(unsigned int sas, bool sse, unsigned int srt,
			 bool sf, bool write)
{
	return (1UL << 24) | ((unsigned long)sas << 22) |
		((unsigned long)sse << 21) | ((unsigned long)srt << 16) |
		((unsigned long)sf << 15) | ((unsigned long)write << 6);
}

TEST(arm_mmio_decode_write_masks_to_size)
{
	struct trap_frame f = { .x = { [5] = 0x1122334455667788UL } };
	struct mmio_access acc;
	unsigned int reg = 99;

	ASSERT_EQ(mmio_decode(iss(1, false, 5, false, true), &f, &acc, &reg),
		  0);
	EXPECT_EQ(acc.size, 2);
	EXPECT_TRUE(acc.is_write);
	EXPECT_EQ(reg, 5);
	EXPECT_EQ(acc.value, 0x7788);

	ASSERT_EQ(mmio_decode(iss(3, false, 5, true, true), &f, &acc, &reg),
		  0);
	EXPECT_EQ(acc.size, 8);
	EXPECT_EQ(acc.value, 0x1122334455667788ULL);
}

TEST(arm_mmio_decode_zero_register)
{
	struct trap_frame f;
	struct mmio_access acc;
	unsigned int reg;

	memset(&f, 0xff, sizeof(f));
	f.aarch32_mode = 0;
	ASSERT_EQ(mmio_decode(iss(2, false, 31, false, true), &f, &acc, &reg),
		  0);
	EXPECT_EQ(acc.value, 0);
}

TEST(arm_mmio_decode_needs_isv)
{
	struct trap_frame f = { 0 };
	struct mmio_access acc;
	unsigned int reg;

	EXPECT_EQ(mmio_decode(iss(2, false, 1, false, false) & ~(1UL << 24),
			      &f, &acc, &reg), -EINVAL);
}

TEST(arm_mmio_read_extension)
{
	struct trap_frame f;
	struct mmio_access acc = { .size = 1, .value = 0x80 };

	memset(&f, 0xaa, sizeof(f));
	/* An AArch64 guest's frame, as the trap entry marks it. */
	f.aarch32_mode = 0;
	/* ldrsb x3: sign-extended to 64 bits */
	mmio_complete_read(iss(0, true, 3, true, false), &f, &acc, 3);
	EXPECT_EQ(f.x[3], 0xffffffffffffff80UL);
	/* ldrsb w3: to 32 bits, upper half cleared */
	mmio_complete_read(iss(0, true, 3, false, false), &f, &acc, 3);
	EXPECT_EQ(f.x[3], 0xffffff80UL);
	/* ldrb w3 */
	mmio_complete_read(iss(0, false, 3, false, false), &f, &acc, 3);
	EXPECT_EQ(f.x[3], 0x80);
	/* a load into xzr changes nothing */
	mmio_complete_read(iss(0, false, 31, false, false), &f, &acc, 31);
	EXPECT_EQ(f.x[30], 0xaaaaaaaaaaaaaaaaUL);
}
