/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's EL2 address space (one TTBR0_EL2 table, 48-bit VA),
 * and the offsets that assembly code needs. Shared by C, assembly and the
 * linker script, hence only plain numbers here.
 *
 *   physical address of the hypervisor memory   identity, for the moments
 *                                               the MMU goes on or off
 *   HV_BASE             the hypervisor memory: image, per-CPU areas,
 *                       config, page pool (link address of the image)
 *   HV_REMAP_BASE       remap pool window
 *   HV_DEVICE_BASE      device registers (UART, GIC), handed out in order
 *
 * The three windows lie above 2^44, out of reach of any physical address
 * of the CPUs this port supports, so the identity part never overlaps
 * them.
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define HV_BASE			0x0000f00000000000
#define HV_REMAP_BASE		0x0000f10000000000
#define HV_DEVICE_BASE		0x0000f20000000000
#define HV_DEVICE_SIZE		0x0000000040000000

/*
 * The boot tables map the hypervisor memory with 2 MiB blocks, so it must
 * start on such a boundary and fit into one 1 GiB slot.
 */
#define HV_MEM_ALIGN		0x200000
#define HV_MEM_MAX		0x40000000

/* struct jailhouse_header (jailhouse-abi.md, the firmware image). */
#define HEADER_CORE_SIZE	0x08
#define HEADER_PERCPU_SIZE	0x10
#define HEADER_MAX_CPUS		0x30
#define HEADER_ONLINE_CPUS	0x34
#define HEADER_HYP_VECTORS	0x40
#define HEADER_HYP_ABI		0x48

/* struct jailhouse_system: hypervisor_memory.phys_start and .size. */
#define SYSCONFIG_HV_PHYS	12
#define SYSCONFIG_HV_SIZE	28

/* The stack is the first member of struct per_cpu. */
#define PERCPU_STACK_BYTES	0x4000

/* struct trap_frame: x0..x30, then a pad to keep the stack 16-aligned. */
#define FRAME_SIZE		(32 * 8)

/* The kernel's hyp stub: x0 = HVC_SET_VECTORS, x1 = vectors (physical). */
#define LINUX_HVC_SET_VECTORS	0

#endif /* !_ASM_LAYOUT_H */
