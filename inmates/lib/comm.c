// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Communication region helpers. The hypervisor (or, on shutdown, the
 * root cell through it) writes msg_to_cell at any time; answers keep the
 * clear/barrier/write order of jailhouse_send_reply_from_cell().
 */
#include <inmate.h>

struct jailhouse_comm_region *comm_region =
	(struct jailhouse_comm_region *)COMM_REGION_BASE;

/*
 * The struct is packed, so the compiler may split accesses to its fields
 * into bytes on strict-alignment targets. The message word is naturally
 * aligned in the page: read it as one 32-bit load.
 */
#define COMM_WORD(field)						\
	((volatile __u32 *)((char *)comm_region +			\
			    offsetof(struct jailhouse_comm_region, field)))

bool comm_region_valid(void)
{
	return !memcmp(comm_region->signature, COMM_REGION_MAGIC,
		       sizeof(comm_region->signature)) &&
	       comm_region->revision == COMM_REGION_ABI_REVISION;
}

__u32 comm_region_msg(void)
{
	return *COMM_WORD(msg_to_cell);
}

void comm_region_reply(__u32 reply)
{
	*COMM_WORD(msg_to_cell) = JAILHOUSE_MSG_NONE;
	jailhouse_comm_write_barrier();
	*COMM_WORD(reply_from_cell) = reply;
}

__u32 comm_region_poll(bool approve_shutdown)
{
	__u32 msg = comm_region_msg();

	switch (msg) {
	case JAILHOUSE_MSG_NONE:
		break;
	case JAILHOUSE_MSG_SHUTDOWN_REQUEST:
		comm_region_reply(approve_shutdown ?
				  JAILHOUSE_MSG_REQUEST_APPROVED :
				  JAILHOUSE_MSG_REQUEST_DENIED);
		break;
	case JAILHOUSE_MSG_RECONFIG_COMPLETED:
		comm_region_reply(JAILHOUSE_MSG_RECEIVED);
		break;
	default:
		comm_region_reply(JAILHOUSE_MSG_UNKNOWN);
		break;
	}
	return msg;
}

bool comm_region_shutdown_requested(void)
{
	if (comm_region_msg() == JAILHOUSE_MSG_NONE)
		return false;
	if (comm_region_msg() == JAILHOUSE_MSG_SHUTDOWN_REQUEST)
		return true;
	/*
	 * Something else to answer; a shutdown request may have replaced it
	 * meanwhile, and poll then approved it already.
	 */
	return comm_region_poll(true) == JAILHOUSE_MSG_SHUTDOWN_REQUEST;
}
