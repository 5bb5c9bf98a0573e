// SPDX-License-Identifier: GPL-2.0
/*
 * Per-cell budget of refusal lines on the console (see core/refusal.h).
 */
#include <core/cell.h>
#include <core/printk.h>
#include <core/refusal.h>

/* The count before this refusal; it stays at its maximum, never wraps. */
static u32 count_refusal(struct cell *cell)
{
	u32 n = __atomic_load_n(&cell->refusals, __ATOMIC_RELAXED);

	while (n != (u32)-1 &&
	       !__atomic_compare_exchange_n(&cell->refusals, &n, n + 1, true,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
	return n;
}

void refusal_printk(struct cell *cell, const char *fmt, ...)
{
	u32 n = count_refusal(cell);
	va_list ap;

	if (n == REFUSAL_LINES)
		printk("Cell \"%s\": further refusals suppressed until it "
		       "starts again\n", cell->config->name);
	if (n >= REFUSAL_LINES)
		return;
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void refusal_reset(struct cell *cell)
{
	u32 n = __atomic_exchange_n(&cell->refusals, 0, __ATOMIC_RELAXED);

	if (n > REFUSAL_LINES)
		printk("Cell \"%s\": %u refusals of its last run not "
		       "reported\n", cell->config->name, n - REFUSAL_LINES);
}
