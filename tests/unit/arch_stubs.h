/* SPDX-License-Identifier: GPL-2.0 */
/* The arch functions the core calls, as host test doubles. */
#ifndef _ARCH_STUBS_H
#define _ARCH_STUBS_H

#include <stddef.h>

struct cell;
struct jailhouse_console;

/* What arch_dbg_init was last given. */
extern const struct jailhouse_console *dbg_console;

/* Everything arch_dbg_write received since the last reset, NUL-ended. */
extern char dbg_output[8192];
extern size_t dbg_output_len;

void dbg_output_reset(void);

/* Calls of the setup hooks; CPUs as bit masks of their ids. */
extern unsigned int arch_init_early_calls;
extern unsigned int arch_cell_init_calls;
extern unsigned int arch_init_late_calls;
extern unsigned long arch_cpu_init_mask;
extern unsigned long arch_cpu_restore_mask;
/* arch_cpu_init fails with -EIO on this CPU; -1: on none. */
extern int arch_cpu_init_fail_cpu;

/* Fake physical memory the cell management stubs "map". */
#define FAKE_PHYS_BASE		0x100000UL
#define FAKE_PHYS_SIZE		0x10000UL
extern unsigned char fake_phys[FAKE_PHYS_SIZE];
extern unsigned int arch_cell_create_calls, arch_cell_destroy_calls;
extern unsigned int arch_map_calls, arch_unmap_calls;
/*
 * The root cell's map and unmap calls since root_ops_len was last set to
 * 0 (the first ROOT_OPS_MAX of them): what the root gains and loses.
 */
struct root_op {
	int map;
	unsigned long long phys, virt, size;
};
#define ROOT_OPS_MAX		256
extern struct root_op root_ops[ROOT_OPS_MAX];
extern unsigned int root_ops_len;
/*
 * arch_map_device_hv calls; such a mapping copies fake_phys in and, at
 * arch_unmap_hv, back out (one mapping at a time).
 */
extern unsigned int arch_map_device_calls;
/* arch_flush_cell_memory: calls, and the cell's state at the last one. */
extern unsigned int arch_flush_calls;
extern u32 arch_flush_seen_state;
extern unsigned long arch_park_mask, arch_reset_mask, arch_ipi_mask;
/* arch_send_msi: the first ARCH_MSI_LOG calls, and how many in all. */
struct msi_call {
	const struct cell *cell;
	u64 address;
	u32 data;
};
#define ARCH_MSI_LOG		8
/* arch_msi_confined: true for this address, a vector >= 16, one vector. */
extern u64 arch_msi_confined_address;
extern unsigned int arch_msi_confined_calls;
/* arch_msi_remap: with this set, address 0xfee00010 | vector << 5, data 0. */
extern bool arch_msi_remapping;
/* arch_msi_root_checked's answer (false: the root's MSI passes). */
extern bool arch_msi_root_check;
extern struct msi_call arch_msi_calls[ARCH_MSI_LOG];
extern unsigned int arch_msi_count;
/* arch_vpci_intx answers this; arch_send_intx: the last call, and count. */
extern bool arch_intx_supported;
extern const struct cell *arch_intx_cell;
extern unsigned int arch_intx_pin, arch_intx_count;

/* arch_cpu_wait calls. */
extern unsigned int arch_wait_calls;

/*
 * ARM: device windows hv_map_device() hands out, found by physical base
 * (the size asked for must fit); anything else is "unmappable" (NULL).
 */
struct fake_device {
	u64 phys;
	u64 size;
	void *mem;
};
#define NUM_FAKE_DEVICES	4
extern struct fake_device fake_devices[NUM_FAKE_DEVICES];

/*
 * The clock: each reading advances it by fake_time_step_ns, as if time
 * passed while the core polls (0 stops it; tests move fake_time_ns).
 */
extern u64 fake_time_ns, fake_time_step_ns;

/* CPUs (bit mask) that left the hypervisor and no longer answer kicks. */
extern unsigned long arch_gone_mask;

/*
 * CPUs (bit mask) that, once resumed, take their requests only at the
 * arch_slow_delay-th clock reading after the kick, as a CPU still on its
 * way into the hypervisor would.
 */
extern unsigned long arch_slow_mask;
extern unsigned int arch_slow_delay;

/* ARM: this_cpu() is per_cpu(this_cpu_id). */
extern unsigned int this_cpu_id;

#endif /* _ARCH_STUBS_H */
