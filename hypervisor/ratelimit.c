// SPDX-License-Identifier: GPL-2.0
/*
 * Token bucket for guest-triggered messages (see core/ratelimit.h).
 */
#include <core/arch.h>
#include <core/printk.h>
#include <core/ratelimit.h>

#define NSEC_PER_TOKEN	(1000000000ULL / RATELIMIT_PER_SEC)

static void refill(struct ratelimit *rl, u64 now)
{
	u64 earned;

	if (!rl->stamp) {
		rl->tokens = RATELIMIT_BURST;
		rl->stamp = now;
		return;
	}
	/* Clocks of different CPUs may disagree a little. */
	if (now < rl->stamp)
		return;
	earned = (now - rl->stamp) / NSEC_PER_TOKEN;
	if (!earned)
		return;
	rl->tokens = earned >= RATELIMIT_BURST - rl->tokens ?
		RATELIMIT_BURST : rl->tokens + earned;
	rl->stamp += earned * NSEC_PER_TOKEN;
}

bool ratelimit_ok(struct ratelimit *rl, const char *who)
{
	u32 dropped = 0;
	bool ok;

	spin_lock(&rl->lock);
	refill(rl, arch_time_ns());
	ok = rl->tokens > 0;
	if (ok) {
		rl->tokens--;
		dropped = rl->dropped;
		rl->dropped = 0;
	} else {
		rl->dropped++;
	}
	spin_unlock(&rl->lock);

	if (dropped)
		printk("%s: %u messages suppressed (too many)\n", who, dropped);
	return ok;
}

void ratelimit_reset(struct ratelimit *rl)
{
	rl->stamp = 0;
	rl->dropped = 0;
}
