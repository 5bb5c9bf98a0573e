/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AArch64 entry and exit paths of the hypervisor.
 *
 * The driver calls arch_entry at EL1 on every CPU, from its own mapping
 * of the image (any address): that part uses PC-relative addressing only.
 * It builds boot tables that map the hypervisor memory at HV_BASE and at
 * its physical address, has the kernel's hyp stub install our init
 * vectors, and traps into them. With the MMU still off, the init vector
 * switches it on and continues at the link address on the CPU's own
 * stack. From then on the CPU comes back to EL2 only through el2_vectors.
 *
 * The way back to the hyp stub (disable, failed setup) and the start of a
 * CPU that firmware switches on run through the identity mapping, where
 * the MMU can be turned off or on under the running code.
 */
#include <generated/asm-defines.h>
#include <asm/layout.h>
#include <asm/sysregs.h>

#define ENOSYS_NEG	(-38)
#define EBUSY_NEG	(-16)
#define EINVAL_NEG	(-22)
#define HYP_STUB_ABI_OPCODE	1

/* Boot descriptors: table, and normal-memory block with AF, ISH, AP[1]. */
#define DESC_TABLE		0x3
#define DESC_BLOCK_NORMAL	0x741

/* Offset of the register pair x(2n), x(2n+1) in struct trap_frame. */
#define FRAME_PAIR(n)	(FRAME_X0 + (n) * 2 * FRAME_X_SIZE)

	.macro	mov_q, reg, val
	movz	\reg, #((\val) & 0xffff)
	movk	\reg, #(((\val) >> 16) & 0xffff), lsl #16
	movk	\reg, #(((\val) >> 32) & 0xffff), lsl #32
	movk	\reg, #(((\val) >> 48) & 0xffff), lsl #48
	.endm

	/* Store x0..x30 into the frame at sp. */
	.macro	save_frame_rest
	stp	x2, x3, [sp, #FRAME_PAIR(1)]
	stp	x4, x5, [sp, #FRAME_PAIR(2)]
	stp	x6, x7, [sp, #FRAME_PAIR(3)]
	stp	x8, x9, [sp, #FRAME_PAIR(4)]
	stp	x10, x11, [sp, #FRAME_PAIR(5)]
	stp	x12, x13, [sp, #FRAME_PAIR(6)]
	stp	x14, x15, [sp, #FRAME_PAIR(7)]
	stp	x16, x17, [sp, #FRAME_PAIR(8)]
	stp	x18, x19, [sp, #FRAME_PAIR(9)]
	stp	x20, x21, [sp, #FRAME_PAIR(10)]
	stp	x22, x23, [sp, #FRAME_PAIR(11)]
	stp	x24, x25, [sp, #FRAME_PAIR(12)]
	stp	x26, x27, [sp, #FRAME_PAIR(13)]
	stp	x28, x29, [sp, #FRAME_PAIR(14)]
	str	x30, [sp, #FRAME_PAIR(15)]
	.endm

	/*
	 * Store x2..x18 and x30: with x0, x1 what a C call may clobber
	 * (x18 too: the hypervisor is not built with it fixed).
	 */
	.macro	save_frame_volatile
	stp	x2, x3, [sp, #FRAME_PAIR(1)]
	stp	x4, x5, [sp, #FRAME_PAIR(2)]
	stp	x6, x7, [sp, #FRAME_PAIR(3)]
	stp	x8, x9, [sp, #FRAME_PAIR(4)]
	stp	x10, x11, [sp, #FRAME_PAIR(5)]
	stp	x12, x13, [sp, #FRAME_PAIR(6)]
	stp	x14, x15, [sp, #FRAME_PAIR(7)]
	stp	x16, x17, [sp, #FRAME_PAIR(8)]
	str	x18, [sp, #FRAME_PAIR(9)]
	str	x30, [sp, #FRAME_PAIR(15)]
	.endm

	/* Load x0, x1 and x4..x29 from the frame at \base. */
	.macro	load_frame, base
	ldp	x0, x1, [\base, #FRAME_PAIR(0)]
	ldp	x4, x5, [\base, #FRAME_PAIR(2)]
	ldp	x6, x7, [\base, #FRAME_PAIR(3)]
	ldp	x8, x9, [\base, #FRAME_PAIR(4)]
	ldp	x10, x11, [\base, #FRAME_PAIR(5)]
	ldp	x12, x13, [\base, #FRAME_PAIR(6)]
	ldp	x14, x15, [\base, #FRAME_PAIR(7)]
	ldp	x16, x17, [\base, #FRAME_PAIR(8)]
	ldp	x18, x19, [\base, #FRAME_PAIR(9)]
	ldp	x20, x21, [\base, #FRAME_PAIR(10)]
	ldp	x22, x23, [\base, #FRAME_PAIR(11)]
	ldp	x24, x25, [\base, #FRAME_PAIR(12)]
	ldp	x26, x27, [\base, #FRAME_PAIR(13)]
	ldp	x28, x29, [\base, #FRAME_PAIR(14)]
	.endm

/*
 * int arch_entry(unsigned int cpu_id), at EL1 with interrupts off.
 * Returns 0 once this CPU runs as a guest, or a negative errno.
 * Clobbers what the calling convention lets a function clobber.
 */
	.text
	.globl	arch_entry
	.type	arch_entry, %function
	.balign	4
arch_entry:
	hint	#34			/* BTI C: the kernel calls this indirectly */
	stp	x29, x30, [sp, #-48]!
	mov	x29, sp
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]

	mov	w19, w0
	adrp	x22, __image_start
	add	x22, x22, :lo12:__image_start
	ldr	x10, [x22, #HEADER_CORE_SIZE]
	ldr	x11, [x22, #HEADER_PERCPU_SIZE]
	ldr	w12, [x22, #HEADER_MAX_CPUS]
	cmp	x19, x12
	b.hs	.Linval

	/* The stub must be one we know how to ask. */
	ldr	w13, [x22, #HEADER_HYP_ABI]
	cmp	w13, #HYP_STUB_ABI_OPCODE
	b.ne	.Lnosys
	ldr	x13, [x22, #HEADER_HYP_VECTORS]
	cbz	x13, .Lnosys

	/* The config behind the per-CPU areas: where we are physically. */
	madd	x13, x11, x12, x10
	add	x13, x22, x13
	ldr	x20, [x13, #SYSCONFIG_HV_PHYS]
	ldr	x15, [x13, #SYSCONFIG_HV_SIZE]
	tst	x20, #(HV_MEM_ALIGN - 1)
	b.ne	.Linval
	mov_q	x14, HV_MEM_MAX
	cmp	x15, x14
	b.hi	.Linval
	cbz	x15, .Linval
	/* No 1 GiB boundary inside: one level-2 table maps it all. */
	add	x14, x20, x15
	sub	x14, x14, #1
	eor	x14, x14, x20
	lsr	x14, x14, #30
	cbnz	x14, .Linval
	/* physical minus virtual address of the image */
	sub	x21, x20, x22

	/*
	 * Boot tables: L0, L1 and L2 for the identity mapping, L1 and L2 for
	 * HV_BASE. Every CPU writes the same descriptors, through its
	 * cacheable mapping, which the cacheable table walks will see.
	 */
	adrp	x10, boot_tables
	add	x10, x10, :lo12:boot_tables
	mov_q	x9, HV_BASE

	ubfx	x11, x20, #39, #9
	add	x12, x10, #0x1000
	add	x12, x12, x21
	orr	x12, x12, #DESC_TABLE
	str	x12, [x10, x11, lsl #3]

	add	x13, x10, #0x1000
	ubfx	x11, x20, #30, #9
	add	x12, x10, #0x2000
	add	x12, x12, x21
	orr	x12, x12, #DESC_TABLE
	str	x12, [x13, x11, lsl #3]

	ubfx	x11, x9, #39, #9
	add	x12, x10, #0x3000
	add	x12, x12, x21
	orr	x12, x12, #DESC_TABLE
	str	x12, [x10, x11, lsl #3]

	add	x13, x10, #0x3000
	ubfx	x11, x9, #30, #9
	add	x12, x10, #0x4000
	add	x12, x12, x21
	orr	x12, x12, #DESC_TABLE
	str	x12, [x13, x11, lsl #3]

	add	x2, x10, #0x2000
	add	x3, x10, #0x4000
	mov	x4, #DESC_BLOCK_NORMAL
	mov	x6, #0
1:	add	x7, x20, x6
	orr	x8, x7, x4
	ubfx	x11, x7, #21, #9
	str	x8, [x2, x11, lsl #3]
	add	x7, x9, x6
	ubfx	x11, x7, #21, #9
	str	x8, [x3, x11, lsl #3]
	add	x6, x6, #HV_MEM_ALIGN
	cmp	x6, x15
	b.lo	1b

	/*
	 * EL2 first runs with the MMU off, reading memory directly: push
	 * the image to memory, and drop stale instructions of an earlier
	 * image at the same place.
	 */
	mrs	x3, ctr_el0
	ubfx	x3, x3, #16, #4
	mov	x4, #4
	lsl	x4, x4, x3
	ldr	x1, [x22, #HEADER_CORE_SIZE]
	add	x1, x22, x1
	mov	x2, x22
2:	dc	civac, x2
	add	x2, x2, x4
	cmp	x2, x1
	b.lo	2b
	dsb	sy
	ic	ialluis
	dsb	ish
	isb

	adrp	x1, el2_init_vectors
	add	x1, x1, :lo12:el2_init_vectors
	add	x1, x1, x21
	mov	x0, #LINUX_HVC_SET_VECTORS
	hvc	#0
	cbnz	x0, .Lstub_refused
	bl	el1_arrive

	/*
	 * Once the hypervisor runs, this memory is gone from the guest's
	 * view: unwind before the trap, which returns straight to our
	 * caller on success. After a failure execution goes on here.
	 */
	mov	x0, x19
	mov	x1, x20
	adrp	x2, boot_tables
	add	x2, x2, :lo12:boot_tables
	add	x2, x2, x21
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x29, x30, [sp], #48
	hvc	#0
	ret

.Lstub_refused:
	/* The others wait for everyone at EL2 and then give up too. */
	adrp	x1, el1_failed
	add	x1, x1, :lo12:el1_failed
	mov	w2, #1
	str	w2, [x1]
	bl	el1_arrive
	mov	x0, #EBUSY_NEG
	b	.Lout
.Lnosys:
	mov	x0, #ENOSYS_NEG
	b	.Lout
.Linval:
	mov	x0, #EINVAL_NEG
.Lout:
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x29, x30, [sp], #48
	ret
	.size	arch_entry, . - arch_entry

/* Count this CPU in el1_arrived, with release semantics. */
el1_arrive:
	adrp	x1, el1_arrived
	add	x1, x1, :lo12:el1_arrived
3:	ldaxr	w2, [x1]
	add	w2, w2, #1
	stlxr	w3, w2, [x1]
	cbnz	w3, 3b
	ret

/*
 * Vectors installed through the hyp stub, used at their physical address
 * with the MMU off, for the one trap of arch_entry: x0 cpu id, x1
 * physical address of the hypervisor memory, x2 boot tables. Anything
 * else here is a bug and hangs the CPU.
 */
	.balign	2048
el2_init_vectors:
	.rept	8
	.balign	0x80
	b	.
	.endr
	.balign	0x80
	b	el2_init
	.rept	7
	.balign	0x80
	b	.
	.endr

el2_init:
	/* The stub's SCTLR_EL2 comes back on the way out. */
	mrs	x3, sctlr_el2
	mov_q	x4, MAIR_EL2_HV
	msr	mair_el2, x4
	/* Output size: the CPU's PA range, at most 48 bits. */
	mrs	x4, id_aa64mmfr0_el1
	and	x4, x4, #7
	mov	x5, #5
	cmp	x4, x5
	csel	x4, x4, x5, ls
	mov_q	x5, TCR_EL2_HV
	orr	x5, x5, x4, lsl #TCR_EL2_PS_SHIFT
	msr	tcr_el2, x5
	msr	ttbr0_el2, x2
	isb
	tlbi	alle2
	dsb	nsh
	isb
	mov_q	x4, SCTLR_EL2_HV
	msr	sctlr_el2, x4
	isb
	/* Still at the physical address, now through the identity mapping. */
	ldr	x4, =el2_init_virt
	br	x4
	.ltorg

el2_init_virt:
	/* Stack top of this CPU's per-CPU area. */
	adrp	x4, hypervisor_header
	add	x4, x4, :lo12:hypervisor_header
	ldr	x5, [x4, #HEADER_CORE_SIZE]
	ldr	x6, [x4, #HEADER_PERCPU_SIZE]
	madd	x5, x6, x0, x5
	adrp	x6, __image_start
	add	x6, x6, :lo12:__image_start
	add	x5, x5, x6
	add	x5, x5, #PERCPU_STACK_TOP
	mov	sp, x5
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #FRAME_PAIR(0)]
	save_frame_rest

	mov	x1, x3
	mov	x2, sp
	bl	arm64_el2_init
	str	x0, [sp, #FRAME_PAIR(0)]
	cbnz	x0, 4f
	/* Success: return to the caller of arch_entry (its x30). */
	ldr	x1, [sp, #FRAME_PAIR(15)]
	msr	elr_el2, x1
	b	el2_return
4:	mov	x0, sp
	bl	arm64_init_failed
	b	.

/*
 * The hypervisor's vectors (VBAR_EL2 at its virtual address). Traps of
 * the guests save their registers in a frame on this CPU's stack and go
 * to arm64_trap(frame, kind); so do faults of the hypervisor itself.
 */
	.macro	vector, kind
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #FRAME_PAIR(0)]
	mov	x1, #\kind
	b	el2_trap
	.endm

	.balign	2048
	.globl	el2_vectors
el2_vectors:
	.irp	kind, 0, 1, 2, 3, 4, 5, 6, 7, 8
	vector	\kind
	.endr
	/* 9, IRQ from a guest: the short path. */
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #FRAME_PAIR(0)]
	b	el2_irq
	.irp	kind, 10, 11, 12, 13, 14, 15
	vector	\kind
	.endr

/*
 * A guest's interrupt: arm_irq_fast() injects the usual one with only
 * the registers C may clobber saved, and the guest goes on. Otherwise
 * (SGIs, maintenance, full list registers) the callee-saved registers,
 * which still hold the guest's values, complete the frame and
 * arm64_irq_slow() takes over with the value arm_irq_fast() returned.
 */
el2_irq:
	save_frame_volatile
	mrs	x0, tpidr_el2
	bl	arm_irq_fast
	cbnz	x0, 6f
	ldp	x0, x1, [sp, #FRAME_PAIR(0)]
	ldp	x2, x3, [sp, #FRAME_PAIR(1)]
	ldp	x4, x5, [sp, #FRAME_PAIR(2)]
	ldp	x6, x7, [sp, #FRAME_PAIR(3)]
	ldp	x8, x9, [sp, #FRAME_PAIR(4)]
	ldp	x10, x11, [sp, #FRAME_PAIR(5)]
	ldp	x12, x13, [sp, #FRAME_PAIR(6)]
	ldp	x14, x15, [sp, #FRAME_PAIR(7)]
	ldp	x16, x17, [sp, #FRAME_PAIR(8)]
	ldr	x18, [sp, #FRAME_PAIR(9)]
	ldr	x30, [sp, #FRAME_PAIR(15)]
	add	sp, sp, #FRAME_SIZE
	eret
6:	str	x19, [sp, #FRAME_PAIR(9) + FRAME_X_SIZE]
	stp	x20, x21, [sp, #FRAME_PAIR(10)]
	stp	x22, x23, [sp, #FRAME_PAIR(11)]
	stp	x24, x25, [sp, #FRAME_PAIR(12)]
	stp	x26, x27, [sp, #FRAME_PAIR(13)]
	stp	x28, x29, [sp, #FRAME_PAIR(14)]
	mov	x1, x0
	mov	x0, sp
	bl	arm64_irq_slow
	b	el2_return

el2_trap:
	save_frame_rest
	mov	x0, sp
	bl	arm64_trap
el2_return:
	load_frame sp
	ldr	x30, [sp, #FRAME_PAIR(15)]
	ldp	x2, x3, [sp, #FRAME_PAIR(1)]
	add	sp, sp, #FRAME_SIZE
	eret

/* void arm_enter_guest(struct trap_frame *frame), noreturn. */
	.globl	arm_enter_guest
	.type	arm_enter_guest, %function
arm_enter_guest:
	mov	sp, x0
	b	el2_return
	.size	arm_enter_guest, . - arm_enter_guest

/*
 * void arm64_leave_el2(struct trap_frame *frame, u64 sctlr,
 *			u64 phys_offset), noreturn: back to EL1 with the
 * registers of frame, this CPU's EL2 as the hyp stub had it. VBAR_EL2 and
 * the virtualization registers are restored already; turning off the MMU
 * happens at the physical address of this code.
 */
	.globl	arm64_leave_el2
	.type	arm64_leave_el2, %function
arm64_leave_el2:
	add	x3, x0, x2
	adr	x4, 5f
	add	x4, x4, x2
	br	x4
5:	msr	sctlr_el2, x1
	isb
	tlbi	alle2
	dsb	nsh
	isb
	load_frame x3
	ldr	x30, [x3, #FRAME_PAIR(15)]
	ldr	x2, [x3, #FRAME_PAIR(1)]
	ldr	x3, [x3, #FRAME_PAIR(1) + FRAME_X_SIZE]
	eret
	.size	arm64_leave_el2, . - arm64_leave_el2

	.data
	.balign	4
	.globl	el1_arrived
el1_arrived:
	.long	0
	.globl	el1_failed
el1_failed:
	.long	0

	.section .bss.boot_tables, "aw", %nobits
	.balign	4096
boot_tables:
	.skip	5 * 4096

	.section .note.GNU-stack, "", %progbits
