// SPDX-License-Identifier: GPL-2.0
/*
 * What <arm-common/subarch.h> asks of ARMv7 in C that needs no entry
 * code: the per-CPU pointer, the SMC conduit, skipping a trapped
 * instruction (ARM or Thumb, IT blocks), the register line of a fatal
 * report, and the guest registers its mode banks. Entering and leaving
 * guests and starting CPUs are in entry.S and setup.c.
 */
#include <core/percpu.h>
#include <core/printk.h>
#include <arm-common/psr.h>
#include <arm-common/subarch.h>
#include <arm-common/syndrome.h>
#include <arm-common/traps.h>

#define banked_read(reg) ({						\
	unsigned long __v;						\
	asm volatile("mrs %0, " #reg : "=r" (__v));			\
	__v;								\
})

#define banked_write(reg, val)						\
	asm volatile("msr " #reg ", %0" : : "r" ((unsigned long)(val)))

/*
 * HYP mode reaches its own SPSR only as "the current SPSR": the banked
 * form (SPSR_hyp) is UNDEFINED there. ELR_hyp has no such restriction.
 */
static u32 read_spsr(void)
{
	u32 v;

	asm volatile("mrs %0, spsr" : "=r" (v));
	return v;
}

static void write_spsr(u32 v)
{
	asm volatile("msr spsr_cxsf, %0" : : "r" (v));
}

struct per_cpu *this_cpu(void)
{
	return (struct per_cpu *)(unsigned long)sysreg_read(HTPIDR);
}

long arm_smc(unsigned long fid, unsigned long a1, unsigned long a2,
	     unsigned long a3)
{
	register unsigned long r0 asm("r0") = fid;
	register unsigned long r1 asm("r1") = a1;
	register unsigned long r2 asm("r2") = a2;
	register unsigned long r3 asm("r3") = a3;

	asm volatile(".arch_extension sec\n\t"
		     "smc #0"
		     : "+r" (r0), "+r" (r1), "+r" (r2), "+r" (r3)
		     : : "memory");
	return (long)r0;
}

/* 2 or 4 bytes by the IL bit; an instruction in an IT block moves it on. */
void arm_skip_instruction(const struct arm_trap *t)
{
	u32 spsr = read_spsr();
	unsigned long elr = banked_read(ELR_hyp);

	if (spsr & PSR_T_BIT)
		write_spsr(psr_it_advance(spsr));
	banked_write(ELR_hyp, elr + ((t->syndrome & ESR_IL) ? 4 : 2));
}

void arm_dump_trap_regs(void)
{
	printk("  HSR 0x%x HDFAR 0x%x HPFAR 0x%x ELR 0x%lx SPSR 0x%x\n",
	       sysreg_read(HSR), sysreg_read(HDFAR), sysreg_read(HPFAR),
	       banked_read(ELR_hyp), read_spsr());
}

static unsigned long read_sp(u32 mode)
{
	switch (mode) {
	case PSR_MODE_FIQ: return banked_read(SP_fiq);
	case PSR_MODE_IRQ: return banked_read(SP_irq);
	case PSR_MODE_SVC: return banked_read(SP_svc);
	case PSR_MODE_ABT: return banked_read(SP_abt);
	case PSR_MODE_UND: return banked_read(SP_und);
	default: return banked_read(SP_usr);
	}
}

static unsigned long read_lr(const struct trap_frame *f, u32 mode)
{
	switch (mode) {
	case PSR_MODE_FIQ: return banked_read(LR_fiq);
	case PSR_MODE_IRQ: return banked_read(LR_irq);
	case PSR_MODE_SVC: return banked_read(LR_svc);
	case PSR_MODE_ABT: return banked_read(LR_abt);
	case PSR_MODE_UND: return banked_read(LR_und);
	default: return f->lr_usr;
	}
}

static unsigned long read_fiq_high(unsigned int n)
{
	switch (n) {
	case 8: return banked_read(R8_fiq);
	case 9: return banked_read(R9_fiq);
	case 10: return banked_read(R10_fiq);
	case 11: return banked_read(R11_fiq);
	default: return banked_read(R12_fiq);
	}
}

unsigned long arm_guest_reg(const struct trap_frame *f, unsigned int n)
{
	u32 mode = read_spsr() & PSR_MODE_MASK;

	if (n < 13)
		return mode == PSR_MODE_FIQ ? read_fiq_high(n) : f->r[n];
	if (n == 13)
		return read_sp(mode);
	return n == 14 ? read_lr(f, mode) : 0;
}

static void write_sp(u32 mode, unsigned long val)
{
	switch (mode) {
	case PSR_MODE_FIQ: banked_write(SP_fiq, val); break;
	case PSR_MODE_IRQ: banked_write(SP_irq, val); break;
	case PSR_MODE_SVC: banked_write(SP_svc, val); break;
	case PSR_MODE_ABT: banked_write(SP_abt, val); break;
	case PSR_MODE_UND: banked_write(SP_und, val); break;
	default: banked_write(SP_usr, val); break;
	}
}

static void write_lr(struct trap_frame *f, u32 mode, unsigned long val)
{
	switch (mode) {
	case PSR_MODE_FIQ: banked_write(LR_fiq, val); break;
	case PSR_MODE_IRQ: banked_write(LR_irq, val); break;
	case PSR_MODE_SVC: banked_write(LR_svc, val); break;
	case PSR_MODE_ABT: banked_write(LR_abt, val); break;
	case PSR_MODE_UND: banked_write(LR_und, val); break;
	default: f->lr_usr = val; break;
	}
}

static void write_fiq_high(unsigned int n, unsigned long val)
{
	switch (n) {
	case 8: banked_write(R8_fiq, val); break;
	case 9: banked_write(R9_fiq, val); break;
	case 10: banked_write(R10_fiq, val); break;
	case 11: banked_write(R11_fiq, val); break;
	default: banked_write(R12_fiq, val); break;
	}
}

void arm_guest_set_reg(struct trap_frame *f, unsigned int n,
		       unsigned long val)
{
	u32 mode = read_spsr() & PSR_MODE_MASK;

	if (n < 13) {
		if (mode == PSR_MODE_FIQ)
			write_fiq_high(n, val);
		else
			f->r[n] = val;
	} else if (n == 13) {
		write_sp(mode, val);
	} else if (n == 14) {
		write_lr(f, mode, val);
	}
}
