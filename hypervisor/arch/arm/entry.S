/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARMv7 entry and exit paths of the hypervisor (HYP mode, LPAE).
 *
 * The driver calls arch_entry in SVC mode on every CPU, from its own
 * mapping of the image (any address): that part is position independent.
 * It writes boot tables that map the hypervisor memory at HV_BASE and at
 * its physical address, and asks the stock kernel's hyp stub for a soft
 * restart into hyp_init (HVC_SET_VECTORS is refused by that stub, but
 * HVC_SOFT_RESTART jumps to a physical address in HYP mode and leaves
 * ELR_hyp and SPSR_hyp as the HVC set them). With the MMU still off,
 * hyp_init switches it on and goes on at the link address on the CPU's
 * own stack. From then on the CPU comes back to HYP mode only through
 * hyp_vectors.
 *
 * In HYP mode LR is the user-mode LR of the guest: every trap saves it
 * in the frame with r0..r12 (struct trap_frame) before calling C.
 */
#include <generated/asm-defines.h>
#include <asm/layout.h>

	.arch	armv7-a
	.arch_extension virt
	.arch_extension mp
	.syntax	unified
	.arm

#define ENOSYS_NEG	(-38)
#define EBUSY_NEG	(-16)
#define EINVAL_NEG	(-22)

/* LPAE boot descriptors: table; normal-memory block with AF, ISH, AP[1]. */
#define DESC_TABLE		0x3
#define DESC_BLOCK_NORMAL	0x741

/* HMAIR0: index 0 normal write-back, index 1 device nGnRE. */
#define HMAIR0_HV		0x04ff
/* HTCR: T0SZ 0 (4 GiB), walks inner shareable write-back; RES1 bits. */
#define HTCR_HV			0x80803500
/* HSCTLR: M, C and I on; A, WXN, EE and TE (Thumb exceptions) off. */
#define HSCTLR_ON		0x00001005
#define HSCTLR_OFF		0x42080002

/* reg = run-time address of sym, from anywhere (PC-relative). */
	.macro	adr_l, reg, sym
	ldr	\reg, 8f
7:	add	\reg, pc, \reg
	b	9f
8:	.word	\sym - (7b + 8)
9:
	.endm

/*
 * int arch_entry(unsigned int cpu_id), in SVC mode, interrupts off.
 * Returns 0 once this CPU runs as a guest, or a negative errno.
 */
	.text
	.globl	arch_entry
	.type	arch_entry, %function
	.balign	4
