/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The image as a whole: its header, the layout of the hypervisor memory
 * region, and the entry every CPU takes.
 *
 * Region layout (hypervisor-interface.md): image (core_size), then
 * max_cpus per-CPU areas, then the system config, then the page pool.
 */
#ifndef _CORE_HYPERVISOR_H
#define _CORE_HYPERVISOR_H

#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <core/types.h>

#define HYPERVISOR_VERSION	"v0.1"

extern struct jailhouse_header hypervisor_header;

/* Values the linker script computes. */
extern char __image_start[];
extern const char __core_size[];
extern const char __entry_offset[];
extern const char __console_offset[];

/*
 * The per-CPU entry, called by the arch entry code with the CPU id the
 * driver passed. All CPUs come in at once; all return the same value.
 */
int entry(unsigned int cpu_id);

/* The system config copy the driver placed behind the per-CPU areas. */
const struct jailhouse_system *system_config_location(void);

#endif /* _CORE_HYPERVISOR_H */
