// SPDX-License-Identifier: GPL-2.0
/* x86 answers to the core's questions about the architecture. */
#include <jailhouse/cell-config.h>
#include <core/arch.h>

const u8 arch_config_architecture = JAILHOUSE_X86;

/* A PML4 slot of its own, far from the image at JAILHOUSE_BASE. */
const unsigned long arch_remap_base = 0xffffff0000000000UL;
