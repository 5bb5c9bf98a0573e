/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The units test_units.c links into the test program. They do nothing
 * unless armed, so that the other tests' setups and cells do not see
 * them.
 */
#ifndef _TEST_UNITS_H
#define _TEST_UNITS_H

struct cell;

/* Arm or disarm the test units; arming clears the call log. */
void test_units_arm(bool armed);
/* Unit index (0..2) whose init/cell_init fails with -EIO; -1: none. */
extern int test_unit_fail_init, test_unit_fail_cell_init;
/* MMIO regions each armed test unit counts for a cell. */
extern unsigned int test_unit_regions;
/*
 * Cell exits the armed test units saw while a CPU of the cell already
 * belonged to another cell (its interrupt sources could reach that one).
 */
extern unsigned int test_unit_exits_after_cpus_left;

#endif /* _TEST_UNITS_H */
