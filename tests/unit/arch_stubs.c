// SPDX-License-Identifier: GPL-2.0
/* Host doubles of the arch_* interface (hypervisor/include/core/arch.h). */
#include <string.h>

#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/percpu.h>

#include "arch_stubs.h"

const u8 arch_config_architecture = JAILHOUSE_X86;
/* Never dereferenced: the remap pool only hands out addresses. */
const unsigned long arch_remap_base = 0xffffff0000000000UL;
const struct jailhouse_console *dbg_console;

char dbg_output[8192];
size_t dbg_output_len;

void dbg_output_reset(void)
{
	dbg_output_len = 0;
	dbg_output[0] = '\0';
}

void arch_dbg_write(const char *s, size_t len)
{
	if (len > sizeof(dbg_output) - 1 - dbg_output_len)
		len = sizeof(dbg_output) - 1 - dbg_output_len;
	memcpy(dbg_output + dbg_output_len, s, len);
	dbg_output_len += len;
	dbg_output[dbg_output_len] = '\0';
}

void arch_dbg_init(const struct jailhouse_console *con)
{
	dbg_console = con;
}

unsigned int arch_init_early_calls;
unsigned int arch_cell_init_calls;
unsigned int arch_init_late_calls;
unsigned long arch_cpu_init_mask;
unsigned long arch_cpu_restore_mask;
int arch_cpu_init_fail_cpu = -1;

int arch_init_early(void)
{
	__atomic_add_fetch(&arch_init_early_calls, 1, __ATOMIC_RELAXED);
	return 0;
}

int arch_cell_init(struct cell *cell)
{
	(void)cell;
	__atomic_add_fetch(&arch_cell_init_calls, 1, __ATOMIC_RELAXED);
	return 0;
}

int arch_cpu_init(struct per_cpu *cpu)
{
	__atomic_or_fetch(&arch_cpu_init_mask, 1UL << cpu->cpu_id,
			  __ATOMIC_RELAXED);
	return (int)cpu->cpu_id == arch_cpu_init_fail_cpu ? -EIO : 0;
}

void arch_cpu_restore(struct per_cpu *cpu)
{
	__atomic_or_fetch(&arch_cpu_restore_mask, 1UL << cpu->cpu_id,
			  __ATOMIC_RELAXED);
}

int arch_init_late(void)
{
	__atomic_add_fetch(&arch_init_late_calls, 1, __ATOMIC_RELAXED);
	return 0;
}
