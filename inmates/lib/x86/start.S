/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * x86 start: every CPU of the cell enters at guest-physical 0 in 16-bit
 * real mode with CS base 0, all of them at cell start and the others
 * again on STARTUP with vector 0, see Documentation/inmate-interface.md.
 * We go to 32-bit flat protected mode and, in the 64-bit build, on to
 * long mode with the first 4 GiB identity-mapped. The CPU whose APIC
 * base says bootstrap processor takes the boot path. Another one that
 * comes before smp.c called for it only counts itself and halts, with no
 * stack (the boot path is clearing .bss meanwhile); INIT and STARTUP
 * bring it back. The flags live in .data so that reloading the image
 * resets them.
 */

#define X86_CR0_PE	0x00000001
#define X86_CR0_PG	0x80000000
#define X86_CR0_CACHE	0x60000000	/* CD | NW */
#define X86_CR4_PAE	0x00000020
#define MSR_EFER	0xc0000080
#define EFER_LME	0x00000100
#define MSR_MTRR_DEF	0x000002ff
#define MSR_APIC_BASE	0x0000001b
#define APIC_BASE_BSP	0x00000100
/* MTRRs on, default memory type write-back; reset leaves memory uncached. */
#define MTRR_DEF_WB_ON	0x00000806

#define SEL_CODE32	0x08
#define SEL_DATA	0x10
#define SEL_CODE64	0x18

#define STACK_SIZE	0x2000
#define MAX_APS		15

	.section .boot, "ax"
	.code16
	.globl __reset_entry
__reset_entry:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	lgdtl	gdt_desc
	mov	%cr0, %eax
	and	$~X86_CR0_CACHE, %eax
	or	$X86_CR0_PE, %eax
	mov	%eax, %cr0
	ljmpl	$SEL_CODE32, $start32

	.code32
start32:
	mov	$SEL_DATA, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	mov	%eax, %fs
	mov	%eax, %gs
	cld

	mov	$MSR_MTRR_DEF, %ecx
	mov	$MTRR_DEF_WB_ON, %eax
	xor	%edx, %edx
	wrmsr

	mov	$MSR_APIC_BASE, %ecx
	rdmsr
	test	$APIC_BASE_BSP, %eax
	jnz	bsp_start32
	cmpl	$0, smp_aps_called
	jne	ap_start32
	lock incl smp_aps_parked
	jmp	stop32

bsp_start32:

	mov	$__bss_start, %edi
	mov	$__bss_end, %ecx
	sub	%edi, %ecx
	xor	%eax, %eax
	rep stosb
	mov	$(bsp_stack + STACK_SIZE), %esp

#ifdef __x86_64__
	call	build_page_tables
	mov	$inmate_start, %ebx
	jmp	enter_long_mode
#else
	call	inmate_start
	jmp	stop32
#endif

ap_start32:
	/* APs may arrive together: each takes its own stack slot. */
	mov	$1, %eax
	lock xadd %eax, ap_slots
	cmp	$MAX_APS, %eax
	jae	stop32
	inc	%eax
	imul	$STACK_SIZE, %eax, %esp
	add	$(ap_stacks), %esp
#ifdef __x86_64__
	mov	$ap_start, %ebx
	jmp	enter_long_mode
#else
	call	ap_start
#endif

stop32:
	cli
	hlt
	jmp	stop32

#ifdef __x86_64__
/* 2 MiB pages for 0..4 GiB; the top GiB (APIC, IOAPIC, PCI) uncached. */
build_page_tables:
	mov	$page_tables, %edi
	lea	0x1003(%edi), %eax
	mov	%eax, (%edi)
	lea	0x1000(%edi), %edi
	lea	0x1003(%edi), %eax
	mov	$4, %ecx
1:	mov	%eax, (%edi)
	add	$0x1000, %eax
	add	$8, %edi
	loop	1b

	mov	$(page_tables + 0x2000), %edi
	mov	$0x83, %eax			/* present, writable, 2 MiB */
	xor	%ecx, %ecx
2:	mov	%eax, (%edi,%ecx,8)
	cmp	$1536, %ecx
	jb	3f
	orl	$0x18, (%edi,%ecx,8)		/* PWT | PCD */
3:	add	$0x200000, %eax
	inc	%ecx
	cmp	$2048, %ecx
	jb	2b
	ret

/* Entered with the 64-bit entry point in %ebx and the stack set. */
enter_long_mode:
	mov	%cr4, %eax
	or	$X86_CR4_PAE, %eax
	mov	%eax, %cr4
	mov	$page_tables, %eax
	mov	%eax, %cr3
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$EFER_LME, %eax
	wrmsr
	mov	%cr0, %eax
	or	$X86_CR0_PG, %eax
	mov	%eax, %cr0
	ljmp	$SEL_CODE64, $start64

	.code64
start64:
	/* Zero-extend: the upper halves are undefined after the switch. */
	mov	%esp, %esp
	mov	%ebx, %ebx
	call	*%rbx
1:	cli
	hlt
	jmp	1b
#endif

	.section .rodata.boot, "a"
	.balign 8
gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* 32-bit code, flat */
	.quad	0x00cf92000000ffff	/* data, flat */
	.quad	0x00af9a000000ffff	/* 64-bit code */
gdt_end:
	.balign 8
	.globl gdt_desc
gdt_desc:
	.word	gdt_end - gdt - 1
	.long	gdt
	.long	0

	.data
	.balign 4
	.globl smp_aps_called, smp_aps_parked
smp_aps_called:
	.long	0
smp_aps_parked:
	.long	0
ap_slots:
	.long	0

	.bss
	.balign 4096
#ifdef __x86_64__
page_tables:
	.fill	6 * 4096, 1, 0
#endif
bsp_stack:
	.fill	STACK_SIZE, 1, 0
ap_stacks:
	.fill	(MAX_APS + 1) * STACK_SIZE, 1, 0
