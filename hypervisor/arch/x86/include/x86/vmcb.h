/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The AMD SVM virtual machine control block (AMD APM vol. 2, appendix B):
 * a 4 KiB page, control area at 0x000, state save area at 0x400. Offsets
 * are checked at build time in svm.c.
 */
#ifndef _X86_VMCB_H
#define _X86_VMCB_H

#include <core/types.h>
#include <x86/processor.h>

/* Intercept word 3 (offset 0x00c). */
#define SVM_INTERCEPT_INTR		BIT(0)
#define SVM_INTERCEPT_NMI		BIT(1)
#define SVM_INTERCEPT_SMI		BIT(2)
#define SVM_INTERCEPT_INIT		BIT(3)
#define SVM_INTERCEPT_CPUID		BIT(18)
#define SVM_INTERCEPT_INVD		BIT(22)
#define SVM_INTERCEPT_IOIO_PROT		BIT(27)
#define SVM_INTERCEPT_MSR_PROT		BIT(28)
#define SVM_INTERCEPT_SHUTDOWN		BIT(31)

/* Intercept word 4 (offset 0x010). */
#define SVM_INTERCEPT_VMRUN		BIT(0)
#define SVM_INTERCEPT_VMMCALL		BIT(1)
#define SVM_INTERCEPT_VMLOAD		BIT(2)
#define SVM_INTERCEPT_VMSAVE		BIT(3)
#define SVM_INTERCEPT_STGI		BIT(4)
#define SVM_INTERCEPT_CLGI		BIT(5)
#define SVM_INTERCEPT_SKINIT		BIT(6)
#define SVM_INTERCEPT_XSETBV		BIT(13)

#define SVM_TLB_FLUSH_NONE		0
#define SVM_TLB_FLUSH_ALL		1

#define SVM_NP_ENABLE			BIT(0)

/* EVENTINJ / EXITINTINFO */
#define SVM_EVENT_VALID			BIT(31)
#define SVM_EVENT_ERROR_VALID		BIT(11)
#define SVM_EVENT_TYPE_INTR		(0 << 8)
#define SVM_EVENT_TYPE_NMI		(2 << 8)
#define SVM_EVENT_TYPE_EXCEPTION	(3 << 8)
#define SVM_EVENT_TYPE_SOFT		(4 << 8)
#define SVM_EVENT_TYPE_MASK		(7 << 8)

/* Exit codes. */
#define SVM_EXIT_EXCP_BASE		0x040
#define SVM_EXIT_INTR			0x060
#define SVM_EXIT_NMI			0x061
#define SVM_EXIT_SMI			0x062
#define SVM_EXIT_INIT			0x063
#define SVM_EXIT_CPUID			0x072
#define SVM_EXIT_INVD			0x076
#define SVM_EXIT_HLT			0x078
#define SVM_EXIT_IOIO			0x07b
#define SVM_EXIT_MSR			0x07c
#define SVM_EXIT_SHUTDOWN		0x07f
#define SVM_EXIT_VMRUN			0x080
#define SVM_EXIT_VMMCALL		0x081
#define SVM_EXIT_VMLOAD			0x082
#define SVM_EXIT_VMSAVE			0x083
#define SVM_EXIT_STGI			0x084
#define SVM_EXIT_CLGI			0x085
#define SVM_EXIT_SKINIT			0x086
#define SVM_EXIT_XSETBV			0x08d
#define SVM_EXIT_NPF			0x400
#define SVM_EXIT_INVALID		((u64)-1)

/* EXITINFO1 of IOIO exits; EXITINFO2 holds the next RIP. */
#define SVM_IOIO_IN			BIT(0)
#define SVM_IOIO_STR			BIT(2)
#define SVM_IOIO_REP			BIT(3)
#define SVM_IOIO_SIZE_SHIFT		4
#define SVM_IOIO_SIZE_MASK		(7 << SVM_IOIO_SIZE_SHIFT)
#define SVM_IOIO_PORT_SHIFT		16

