/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade / Jailhouse-compatible interface: hypercalls, CPU statistics,
 * cell states and the communication region shared by a cell and the
 * hypervisor. The instruction used to call the hypervisor and the
 * architecture's part of the comm region come from
 * <asm/jailhouse_hypercall.h> (include/arch/<arch>/).
 */
#ifndef _JAILHOUSE_HYPERCALL_H
#define _JAILHOUSE_HYPERCALL_H

#include <jailhouse/types.h>
#include <jailhouse/console.h>

#define JAILHOUSE_HC_DISABLE			0
#define JAILHOUSE_HC_CELL_CREATE		1
#define JAILHOUSE_HC_CELL_START			2
#define JAILHOUSE_HC_CELL_SET_LOADABLE		3
#define JAILHOUSE_HC_CELL_DESTROY		4
#define JAILHOUSE_HC_HYPERVISOR_GET_INFO	5
#define JAILHOUSE_HC_CELL_GET_STATE		6
#define JAILHOUSE_HC_CPU_GET_INFO		7
#define JAILHOUSE_HC_DEBUG_CONSOLE_PUTC		8

/* Argument of JAILHOUSE_HC_HYPERVISOR_GET_INFO. */
#define JAILHOUSE_INFO_MEM_POOL_SIZE		0
#define JAILHOUSE_INFO_MEM_POOL_USED		1
#define JAILHOUSE_INFO_REMAP_POOL_SIZE		2
#define JAILHOUSE_INFO_REMAP_POOL_USED		3
#define JAILHOUSE_INFO_NUM_CELLS		4

/* Second argument of JAILHOUSE_HC_CPU_GET_INFO. */
#define JAILHOUSE_CPU_INFO_STATE		0
#define JAILHOUSE_CPU_INFO_STAT_BASE		1000

/* CPU states returned for JAILHOUSE_CPU_INFO_STATE. */
#define JAILHOUSE_CPU_RUNNING			0
#define JAILHOUSE_CPU_FAILED			2

/*
 * Statistics counters common to all architectures; the architecture header
 * continues the numbering and defines JAILHOUSE_NUM_CPU_STATS.
 */
#define JAILHOUSE_CPU_STAT_VMEXITS_TOTAL	0
#define JAILHOUSE_CPU_STAT_VMEXITS_MMIO		1
#define JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT	2
#define JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL	3
#define JAILHOUSE_GENERIC_CPU_STATS		4

/* "Look the cell up by its name" in a struct jailhouse_cell_id. */
#define JAILHOUSE_CELL_ID_UNUSED		(-1)

/* Cell states (comm region cell_state, CELL_GET_STATE). */
#define JAILHOUSE_CELL_RUNNING			0
#define JAILHOUSE_CELL_RUNNING_LOCKED		1
#define JAILHOUSE_CELL_SHUT_DOWN		2
#define JAILHOUSE_CELL_FAILED			3
#define JAILHOUSE_CELL_FAILED_COMM_REV		4

/* Messages to a cell (msg_to_cell). */
#define JAILHOUSE_MSG_NONE			0
#define JAILHOUSE_MSG_SHUTDOWN_REQUEST		1
#define JAILHOUSE_MSG_RECONFIG_COMPLETED	2

/* Replies from a cell (reply_from_cell). */
#define JAILHOUSE_MSG_UNKNOWN			1
#define JAILHOUSE_MSG_REQUEST_DENIED		2
#define JAILHOUSE_MSG_REQUEST_APPROVED		3
#define JAILHOUSE_MSG_RECEIVED			4

#define JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED	0x0001
#define JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE	0x0002

#define COMM_REGION_ABI_REVISION		2
#define COMM_REGION_MAGIC			"JHCOMM"

/*
 * First 64 bytes of every comm region; the architecture header appends its
 * fields and defines struct jailhouse_comm_region with them. The message
 * words are volatile because the other side writes them at any time.
 */
#define JAILHOUSE_COMM_REGION_COMMON_FIELDS				\
	char signature[6];						\
	__u16 revision;							\
	volatile __u32 cell_state;					\
	volatile __u32 msg_to_cell;					\
	volatile __u32 reply_from_cell;					\
	volatile __u32 flags;						\
	struct jailhouse_console console;				\
	__u64 pci_mmconfig_base;

#include <asm/jailhouse_hypercall.h>

/*
 * The message protocol: clear the peer's answer field, make that visible,
 * then post the new word. jailhouse_comm_write_barrier() comes from the
 * architecture header.
 */
static inline void
jailhouse_send_msg_to_cell(struct jailhouse_comm_region *comm_region,
			   __u32 msg)
{
	comm_region->reply_from_cell = JAILHOUSE_MSG_NONE;
	jailhouse_comm_write_barrier();
	comm_region->msg_to_cell = msg;
}

static inline void
jailhouse_send_reply_from_cell(struct jailhouse_comm_region *comm_region,
			       __u32 reply)
{
	comm_region->msg_to_cell = JAILHOUSE_MSG_NONE;
	jailhouse_comm_write_barrier();
	comm_region->reply_from_cell = reply;
}

#endif /* !_JAILHOUSE_HYPERCALL_H */
