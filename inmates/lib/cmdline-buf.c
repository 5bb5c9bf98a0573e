// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The command-line page. The linker script places section .cmdline at
 * image offset 0x1000 and keeps the whole page in the image, zero-filled,
 * so that `jailhouse cell load CELL img.bin -s "..." -a 0x1000` can write
 * a string there after the image without touching code.
 */
#include <inmate.h>

static char cmdline_page[4096] __attribute__((section(".cmdline"), used));

const char *inmate_cmdline = cmdline_page;
