/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page a non-root cell shares with the hypervisor (the comm region of
 * Documentation/jailhouse-abi.md):
 * what the cell gets to know at start, its state, and messages to it.
 */
#ifndef _CORE_COMM_REGION_H
#define _CORE_COMM_REGION_H

#include <core/types.h>

struct cell;

/* Fresh contents for a (re)start: signature, config values, state. */
void comm_region_init(struct cell *cell, u32 state);

/* Record a state the hypervisor sets (shut down, failed). */
void comm_region_set_state(struct cell *cell, u32 state);

/* The cell's state: the hypervisor's, or the one the cell reports. */
u32 comm_region_get_state(const struct cell *cell);

/*
 * Ask a running cell whether it may be shut down, unless its comm region
 * is passive. 0: approved, or no answer within the config's
 * msg_reply_timeout; -EPERM: denied.
 */
int comm_region_request_shutdown(struct cell *cell);

#endif /* _CORE_COMM_REGION_H */
