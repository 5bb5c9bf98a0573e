// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-Vi command encodings (x86/amd_iommu.h): what the hypervisor puts
 * in the command buffer to drop cached entries and to learn when the
 * unit has done so.
 */
#include <x86/amd_iommu.h>

static void cmd_set(u64 cmd[AMDVI_CMD_QWORDS], u64 op, u64 low, u64 high)
{
	cmd[0] = low | (op << AMDVI_CMD_OP_SHIFT);
	cmd[1] = high;
}

/* The store address is bits 51:3, split around the opcode's dword. */
void amdvi_cmd_completion_wait(u64 cmd[AMDVI_CMD_QWORDS], u64 store_phys,
			       u64 data)
{
	cmd_set(cmd, AMDVI_CMD_COMPLETION_WAIT,
		(store_phys & GENMASK_ULL(51, 3)) | AMDVI_CMD_CW_STORE, data);
}

void amdvi_cmd_inv_devtab_entry(u64 cmd[AMDVI_CMD_QWORDS], u16 bdf)
{
	cmd_set(cmd, AMDVI_CMD_INV_DEVTAB_ENTRY, bdf, 0);
}

/* DomainID sits in the opcode's dword (bits 47:32 of the first qword). */
void amdvi_cmd_inv_domain(u64 cmd[AMDVI_CMD_QWORDS], u16 domain)
{
	cmd_set(cmd, AMDVI_CMD_INV_IOMMU_PAGES, (u64)domain << 32,
		AMDVI_CMD_PAGES_ALL | AMDVI_CMD_PAGES_S | AMDVI_CMD_PAGES_PDE);
}

void amdvi_cmd_inv_int_table(u64 cmd[AMDVI_CMD_QWORDS], u16 bdf)
{
	cmd_set(cmd, AMDVI_CMD_INV_INT_TABLE, bdf, 0);
}
