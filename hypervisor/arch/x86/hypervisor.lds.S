/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Layout of the x86 image. It is linked at JAILHOUSE_BASE (HV_BASE, given
 * by the Makefile) and starts with the image header. Zero-initialised data
 * stays inside .data so that the file carries it: every CPU runs at once
 * from the first instruction and nobody could clear a .bss race-free.
 */
#define PAGE_SIZE	4096

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(arch_entry)

SECTIONS
{
	. = HV_BASE;
	__image_start = .;

	.header : { KEEP(*(.header)) }

	.text : { *(.text .text.*) }

	.rodata : { *(.rodata .rodata.*) }

	. = ALIGN(PAGE_SIZE);
	.data : {
		*(.data .data.*)
		*(.bss .bss.*)
		*(COMMON)
	}

	/* The console ring gets a page of its own for the driver to map. */
	. = ALIGN(PAGE_SIZE);
	__console_start = .;
	.console : { KEEP(*(.console)) }
	. = ALIGN(PAGE_SIZE);

	__image_end = .;

	/DISCARD/ : {
		*(.eh_frame*)
		*(.note.*)
		*(.comment)
	}
}

__core_size = __image_end - __image_start;
__entry_offset = arch_entry - __image_start;
__console_offset = __console_start - __image_start;
