// SPDX-License-Identifier: GPL-2.0
/*
 * Comm regions of non-root cells. The hypervisor owns the page; the cell
 * maps it writable to report its state (running, running/locked) and to
 * answer messages (also by reporting itself shut down or failed). States the hypervisor sets (shut down, failed) are
 * kept in the cell as well, so a cell cannot talk itself out of them.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/comm_region.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/printk.h>
#include <core/string.h>

/*
 * However many polls msg_reply_timeout allows (0: no count), a cell gets
 * this long to answer: the management lock is held meanwhile, and every
 * other management request of the root cell waits for it.
 */
#define REPLY_WAIT_MAX_NS	2000000000ULL

static volatile u32 *comm_word(const struct cell *cell, unsigned int offset)
{
	return (volatile u32 *)((char *)cell->comm_region + offset);
}

#define COMM_WORD(cell, field) \
	comm_word(cell, offsetof(struct jailhouse_comm_region, field))

void comm_region_init(struct cell *cell, u32 state)
{
	struct jailhouse_comm_region *comm = cell->comm_region;
	const struct jailhouse_cell_desc *config = cell->config;
	const struct jailhouse_system *sys = system_config_location();

	memset(comm, 0, PAGE_SIZE);
	memcpy(comm->signature, COMM_REGION_MAGIC, sizeof(comm->signature));
	comm->revision = COMM_REGION_ABI_REVISION;
	comm->cell_state = state;
	comm->msg_to_cell = JAILHOUSE_MSG_NONE;
	comm->reply_from_cell = JAILHOUSE_MSG_NONE;
	if (JAILHOUSE_CELL_CONSOLE_PERMITTED(config->flags))
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED;
	if (JAILHOUSE_CELL_CONSOLE_ACTIVE(config->flags))
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE;
	comm->console = config->console;
	comm->pci_mmconfig_base = sys->platform_info.pci_mmconfig_base;
	arch_comm_region_init(cell, comm);
	cell->state = state;
}

void comm_region_set_state(struct cell *cell, u32 state)
{
	__atomic_store_n(&cell->state, state, __ATOMIC_RELEASE);
	if (cell->comm_region)
		*COMM_WORD(cell, cell_state) = state;
}

u32 comm_region_get_state(const struct cell *cell)
{
	u32 reported;

	if (!cell->comm_region || cell->state != JAILHOUSE_CELL_RUNNING)
		return cell->state;
	/* Of what a running cell writes, only these two mean anything. */
	reported = *COMM_WORD(cell, cell_state);
	if (reported == JAILHOUSE_CELL_RUNNING_LOCKED)
		return reported;
	return JAILHOUSE_CELL_RUNNING;
}

/*
 * A cell may answer a message by reporting itself shut down or failed
 * instead of replying, as Jailhouse's inmates do (its apic-demo stops
 * so). That only ends its own wait sooner: the state it shows stays ours.
 */
static bool reports_stopped(const struct cell *cell)
{
	u32 reported = *COMM_WORD(cell, cell_state);

	return reported == JAILHOUSE_CELL_SHUT_DOWN ||
		reported == JAILHOUSE_CELL_FAILED;
}

/* Whether the cell answered or left the running state. */
static bool replied(struct cell *cell, u32 *reply)
{
	*reply = *COMM_WORD(cell, reply_from_cell);
	return *reply != JAILHOUSE_MSG_NONE || reports_stopped(cell) ||
		__atomic_load_n(&cell->state, __ATOMIC_ACQUIRE) !=
		JAILHOUSE_CELL_RUNNING;
}

/*
 * Poll for the answer until msg_reply_timeout polls (if given) or
 * REPLY_WAIT_MAX_NS passed, whichever comes first.
 */
static u32 wait_reply(struct cell *cell)
{
	u64 polls = cell->config->msg_reply_timeout;
	u64 deadline = arch_time_ns() + REPLY_WAIT_MAX_NS;
	u32 reply;

	while (!replied(cell, &reply)) {
		if ((cell->config->msg_reply_timeout && --polls == 0) ||
		    arch_time_ns() >= deadline)
			break;
	}
	return reply;
}

int comm_region_request_shutdown(struct cell *cell)
{
	u32 reply;

	if ((cell->config->flags & JAILHOUSE_CELL_PASSIVE_COMMREG) ||
	    cell->state != JAILHOUSE_CELL_RUNNING)
		return 0;

	/* The order the ABI prescribes: reply cleared before the message. */
	*COMM_WORD(cell, reply_from_cell) = JAILHOUSE_MSG_NONE;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	*COMM_WORD(cell, msg_to_cell) = JAILHOUSE_MSG_SHUTDOWN_REQUEST;

	reply = wait_reply(cell);
	*COMM_WORD(cell, msg_to_cell) = JAILHOUSE_MSG_NONE;

	if (reply == JAILHOUSE_MSG_REQUEST_DENIED && !reports_stopped(cell)) {
		printk("Cell \"%s\" denied the shutdown request\n",
		       cell->config->name);
		return -EPERM;
	}
	if (reply == JAILHOUSE_MSG_NONE && !reports_stopped(cell) &&
	    __atomic_load_n(&cell->state, __ATOMIC_ACQUIRE) ==
	    JAILHOUSE_CELL_RUNNING)
		printk("Cell \"%s\" did not answer the shutdown request, "
		       "stopping it anyway\n", cell->config->name);
	return 0;
}
