/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One CPU managing others: suspending them while it changes what they run
 * on, and telling them to park or to start over. A request is a flag in
 * the target's per-CPU area plus a kick (arch_send_management_ipi); the
 * target handles it in the hypervisor with cpu_handle_requests().
 */
#ifndef _CORE_MANAGEMENT_H
#define _CORE_MANAGEMENT_H

#include <core/types.h>

struct cell;
struct per_cpu;

/* Stop running guest code and wait for a reset (cell stop, destroy). */
#define CPU_REQ_PARK		BIT(0)
/* Start over as the cell's start convention says (cell start). */
#define CPU_REQ_RESET		BIT(1)

/*
 * Serializes management operations. A CPU waiting for the lock still
 * answers suspend requests, so two managers cannot deadlock.
 */
void management_lock(struct per_cpu *cpu);
void management_unlock(void);

/*
 * Suspend every CPU of cell except self and wait until each one is in
 * the hypervisor; resume lets them go (their TLBs are flushed, since the
 * manager usually changed their mappings). A CPU that does not stop
 * within seconds fails the suspension: all are resumed, -ETIMEDOUT, and
 * the caller abandons its operation without having changed anything.
 */
int cell_suspend(struct cell *cell, struct per_cpu *self);
void cell_resume(struct cell *cell, struct per_cpu *self);

/*
 * After cell_resume: wait until every CPU of cell has carried out the
 * requests posted to it (arch_park_cpu/arch_reset_cpu returned; bounded,
 * a CPU that never does gets one console line).
 */
void cell_wait_requests_taken(struct cell *cell);

/* Post requests to a suspended CPU; they take effect when it resumes. */
void cpu_post_request(struct per_cpu *target, u32 requests);

/*
 * Called by the arch on the target when it was kicked and whenever it
 * waits in the hypervisor: honours suspension (returns only once
 * resumed), then pending requests. Returns whether there was anything to
 * do, so the arch can tell a kick from an NMI meant for the guest.
 */
bool cpu_handle_requests(struct per_cpu *cpu);

#endif /* _CORE_MANAGEMENT_H */
