/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The whole interface from the core to architecture code. Each arch
 * provides these functions under hypervisor/arch/<arch>/; the core never
 * includes anything from there. Host unit tests provide stubs.
 */
#ifndef _CORE_ARCH_H
#define _CORE_ARCH_H

#include <core/types.h>

struct cell;
struct jailhouse_console;
struct per_cpu;

/* JAILHOUSE_X86/ARM/ARM64: the architecture byte configs must carry. */
extern const u8 arch_config_architecture;

/*
 * Virtual address of the remap pool's window (REMAP_POOL_PAGES pages)
 * in the hypervisor's address space; the arch keeps it free.
 */
extern const unsigned long arch_remap_base;

/*
 * Prepare the debug console the system config describes (driver chosen
 * by its type). Unknown or absent consoles make arch_dbg_write a no-op.
 */
void arch_dbg_init(const struct jailhouse_console *con);

/*
 * Write len bytes to the debug console given by the system config (the
 * arch picks the UART driver). "\n" is a line end; the driver adds "\r"
 * where the device needs it. Called with the printk lock held.
 */
void arch_dbg_write(const char *s, size_t len);

/*
 * Global arch setup on the first CPU, after the pools exist: the
 * hypervisor's own address space, checks of the CPU's virtualization
 * support (-ENODEV without it).
 */
int arch_init_early(void);

/* Arch state of a cell from its config (second-stage tables etc.). */
int arch_cell_init(struct cell *cell);

/*
 * Take over this CPU from Linux: save its state, switch to the
 * hypervisor's tables, enable virtualization and prepare the guest that
 * continues Linux. Runs on every CPU, after arch_init_early.
 */
int arch_cpu_init(struct per_cpu *cpu);

/*
 * Undo arch_cpu_init, however far it got, when setup fails anywhere: the
 * CPU returns to Linux with the error.
 */
void arch_cpu_restore(struct per_cpu *cpu);

/* Global arch setup on the last CPU, after every CPU is initialized. */
int arch_init_late(void);

#endif /* _CORE_ARCH_H */
