/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-only firmware for plain QEMU q35 (-bios, 64 KiB): stands in for
 * the hypervisor's cell start. It does what firmware would have done for
 * the inmate (ACPI PM timer at port 0x608, as SeaBIOS sets it up) and
 * then enters the image that -device loader put at 0 the way a cell's
 * first CPU starts: real mode, CS base 0, IP 0.
 */

#define PCI_ADDR	0xcf8
#define PCI_DATA	0xcfc
/* ICH9 LPC bridge 00:1f.0: PMBASE (0x40) and ACPI_CNTL (0x44). */
#define LPC_PMBASE	0x8000f840
#define LPC_ACPI_CNTL	0x8000f844
#define PM_BASE		0x600
#define ACPI_EN		0x80

	.code16
	.text
	.org	0xff00
shim:
	cli
	mov	$LPC_PMBASE, %eax
	mov	$PCI_ADDR, %dx
	out	%eax, %dx
	mov	$PM_BASE, %eax
	mov	$PCI_DATA, %dx
	out	%eax, %dx

	mov	$LPC_ACPI_CNTL, %eax
	mov	$PCI_ADDR, %dx
	out	%eax, %dx
	mov	$ACPI_EN, %al
	mov	$PCI_DATA, %dx
	out	%al, %dx

	ljmp	$0, $0

	/* The reset vector: CS base 0xffff0000, IP 0xfff0. */
	.org	0xfff0
	jmp	shim
	.org	0x10000
