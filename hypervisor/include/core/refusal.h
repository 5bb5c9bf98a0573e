/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Console lines about guest accesses the hypervisor refuses while the
 * guest runs on (an IPI out of its cell, an interrupt route or an APIC
 * setting it may not make): one line per refusal for the first
 * REFUSAL_LINES of a cell's run, then one line saying that further ones
 * are suppressed, then none until the cell starts again (the root cell:
 * until the next enable). A guest looping over a refused access would
 * otherwise keep the UART, and every CPU waiting for the console, busy.
 */
#ifndef _CORE_REFUSAL_H
#define _CORE_REFUSAL_H

#include <core/printk.h>
#include <core/types.h>

struct cell;

#define REFUSAL_LINES		32

/* One refusal of cell, with its line while the run has lines left. */
void refusal_printk(struct cell *cell, const char *fmt, ...) __printf(2, 3);

/*
 * A new run of cell (or its end): lines again. Says how many refusals of
 * the last run went unreported, if any did. No CPU of the cell may run.
 */
void refusal_reset(struct cell *cell);

#endif /* _CORE_REFUSAL_H */
