/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Layout of every hypervisor image: linked at HV_BASE (the arch's link
 * address, given by the Makefile), starting with the image header. The
 * output format is the linker's default, i.e. the target of the (cross)
 * toolchain. Zero-initialised data stays inside .data so that the file
 * carries it: all CPUs run at once from the first instruction and nobody
 * could clear a .bss race-free.
 */
#define PAGE_SIZE	4096

ENTRY(arch_entry)

SECTIONS
{
	. = HV_BASE;
	__image_start = .;

	.header : { KEEP(*(.header)) }

	.text : { *(.text .text.*) }

	.rodata : { *(.rodata .rodata.*) }

	/* The units (core/unit.h), in link order. */
	. = ALIGN(8);
	units : {
		__start_units = .;
		KEEP(*(units))
		__stop_units = .;
	}

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
