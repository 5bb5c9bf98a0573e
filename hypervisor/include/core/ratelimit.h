/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pacing of console messages a guest can trigger at will (its debug
 * console lines, notes about refused accesses): a burst is printed at
 * once, then a few per second; what is held back is counted and the
 * count reported with the next message let through. Without it, a cell
 * printing in a loop would hold the UART, and every CPU waiting for the
 * printk lock, busy.
 */
#ifndef _CORE_RATELIMIT_H
#define _CORE_RATELIMIT_H

#include <core/spinlock.h>
#include <core/types.h>

/*
 * Messages let through at once, and further ones per second: about half
 * of what a 115200 baud UART carries in lines of a hundred characters.
 */
#define RATELIMIT_BURST		200
#define RATELIMIT_PER_SEC	50

struct ratelimit {
	spinlock_t lock;
	/* Messages that may go out now, refilled with time. */
	u32 tokens;
	/* Held back since the last one let through. */
	u32 dropped;
	/* arch_time_ns() when tokens were last refilled; 0: never. */
	u64 stamp;
};

/*
 * Whether a message may go out now. When messages were held back before
 * it, one line says how many, on behalf of who.
 */
bool ratelimit_ok(struct ratelimit *rl, const char *who);

/*
 * A full burst again, nothing counted as held back (a cell that starts
 * over; no one else may use rl meanwhile).
 */
void ratelimit_reset(struct ratelimit *rl);

#endif /* _CORE_RATELIMIT_H */
