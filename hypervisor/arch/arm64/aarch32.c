// SPDX-License-Identifier: GPL-2.0
/*
 * AArch32 cells (JAILHOUSE_CELL_AARCH32): EL1 of their CPUs runs
 * AArch32 (HCR_EL2.RW clear) and starts as an ARMv7 cell does, so that
 * the images built for ARMv7 run unchanged. Refused where a CPU of the
 * cell has no AArch32 at EL1. The root cell always runs AArch64 (Linux came that way).
 */
#include <jailhouse/cell-config.h>
#include <core/bitmap.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <arm-common/psr.h>
#include <arm-common/subarch.h>
#include <asm/aarch32.h>
#include <asm/setup.h>

static bool cell_is_aarch32(const struct cell *cell)
{
	return cell != &root_cell &&
		(cell->config->flags & JAILHOUSE_CELL_AARCH32);
}

/* HCR_EL2 for cell: Linux's has RW set, which only AArch32 cells clear. */
unsigned long arm64_cell_hcr(const struct cell *cell, unsigned long hcr)
{
	return cell_is_aarch32(cell) ? hcr & ~HCR_RW : hcr | HCR_RW;
}

/*
 * CPUs that can run AArch32 at EL1, each noted by itself at start: on a
 * big.LITTLE system they may differ, and a cell is checked CPU by CPU.
 */
static unsigned long el1_aarch32_cpus[BITMAP_WORDS(MAX_CPUS)];

void aarch32_note_cpu(unsigned int cpu_id)
{
	if (aarch32_el1_supported(read_sysreg(id_aa64pfr0_el1)))
		bitmap_set_bit(el1_aarch32_cpus, cpu_id);
}

int arm_cell_check_state(const struct cell *cell)
{
	unsigned int cpu;

	if (!cell_is_aarch32(cell))
		return 0;
	for_each_cpu_of(cpu, cell) {
		if (bitmap_test(el1_aarch32_cpus, cpu))
			continue;
		printk("Cell \"%s\": JAILHOUSE_CELL_AARCH32 refused, CPU %u "
		       "has no AArch32 at EL1\n", cell->config->name, cpu);
		return -EINVAL;
	}
	return 0;
}

/*
 * EL1 state at the entry of a cell CPU: AArch64 EL1h, or for AArch32
 * cells SVC mode in ARM or Thumb state (bit 0 of entry, as for a BX).
 */
void arm64_set_guest_entry(const struct cell *cell, unsigned long entry)
{
	unsigned long spsr = SPSR_EL1H_MASKED;
	unsigned long sctlr = SCTLR_EL1_RESET;

	if (cell_is_aarch32(cell)) {
		spsr = AARCH32_START_PSR | ((entry & 1) ? PSR_T_BIT : 0);
		sctlr = AARCH32_SCTLR_RESET;
		entry &= ~1UL;
	}
	write_sysreg(sctlr_el1, sctlr);
	write_sysreg(elr_el2, entry);
	write_sysreg(spsr_el2, spsr);
}