arch_entry:
	push	{r4-r11, lr}
	mov	r4, r0
	adr_l	r5, __image_start
	ldr	r6, [r5, #HEADER_CORE_SIZE]
	ldr	r7, [r5, #HEADER_PERCPU_SIZE]
	ldr	r8, [r5, #HEADER_MAX_CPUS]
	cmp	r4, r8
	bhs	.Linval
	/* The driver found the stub: its vectors come back on disable. */
	ldr	r9, [r5, #HEADER_HYP_VECTORS]
	cmp	r9, #0
	beq	.Lnosys

	/* The config behind the per-CPU areas: where we are physically. */
	mla	r9, r7, r8, r6
	add	r9, r5, r9
	ldr	r10, [r9, #SYSCONFIG_HV_PHYS]
	ldr	r11, [r9, #SYSCONFIG_HV_PHYS + 4]
	ldr	r8, [r9, #SYSCONFIG_HV_SIZE]
	ldr	r12, [r9, #SYSCONFIG_HV_SIZE + 4]
	orrs	r11, r11, r12
	bne	.Linval
	ldr	r11, =(HV_MEM_ALIGN - 1)
	tst	r10, r11
	bne	.Linval
	cmp	r8, #0
	beq	.Linval
	ldr	r11, =HV_MEM_MAX
	cmp	r8, r11
	bhi	.Linval
	/* One 1 GiB slot, not HV_BASE's, and no wrap past 4 GiB. */
	adds	r11, r10, r8
	bcs	.Linval
	sub	r11, r11, #1
	eor	r12, r11, r10
	lsrs	r12, r12, #30
	bne	.Linval
	lsr	r12, r10, #30
	cmp	r12, #(HV_BASE >> 30)
	beq	.Linval
	/* physical minus virtual address of the image */
	sub	r11, r10, r5

	/*
	 * Boot tables: one level-1 table (4 entries), level 2 for the
	 * identity and for HV_BASE. Every CPU writes the same descriptors.
	 */
	adr_l	r9, boot_tables
	mov	r7, #0
	add	r0, r9, #0x1000
	add	r0, r0, r11
	orr	r0, r0, #DESC_TABLE
	lsr	r1, r10, #30
	add	r1, r9, r1, lsl #3
	str	r0, [r1]
	str	r7, [r1, #4]
	add	r0, r9, #0x2000
	add	r0, r0, r11
	orr	r0, r0, #DESC_TABLE
	str	r0, [r9, #((HV_BASE >> 30) * 8)]
	str	r7, [r9, #((HV_BASE >> 30) * 8 + 4)]

	/* r2, r3: level-2 slot of the first block, identity / HV_BASE. */
	ubfx	r2, r10, #21, #9
	add	r2, r9, r2, lsl #3
	add	r2, r2, #0x1000
	ldr	r3, =(((HV_BASE >> 21) & 511) * 8 + 0x2000)
	add	r3, r9, r3
	mov	r1, #0
1:	add	r0, r10, r1
	orr	r0, r0, #(DESC_BLOCK_NORMAL & 0xff)
	orr	r0, r0, #(DESC_BLOCK_NORMAL & 0xf00)
	str	r0, [r2], #4
	str	r7, [r2], #4
	str	r0, [r3], #4
	str	r7, [r3], #4
	add	r1, r1, #HV_MEM_ALIGN
	cmp	r1, r8
	blo	1b

	/*
	 * HYP mode first runs with the MMU off, reading memory directly:
	 * push the image to memory, drop stale instructions of an earlier
	 * image at the same place.
	 */
	mrc	p15, 0, r0, c0, c0, 1		/* CTR */
	ubfx	r0, r0, #16, #4
	mov	r1, #4
	lsl	r1, r1, r0
	add	r2, r5, r6
	mov	r0, r5
2:	mcr	p15, 0, r0, c7, c14, 1		/* DCCIMVAC */
	add	r0, r0, r1
	cmp	r0, r2
	blo	2b
	dsb	sy
	mcr	p15, 0, r0, c7, c1, 0		/* ICIALLUIS */
	dsb	ish
	isb

	adr_l	r1, hyp_init
	add	r1, r1, r11
	mov	r2, r4
	adr_l	r3, boot_tables
	add	r3, r3, r11
	/*
	 * Once the hypervisor runs, this memory is gone from the guest's
	 * view: unwind before the call, whose trap returns straight to our
	 * caller on success. After a failure execution goes on here, with
	 * the error in r0, or the stub's error when it refused.
	 */
	pop	{r4-r11, lr}
	mov	r0, #LINUX_HVC_SOFT_RESTART
	hvc	#0
	ldr	r1, =LINUX_HVC_STUB_ERR
	cmp	r0, r1
	bxne	lr

	/* The others wait for everyone in HYP mode and then give up too. */
	adr_l	r1, hyp_failed
	mov	r2, #1
	str	r2, [r1]
	adr_l	r1, hyp_arrived
	dmb	ish
3:	ldrex	r2, [r1]
	add	r2, r2, #1
	strex	r3, r2, [r1]
	cmp	r3, #0
	bne	3b
	dmb	ish
	mov	r0, #EBUSY_NEG
	bx	lr

.Lnosys:
	mov	r0, #ENOSYS_NEG
	pop	{r4-r11, pc}
.Linval:
	mov	r0, #EINVAL_NEG
	pop	{r4-r11, pc}
	.ltorg
	.size	arch_entry, . - arch_entry

/*
 * The stub's soft restart lands here in HYP mode, MMU off, at the
 * physical address: r2 cpu id, r3 boot tables (physical). r4..r11 and LR
 * are the caller's, r12 is free; r0 and r1 are scratch.
 */
	.balign	4
hyp_init:
	mrc	p15, 4, r12, c1, c0, 0		/* the stub's HSCTLR */
	ldr	r0, =HMAIR0_HV
	mcr	p15, 4, r0, c10, c2, 0		/* HMAIR0 */
	ldr	r0, =HTCR_HV
	mcr	p15, 4, r0, c2, c0, 2		/* HTCR */
	mov	r0, #0
	mcrr	p15, 4, r3, r0, c2		/* HTTBR */
	isb
	mcr	p15, 4, r0, c8, c7, 0		/* TLBIALLH */
	dsb	nsh
	isb
	ldr	r1, =HSCTLR_OFF
	bic	r0, r12, r1
	ldr	r1, =HSCTLR_ON
	orr	r0, r0, r1
	mcr	p15, 4, r0, c1, c0, 0		/* HSCTLR: MMU on */
	isb
	/* Still at the physical address, now through the identity mapping. */
	ldr	r0, =hyp_init_virt
	bx	r0
	.ltorg

hyp_init_virt:
	/* Stack top of this CPU's per-CPU area. */
	ldr	r0, =__image_start
	ldr	r1, [r0, #HEADER_CORE_SIZE]
	ldr	r0, [r0, #HEADER_PERCPU_SIZE]
	mla	r1, r0, r2, r1
	ldr	r0, =(__image_start + PERCPU_STACK_TOP)
	add	sp, r1, r0
	push	{r0-r12, lr}

	mov	r0, r2
	mov	r1, r12
	mov	r2, sp
	bl	armv7_hyp_init
	str	r0, [sp, #FRAME_R0]
	cmp	r0, #0
	bne	4f
	/* Success: straight back to the caller of arch_entry. */
	mrs	r0, LR_svc
	msr	ELR_hyp, r0
	b	hyp_return
4:	mov	r0, sp
	bl	armv7_init_failed
	b	.
	.ltorg

/*
 * The hypervisor's vectors (HVBAR at its virtual address). Traps of the
 * guests save their registers in a frame on this CPU's stack and go to
 * armv7_trap(frame, kind); so do faults of the hypervisor itself.
 */
	.macro	vector, kind
	push	{r0-r12, lr}
	mov	r1, #\kind
	b	hyp_trap
	.endm

	.balign	32
	.globl	hyp_vectors
hyp_vectors:
	b	.
	b	hyp_undef
	b	hyp_hvc
	b	hyp_pabt
	b	hyp_dabt
	b	hyp_guest_trap
	b	hyp_irq
	b	hyp_fiq

hyp_undef:	vector	1
hyp_hvc:	vector	2
hyp_pabt:	vector	3
hyp_dabt:	vector	4
hyp_guest_trap:	vector	5
hyp_irq:	vector	6
hyp_fiq:	vector	7

hyp_trap:
	mov	r0, sp
	bl	armv7_trap
hyp_return:
	pop	{r0-r12, lr}
	eret

/* void arm_enter_guest(struct trap_frame *frame), noreturn. */
	.globl	arm_enter_guest
	.type	arm_enter_guest, %function
arm_enter_guest:
	mov	sp, r0
	b	hyp_return
	.size	arm_enter_guest, . - arm_enter_guest

/*
 * void armv7_leave_hyp(struct trap_frame *frame, u32 hsctlr,
 *			unsigned long phys_offset), noreturn: back to the
 * mode below with the registers of frame (cleaned to memory by the
 * caller), HYP mode as the stub had it. HVBAR and the virtualization
 * registers are restored already; turning off the MMU happens at the
 * physical address of this code.
 */
	.globl	armv7_leave_hyp
	.type	armv7_leave_hyp, %function
armv7_leave_hyp:
	add	r3, r0, r2
	adr	r0, 5f
	add	r0, r0, r2
	bx	r0
5:	mcr	p15, 4, r1, c1, c0, 0		/* HSCTLR */
	isb
	mcr	p15, 4, r0, c8, c7, 0		/* TLBIALLH */
	dsb	nsh
	isb
	mov	sp, r3
	pop	{r0-r12, lr}
	eret
	.size	armv7_leave_hyp, . - armv7_leave_hyp

	.data
	.balign	4
	.globl	hyp_arrived
hyp_arrived:
	.long	0
	.globl	hyp_failed
hyp_failed:
	.long	0

	.section .bss.boot_tables, "aw", %nobits
	.balign	4096
boot_tables:
	.skip	3 * 4096

	.section .note.GNU-stack, "", %progbits