/* Sizes of the permission maps (physically contiguous, 4 KiB aligned). */
#define SVM_IOPM_PAGES			3
#define SVM_MSRPM_PAGES			2

struct vmcb_segment {
	u16 selector;
	u16 attrib;
	u32 limit;
	u64 base;
} __packed;

struct vmcb {
	/* control area */
	u32 cr_intercepts;		/* 0x000 */
	u32 dr_intercepts;		/* 0x004 */
	u32 exception_intercepts;	/* 0x008 */
	u32 general1_intercepts;	/* 0x00c */
	u32 general2_intercepts;	/* 0x010 */
	u8 res_014[0x03c - 0x014];
	u16 pause_filter_thresh;	/* 0x03c */
	u16 pause_filter_count;		/* 0x03e */
	u64 iopm_base_pa;		/* 0x040 */
	u64 msrpm_base_pa;		/* 0x048 */
	u64 tsc_offset;			/* 0x050 */
	u32 guest_asid;			/* 0x058 */
	u8 tlb_control;			/* 0x05c */
	u8 res_05d[3];
	u64 v_intr;			/* 0x060 */
	u64 interrupt_shadow;		/* 0x068 */
	u64 exitcode;			/* 0x070 */
	u64 exitinfo1;			/* 0x078 */
	u64 exitinfo2;			/* 0x080 */
	u64 exitintinfo;		/* 0x088 */
	u64 np_control;			/* 0x090 */
	u64 avic_apic_bar;		/* 0x098 */
	u64 ghcb_pa;			/* 0x0a0 */
	u64 eventinj;			/* 0x0a8 */
	u64 n_cr3;			/* 0x0b0 */
	u64 lbr_control;		/* 0x0b8 */
	u32 clean_bits;			/* 0x0c0 */
	u32 res_0c4;
	u64 next_rip;			/* 0x0c8 */
	u8 bytes_fetched;		/* 0x0d0 */
	u8 guest_insn_bytes[15];	/* 0x0d1 */
	u8 res_0e0[0x400 - 0x0e0];

	/* state save area */
	struct vmcb_segment es;		/* 0x400 */
	struct vmcb_segment cs;		/* 0x410 */
	struct vmcb_segment ss;		/* 0x420 */
	struct vmcb_segment ds;		/* 0x430 */
	struct vmcb_segment fs;		/* 0x440 */
	struct vmcb_segment gs;		/* 0x450 */
	struct vmcb_segment gdtr;	/* 0x460 */
	struct vmcb_segment ldtr;	/* 0x470 */
	struct vmcb_segment idtr;	/* 0x480 */
	struct vmcb_segment tr;		/* 0x490 */
	u8 res_4a0[0x4cb - 0x4a0];
	u8 cpl;				/* 0x4cb */
	u32 res_4cc;
	u64 efer;			/* 0x4d0 */
	u8 res_4d8[0x548 - 0x4d8];
	u64 cr4;			/* 0x548 */
	u64 cr3;			/* 0x550 */
	u64 cr0;			/* 0x558 */
	u64 dr7;			/* 0x560 */
	u64 dr6;			/* 0x568 */
	u64 rflags;			/* 0x570 */
	u64 rip;			/* 0x578 */
	u8 res_580[0x5d8 - 0x580];
	u64 rsp;			/* 0x5d8 */
	u8 res_5e0[0x5f8 - 0x5e0];
	u64 rax;			/* 0x5f8 */
	u64 star;			/* 0x600 */
	u64 lstar;			/* 0x608 */
	u64 cstar;			/* 0x610 */
	u64 sfmask;			/* 0x618 */
	u64 kernel_gs_base;		/* 0x620 */
	u64 sysenter_cs;		/* 0x628 */
	u64 sysenter_esp;		/* 0x630 */
	u64 sysenter_eip;		/* 0x638 */
	u64 cr2;			/* 0x640 */
	u8 res_648[0x668 - 0x648];
	u64 g_pat;			/* 0x668 */
	u64 dbgctl;			/* 0x670 */
	u8 res_678[0x1000 - 0x678];
} __packed;

#endif /* _X86_VMCB_H */
