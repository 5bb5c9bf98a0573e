// SPDX-License-Identifier: GPL-2.0
/* The per-cell budget of refusal lines (refusal.c). */
#include <string.h>

#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/refusal.h>

#include "arch_stubs.h"
#include "unit.h"

static struct jailhouse_cell_desc desc = { .name = "loop" };

static unsigned int lines_with(const char *what)
{
	const char *p = dbg_output;
	unsigned int n = 0;

	while ((p = strstr(p, what))) {
		n++;
		p += strlen(what);
	}
	return n;
}

/*
 * A cell refused in a loop: its first lines one per refusal, then one
 * line that the rest are suppressed, then silence; a new run starts with
 * a line counting what went unreported, and has lines again.
 */
TEST(refusal_lines_limited_per_cell_run)
{
	struct cell cell = { .config = &desc };
	unsigned int n;

	dbg_output_reset();
	for (n = 0; n < 200; n++)
		refusal_printk(&cell, "refused %u\n", n);
	EXPECT_EQ(lines_with("refused "), REFUSAL_LINES);
	EXPECT_TRUE(strstr(dbg_output, "refused 0\n") != NULL);
	EXPECT_EQ(lines_with("Cell \"loop\": further refusals suppressed"),
		  1);
	/* Nothing but the summary after the last line let through. */
	EXPECT_TRUE(strstr(dbg_output, "refused 31\nCell \"loop\": further "
			   "refusals suppressed until it starts again\n") !=
		    NULL);
	EXPECT_EQ(cell.refusals, 200);

	dbg_output_reset();
	refusal_reset(&cell);
	EXPECT_STREQ(dbg_output,
		     "Cell \"loop\": 168 refusals of its last run not "
		     "reported\n");
	dbg_output_reset();
	refusal_printk(&cell, "refused again\n");
	EXPECT_STREQ(dbg_output, "refused again\n");

	/* A run within its budget ends without a summary. */
	dbg_output_reset();
	refusal_reset(&cell);
	EXPECT_EQ(dbg_output_len, 0);
}

/* The count stays at its maximum instead of starting over. */
TEST(refusal_count_saturates)
{
	struct cell cell = { .config = &desc, .refusals = (u32)-2 };

	dbg_output_reset();
	refusal_printk(&cell, "refused\n");
	refusal_printk(&cell, "refused\n");
	refusal_printk(&cell, "refused\n");
	EXPECT_EQ(cell.refusals, (u32)-1);
	EXPECT_EQ(dbg_output_len, 0);
}
