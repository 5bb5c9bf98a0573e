// SPDX-License-Identifier: GPL-2.0
/*
 * What <arm-common/subarch.h> asks of AArch64 beyond its headers, entry
 * code (entry.S) and CPU setup (setup.c): the per-CPU pointer, the SMC
 * conduit, skipping a trapped instruction, the register dump of a fatal
 * report.
 */
#include <core/percpu.h>
#include <core/printk.h>
#include <arm-common/psr.h>
#include <arm-common/subarch.h>
#include <arm-common/syndrome.h>
#include <arm-common/traps.h>

struct per_cpu *this_cpu(void)
{
	return (struct per_cpu *)read_sysreg(tpidr_el2);
}

long arm_smc(unsigned long fid, unsigned long a1, unsigned long a2,
	     unsigned long a3)
{
	register unsigned long x0 asm("x0") = fid;
	register unsigned long x1 asm("x1") = a1;
	register unsigned long x2 asm("x2") = a2;
	register unsigned long x3 asm("x3") = a3;

	asm volatile("smc #0"
		     : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
		     : : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
		       "x12", "x13", "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}

/*
 * AArch64 instructions are 4 bytes. An AArch32 guest's may be 2 (IL
 * clear), and one inside an IT block moves the block on.
 */
void arm_skip_instruction(const struct arm_trap *t)
{
	unsigned long spsr = read_sysreg(spsr_el2);
	unsigned long len = 4;

	if (spsr & PSR_AARCH32) {
		if (!(t->syndrome & ESR_IL))
			len = 2;
		if (spsr & PSR_T_BIT)
			write_sysreg(spsr_el2, psr_it_advance(spsr));
	}
	write_sysreg(elr_el2, read_sysreg(elr_el2) + len);
}

void arm_dump_trap_regs(void)
{
	printk("  ESR 0x%lx FAR 0x%lx HPFAR 0x%lx ELR 0x%lx SPSR 0x%lx\n",
	       read_sysreg(esr_el2), read_sysreg(far_el2),
	       read_sysreg(hpfar_el2), read_sysreg(elr_el2),
	       read_sysreg(spsr_el2));
}
