/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stockade `jailhouse` tool: where `cell linux` puts the loader, the
 * kernel, the device tree and the initrd in the cell (linux_layout.c).
 */
#ifndef _JAILHOUSE_CLI_LINUX_LAYOUT_H
#define _JAILHOUSE_CLI_LINUX_LAYOUT_H

#include <jailhouse/cell-config.h>

#include "cli.h"

/* What the arm64 kernel's Image header says (its boot protocol). */
struct jh_kernel_image {
	uint64_t text_offset;	/* from a 2 MiB aligned base */
	uint64_t image_size;	/* memory it needs, .bss included */
};

/* Guest-physical addresses in the cell. */
struct jh_linux_layout {
	uint64_t loader, params, kernel, dtb, initrd;
	const struct jailhouse_memory *ram;	/* holds kernel .. initrd */
};

#define JH_LINUX_PARAMS_OFFSET	0x1000	/* the loader's command line */

/* Reads the Image header; a sentence on stderr and EXIT_FAIL if it is
 * none. */
int jh_kernel_image_parse(const char *path, const struct jh_blob *kernel,
			  struct jh_kernel_image *image);

bool jh_is_cell_ram(const struct jailhouse_memory *mem);

/* Places everything; dtb_size is the edited blob's final size. A
 * sentence on stderr and EXIT_FAIL when the cell has no room. */
int jh_linux_layout(const struct jailhouse_cell_desc *cell,
		    const struct jh_kernel_image *image, uint64_t dtb_size,
		    uint64_t initrd_size, struct jh_linux_layout *layout);

#endif /* !_JAILHOUSE_CLI_LINUX_LAYOUT_H */
