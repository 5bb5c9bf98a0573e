/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's HYP-mode address space on ARMv7 (one HTTBR table,
 * 32-bit VA, LPAE format), as <arm-common/subarch.h> names it:
 *
 *   HV_BASE             the hypervisor memory: image, per-CPU areas,
 *                       config, page pool (link address of the image)
 *   HV_REMAP_BASE       remap pool window (REMAP_POOL_PAGES pages)
 *   HV_DEVICE_BASE      device registers (UART, GIC), handed out in order
 *
 * The hypervisor memory is also mapped at its physical address for the
 * moments the MMU goes on or off; the ARMv7 entry must refuse hypervisor
 * memory that overlaps these windows. Plain numbers only: assembly and
 * the linker script read this file too.
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define HV_BASE			0xf0000000
#define HV_MEM_MAX		0x0c000000
#define HV_REMAP_BASE		0xfc000000
#define HV_DEVICE_BASE		0xfd000000
#define HV_DEVICE_SIZE		0x02000000

/*
 * The boot tables of entry.S map the hypervisor memory with 2 MiB blocks
 * of one level-2 table each for HV_BASE and the identity: it starts on
 * such a boundary, lies in one 1 GiB slot, and not in the last one,
 * which holds HV_BASE and the windows.
 */
#define HV_MEM_ALIGN		0x200000

/* The stock kernel's hyp stub: r0 = HVC_SOFT_RESTART, r1 = entry. */
#define LINUX_HVC_SOFT_RESTART	1
#define LINUX_HVC_STUB_ERR	0xbadca11

#endif /* !_ASM_LAYOUT_H */
